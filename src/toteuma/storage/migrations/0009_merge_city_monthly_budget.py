"""Joins the organisation's closure table (city) and the monthly budget (forecasts), added side by side."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("toteuma", "0008_city_unit_closure"),
        ("toteuma", "0008_monthly_budget"),
    ]

    operations = []
