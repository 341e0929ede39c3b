"""The leaf index (unit, account, year, posted, id) goes: storage's drill index serves a leaf's lines.

A leaf (one cost center and account) holds a few thousand lines a year even in a big city's ledger;
reading them by the drill index and sorting them costs milliseconds, while rebuilding this index
after a big load cost 14 s per ten million lines on PostgreSQL (docs/decisions.md, 24).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0003_ledger_posted_index"),
        ("toteuma", "0005_batch_balances_fewer_ledger_indexes"),
    ]
    operations = [
        migrations.RunSQL(
            "DROP INDEX IF EXISTS workflow_ledger_leaf",
            "CREATE INDEX IF NOT EXISTS workflow_ledger_leaf "
            "ON toteuma_ledgerline (unit_id, account, year, posted, id)",
        ),
    ]
