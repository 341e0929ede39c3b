"""Commands that bring files in: import, check; and batches to list, show and roll back imports."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from toteuma import services
from toteuma.cli.app import EXIT_PROBLEMS, fail, main
from toteuma.core.money import euros

_FILE = click.Path(dir_okay=False, path_type=Path)
_PROFILE = click.Path(dir_okay=False, exists=True, path_type=Path)


def _eur(cents: int) -> str:
    return f"{euros(cents):,.2f}".replace(",", " ") + " EUR"


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar with the rate and the time left, on a terminal only."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    started = time.perf_counter()
    state = {"done": 0}

    def rate(_: object) -> str:
        seconds = max(time.perf_counter() - started, 1e-6)
        return f"{state['done'] / seconds:,.0f} lines/s".replace(",", " ")

    with click.progressbar(length=1, label="Loading", file=sys.stderr, item_show_func=rate) as bar:

        def update(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - state["done"], done)
            state["done"] = done

        yield update


def _report(result: services.ImportResult) -> None:
    for note in result.notes:
        click.echo(f"  {note}", err=True)
    for item in result.problems:
        click.echo(str(item), err=True)
    if result.more_problems:
        click.echo(f"... and {result.more_problems} more problem(s) not listed.", err=True)


def _summary(result: services.ImportResult) -> None:
    verb = "Would import" if result.dry_run else "Imported"
    batch = f" as batch {result.batch_id}" if result.batch_id else ""
    click.echo(f"{verb} {result.records} {result.kind} records from {result.file}{batch}.")
    if result.replaced:
        click.echo(f"Rolled back the batches it replaces: {', '.join(map(str, result.replaced))}.")
    if result.totals is not None:
        for month, (lines, cents) in result.totals.per_month.items():
            click.echo(f"  {month}  {lines:>10} lines  {_eur(cents):>22}")
        click.echo(f"  total    {result.totals.lines:>10} lines  {_eur(result.totals.total_cents):>22}")
    rate = result.records / result.seconds if result.seconds else 0
    click.echo(f"  {result.seconds:.1f} s ({rate:,.0f} records/s)".replace(",", " "))


def _finish(result: services.ImportResult) -> None:
    _report(result)
    if result.skipped:
        click.echo(f"{result.file} was imported before (same content); nothing to do.")
        return
    if not result.ok:
        count = len(result.problems) + result.more_problems
        fail(f"{count} problem(s) in {result.file}; nothing was imported.")
    _summary(result)


@main.command("import", help="Import a file of KIND (CSV or XLSX). Nothing is imported if it has problems.")
@click.argument("kind", type=click.Choice(services.IMPORT_KINDS))
@click.argument("file", type=_FILE)
@click.option(
    "--profile", type=_PROFILE, help="Column profile (TOML) naming the export's columns and dialect."
)
@click.option(
    "--encoding", help="Text encoding of a CSV file: utf-8, cp1252, iso-8859-15 (default: detected)."
)
@click.option("--replace", is_flag=True, help="Replace earlier batches that cover the same period.")
@click.option("--dry-run", is_flag=True, help="Check everything, import nothing.")
@click.option("--accept-warnings", is_flag=True, help="Import despite warnings (errors still stop it).")
def import_(
    kind: str,
    file: Path,
    profile: Path | None,
    encoding: str | None,
    replace: bool,
    dry_run: bool,
    accept_warnings: bool,
) -> None:
    with _progress_bar(not dry_run) as progress:
        options = services.ImportOptions(
            encoding, profile, replace, dry_run, accept_warnings, progress=progress
        )
        try:
            result = services.import_file(kind, file, options=options)
        except services.ServiceError as exc:
            fail(str(exc))
    _finish(result)


@main.command(help="Check a file as an import would, against the database too, without importing it.")
@click.argument("file", type=_FILE)
@click.option(
    "--kind", type=click.Choice(services.IMPORT_KINDS), help="Kind of file (default: from its header)."
)
@click.option("--profile", type=_PROFILE, help="Column profile (TOML).")
@click.option("--encoding", help="Text encoding of a CSV file (default: detected).")
def check(file: Path, kind: str | None, profile: Path | None, encoding: str | None) -> None:
    options = services.ImportOptions(encoding, profile)
    try:
        result = services.check_file(file, kind, options=options)
    except services.ServiceError as exc:
        fail(str(exc))
    _report(result)
    if result.skipped:
        click.echo(f"{file} was imported before (same content); importing it again changes nothing.")
        return
    if result.problems or not result.ok:
        errors = len(result.errors)
        click.echo(f"{errors} error(s), {len(result.problems) - errors} warning(s) in {file}.", err=True)
        sys.exit(EXIT_PROBLEMS if result.stopped else 0)
    click.echo(f"{file}: {result.records} {result.kind} records, no problems.")


@main.group(
    invoke_without_command=True, help="Imported ledger and budget files: list, show, roll back, verify."
)
@click.pass_context
def batches(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_)


@batches.command("list", help="Every batch, newest first.")
def list_() -> None:
    rows = services.list_batches()
    if not rows:
        click.echo("No batches imported yet.")
    for b in rows:
        period = f"{b.first_date or ''}..{b.last_date or ''}" if b.first_date else ",".join(map(str, b.years))
        click.echo(
            f"{b.id:>5}  {b.kind:<7} {b.imported_at:%Y-%m-%d %H:%M}  {b.imported_by or '-':<12} "
            f"{b.lines:>10} lines {_eur(b.total_cents):>20}  {period:<22} {b.file_name}"
        )


@batches.command(help="One batch in full: file, hash, who and when, lines and total.")
@click.argument("batch_id", type=int)
def show(batch_id: int) -> None:
    try:
        b = services.show_batch(batch_id)
    except services.ServiceError as exc:
        fail(str(exc))
    for label, value in (
        ("batch", b.id),
        ("kind", b.kind),
        ("file", b.file_name),
        ("sha256", b.sha256),
        ("imported by", b.imported_by),
        ("imported at", f"{b.imported_at:%Y-%m-%d %H:%M:%S %Z}"),
        ("lines", b.lines),
        ("total", _eur(b.total_cents)),
        ("dates", f"{b.first_date or '-'} .. {b.last_date or '-'}"),
        ("years", ", ".join(map(str, b.years))),
    ):
        click.echo(f"{label + ':':<13} {value}")


@batches.command(help="Remove a batch's lines and take them out of the balances.")
@click.argument("batch_id", type=int)
def rollback(batch_id: int) -> None:
    try:
        result = services.rollback(batch_id)
    except services.ServiceError as exc:
        fail(str(exc))
    click.echo(f"Rolled back batch {batch_id}: {result.lines} lines, {_eur(result.total_cents)}.")


@batches.command(help="Recount every ledger batch from its lines and the balances from the batches.")
def verify() -> None:
    check = services.verify_ledger()
    for line in check.differences:
        click.echo(line)
    if not check.ok:
        fail(
            f"{len(check.differences)} differences between the ledger lines, the batches' sums and the "
            "balances; `toteuma batches rebuild` recomputes them from the lines"
        )
    batches = f"{check.batches} batch" + ("" if check.batches == 1 else "es")
    click.echo(f"The ledger agrees: {check.lines} lines in {batches}; the balances equal the batches' sums.")


@batches.command(help="Recompute the balances and the batches' sums from the ledger lines (a repair).")
def rebuild() -> None:
    rows = services.rebuild_sums()
    click.echo(f"Recomputed the balances from the ledger lines: {rows} rows.")
