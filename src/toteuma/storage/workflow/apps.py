"""The Django app of the web's own tables: users' roles, commentary and goal drafts, the audit log."""

from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "toteuma.storage.workflow"
    label = "workflow"
    verbose_name = "toteuma workflow"
    default_auto_field = "django.db.models.BigAutoField"
