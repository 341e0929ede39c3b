"""The dashboard's Django application: its start-up checks are registered when it is ready."""

from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "toteuma.web"
    label = "web"

    def ready(self) -> None:
        from toteuma.web import checks  # noqa: F401  # registers the checks
