"""Makes «Руководство куратора.pdf» from docs/Руководство куратора.md: Markdown → HTML (markdown-it-py, which rich
already brings) → PDF by LibreOffice, pictures from docs/images included.

    python scripts/make_guide.py --output DIR
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.run.printing import PrintProblem, convert, find_soffice  # noqa: E402

SOURCE = ROOT / "docs" / "Руководство куратора.md"
PDF_NAME = "Руководство куратора.pdf"
STYLE = """<style>
@page { size: A4; margin: 20mm 15mm 20mm 20mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 12pt; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; }
table { border-collapse: collapse; } td, th { border: 1px solid #777; padding: 3px 6px; vertical-align: top; }
img { width: 60%; }
</style>"""


def html() -> str:
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark").enable("table").render(SOURCE.read_text(encoding="utf-8"))
    images = (ROOT / "docs" / "images").resolve().as_uri()
    body = body.replace('src="images/', f'src="{images}/').replace("<table>", '<table border="1" cellpadding="4">')
    return f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Руководство куратора</title>' \
           f"{STYLE}</head><body>{body}</body></html>"


def make_pdf(output: Path) -> Path:
    """The guide's PDF in `output`; a Russian reason (SystemExit) where LibreOffice is missing or fails."""
    soffice = find_soffice()
    if soffice is None:
        sys.exit("Для «Руководства куратора.pdf» нужен LibreOffice (в Debian/Ubuntu — пакет libreoffice-writer-nogui).")
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nastavnik-guide-") as temp:
        work = Path(temp)
        source = work / "guide.html"
        source.write_text(html(), encoding="utf-8")
        try:
            convert(soffice, work, [source], "pdf:writer_web_pdf_Export")
        except PrintProblem as err:
            sys.exit(str(err))
        made = work / "guide.pdf"
        if not made.is_file():
            sys.exit("LibreOffice не сделал PDF руководства; закройте его окна и повторите.")
        target = output / PDF_NAME
        target.write_bytes(made.read_bytes())
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Руководство куратора в PDF.")
    parser.add_argument("--output", type=Path, required=True)
    print(make_pdf(parser.parse_args().output))


if __name__ == "__main__":
    main()
