"""Write docs/problems.md from the problem catalogue in the code."""

from pathlib import Path

from toteuma.core.problems import catalogue_markdown

PAGE = Path(__file__).resolve().parents[1] / "docs" / "problems.md"

if __name__ == "__main__":
    PAGE.write_text(catalogue_markdown(), encoding="utf-8")
    print(f"wrote {PAGE}")
