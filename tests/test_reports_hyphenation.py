"""Finnish hyphenation of the PDF: breaks only at Voikko's points, with a hyphen (pdftotext on the demo)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from demo_report import demo_content
from toteuma.reports.hyphenate import SOFT_HYPHEN, available, hyphenate_html, hyphenate_word
from toteuma.services import render_report

DRAWN_HYPHEN = "\u2010"  # what WeasyPrint draws where it breaks at a soft hyphen


@pytest.fixture(scope="module")
def texts(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, set[str]]:
    """The demo PDF's text (pdftotext) and every word of the same report's HTML."""
    with demo_content(django_db_blocker) as content:
        path = tmp_path_factory.mktemp("pdf") / "report.pdf"
        path.write_bytes(render_report(content, "pdf", lang="fi"))
        html = render_report(content, "html", lang="fi").decode().replace(SOFT_HYPHEN, "")
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return text, set(re.findall(r"\w+", re.sub(r"<[^>]*>", " ", html)))


def _points(word: str) -> set[int]:
    """Where the word may break: the index of the letter after each soft hyphen."""
    points, index = set(), 0
    for char in hyphenate_word(word):
        if char == SOFT_HYPHEN:
            points.add(index)
        else:
            index += 1
    return points


def test_voikko_is_installed_and_knows_finnish_compounds() -> None:
    assert available(), "scripts/install-system-deps.sh installs libvoikko1 and voikko-fi"
    assert 5 in _points("kuntaorganisaatiossa")  # kunta-organisaatiossa
    assert 9 in _points("Kaupunginlakimies")  # Kaupungin-lakimies
    assert _points("kehitysjohtaja") == {2, 4, 7, 10}  # ke-hi-tys-joh-ta-ja: never a last "ja" alone
    assert hyphenate_word("Vaalit") == "Vaalit"  # short words stay whole


def test_only_text_is_hyphenated_not_markup_styles_or_charts() -> None:
    page = (
        '<html lang="fi"><style>.kuntaorganisaatio{}</style><h1 class="organisaatio">Kaupunginlakimies</h1>'
        "<p>Tekoälyn &amp; kuntaorganisaatiossa</p><svg><text>Palvelualueittainen</text></svg></html>"
    )
    done = hyphenate_html(page)
    assert done.replace(SOFT_HYPHEN, "") == page
    assert ".kuntaorganisaatio{}" in done
    assert 'class="organisaatio"' in done
    assert "<text>Palvelualueittainen</text>" in done
    assert f"kun{SOFT_HYPHEN}ta{SOFT_HYPHEN}or" in done


@pytest.mark.slow
def test_the_pdf_breaks_finnish_words_only_at_valid_points(texts: tuple[str, set[str]]) -> None:
    """Each word broken at a line's end is a word of the report broken at one of its Finnish points."""
    pdf_text, words = texts
    heads = re.findall(r"(\w+)" + DRAWN_HYPHEN + "$", pdf_text, re.MULTILINE)
    assert len(heads) >= 10, heads
    for head in heads:
        # the break is at a point of a word whose text up to the point ends in what the line shows
        whole = [word for word in words if any(word[:at].endswith(head) for at in _points(word))]
        assert whole, f"{head}{DRAWN_HYPHEN} is no Finnish hyphenation point of a word in the report"
    assert "kuntaorganisaati\nossa" not in pdf_text  # the breaks without a hyphen
    assert "Kaupunginlaki\nmies" not in pdf_text
    assert "tul\nevaisuus" not in pdf_text  # a narrow goals cell broken by Pango instead


def test_status_badges_and_figures_stay_whole() -> None:
    badge = '<span class="status status--osittain"><span aria-hidden="true">◐</span> Toteutuu osittain</span>'
    page = f"<td>{badge}</td><td>Kaupunginlakimies</td>"
    done = hyphenate_html(page)
    assert "Toteutuu osittain</span>" in done
    assert f"Kau{SOFT_HYPHEN}pun" in done


def test_long_words_in_a_narrow_column_break_at_their_seams(tmp_path: Path) -> None:
    """A few long Finnish words, one a paragraph, in a column too narrow for them, printed by WeasyPrint."""
    from weasyprint import HTML

    words = ("Kaupunginlakimies", "kuntaorganisaatiossa", "tietohallintopäällikkö", "tulevaisuusinvestoinnit")
    body = "".join(f"<p>{word}</p>" for word in words)
    page = f'<html lang="fi"><body style="width: 28mm; font: 11pt DejaVu Sans">{body}</body></html>'
    path = tmp_path / "words.pdf"
    path.write_bytes(HTML(string=hyphenate_html(page)).write_pdf())
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    lines = [line for line in text.splitlines() if line.strip()]
    rebuilt, pieces = [], ""
    for line in lines:
        pieces += line.removesuffix(DRAWN_HYPHEN)
        if not line.endswith(DRAWN_HYPHEN):
            rebuilt.append(pieces)
            pieces = ""
    assert rebuilt == list(words)  # each word whole again: nothing lost, nothing split without a hyphen
    heads = [line.removesuffix(DRAWN_HYPHEN) for line in lines if line.endswith(DRAWN_HYPHEN)]
    assert len(heads) >= len(words)  # every one of them had to break
    for head in heads:  # and each break is one of its word's Finnish points
        assert any(word[:at].endswith(head) for word in words for at in _points(word)), head
