"""The WSGI application for gunicorn: `gunicorn toteuma.web.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toteuma.settings")
application = get_wsgi_application()
