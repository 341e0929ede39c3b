"""Commands that write documents: report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from toteuma import services
from toteuma.cli.app import fail, main
from toteuma.core.periods import Period


@main.command(help="Write the report of a unit at a month-end.")
@click.option("--unit", required=True, help="Unit code or its exact name.")
@click.option("--period", required=True, help="Month-end as YYYY-MM, e.g. 2024-03.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(services.FORMATS),
    default="html",
    show_default=True,
    help="Document format (docs/report-formats.md).",
)
@click.option(
    "--lang",
    type=click.Choice(services.LANGUAGES),
    default="fi",
    show_default=True,
    help="Language of the fixed text; what people wrote stays as written.",
)
@click.option(
    "--layout",
    help="A shipped layout's name (`toteuma layout list`) or a layout TOML file (docs/layouts.md); "
    "default: the shipped default.",
)
@click.option(
    "--sections",
    help="Comma-separated sections in print order, e.g. council,statement,areas (default: the layout's).",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="DOCX only: a Word file whose styles the report takes.",
)
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: standard output).",
)
def report(
    unit: str,
    period: str,
    fmt: str,
    lang: str,
    layout: str | None,
    sections: str | None,
    template: Path | None,
    out_file: Path | None,
) -> None:
    try:
        parsed = Period.parse(period)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    try:
        names = [name.strip() for name in sections.split(",") if name.strip()] if sections else None
        chosen = services.get_layout(layout, names)
        content = services.build_report(unit, parsed, chosen)
        data = services.render_report(content, fmt, chosen, lang, template)
    except services.ServiceError as exc:
        fail(str(exc))
    if out_file is None:
        sys.stdout.buffer.write(data)
    else:
        out_file.write_bytes(data)
        click.echo(f"Wrote {out_file}", err=True)
