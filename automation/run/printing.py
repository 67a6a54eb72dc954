"""The print bundle «На подпись ДД.ММ.ГГГГ.pdf»: the documents awaiting signature, in one LibreOffice call, joined."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from automation.files import WriteFailed, archive, write_atomic

INSTALL_HINT = ("нужен LibreOffice: установите его с сайта ru.libreoffice.org (в Debian/Ubuntu — «sudo apt install "
                "libreoffice-writer-nogui»); документы .docx уже в папке «{output}».")
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
SECONDS_PER_DOCUMENT, SECONDS_TO_START = 10, 60


@dataclass(frozen=True)
class Bundle:
    """The bundle made: where, how many documents, how many pages, and the fonts LibreOffice put in Times New
    Roman's place (none where it or a font of its widths is installed)."""

    path: Path
    documents: int
    pages: int
    substitutes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.path} (документов: {self.documents}, страниц: {self.pages})"

    @property
    def font_warning(self) -> str | None:
        if not self.substitutes:
            return None
        names = ", ".join(f"«{name}»" for name in self.substitutes)
        return (f"шрифта Times New Roman на этом компьютере нет, и LibreOffice напечатал документы шрифтом {names}: "
                "страницы могут разбиться не так, как при печати из Word. Установите шрифты той же ширины — "
                "Liberation: в Debian и Ubuntu «sudo apt install fonts-liberation», в Astra Linux, ALT и РЕД ОС — "
                "пакет fonts-liberation (liberation-fonts); в Windows Times New Roman есть всегда.")


TIMES_WIDTHS = ("timesnewroman", "times-roman", "timesroman", "liberationserif", "tinos")
"""Fonts of Times New Roman's widths (as a PDF names them, in lower case without spaces): a page breaks as in Word."""
_SYMBOLS = ("opensymbol", "symbol", "dejavusans", "liberationsans", "arial")
"""Fonts LibreOffice may use for a sign the text font lacks, or the documents use on purpose (charts): no warning."""


def substituted_fonts(pdf) -> tuple[str, ...]:
    """The fonts a PDF prints its text in where Times New Roman was asked for: none when it holds Times New Roman
    or a font of its widths."""
    names: set[str] = set()
    for page in pdf.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") if hasattr(resources, "get") else None
        for font in (fonts.get_object().values() if fonts is not None else ()):
            base = str(font.get_object().get("/BaseFont", "")).lstrip("/")
            family = base.split("+", 1)[-1].split(",")[0].split("-")[0]
            if family:
                names.add(family)
    compact = {name: name.lower().replace(" ", "").replace("#20", "") for name in names}
    if any(value.startswith(TIMES_WIDTHS) for value in compact.values()):
        return ()
    return tuple(sorted(name.replace("#20", " ") for name, value in compact.items()
                        if not value.startswith(_SYMBOLS)))


class PrintProblem(Exception):
    """The bundle cannot be made (no LibreOffice, a document it could not convert); the message is for the curator."""


BUNDLE_PATTERN = "На подпись *.pdf"


def bundle_name(day: dt.date) -> str:
    return f"На подпись {day:%d.%m.%Y}.pdf"


def archive_old_bundles(output: Path, keep: Path | None, now: dt.datetime) -> list[Path]:
    """Earlier «На подпись» files go to the archive: what they hold has been signed or printed again since, and the
    launcher opens the newest one, so no stale file may stay beside today's."""
    return [moved for old in sorted(output.glob(BUNDLE_PATTERN))
            if old != keep and (moved := archive(output, old.relative_to(output), now)) is not None]


