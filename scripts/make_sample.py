"""Regenerates the sample workspace: workbook/Наставничество.xlsx (fictional staff) and doc_templates/.

Run from the repository root: python scripts/make_sample.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.book.sample import SETTINGS, rows  # noqa: E402
from automation.office.blank_book import WORKBOOK_NAME, write_launchers, write_workbook  # noqa: E402
from automation.office.default_templates import write_templates  # noqa: E402


def main() -> None:
    path = write_workbook(ROOT / "workbook" / WORKBOOK_NAME, rows(), SETTINGS)
    templates = write_templates(ROOT / "doc_templates", overwrite=True)
    write_launchers(ROOT)
    print(f"Книга: {path.relative_to(ROOT)}; шаблонов: {len(templates)}")


if __name__ == "__main__":
    main()
