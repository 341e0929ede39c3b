"""Django settings for the whole project; deployment choices come from TOTEUMA_* environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url

_TRUE = {"1", "true", "yes", "on", "kyllä"}

# SQLite tuned for one writer and several readers: WAL lets the dashboard read while an import writes,
# synchronous=NORMAL is safe under WAL, IMMEDIATE transactions take the write lock at BEGIN so two
# writers queue (`timeout`, seconds) instead of failing with "database is locked" halfway through.
# Django itself switches foreign keys on for every SQLite connection; we say so again for clarity.
SQLITE_OPTIONS: dict[str, Any] = {
    "init_command": (
        "PRAGMA foreign_keys = ON;"
        "PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = NORMAL;"
        "PRAGMA cache_size = -64000;"
        "PRAGMA temp_store = MEMORY"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_env(env: Mapping[str, str], cwd: Path) -> dict[str, Any]:
    """The default database from TOTEUMA_DATABASE_URL, else the SQLite file toteuma.sqlite3 in `cwd`."""
    url = env.get("TOTEUMA_DATABASE_URL", "").strip()
    if not url:
        url = f"sqlite:///{(cwd / 'toteuma.sqlite3').resolve()}"
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Persistent connections buy nothing for a local file and keep WAL files open.
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().casefold() in _TRUE


SECRET_KEY = os.environ.get("TOTEUMA_SECRET_KEY", "django-insecure-toteuma-development-only")
DEBUG = _flag("TOTEUMA_DEBUG")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("TOTEUMA_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "toteuma.storage.apps.StorageConfig",
    "toteuma.storage.workflow.apps.WorkflowConfig",
    "toteuma.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "toteuma.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

ROOT_URLCONF = "toteuma.web.urls"
WSGI_APPLICATION = "toteuma.web.wsgi.application"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "overview"
LOGOUT_REDIRECT_URL = "login"
LOCALE_PATHS = [Path(__file__).resolve().parent / "web" / "locale"]
# The largest file a browser upload may bring (bytes); Django refuses bigger request bodies as well.
UPLOAD_LIMIT = int(os.environ.get("TOTEUMA_UPLOAD_LIMIT", str(50 * 1024 * 1024)))
# Seconds a server process may reuse computed dashboard figures while no import or edit happened (0: off).
CACHE_SECONDS = float(os.environ.get("TOTEUMA_CACHE_SECONDS", "0"))
# E-mail (docs/web.md): printed on the console unless an SMTP host is set; the site's address makes
# the links in the mails absolute.
EMAIL_HOST = os.environ.get("TOTEUMA_SMTP_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("TOTEUMA_SMTP_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("TOTEUMA_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TOTEUMA_SMTP_PASSWORD", "")
EMAIL_USE_TLS = not _flag("TOTEUMA_SMTP_NO_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("TOTEUMA_MAIL_FROM", "toteuma@localhost")
TOTEUMA_SITE_URL = os.environ.get("TOTEUMA_SITE_URL", "")
TOTEUMA_MAIL_LANGUAGE = os.environ.get("TOTEUMA_MAIL_LANGUAGE", "fi")
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

DATABASES = {"default": database_from_env(os.environ, Path.cwd())}
# Ledgers of big cities pass 2**31 rows over the years.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# vega, vega-lite and vega-embed from npm (make deps), served as our own static files: no outside requests.
_NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
STATICFILES_DIRS = [
    (f"vendor/{name}", _NODE_MODULES / name / "build")
    for name in ("vega", "vega-lite", "vega-embed")
    if (_NODE_MODULES / name / "build").is_dir()
]
STATIC_ROOT = os.environ.get("TOTEUMA_STATIC_ROOT") or None