def find_soffice() -> str | None:
    """LibreOffice's command: on the PATH, or where its Windows installer puts it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _WINDOWS_PLACES if os.path.isfile(place)), None)


def print_bundle(output: Path, documents: list[tuple[str, Path]], day: dt.date,
                 soffice: str | None = None) -> Bundle:
    """Convert `documents` (title, path inside `output`) to PDF with one LibreOffice call and join them, in the given
    order, into `output/На подпись ДД.ММ.ГГГГ.pdf`, each document a bookmark."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise PrintProblem(INSTALL_HINT.format(output=output))
    from pypdf import PdfReader, PdfWriter  # loaded only when printing

    with tempfile.TemporaryDirectory(prefix="nastavnik-print-") as temp:
        work = Path(temp)
        # Plain names: LibreOffice is given no spaces or Cyrillic to quote, and no two files can clash.
        sources = []
        for index, (_, path) in enumerate(documents, start=1):
            source = work / f"{index:03d}.docx"
            shutil.copyfile(output / path, source)
            sources.append(source)
        convert(soffice, work, sources)
        writer = PdfWriter()
        for (title, path), source in zip(documents, sources, strict=True):
            pdf = source.with_suffix(".pdf")
            if not pdf.is_file():
                raise PrintProblem(f"LibreOffice не смог перевести в PDF «{path}»; откройте его в Word и "
                                   "сохраните заново, затем повторите.")
            start = len(writer.pages)
            writer.append(PdfReader(pdf))
            writer.add_outline_item(title=title, page_number=start)
        pages = len(writer.pages)
        out = io.BytesIO()
        writer.write(out)
        substitutes = substituted_fonts(PdfReader(io.BytesIO(out.getvalue())))
    target = output / bundle_name(day)
    try:
        write_atomic(target, out.getvalue())
    except WriteFailed as err:
        raise PrintProblem(str(err)) from err
    return Bundle(target, len(documents), pages, substitutes)


def convert(soffice: str, work: Path, sources: list[Path], target: str = "pdf") -> None:
    """One `soffice --convert-to pdf` for all, with a profile of its own: a LibreOffice the curator has open, or a
    second conversion at the same time, cannot make it silently skip files. `target` names another PDF filter
    («pdf:writer_web_pdf_Export» for an HTML page). The profile starts as a copy of one LibreOffice made before and
    the program kept (a new profile costs LibreOffice half a second); one it cannot use is forgotten, and the
    conversion made again with a new one."""
    profile = work / "profile"
    kept = _kept_profile(soffice)
    copied = _copied(kept, profile)
    made = _convert(soffice, profile, work, sources, target)
    if copied and not made:
        shutil.rmtree(kept, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)
        copied, made = False, _convert(soffice, profile, work, sources, target)
    if made and not copied:
        _keep(profile, kept)


def _convert(soffice: str, profile: Path, work: Path, sources: list[Path], target: str) -> bool:
    """One LibreOffice run with `profile`; whether every source has its PDF in `work` (where LibreOffice writes it,
    wherever the source is)."""
    command = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(work), *[str(s) for s in sources]]
    try:
        subprocess.run(command, cwd=work, capture_output=True, check=False,
                       timeout=SECONDS_TO_START + SECONDS_PER_DOCUMENT * len(sources))
    except subprocess.TimeoutExpired as err:
        raise PrintProblem("LibreOffice не ответил вовремя при переводе в PDF; закройте его окна и повторите.") from err
    except OSError as err:
        raise PrintProblem(f"LibreOffice ({soffice}) не запускается: переустановите его.") from err
    return all((work / source.with_suffix(".pdf").name).is_file() for source in sources)


def _kept_profile(soffice: str) -> Path:
    """Where the profile of this LibreOffice (its program file, as installed now) is kept, in the user's cache."""
    import hashlib

    from automation.memo import folder

    program = Path(soffice).resolve()
    try:
        stamp = f"{program}|{program.stat().st_mtime_ns}|{program.stat().st_size}"
    except OSError:
        stamp = str(program)
    return folder() / "libreoffice" / hashlib.sha256(stamp.encode("utf-8")).hexdigest()[:16]


def _copied(kept: Path, profile: Path) -> bool:
    """The kept profile copied to `profile`, if there is one and it can be."""
    if not kept.is_dir():
        return False
    try:
        shutil.copytree(kept, profile)
    except OSError:
        shutil.rmtree(profile, ignore_errors=True)
        return False
    return True


def _keep(profile: Path, kept: Path) -> None:
    """The profile LibreOffice made, kept for the next conversion: copied beside its place and renamed into it (a
    conversion at the same time that kept its own first wins). Nothing is said when it cannot be."""
    staged = kept.with_name(f".~{kept.name}-{os.getpid()}")
    try:
        shutil.copytree(profile, staged)
        os.replace(staged, kept)
    except OSError:
        shutil.rmtree(staged, ignore_errors=True)
