"""docs/cli.md is the commands' own help: regenerate it with scripts/cli_doc.py when a command changes."""

from pathlib import Path

from scripts.cli_doc import PAGE, reference


def test_the_cli_reference_is_in_sync_with_the_commands() -> None:
    assert PAGE.read_text(encoding="utf-8") == reference(), "run: .venv/bin/python scripts/cli_doc.py"


def test_every_command_is_documented() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for name in ("init", "demo", "import", "check", "batches", "report", "serve", "user", "units"):
        assert f"## `toteuma {name}" in page, name
    assert Path(PAGE).name == "cli.md"
