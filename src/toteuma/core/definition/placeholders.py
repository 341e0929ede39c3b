"""The placeholders of a layout's label templates, checked when the layout loads.

A column's label and group, its year-end label and a table's title are templates: `{year}`, `{prev}`,
`{year-4}`, `{mm}`, `{area}`, and in a title `{name}`, the table's unit. A name the report does not
fill would print as written, so a typo (`{yaer}`) is a problem of the layout, located by its key.
"""

from __future__ import annotations

import re
from string import Formatter

from toteuma.core.definition.model import Labels
from toteuma.core.definition.settings import placeholders
from toteuma.core.problems import Problem, problem

_OTHER_YEAR = re.compile(r"year[-+][1-9]")
CAPITALISED = ("Area",)  # the second level's word, capitalised
TITLE_ONLY = ("name",)  # the table's unit


def known_placeholders(title: bool = False) -> tuple[str, ...]:
    """The placeholders a label (or, with `title`, a table's title) may use, as documented."""
    declared = tuple(name for name, _ in placeholders())
    return (*declared, *CAPITALISED, *(TITLE_ONLY if title else ()))


def template_problems(labels: Labels, setting: str, where: str, title: bool = False) -> list[Problem]:
    """Every unknown placeholder, and every unpaired brace, in the templates of one setting."""
    allowed = set(known_placeholders(title)) - {"year-N"}
    found = []
    for _, text in labels:
        try:
            names = [field for _, field, _, _ in Formatter().parse(text) if field is not None]
        except ValueError:
            found.append(_problem("template", where, setting, text=text))
            continue
        for name in names:
            if name not in allowed and not _OTHER_YEAR.fullmatch(name):
                params = {"name": name, "known": known_placeholders(title)}
                found.append(_problem("placeholder", where, setting, **params))
    return found


def _problem(text: str, where: str, setting: str, /, **params: object) -> Problem:
    return problem("layout.unknown-name", text, file=where, column=setting, setting=setting, **params)
