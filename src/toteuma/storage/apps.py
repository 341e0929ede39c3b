"""The Django app that holds toteuma's tables; its label `toteuma` prefixes every table name."""

from django.apps import AppConfig


class StorageConfig(AppConfig):
    name = "toteuma.storage"
    label = "toteuma"
    verbose_name = "Toteuma"
    default_auto_field = "django.db.models.BigAutoField"
