"""docxtpl with StrictUndefined and autoescape; atomic writes into the output folder."""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate

_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


class TemplateProblem(Exception):
    """A template is missing, damaged or names an unknown field; the message is for the curator."""


class DocumentLocked(Exception):
    """The target file is open in another program (Word) and cannot be replaced now."""


class Renderer:
    """Renders documents from the templates of one folder; each template file is read once per build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
        self._sources: dict[str, bytes] = {}
        self._digests: dict[str, str] = {}

    def digest(self, name: str) -> str:
        """A hash of the template's bytes (read once per build)."""
        if name not in self._digests:
            self._digests[name] = hashlib.sha256(self._source(name)).hexdigest()
        return self._digests[name]

    def _source(self, name: str) -> bytes:
        if name not in self._sources:
            path = self.folder / name
            try:
                self._sources[name] = path.read_bytes()
            except FileNotFoundError as err:
                raise TemplateProblem(
                    f"нет шаблона «{name}» в папке «{self.folder}». Верните его из резервной копии "
                    "или создайте шаблоны заново командой «nastavnik init»."
                ) from err
        return self._sources[name]

    def render(self, template: str, context: dict[str, Any]) -> bytes:
        source = self._source(template)
        try:
            document = DocxTemplate(io.BytesIO(source))
            document.render(context, jinja_env=self.env, autoescape=True)
        except jinja2.TemplateSyntaxError as err:
            raise TemplateProblem(
                f"в шаблоне «{template}» ошибка в записи поля или команды: {err.message}. "
                "Проверьте фигурные скобки {{ … }} и {% … %}."
            ) from err
        except jinja2.UndefinedError as err:
            match = _UNDEFINED.search(str(err))
            field = next((g for g in match.groups() if g), str(err)) if match else str(err)
            raise TemplateProblem(
                f"в шаблоне «{template}» неизвестное поле «{field}». Исправьте название поля "
                "(список полей — в шаблонах по умолчанию, «nastavnik init»)."
            ) from err
        except (zipfile.BadZipFile, KeyError) as err:
            raise TemplateProblem(
                f"шаблон «{template}» повреждён или это не документ Word .docx. Сохраните его в Word как .docx."
            ) from err
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place: never a half-written document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".~", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except PermissionError as err:
        raise DocumentLocked(str(path)) from err
    finally:
        if os.path.exists(temp):
            os.remove(temp)
