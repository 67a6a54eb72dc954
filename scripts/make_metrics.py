"""Writes automation/office/font_metrics.py: the advance widths of Liberation Serif (the metric twin of Times New Roman, the
documents' font), regular and bold, for the characters the documents print. Run where fonts-liberation is installed:
    python scripts/make_metrics.py
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import ImageFont

FONTS = Path("/usr/share/fonts/truetype/liberation")
CHARS = ("".join(chr(c) for c in range(32, 127)) + "".join(chr(c) for c in range(0x410, 0x450))
         + "ЁёІіЇїЄєҐґ«»–—№…“”„’‘·°§\u00a0")
TARGET = Path(__file__).resolve().parent.parent / "automation" / "office" / "font_metrics.py"


def widths(style: str) -> list[int]:
    font = ImageFont.truetype(str(FONTS / f"LiberationSerif-{style}.ttf"), 1000)
    return [round(font.getlength(char)) for char in CHARS]


def main() -> None:
    lines = ['"""Advance widths of Liberation Serif (metric twin of Times New Roman) in thousandths of an em, regular and',
             'bold. Made by scripts/make_metrics.py; do not edit by hand."""', "",
             f"CHARS = {CHARS!r}"]
    for name, style in (("REGULAR", "Regular"), ("BOLD", "Bold")):
        numbers = ", ".join(str(w) for w in widths(style))
        lines.append(f"{name} = (")
        lines += ["    " + line for line in textwrap.wrap(numbers, 112)]
        lines.append(")")
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
