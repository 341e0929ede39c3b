"""Tests of services/examples.py and the demo's choice of example: manifests read, mistakes named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main
from toteuma.core.periods import Period
from toteuma.services import ServiceError, run_demo
from toteuma.services.examples import EXAMPLES_DIR, example_names, find_example, load_example

MANIFEST = """
title = "Pieni kunta 2024"
period = "2024-12"
units = "binding"
layout = "year-end"
imports = [{ file = "export.csv", profile = "profile.toml" }, { kind = "commentary", file = "texts.csv" }]
"""


def _example(root: Path, name: str, text: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "example.toml").write_text(text, encoding="utf-8")
    return folder


def test_the_shipped_examples_are_found_and_the_reference_is_the_default() -> None:
    assert set(example_names()) >= {"heinola-2024-q1", "jyvaskyla-2011"}
    reference = find_example(None)
    assert (reference.name, reference.period, reference.demo_users) == (
        "heinola-2024-q1",
        Period(2024, 3),
        True,
    )
    second = find_example("jyvaskyla-2011")
    assert (second.units, second.layout, second.formats) == (("1111",), "definition.toml", ("json", "html"))
    assert second.imports[0].profile == EXAMPLES_DIR / "jyvaskyla-2011" / "profile.toml"


def test_a_manifest_is_read_with_its_paths_in_its_folder(tmp_path: Path) -> None:
    folder = _example(tmp_path, "pieni", MANIFEST)
    example = load_example(folder)
    assert [(step.file.name, step.kind, step.profile) for step in example.imports] == [
        ("export.csv", "", folder / "profile.toml"),
        ("texts.csv", "commentary", None),
    ]
    assert (example.title, example.layout, example.formats) == (
        "Pieni kunta 2024",
        "year-end",
        ("html", "json"),
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("units =", "unitz =", "tuntematon avain ”unitz”"),
        ('"2024-12"', '"2024/12"', "kausi ”2024/12” ei ole muotoa VVVV-KK"),
        ("profile =", "profil =", "on annettava laji (kind) tai profiili (profile)"),
        ("imports =", "imporz =", "tuntematon avain ”imporz”"),
    ],
)
def test_a_mistake_in_a_manifest_is_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    folder = _example(tmp_path, "pieni", MANIFEST.replace(old, new))
    with pytest.raises(ServiceError, match=r"example\.toml") as caught:
        load_example(folder)
    assert message in str(caught.value)


def test_an_unknown_example_lists_the_known_ones() -> None:
    result = CliRunner().invoke(main, ["demo", "--example", "tampere-1999"])
    assert result.exit_code != 0
    assert "esimerkkiä ”tampere-1999” ei ole; esimerkit ovat heinola-2024-q1, jyvaskyla-2011" in result.output


def test_the_default_example_is_named_in_the_index(tmp_path: Path) -> None:
    _example(tmp_path, "a", MANIFEST)
    _example(tmp_path, "b", MANIFEST)
    with pytest.raises(ServiceError, match=r"examples\.toml: oletusesimerkkiä \(default\) ei voi lukea"):
        find_example(None, tmp_path)
    (tmp_path / "examples.toml").write_text('default = "b"\n', encoding="utf-8")
    assert find_example(None, tmp_path).name == "b"
    assert find_example("a", tmp_path).name == "a"


@pytest.mark.django_db(transaction=True)
def test_an_example_refuses_a_database_holding_another_examples_imports(tmp_path: Path) -> None:
    copy = tmp_path / "second"
    shutil.copytree(EXAMPLES_DIR / "jyvaskyla-2011", copy)
    run_demo(tmp_path / "out", data_dir=copy)
    with pytest.raises(ServiceError) as caught:
        run_demo(tmp_path / "out-reference")
    assert "tietokannassa on jo muiden tiedostojen tuonteja (JKL_talousarvio_ja_toteuma_2011.csv)" in str(
        caught.value
    )
    assert (
        "TOTEUMA_DATABASE_URL=sqlite:///heinola-2024-q1.sqlite3 toteuma demo --example heinola-2024-q1"
        in str(caught.value)
    )
    assert not (tmp_path / "out-reference").exists()
