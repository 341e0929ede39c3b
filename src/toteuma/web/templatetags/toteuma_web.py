"""Template filters: Finnish money and percent text, signed cents, and codes (kinds, roles) in words."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from toteuma.core.messages import known, t
from toteuma.core.money import euros, percent, round_euros, to_report_sign
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.reports.numbers import format_euros, format_percent
from toteuma.services.common import default_structure
from toteuma.services.figure_cache import cached

register = template.Library()


class _FiguresNode(template.Node):
    def __init__(self, nodelist: template.NodeList, parts: list[template.base.FilterExpression]) -> None:
        self.nodelist, self.parts = nodelist, parts

    def render(self, context: template.Context) -> str:
        key = ("fragment", *(part.resolve(context) for part in self.parts), translation.get_language())
        return cached(key, lambda: self.nodelist.render(context))


@register.tag("figures")
def figures(parser: template.base.Parser, token: template.base.Token) -> _FiguresNode:
    """`{% figures "name" part ... %}...{% endfigures %}`: a part of a page that shows figures alone
    (the same for every reader), rendered once per data version, name, parts and language while the
    figure cache is on (decision 63); rendered every time when it is off. Nothing in it may depend on
    the reader (drafts, edit rights, a CSRF token)."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endfigures",))
    parser.delete_first_token()
    return _FiguresNode(nodelist, parts)


@register.filter
def eur(cents: int | None) -> str:
    """Exact cents as whole euros: "-1 365 906"."""
    return "" if cents is None else format_euros(round_euros(cents))


@register.filter
def cents(value: int | None) -> str:
    """Exact cents with two decimals: "-1 365 906,25"."""
    if value is None:
        return ""
    whole = format_euros(int(euros(abs(value))))
    return f"{'-' if value < 0 else ''}{whole},{abs(value) % 100:02d}"


@register.filter
def report_sign(value: int) -> int:
    return to_report_sign(value)


@register.filter
def pct(value: Decimal | None) -> str:
    return "" if value is None else format_percent(value)


@register.filter
def cell(value: object) -> str:
    """A presentation-model cell as printed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_euros(value)
    if isinstance(value, Decimal):
        return format_percent(value)
    return str(value)


@register.filter
def get(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key)


# A goal status's mark and words: the overview's goal column (a filter, not an include per row).
_GOAL_MARKS = (
    ("toteutuu", "●"),
    ("toteutuu osittain", "◐"),
    ("ei toteudu", "○"),
    ("", ""),
)


@register.filter
def goal_counts(counts: dict[str, int] | None) -> str:
    """How many goals have each last approved status, as a list; "–" without goals."""
    if not counts:
        return "–"
    words = {
        "toteutuu": translation.gettext("toteutuu"),
        "toteutuu osittain": translation.gettext("toteutuu osittain"),
        "ei toteudu": translation.gettext("ei toteudu"),
        "": translation.gettext("ei arvioitu"),
    }
    items = [
        format_html('<li><span aria-hidden="true">{}</span> {}: {}</li>', mark, words[status], counts[status])
        if mark
        else format_html("<li>{}: {}</li>", words[status], counts[status])
        for status, mark in _GOAL_MARKS
        if counts.get(status)
    ]
    return format_html('<ul class="plain">\n{}\n</ul>', mark_safe("\n".join(items)))


def _named(key: str, fallback: str) -> str:
    return t(key) if known(key) else fallback


@register.filter
def kind_name(kind: str) -> str:
    """An input file's kind as people say it: 'ledger' -> 'kirjanpito'."""
    return _named(f"kinds.{kind}", kind)


@register.filter
def role_name(role: str) -> str:
    """A role as people say it: 'controller' -> 'taloussuunnittelija'."""
    return _named(f"roles.{role}", role)


@register.filter
def language_name(code: str) -> str:
    """A report language in the page's language: 'sv' -> 'ruotsi' on a Finnish page."""
    return _named(f"web.language_{code}", code)


@register.filter
def minutes(value: object) -> int:
    """Whole minutes of a timedelta (the sign-in lockout), rounded up."""
    seconds = getattr(value, "total_seconds", lambda: 0)()
    return int(-(-seconds // 60))


@register.filter
def num(value: Decimal | None) -> str:
    """A measured value as written, with the language's grouping and decimal sign: "4 550", "3,25"."""
    if value is None:
        return ""
    text: str = format_decimal(value, format="#,##0.####", locale=translation.get_language() or "fi")
    return text.replace("\u202f", "\u00a0").replace("\u2212", "-")


@register.filter
def period_short(period: str) -> str:
    """ "2024-03" as "3/2024"."""
    return f"{int(period[5:])}/{period[:4]}" if len(period) == 7 else period


@register.filter
def paragraphs_text(lines: tuple[str, ...]) -> str:
    """Realisation paragraphs as the edit box holds them: separated by a blank line."""
    return "\n\n".join(lines)


@register.filter
def pct_of(part: int, whole: int) -> str:
    """part / whole x 100 from exact cents, two decimals: "19,57"."""
    return format_percent(percent(part, whole)) if whole else ""


@register.filter
def side(decision: object, name: str) -> int:
    """An amendment decision's total on one side ("tulot", "menot", "investoinnit"), report sign."""
    return int(decision.side(name))  # type: ignore[attr-defined]


@register.filter
def row_label(key: str) -> str:
    """A statement row's label in the page's language ("Investoinnit" for balance-sheet accounts)."""
    lang = translation.get_language() or "fi"
    cat = catalogue(lang if lang in LANGUAGES else "fi")
    if key == "investoinnit":
        return cat.get("appendix", "investoinnit")
    return cat.row(key, default_structure().line(key).label)
