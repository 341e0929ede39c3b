"""The report's sources as people read them, and the technical appendix with the files' checksums.

"What data, as of when, imported by whom": one line per imported file the figures come from, in the
report's language. Checksums, the layout's key, the program's version and the moment the document was
made are for those who check a copy; they follow in a small appendix.
"""

from __future__ import annotations

from datetime import datetime

from toteuma.core.messages import moment, t_in
from toteuma.core.report import ReportContent, SourceBatch
from toteuma.reports.i18n import Catalogue
from toteuma.reports.model import SourceRow


def _span(batch: SourceBatch, cat: Catalogue) -> str:
    """'2.1.–28.3.2024', or the budget's year."""
    if batch.first is None or batch.last is None:
        return cat.get("sources", "budget_years", years=", ".join(map(str, batch.years)))
    first, last = batch.first, batch.last
    start = f"{first.day}.{first.month}." + ("" if first.year == last.year else str(first.year))
    return f"{start}–{last.day}.{last.month}.{last.year}"


def source_rows(content: ReportContent, cat: Catalogue) -> tuple[SourceRow, ...]:
    lang = cat.lang
    return tuple(
        SourceRow(
            what=cat.get("sources", "what", kind=t_in(lang, f"kinds.{batch.kind}"), file=batch.file_name),
            span=_span(batch, cat),
            lines=cat.get("sources", "lines", lines=_grouped(batch.lines, lang)),
            imported=moment(batch.imported_at, lang),
            by=batch.imported_by or "–",
        )
        for batch in content.sources
    )


def _grouped(number: int, lang: str) -> str:
    return f"{number:,}".replace(",", "," if lang == "en" else "\u00a0")


def technical_rows(
    content: ReportContent, cat: Catalogue, layout_description: str = ""
) -> tuple[tuple[str, str], ...]:
    """The files' checksums, then the layout (what it is, in words), the program and when this copy
    was made."""
    lang = cat.lang
    rows = [(cat.get("sources", "checksum", file=batch.file_name), batch.sha256) for batch in content.sources]
    for key, value in content.provenance:
        if key == "layout" and layout_description:
            value = layout_description.split(":")[0]  # what the layout is, in words (its file: the JSON)
        elif key == "made":
            value = moment(datetime.fromisoformat(value), lang)
        rows.append((cat.get("sources", key), value))
    return tuple(rows)
