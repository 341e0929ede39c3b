"""Finnish hyphenation for print: soft hyphens where Voikko says a Finnish word may break (decision 41).

WeasyPrint hyphenates with Pyphen, which has no Finnish dictionary, and Finnish compounds need
morphology ("kunta-organisaatiossa", "kaupungin-lakimies"), which Voikko has (Debian's libvoikko1
and voikko-fi, installed by scripts/install-system-deps.sh; the `libvoikko` package binds them). The
PDF's HTML gets U+00AD at every such point of its long words; WeasyPrint breaks a line at one only
when it must, and draws the hyphen there. Swedish and English pages keep `hyphens: auto` (Pyphen has
both). Without Voikko the PDF is the same, unhyphenated.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import cache, lru_cache
from typing import Any

log = logging.getLogger(__name__)
SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 8  # shorter words are not worth a break
LEFT, RIGHT = 2, 3  # letters a break leaves at least on the line and carries to the next ("johta-ja" no)
_WORD = re.compile(rf"[A-Za-zÅÄÖåäöÜüÉéŠšŽž]{{{MIN_LETTERS},}}")
_TOKENS = re.compile(r"(<[^>]*>)")
_SKIPPED = ("style", "script", "svg", "title", "head")  # no line breaking inside these
_VOID = {"br", "img", "meta", "link", "input", "hr", "col", "source", "wbr"}
_LOCK = threading.Lock()  # one Voikko handle is not safe to share between threads


@cache
def _voikko() -> Any:
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception as exc:  # ImportError, OSError, or libvoikko's own when the library or dictionary lacks
        log.warning("no Finnish hyphenation (Voikko not available: %s)", exc)
        return None


def available() -> bool:
    return _voikko() is not None


@lru_cache(maxsize=20000)
def hyphenate_word(word: str) -> str:
    """The word with a soft hyphen at each point Voikko allows ('kun·ta·or·ga·ni·saa·ti·os·sa')."""
    voikko = _voikko()
    if voikko is None or len(word) < MIN_LETTERS:
        return word
    with _LOCK:
        pattern = voikko.getHyphenationPattern(word)
    points = {i for i, mark in enumerate(pattern) if mark == "-" and LEFT <= i <= len(word) - RIGHT}
    return "".join(f"{SOFT_HYPHEN}{char}" if i in points else char for i, char in enumerate(word))


def hyphenate_text(text: str) -> str:
    return _WORD.sub(lambda match: hyphenate_word(match.group(0)), text)


def hyphenate_html(html: str) -> str:
    """The page with its visible text hyphenated; tags, styles, scripts, SVG charts and status badges
    (class "status") untouched."""
    if not available():
        return html
    parts: list[str] = []
    open_tags: list[tuple[str, bool]] = []  # (name, inside an element whose text stays whole)
    for token in _TOKENS.split(html):
        if token.startswith("<"):
            _track(token, open_tags)
            parts.append(token)
        elif (open_tags and open_tags[-1][1]) or not token.strip():
            parts.append(token)
        else:
            parts.append(_outside_entities(token) if "&" in token else hyphenate_text(token))
    return "".join(parts)


def _track(tag: str, open_tags: list[tuple[str, bool]]) -> None:
    name = tag.strip("</ >").split()[0].lower() if tag.strip("</ >") else ""
    if tag.startswith(("<!", "<?")) or tag.endswith("/>") or name in _VOID:
        return
    if tag.startswith("</"):
        while open_tags and open_tags.pop()[0] != name:
            pass
        return
    whole = name in _SKIPPED or 'class="status' in tag or bool(open_tags and open_tags[-1][1])
    open_tags.append((name, whole))


def _outside_entities(text: str) -> str:
    """Hyphenate around character references (&amp;, &#8211;) without touching them."""
    return "".join(
        piece if piece.startswith("&") else hyphenate_text(piece) for piece in re.split(r"(&#?\w+;)", text)
    )
