"""Commands that bring files in: import, check; and batches to list, show and roll back imports."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from toteuma import services
from toteuma.cli.app import EXIT_PROBLEMS, fail, main, option, say
from toteuma.core.messages import money, number, t
from toteuma.core.plausibility import Window

_FILE = click.Path(dir_okay=False, path_type=Path)
_PROFILE = click.Path(dir_okay=False, exists=True, path_type=Path)


class _Years(click.ParamType):  # type: ignore[type-arg]
    """--years 2023-2024: the years the lines may fall in."""

    name = "years"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Window:
        if isinstance(value, Window):
            return value
        try:
            return Window.parse(str(value))
        except ValueError:
            self.fail(t("cli.import.bad_years", value=value), param, ctx)


_YEARS = _Years()


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
        return t("cli.progress.rate", rate=int(state["done"] / seconds))

    label = t("cli.progress.label")
    with click.progressbar(length=1, label=label, file=sys.stderr, item_show_func=rate) as bar:

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
        say("cli.import.more_problems", count=result.more_problems, err=True)


def _summary(result: services.ImportResult) -> None:
    kind = t(f"kinds.{result.kind}")
    key = "cli.import.would_import" if result.dry_run else "cli.import.imported"
    batch = t("cli.import.as_batch", batch=result.batch_id) if result.batch_id else ""
    say(key, count=result.records, kind=kind, file=result.file, batch=batch)
    if result.replaced:
        say("cli.import.replaced", batches=result.replaced)
    if result.totals is not None:
        for month, (lines, cents) in result.totals.per_month.items():
            say("cli.import.month", month=month, lines=number(lines), total=money(cents))
        total = money(result.totals.total_cents)
        say("cli.import.total", lines=number(result.totals.lines), total=total)
    if result.placed:
        say("cli.import.new_accounts", count=len(result.placed))
        for placed in result.placed:
            click.echo(f"  {placed.account:>6} {placed.name:<40} → {placed.where}")
    rate = int(result.records / result.seconds) if result.seconds else 0
    say("cli.import.timing", seconds=f"{result.seconds:.1f}", rate=rate)


def _finish(result: services.ImportResult) -> None:
    _report(result)
    if result.skipped:
        say("cli.import.skipped", file=result.file)
        return
    if not result.ok:
        fail("cli.import.refused", count=len(result.problems) + result.more_problems, file=result.file)
    _summary(result)


@main.command("import", help="cli.help.import")
@click.argument("kind", type=click.Choice(services.IMPORT_KINDS))
@click.argument("file", type=_FILE)
@option("--profile", type=_PROFILE, help="cli.help.import_profile")
@option("--encoding", help="cli.help.import_encoding")
@option("--replace", is_flag=True, help="cli.help.import_replace")
@option("--dry-run", is_flag=True, help="cli.help.import_dry_run")
@option("--accept-warnings", is_flag=True, help="cli.help.import_accept_warnings")
@option("--years", type=_YEARS, help="cli.help.import_years")
def import_(
    kind: str,
    file: Path,
    profile: Path | None,
    encoding: str | None,
    replace: bool,
    dry_run: bool,
    accept_warnings: bool,
    years: Window | None,
) -> None:
    with _progress_bar(not dry_run) as progress:
        options = services.ImportOptions(
            encoding, profile, replace, dry_run, accept_warnings, progress=progress, years=years
        )
        try:
            result = services.import_file(kind, file, options=options)
        except services.ServiceError as exc:
            fail(exc)
    _finish(result)


@main.command(help="cli.help.check")
@click.argument("file", type=_FILE)
@option("--kind", type=click.Choice(services.IMPORT_KINDS), help="cli.help.check_kind")
@option("--profile", type=_PROFILE, help="cli.help.import_profile")
@option("--encoding", help="cli.help.import_encoding")
@option("--years", type=_YEARS, help="cli.help.import_years")
def check(
    file: Path, kind: str | None, profile: Path | None, encoding: str | None, years: Window | None
) -> None:
    options = services.ImportOptions(encoding, profile, years=years)
    try:
        result = services.check_file(file, kind, options=options)
    except services.ServiceError as exc:
        fail(exc)
    _report(result)
    if result.skipped:
        say("cli.check.skipped", file=file)
        return
    if result.problems or not result.ok:
        errors = len(result.errors)
        say("cli.check.counts", errors=errors, warnings=len(result.problems) - errors, file=file, err=True)
        sys.exit(EXIT_PROBLEMS if result.stopped else 0)
    say("cli.check.ok", file=file, count=result.records, kind=t(f"kinds.{result.kind}"))


@main.group(invoke_without_command=True, help="cli.help.batches")
@click.pass_context
def batches(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_)


@batches.command("list", help="cli.help.batches_list")
def list_() -> None:
    rows = services.list_batches()
    if not rows:
        say("cli.batches.none")
    for b in rows:
        period = f"{b.first_date or ''}..{b.last_date or ''}" if b.first_date else ",".join(map(str, b.years))
        click.echo(
            f"{b.id:>5}  {t(f'kinds.{b.kind}'):<12} {b.imported_at:%Y-%m-%d %H:%M}  "
            f"{b.imported_by or '-':<12} {t('cli.batches.lines', count=b.lines):>16} "
            f"{money(b.total_cents):>20}  {period:<22} {b.file_name}"
        )


@batches.command(help="cli.help.batches_show")
@click.argument("batch_id", type=int)
def show(batch_id: int) -> None:
    try:
        b = services.show_batch(batch_id)
    except services.ServiceError as exc:
        fail(exc)
    for label, value in (
        (t("cli.batches.field.batch"), b.id),
        (t("cli.batches.field.kind"), t(f"kinds.{b.kind}")),
        (t("cli.batches.field.file"), b.file_name),
        (t("cli.batches.field.sha256"), b.sha256),
        (t("cli.batches.field.by"), b.imported_by),
        (t("cli.batches.field.at"), f"{b.imported_at:%Y-%m-%d %H:%M:%S %Z}"),
        (t("cli.batches.field.lines"), number(b.lines)),
        (t("cli.batches.field.total"), money(b.total_cents)),
        (t("cli.batches.field.dates"), f"{b.first_date or '-'} .. {b.last_date or '-'}"),
        (t("cli.batches.field.years"), ", ".join(map(str, b.years))),
    ):
        click.echo(f"{label + ':':<16} {value}")


@batches.command(help="cli.help.batches_rollback")
@click.argument("batch_id", type=int)
@option("--reason", help="cli.help.batches_rollback_reason")
@option("--yes", is_flag=True, help="cli.help.batches_rollback_yes")
def rollback(batch_id: int, reason: str | None, yes: bool) -> None:
    try:
        b = services.show_batch(batch_id)
    except services.ServiceError as exc:
        fail(exc)
    asking = sys.stdin.isatty()
    if not (yes or asking):
        fail("cli.batches.rollback_needs_yes")
    if not yes:
        what = {"batch": b.id, "file": b.file_name, "count": b.lines, "total": money(b.total_cents)}
        click.confirm(t("cli.batches.rollback_confirm", **what), abort=True)
    if not (reason or "").strip():
        if not asking:
            fail("cli.batches.rollback_needs_reason")
        reason = click.prompt(t("cli.batches.rollback_reason"))
    try:
        result = services.rollback(batch_id, reason=reason or "")
    except services.ServiceError as exc:
        fail(exc)
    say("cli.batches.rolled_back", batch=batch_id, count=result.lines, total=money(result.total_cents))


@batches.command(help="cli.help.batches_verify")
def verify() -> None:
    check = services.verify_ledger()
    for line in check.differences:
        click.echo(str(line))
    if not check.ok:
        fail("cli.batches.verify_failed", count=len(check.differences))
    say("cli.batches.verify_ok", lines=number(check.lines), count=check.batches)


@batches.command(help="cli.help.batches_rebuild")
def rebuild() -> None:
    rows = services.rebuild_sums()
    say("cli.batches.rebuilt", rows=number(rows))
