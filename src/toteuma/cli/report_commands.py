"""Commands that write documents: report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from toteuma import services
from toteuma.cli.app import fail, language, main, option, say
from toteuma.core.periods import Period
from toteuma.importers.values import parse_date

BINARY = ("pdf", "docx", "xlsx")


@main.command(help="cli.help.report")
@option("--unit", required=True, help="cli.help.report_unit")
@option("--period", required=True, help="cli.help.report_period")
@option(
    "--format",
    "fmt",
    type=click.Choice(services.FORMATS),
    default="html",
    show_default=True,
    help="cli.help.report_format",
)
@option("--lang", type=click.Choice(services.LANGUAGES), help="cli.help.report_lang")
@option("--layout", help="cli.help.report_layout")
@option("--date", "report_date", help="cli.help.report_date")
@option("--sections", help="cli.help.report_sections")
@option(
    "--template",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="cli.help.report_template",
)
@option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="cli.help.report_out",
)
def report(
    unit: str,
    period: str,
    fmt: str,
    lang: str | None,
    layout: str | None,
    sections: str | None,
    template: Path | None,
    out_file: Path | None,
    report_date: str | None,
) -> None:
    try:
        parsed = Period.parse(period)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    try:
        dated = parse_date(report_date) if report_date else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from exc
    try:
        names = [name.strip() for name in sections.split(",") if name.strip()] if sections else None
        chosen = services.get_layout(layout, names)
        content = services.build_report(unit, parsed, chosen, dated)
        data = services.render_report(content, fmt, chosen, lang or language(), template)
    except services.ServiceError as exc:
        fail(exc)
    if out_file is None and fmt in BINARY and stdout_is_terminal():
        out_file = Path(f"toteuma-{content.unit.code}-{content.period}.{fmt}")
        if out_file.exists():
            fail("cli.report.binary_exists", format=fmt.upper(), file=out_file)
        say("cli.report.binary_to_file", format=fmt.upper(), err=True)
    if out_file is None:
        sys.stdout.buffer.write(data)
    else:
        out_file.write_bytes(data)
        say("cli.report.wrote", file=out_file, err=True)


def stdout_is_terminal() -> bool:
    """Standard output is a terminal: PDF, DOCX or XLSX bytes there would only garble it."""
    return sys.stdout.isatty()
