"""Regenerates the sample workspace: workbook/Наставничество.xlsx (fictional staff) and doc_templates/.

Run from the repository root: python scripts/make_sample.py
A file whose content did not change is left as it is (only the dates inside a new copy would differ), so the change
a commit shows is the change made.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.book.sample import SETTINGS, rows  # noqa: E402
from automation.office.blank_book import WORKBOOK_NAME, write_launchers, write_workbook  # noqa: E402
from automation.office.default_templates import write_templates  # noqa: E402


def same(made: Path, kept: Path) -> bool:
    """Whether two files hold the same content; for Office files, the same parts with the same bytes, the document's
    own dates of creation and change aside."""
    if not kept.exists():
        return False
    if not zipfile.is_zipfile(made):
        return made.read_bytes() == kept.read_bytes()
    with zipfile.ZipFile(made) as new, zipfile.ZipFile(kept) as old:
        names = set(new.namelist())
        return names == set(old.namelist()) and all(
            new.read(name) == old.read(name) for name in names if name != "docProps/core.xml")


def main() -> None:
    changed = []
    with tempfile.TemporaryDirectory(prefix="nastavnik-sample-") as temp:
        work = Path(temp)
        made = [write_workbook(work / "workbook" / WORKBOOK_NAME, rows(), SETTINGS),
                *write_templates(work / "doc_templates", overwrite=True)]
        for path in made:
            target = ROOT / path.relative_to(work)
            if not same(path, target):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                changed.append(target.relative_to(ROOT).as_posix())
    write_launchers(ROOT, windows=True)  # the repository's sample is laid out for a Windows curator
    print(f"Книга и шаблонов: {len(made)}; изменились: {', '.join(changed) or 'ничего'}")


if __name__ == "__main__":
    main()
