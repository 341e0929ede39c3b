"""The date index becomes (year, month, posted, id), the order the drill-down's pages now ask for.

Within one year (month, posted) orders as posted does; the pages say it so that this index and the
drill index give the order themselves (docs/decisions.md, 24).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workflow", "0004_drop_ledger_leaf_index")]
    operations = [
        migrations.RunSQL(
            [
                "DROP INDEX IF EXISTS workflow_ledger_posted",
                "CREATE INDEX workflow_ledger_posted ON toteuma_ledgerline (year, month, posted, id)",
            ],
            [
                "DROP INDEX IF EXISTS workflow_ledger_posted",
                "CREATE INDEX workflow_ledger_posted ON toteuma_ledgerline (year, posted, id)",
            ],
        ),
    ]
