"""The WSGI application for gunicorn: `gunicorn toteuma.web.wsgi`.

The static-file checks run first: a server without the charts' scripts refuses to start with the
check's message instead of answering 500 (toteuma.web.checks).
"""

import os

from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toteuma.settings")
application = get_wsgi_application()
_problems = [
    problem
    for problem in run_checks(tags=["toteuma-static"], include_deployment_checks=True)
    if problem.is_serious()
]
if _problems:
    raise ImproperlyConfigured("\n".join(str(problem) for problem in _problems))
