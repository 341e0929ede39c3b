"""Messages of the command line, the services and import problems, in Finnish, Swedish and English.

One call per message: `t("cli.imported", records=12, file=name)` gives the text in the language in
force (Finnish unless `use_language` / `set_language` chose another). Catalogues are the TOML files in
`core/data/messages/`: a file's stem is its keys' namespace and each message is a table holding its
`fi`, `sv` and `en` text (decision 40). A key no catalogue holds is shown as given, so nothing ever
fails for a missing text; tests/test_messages.py fails instead.

Placeholders are `str.format` fields with a few specs of our own, each written the language's way:
`{x:eur}` cents as euros, `{x:n}` a whole number with thousands grouped, `{x:date}` a date,
`{x:datetime}` a date and time, `{x:q}` a quoted value, `{x:list}` / `{x:qlist}` a sequence joined
with commas. A text may depend on a
number: give `one` and `other` forms in a table and pass the number as `count`.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar, Token
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
_FOLDER = Path(__file__).parent / "data" / "messages"
_CURRENT: ContextVar[str] = ContextVar("toteuma_language", default=DEFAULT_LANGUAGE)
_EN_MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_EN_MONTHS += ("August", "September", "October", "November", "December")
_QUOTES = {"fi": ("”", "”"), "sv": ("”", "”"), "en": ("“", "”")}

Entry = dict[str, Any]  # language -> text, or language -> {"one": text, "other": text}


def language() -> str:
    """The language messages are given in now."""
    return _CURRENT.get()


def set_language(lang: str) -> Token[str]:
    """Give messages in `lang` from now on (in this thread or task); the token undoes it."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return _CURRENT.set(lang)


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Messages in `lang` inside the block."""
    token = set_language(lang)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def t(key: str, /, **params: Any) -> str:
    """The message `key` in the language in force, with its placeholders filled."""
    return render(key, language(), params)


def t_in(lang: str, key: str, /, **params: Any) -> str:
    """The message `key` in `lang`, whatever language is in force."""
    return render(key, lang, params)


def known(key: str) -> bool:
    return key in catalogue()


def render(key: str, lang: str, params: Mapping[str, Any]) -> str:
    entry = catalogue().get(key)
    if entry is None:
        return _format(key, lang, params) if params else key  # not a key: a text given as it is
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if isinstance(text, dict):
        text = text["one"] if params.get("count") == 1 else text["other"]
    return _format(str(text), lang, params)


def _format(template: str, lang: str, params: Mapping[str, Any]) -> str:
    try:
        return _Formatter(lang).vformat(template, (), params)
    except (KeyError, IndexError, ValueError):
        return template  # a text given as it is may hold braces of its own


class _Formatter(string.Formatter):
    """str.format with the specs eur, n, date, q, list and qlist written the language's way."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        special: dict[str, Callable[[Any, str], str]] = {"eur": money, "n": number, "date": day}
        special |= {"datetime": moment, "q": quoted}
        special |= {"list": listed, "qlist": quoted_list}
        if format_spec in special:
            return str(special[format_spec](value, self.lang))
        return str(super().format_field(value, format_spec))


def number(value: int | Decimal, lang: str | None = None) -> str:
    """12345 -> '12 345' (fi, sv) or '12,345' (en); a Decimal keeps its decimals (comma in fi, sv)."""
    lang = lang or language()
    text = f"{value:,}"
    if lang == "en":
        return text
    return text.replace(",", " ").replace(".", ",")


def money(cents: int, lang: str | None = None) -> str:
    """Cents as euros: '-1 234,56 €' (fi, sv) or '-€1,234.56' (en)."""
    lang = lang or language()
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    if lang == "en":
        return f"{sign}€{whole:,}.{part:02d}"
    return f"{sign}{number(whole, lang)},{part:02d} €"


def day(value: date, lang: str | None = None) -> str:
    """A date as people write it: '17.3.2024' (fi, sv), '17 March 2024' (en)."""
    lang = lang or language()
    if lang == "en":
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def moment(value: datetime, lang: str | None = None) -> str:
    """A time of day on a date, in local time: '17.3.2024 klo 14.05', '17 March 2024 14:05'."""
    lang = lang or language()
    local = value.astimezone() if value.tzinfo else value
    clock = {"fi": "klo {:%H.%M}", "sv": "kl. {:%H.%M}"}.get(lang, "{:%H:%M}").format(local)
    return f"{day(local.date(), lang)} {clock}"


def quoted(value: object, lang: str | None = None) -> str:
    opening, closing = _QUOTES[lang or language()]
    return f"{opening}{value}{closing}"


def listed(values: Sequence[object], lang: str | None = None) -> str:
    return ", ".join(str(item) for item in values)


def quoted_list(values: Sequence[object], lang: str | None = None) -> str:
    return ", ".join(quoted(item, lang) for item in values)


class Text:
    """A message given in the language in force when it is shown, not when it was made."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return t(self.key, **self.params)

    def __repr__(self) -> str:
        return f"Text({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


class MessageError(Exception):
    """An error whose message is a catalogue key and its values, shown in the language in force.

    `MessageError(other)` takes over another MessageError's message; any other exception's text is
    kept as it is.
    """

    def __init__(self, key: str | BaseException, /, **params: Any) -> None:
        if isinstance(key, MessageError):
            text, params = key.key, {**key.params, **params}
        else:
            text = str(key)
        super().__init__(text)
        self.key: str = text
        self.params: dict[str, Any] = params

    def __str__(self) -> str:
        return t(self.key, **self.params)


@cache
def catalogue() -> dict[str, Entry]:
    """Every message: 'namespace.key' -> {language: text}, from all files in core/data/messages."""
    found: dict[str, Entry] = {}
    for path in sorted(_FOLDER.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found.update(_flatten(path.stem, data))
    return found


def _flatten(prefix: str, table: Mapping[str, Any]) -> Iterator[tuple[str, Entry]]:
    if DEFAULT_LANGUAGE in table:
        yield prefix, dict(table)
        return
    for name, value in table.items():
        if isinstance(value, Mapping):
            yield from _flatten(f"{prefix}.{name}", value)


def placeholders(text: str) -> set[str]:
    """The names a template fills, e.g. {'records', 'file'}."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
