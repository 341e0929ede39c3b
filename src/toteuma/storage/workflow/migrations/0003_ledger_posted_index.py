"""Indexes for the drill-down's ledger-line pages: lines in date order, of a year and of one leaf.

The page of a whole cell (every account and cost center under a service area's row) would otherwise
sort hundreds of thousands of lines to show fifty; the page of one cost center and account reads its
lines in order straight from the second index. Both are on storage's ledger table; the lead may move
them into `toteuma.storage.models.LedgerLine.Meta.indexes` (docs/decisions.md, 22).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workflow", "0002_audit_append_only"), ("toteuma", "0001_initial")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS workflow_ledger_posted ON toteuma_ledgerline (year, posted, id)",
            "DROP INDEX IF EXISTS workflow_ledger_posted",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS workflow_ledger_leaf "
            "ON toteuma_ledgerline (unit_id, account, year, posted, id)",
            "DROP INDEX IF EXISTS workflow_ledger_leaf",
        ),
    ]
