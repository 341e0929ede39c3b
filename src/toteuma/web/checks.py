"""Start-up checks: the pages' scripts are there to serve (the charts' vega files, the site's own).

E001 (every `manage.py` command that checks): a script is missing from the package. E002 (`check
--deploy`): a script was not collected for the production storage, which would make every chart page
answer 500. The WSGI application runs both before it serves anything, so gunicorn refuses to start
with the message instead.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import CheckMessage, Error, register

# What every dashboard page with a chart loads (templates/web/_vega.html).
SCRIPTS = (
    "vendor/vega/vega.min.js",
    "vendor/vega-lite/vega-lite.min.js",
    "vendor/vega-embed/vega-embed.min.js",
    "web/charts.js",
)
TAG = "toteuma-static"


@register(TAG)
def static_files(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E001: a script is not in the installed package (or the checkout)."""
    return [
        Error(
            f"The static file {path!r} is missing from the installed package.",
            hint="Reinstall toteuma; in a checkout, `make vendor-js` copies vega from npm.",
            id="toteuma.E001",
        )
        for path in SCRIPTS
        if not finders.find(path)
    ]


@register(TAG, deploy=True)
def collected_files(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E002: a script is not in the collected files a manifest storage (production) serves."""
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        return []
    return [
        Error(
            f"The static file {path!r} has not been collected into {settings.STATIC_ROOT}.",
            hint="Run `manage.py collectstatic --noinput` with these settings (docs/deploy.md).",
            id="toteuma.E002",
        )
        for path in SCRIPTS
        if finders.find(path) and not _collected(path)
    ]


def _collected(path: str) -> bool:
    storage: Any = staticfiles_storage  # a ManifestFilesMixin here (checked by the caller)
    try:
        storage.stored_name(path)
    except ValueError:  # not in the manifest (or no manifest at all)
        return False
    return True
