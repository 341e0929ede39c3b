"""Django settings for the whole project; deployment choices come from TOTEUMA_* environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url

_TRUE = {"1", "true", "yes", "on", "kyllä"}

# Seconds a write waits for another import (or change) to finish before it is refused with a message:
# the SQLite busy timeout and PostgreSQL's wait for the import lock (storage/locks.py).
LOCK_WAIT = int(os.environ.get("TOTEUMA_LOCK_WAIT", "20"))
IMPORT_WAIT = LOCK_WAIT

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
    "timeout": LOCK_WAIT,
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


# TOTEUMA_CACHE_URL: the cache the dashboard's computed figures are shared through by every worker
# (decisions.md, 37). Scheme -> Django's backend; the rest of the address is its LOCATION.
CACHE_SCHEMES = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",  # one process's memory
    "file": "django.core.cache.backends.filebased.FileBasedCache",  # file:///var/lib/toteuma/cache
    "db": "django.core.cache.backends.db.DatabaseCache",  # db://table, after `manage.py createcachetable`
    "redis": "django.core.cache.backends.redis.RedisCache",  # redis://host:6379/0 (pip install redis)
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",  # memcached://host:11211
}


def cache_from_env(env: Mapping[str, str], default: str = "locmem://") -> dict[str, Any]:
    """Django's CACHES from TOTEUMA_CACHE_URL (else `default`); an unknown scheme fails at start."""
    url = env.get("TOTEUMA_CACHE_URL", "").strip() or default
    scheme, _, rest = url.partition("://")
    if scheme not in CACHE_SCHEMES:
        from django.core.exceptions import ImproperlyConfigured

        known = ", ".join(f"{name}://" for name in CACHE_SCHEMES)
        raise ImproperlyConfigured(f"TOTEUMA_CACHE_URL {url!r}: the address must start with one of {known}")
    location = url if scheme.startswith("redis") else rest
    config: dict[str, Any] = {"BACKEND": CACHE_SCHEMES[scheme], "KEY_PREFIX": "toteuma"}
    if location:
        config["LOCATION"] = location
    return {"default": config}


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().casefold() in _TRUE


SECRET_KEY = os.environ.get("TOTEUMA_SECRET_KEY", "django-insecure-toteuma-development-only")
DEBUG = _flag("TOTEUMA_DEBUG")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("TOTEUMA_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

# No Django admin: users are managed with `toteuma user` (audited); decision 27.
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "toteuma.storage.apps.StorageConfig",
    "toteuma.storage.workflow.apps.WorkflowConfig",
    "toteuma.web",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "toteuma.web.errors.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "toteuma.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "toteuma.web.limits.BodyLimitMiddleware",  # before anything reads the body (the CSRF check does)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "toteuma.web.errors.DatabaseFaultMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# Sign-in: a password of at least 12 characters that is not common, not all digits and not like the
# user name; after TOTEUMA_SIGNIN_ATTEMPTS wrong passwords for one user name from one address, that
# pair is locked out for TOTEUMA_SIGNIN_LOCKOUT_MINUTES (django-axes; `toteuma user unlock`).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("TOTEUMA_SIGNIN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("TOTEUMA_SIGNIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_USERNAME_FORM_FIELD = "username"

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
# The largest file a browser upload may bring (bytes). toteuma.web.limits refuses a bigger body by its
# declared length before it is read; other forms may send DATA_UPLOAD_MAX_MEMORY_SIZE, anonymous 64 KiB.
UPLOAD_LIMIT = int(os.environ.get("TOTEUMA_UPLOAD_LIMIT", str(50 * 1024 * 1024)))
# Whether a controller may approve a commentary or assessment they wrote part of (decision 26; default no).
SELF_APPROVAL = _flag("TOTEUMA_SELF_APPROVAL")
# Seconds the dashboard's computed figures are reused while no import or edit happened (0: off), and the
# cache every worker shares them through (TOTEUMA_CACHE_URL; services/figure_cache.py).
CACHE_SECONDS = float(os.environ.get("TOTEUMA_CACHE_SECONDS", "0"))
CACHES = cache_from_env(os.environ)
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
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy: scripts, styles, images and connections only from the site itself, no inline
# script or style, no eval (the charts use vega's interpreter, web/static/web/charts.js), no framing,
# forms only back to the site. A report's HTML page allows its own <style> by hash (report_views).
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_NONE],
        "frame-ancestors": [_NONE],
        "form-action": [_SELF],
    }
}
# Permissions-Policy: the dashboard needs none of the browser's devices or sensors.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

DATABASES = {"default": database_from_env(os.environ, Path.cwd())}

# Server errors and refusals on standard error (gunicorn and systemd keep it), each line with the
# request's id, which the 500 page shows: the user's code finds the traceback (issue 9, item 11).
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "toteuma.web.logs.RequestIdFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "line"},
    },
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "toteuma.web": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
# Ledgers of big cities pass 2**31 rows over the years.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# vega, vega-lite and vega-embed ship inside the package (web/static/vendor, `make vendor-js`, with their
# licences): served as our own static files, no outside requests, no npm on a server. A start-up check
# (toteuma.web.checks) names any that is missing.
STATIC_ROOT = os.environ.get("TOTEUMA_STATIC_ROOT") or None
