"""Benchmark data for the dashboard: the reference example plus a synthetic ledger of N lines on PostgreSQL.

The lines are generated inside the database (generate_series) and their monthly balances and the
batch's own sums added as an import adds them, so the pages read exactly the tables they read in
production.
"""

from __future__ import annotations

import os
import time
from typing import Any


def _sql(statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return list(cursor.fetchall()) if cursor.description else []


def ensure_data(lines: int) -> None:
    """The example imported once, the demo users, and synthetic lines up to `lines` in total."""
    from toteuma import services, storage
    from toteuma.services.demo import add_demo_users, import_example

    services.init()
    if not storage.batches():
        import_example()
    add_demo_users()
    have = int(_sql("SELECT count(*) FROM toteuma_ledgerline")[0][0])
    if have >= lines:
        print(f"ledger already holds {have} lines")
        return
    started = time.monotonic()
    _generate(lines - have)
    print(f"generated {lines - have} lines in {time.monotonic() - started:.0f} s")


def _generate(count: int) -> None:
    from django.db import transaction

    from toteuma.storage.models import ImportBatch

    with transaction.atomic():
        batch = ImportBatch.objects.create(kind="ledger", file_name="bench", sha256=os.urandom(32).hex())
        units = [row[0] for row in _sql("SELECT id FROM toteuma_unit WHERE kind = 'kustannuspaikka'")]
        accounts = [row[0] for row in _sql("SELECT DISTINCT account FROM toteuma_ledgerline")]
        _sql(
            """
            INSERT INTO toteuma_ledgerline
                (batch_id, posted, year, month, document, account, unit_id, project, amount_cents, text)
            SELECT %s, make_date(2024, 1, 1) + d, 2024, extract(month FROM make_date(2024, 1, 1) + d),
                   'B' || g, (%s::int[])[1 + a %% %s], (%s::bigint[])[1 + u %% %s], '', 100 + g %% 99900,
                   'synteettinen rivi ' || g
            FROM (
                -- Hashes spread the lines over dates, accounts and cost centers independently,
                -- as in a real ledger; plain remainders of g would tie accounts to dates.
                SELECT g, abs(hashint4(g)) %% 91 AS d, abs(hashint4(g + 1)) AS a, abs(hashint4(g + 2)) AS u
                FROM generate_series(1, %s) AS g
            ) AS spread
            """,
            (batch.id, accounts, len(accounts), units, len(units), count),
        )
        _sql(
            """
            INSERT INTO toteuma_monthlybalance (unit_id, year, month, account, amount_cents, line_count)
            SELECT unit_id, year, month, account, sum(amount_cents), count(*)
            FROM toteuma_ledgerline WHERE batch_id = %s GROUP BY unit_id, year, month, account
            ON CONFLICT (unit_id, year, month, account) DO UPDATE SET
                amount_cents = toteuma_monthlybalance.amount_cents + excluded.amount_cents,
                line_count = toteuma_monthlybalance.line_count + excluded.line_count
            """,
            (batch.id,),
        )
        _sql(
            """
            INSERT INTO toteuma_batchbalance
                (batch_id, unit_id, year, month, account, amount_cents, line_count)
            SELECT batch_id, unit_id, year, month, account, sum(amount_cents), count(*)
            FROM toteuma_ledgerline WHERE batch_id = %s GROUP BY batch_id, unit_id, year, month, account
            """,
            (batch.id,),
        )
        ImportBatch.objects.filter(id=batch.id).update(line_count=count)
    _sql("ANALYZE")
