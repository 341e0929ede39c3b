"""The language of a page: the user's choice (cookie set by the language switch), else Finnish.

Django's LocaleMiddleware would follow the browser's Accept-Language; a municipal service in Finland
opens in Finnish unless the user picks Swedish or English.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from toteuma.core.messages import use_language
from toteuma.services import figure_cache


class ChosenLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.codes = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.codes else settings.LANGUAGE_CODE
        figure_cache.begin_request()  # figures read by this request are checked against fresh data
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            with use_language(language):  # service errors and import problems in the page's language
                response = self.get_response(request)
        finally:
            figure_cache.end_request()
        response.headers.setdefault("Content-Language", language)
        return response
