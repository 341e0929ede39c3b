"""Template filters: Finnish money and percent text, signed cents, and codes (kinds, roles) in words."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal
from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from toteuma.core.messages import known, t
from toteuma.core.money import euros, percent, round_euros, to_report_sign
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.reports.numbers import format_euros, format_percent
from toteuma.services.common import default_structure
from toteuma.services.figure_cache import cached
from toteuma.web.common import address
from toteuma.web.templatetags.forecast_web import alert_badges, method_name

if TYPE_CHECKING:
    from toteuma.services.dashboard import Glance, Overview

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


def _escape(value: object) -> str:
    """As Django's `conditional_escape` (safe text as it is, else `&<>"'` escaped), without its lazy
    wrapper: the long tables escape a thousand values a page."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


@register.filter
def statement_body(rows: list[dict[str, Any]]) -> SafeString:
    """The unit page's statement rows, each figure with its drill-down link: the table's body made here,
    not by a loop in the template (200 cells rendered node by node cost more than the page's figures)."""
    body = []
    for row in rows:
        label = _escape(row["label"])
        cells = []
        for item in row["cells"]:
            text = _escape(item["text"])
            if item["link"]:
                link, column = _escape(item["link"]), _escape(item["column"])
                cells.append(
                    f'<td class="num"><a href="{link}" aria-label="{label}, {column}: {text}">{text}</a></td>'
                )
            else:
                cells.append(f'<td class="num">{text}</td>')
        kind = _escape(row["kind"])
        body.append(f'\n  <tr class="{kind}"><th scope="row">{label}</th>{"".join(cells)}</tr>')
    return mark_safe("".join(body))  # every value above is escaped


@register.filter
def chart_rows(values: list[dict[str, Any]]) -> SafeString:
    """A monthly chart's figures as table rows: year, month, whole euros."""
    return mark_safe(
        "".join(
            f"<tr><td>{_escape(item['year'])}</td><td>{_escape(item['month'])}</td>"
            f'<td class="num">{_escape(item["euros"])}</td></tr>'
            for item in values
        )
    )


@register.filter
def sub_unit_rows(glances: Sequence[Glance], period: object) -> SafeString:
    """The unit page's sub-units, one row each: link, costs' budget and actual, share used, net, alerts."""
    rows = []
    for glance in glances:
        head = _unit_link("unit", glance.unit.code, glance.unit.name, period)
        figures = "".join(
            f'<td class="num">{_escape(text)}</td>'
            for text in (
                eur(glance.menot_budget),
                eur(glance.menot_tot),
                pct(glance.pct),
                eur(glance.netto_tot),
            )
        )
        rows.append(
            f'<tr>\n    <th scope="row">{head}</th>\n    {figures}\n'
            f"    <td>{_escape(alert_badges(glance.alerts))}</td>\n  </tr>"
        )
    return mark_safe("".join(rows))  # every value above is escaped


@register.simple_tag
def overview_rows(found: Overview, toggles: dict[str, str]) -> SafeString:
    """The overview's rows of binding units and their areas: code and name with the link to the unit page
    (a binding unit with its areas' toggle), binding, costs, net, goals and alerts."""
    rows = []
    for glance in found.units:
        unit, code = glance.unit, glance.unit.code
        head = _unit_link("unit", code, unit.name, found.period)
        count = found.areas.get(code) if not glance.depth else None
        if count:
            words: str
            if code in found.opened:
                words = _escape(translation.gettext("Piilota palvelualueet"))
            else:
                words = translation.gettext("Palvelualueet (%(count)s)") % {"count": count}
            toggle = _escape(toggles.get(code, ""))
            head += f'\n      <a class="toggle" href="{toggle}">{words}</a>'
        binding = "–"
        if unit.binding_level:
            binding = f"{_escape(translation.gettext('sitova'))}, {_escape(unit.binding)}"
        anchor = "" if glance.depth else f' id="yksikko-{_escape(code)}"'
        figures = (
            eur(glance.menot_budget),
            eur(glance.menot_tot),
            pct(glance.pct),
            eur(glance.netto_budget),
            eur(glance.netto_tot),
        )
        cells = "".join(f'\n    <td class="num">{_escape(text)}</td>' for text in figures)
        rows.append(
            f'\n  <tr class="depth-{glance.depth}"{anchor}>\n    <th scope="row">{head}</th>'
            f"\n    <td>{binding}</td>{cells}"
            f"\n    <td>{_escape(goal_counts(glance.goals))}</td>"
            f"\n    <td>{_escape(alert_badges(glance.alerts))}</td>\n  </tr>"
        )
    return mark_safe("".join(rows))  # every value above is escaped


@register.simple_tag
def overview_forecast_rows(found: Overview) -> SafeString:
    """The overview's forecast table: each unit's net budget, actual, forecast with its method,
    deviation and changes."""
    rows = []
    for glance in found.units:
        code = glance.unit.code
        head = _unit_link("forecasts", code, glance.unit.name, found.period)
        forecast = "–" if glance.netto_forecast is None else eur(glance.netto_forecast)
        deviation = "–" if glance.netto_deviation is None else eur(glance.netto_deviation)
        method = method_name(glance.forecast_method) or "–"
        cells = (
            f'\n    <td class="num">{_escape(eur(glance.netto_budget))}</td>'
            f'\n    <td class="num">{_escape(eur(glance.netto_tot))}</td>'
            f'\n    <td class="num">{_escape(forecast)}</td>'
            f"\n    <td>{_escape(method)}</td>"
            f'\n    <td class="num">{_escape(deviation)}</td>'
            f'\n    <td class="num">{_escape(eur(glance.netto_month))}</td>'
            f'\n    <td class="num">{_escape(eur(glance.netto_change_year))}</td>'
        )
        area = ' class="area"' if glance.depth else ""
        anchor = f"ennuste-{_escape(code)}"
        rows.append(f'\n  <tr{area} id="{anchor}">\n    <th scope="row">{head}</th>{cells}\n  </tr>')
    return mark_safe("".join(rows))  # every value above is escaped


def _unit_link(view: str, code: str, name: str, period: object) -> str:
    link = _escape(f"{address(view, code)}?kausi={period}")
    return f'<a href="{link}">{_escape(code)} {_escape(name)}</a>'


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
