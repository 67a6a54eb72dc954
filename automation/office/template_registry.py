"""The default templates' registry: each function that writes a default Word template declares its document kinds
with `@default_template(kind)` beside its code (`default_templates`, `mentor_papers`)."""

from __future__ import annotations

from typing import Callable

from automation.documents import catalogue
from automation.office.page import Page

TEMPLATES: dict[str, Callable[[], Page]] = {}
"""Template file name → the function that makes its default."""


def default_template(*kinds: catalogue.DocumentKind) -> Callable[[Callable[[], Page]], Callable[[], Page]]:
    def register(make: Callable[[], Page]) -> Callable[[], Page]:
        for kind in kinds:
            TEMPLATES[kind.template] = make
        return make
    return register
