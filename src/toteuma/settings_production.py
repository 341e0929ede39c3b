"""Settings for a server behind a reverse proxy (docs/deploy.md): HTTPS only, whitenoise for static files.

Use with DJANGO_SETTINGS_MODULE=toteuma.settings_production. Everything else (database, hosts) comes
from the same TOTEUMA_* variables as the default settings.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from toteuma.settings import *  # noqa: F403  # the production settings are the defaults plus these
from toteuma.settings import MIDDLEWARE, cache_from_env

DEBUG = False
SECRET_KEY = os.environ.get("TOTEUMA_SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "TOTEUMA_SECRET_KEY must be set to a random string of at least 50 characters, e.g. "
        "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`"
    )

# The proxy terminates TLS and says so in X-Forwarded-Proto; it must overwrite that header from clients.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("TOTEUMA_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

# Figures shared by every worker through a folder on the host unless TOTEUMA_CACHE_URL names another
# cache (Redis, Memcached, a database table): decisions.md, 37.
CACHE_SECONDS = float(os.environ.get("TOTEUMA_CACHE_SECONDS", "30"))
CACHES = cache_from_env(os.environ, default="file:///var/lib/toteuma/cache")

# Behind the proxy every request comes from 127.0.0.1: the sign-in lockout counts by the client's
# address as the proxy appends it to X-Forwarded-For (the last entry, which a client cannot forge).
AXES_CLIENT_IP_CALLABLE = "toteuma.web.proxy.client_address"

# whitenoise serves the collected static files with far-future caching and pre-compressed copies.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STATIC_ROOT = os.environ.get("TOTEUMA_STATIC_ROOT") or "/var/lib/toteuma/static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
