"""Every document kind declared once: its Russian title, its template and the fields the template may use, its output
folder and file-name pattern; for an order, its kind in the register (with the book's columns that carry its number),
what it changes in force and which changes of a signed order it records. The function that makes a kind's documents
declares itself with `@makes(kind)` beside its code, its default template with `@default_template(kind)` in
`office/default_templates.py`; `tests/test_structure.py` checks that each kind has all of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable

from automation.book import schema
from automation.documents import fields
from automation.documents.fields import Field
from automation.documents.period import Period

if TYPE_CHECKING:
    from automation.book.models import Data
    from automation.documents.document import Document

ORDERS_FOLDER = "Приказы"
PROGRAMMES_FOLDER = "Программы"
LISTS_FOLDER = "Списки"
NOMINATIONS_FOLDER = "Представления"
REPORTS_FOLDER = "Отчёты"
AGREEMENTS_FOLDER = "Соглашения"
QUESTIONNAIRES_FOLDER = "Анкеты"
"""The folders of `output/`, one per family of documents (the check report and the field guide stand at its top)."""

class Topic(Enum):
    """What an order changes in what is in force (and what a change still pending its order awaits)."""
    APPOINTMENT = "appointment"
    MENTOR = "mentor"
    EXTENSION = "extension"
    COMPLETION = "completion"


@dataclass(frozen=True)
class DocumentKind:
    key: str
    title: str
    template: str
    folder: str
    file_name: str
    format: str = "docx"
    fields: dict[str, Field] | None = field(default=None, compare=False, repr=False)
    """The fields its template may use (read by the template check and printed in the field guide)."""
    order: schema.RegisterKind | None = None
    """For an order: its kind in the register «Приказы» (column «Вид»), with the columns that carry its number."""
    changes: Topic | None = None
    """For an order that puts a change in force: which."""
    records: tuple[str, ...] = ()
    """For an order: the changes to a signed order's pairs (as `signed.describe_changes` labels them) that are made
    by an order of this kind instead."""

    @property
    def register(self) -> str:
        """For an order: its kind as the register names it; empty for other documents."""
        return self.order.text if self.order is not None else ""

    def name(self, **values: str) -> str:
        """The file name for one document, made safe for Windows without changing how it reads; what the curator
        typed (a number, a name) is shortened so the whole name fits every file system."""
        short = {key: _shortened(str(value), VALUE_LIMIT) for key, value in values.items()}
        # «… Мороз И.И.docx»: the initials' full stop serves the extension too, never «И.И.docx».
        return safe_name(self.file_name.format(**short)).rstrip(".") + "." + self.format


NAME_LIMIT = 100
"""Characters of a document's name before its extension: 100 Cyrillic letters are 200 bytes, and the archive's
«(в архиве ДД.ММ.ГГГГ ЧЧ-ММ)» still fits the 255 bytes Linux allows; Windows' 260-character path keeps room too."""
VALUE_LIMIT = 40
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


def safe_name(text: str) -> str:
    """Characters Windows forbids in names, replaced by look-alikes: «26/1» stays readable as «26∕1»; no control
    characters, no reserved device name (CON, PRN …), at most NAME_LIMIT characters. (A trailing dot matters only
    at the very end of a name: documents get their extension after it, folders strip it.)"""
    for bad, good in (("/", "∕"), ("\\", "∖"), (":", "꞉"), ("*", "∗"), ("?", ""), ('"', "'"),
                      ("<", "‹"), (">", "›"), ("|", "ǀ")):
        text = text.replace(bad, good)
    text = "".join(c for c in text if c.isprintable() or c.isspace())
    text = _shortened(" ".join(text.split()), NAME_LIMIT)
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text or "_"


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _order(key: str, register: str, template: str, its_fields: dict[str, Field] = fields.POINTS_ORDER,
           changes: Topic | None = None, records: tuple[str, ...] = ()) -> DocumentKind:
    return DocumentKind(key=key, title=f"Приказ «{register}»", template=template, folder=ORDERS_FOLDER,
                        file_name="{prefix}Приказ{number} " + register, fields=its_fields,
                        order=schema.register_kind(register), changes=changes, records=records)


REMOVED = "removed"
"""The change «a pair or group is no longer in the order» (see `records`)."""
ASSIGNMENT_ORDER = _order("assignment_order", schema.ORDER_ASSIGNMENT, "Приказ о закреплении наставнических пар.docx",
                          fields.ASSIGNMENT_ORDER, changes=Topic.APPOINTMENT)
REPLACEMENT_ORDER = _order("replacement_order", schema.ORDER_REPLACEMENT, "Приказ о замене наставника.docx",
                           changes=Topic.MENTOR, records=("наставник",))
COMPLETION_ORDER = _order("completion_order", schema.ORDER_COMPLETION,
                          "Приказ о завершении программ наставничества.docx", changes=Topic.COMPLETION,
                          records=(REMOVED,))
EXTENSION_ORDER = _order("extension_order", schema.ORDER_EXTENSION, "Приказ о продлении срока программы.docx",
                         changes=Topic.EXTENSION, records=("срок программы",))
INCENTIVE_ORDER = _order("incentive_order", schema.ORDER_INCENTIVE, "Приказ о поощрении наставников.docx")
ORGANIZING_ORDER = _order("organizing_order", schema.ORDER_ORGANIZING,
                          "Приказ об организации наставничества.docx", fields.ORGANIZING_ORDER)
ORDERS = (ASSIGNMENT_ORDER, REPLACEMENT_ORDER, COMPLETION_ORDER, EXTENSION_ORDER, INCENTIVE_ORDER, ORGANIZING_ORDER)
PROGRAMME = DocumentKind(
    key="programme",
    title="Персонализированная программа наставничества",
    template="Персонализированная программа наставничества.docx",
    folder=PROGRAMMES_FOLDER,
    file_name="Программа наставничества № {number} {person}",
    fields=fields.PROGRAMME,
)
PAIR_LIST = DocumentKind(
    key="pair_list",
    title="Список наставнических пар (групп)",
    template="Список наставнических пар.docx",
    folder=LISTS_FOLDER,
    file_name="Список наставнических пар (групп)",
    fields=fields.PAIR_LIST,
)
PUBLIC_LIST = DocumentKind(
    key="public_list",
    title="Список наставников и наставляемых для сайта",
    template="Список наставников и наставляемых для сайта.docx",
    folder=LISTS_FOLDER,
    file_name="Список наставников и наставляемых для сайта",
    fields=fields.PUBLIC,
)
NEEDS_LIST = DocumentKind(
    key="needs_list",
    title="Список педагогов, которых необходимо включить в наставническую деятельность в качестве наставляемых",
    template="Список педагогов для включения в наставничество.docx",
    folder=LISTS_FOLDER,
    file_name="Список педагогов для включения в наставничество в качестве наставляемых",
    fields=fields.NEEDS_LIST,
)
NOMINATION = DocumentKind(
    key="nomination",
    title="Представление к награждению",
    template="Представление к награждению.docx",
    folder=NOMINATIONS_FOLDER,
    file_name="Представление {person} {measure}",
    fields=fields.NOMINATION,
)
ANALYTIC_REPORT = DocumentKind(
    key="analytic_report",
    title="Аналитический отчёт о реализации системы наставничества",
    template="Аналитический отчёт.docx",
    folder=REPORTS_FOLDER,
    file_name="Аналитический отчёт о реализации системы наставничества {period}",
    fields=fields.ANALYTIC_REPORT,
)
MONITORING_CERTIFICATE = DocumentKind(
    key="monitoring_certificate",
    title="Справка о реализации системы наставничества (для мониторинга)",
    template="Справка о реализации системы наставничества.docx",
    folder=REPORTS_FOLDER,
    file_name="Справка о реализации системы наставничества {period}",
    fields=fields.MONITORING_CERTIFICATE,
)
QUESTIONNAIRE_FORMS = DocumentKind(
    key="questionnaire_forms",
    title="Анкеты мониторинга для печати (по этапу)",
    template="Анкеты.docx",
    folder=QUESTIONNAIRES_FOLDER,
    file_name="Анкеты — {stage} этап",
    fields=fields.QUESTIONNAIRE_FORMS,
)
INDICATORS = DocumentKind(
    key="indicators",
    title="Показатели наставничества (таблица для методиста)",
    template="",
    folder=REPORTS_FOLDER,
    file_name="Показатели наставничества {period}",
    format="xlsx",
)
SITE_PAGE = DocumentKind(
    key="site_page",
    title="Страница для сайта",
    template="Страница для сайта.html",
    folder=LISTS_FOLDER,
    file_name="Страница для сайта",
    format="html",
    fields=fields.PUBLIC,
)
SUGGESTIONS = DocumentKind(
    key="suggestions",
    title="Предложения по парам",
    template="",
    folder="",
    file_name="Предложения по парам",
    format="xlsx",
)
DISTRICT_SUMMARY = DocumentKind(
    key="district_summary",
    title="Сводка по району",
    template="Сводка по району.docx",
    folder="",
    file_name="Сводка по району {period}",
    fields=fields.DISTRICT_SUMMARY,
)
DISTRICT_TABLE = DocumentKind(
    key="district_table",
    title="Сводка по району (таблица)",
    template="",
    folder="",
    file_name="Сводка по району {period}",
    format="xlsx",
)
DISTRICT_CERTIFICATES = DocumentKind(
    key="district_certificates",
    title="Справки школ о реализации системы наставничества (таблица по району)",
    template="",
    folder="",
    file_name="Справки школ о наставничестве {period}",
    format="xlsx",
)
CHECK_REPORT = DocumentKind(
    key="check_report",
    title="Отчёт о проверке",
    template="Отчёт о проверке.docx",
    folder="",
    file_name="Отчёт о проверке",
    fields=fields.CHECK_REPORT,
)

CONSENT = DocumentKind(
    key="consent",
    title="Согласие на выполнение работы по наставничеству",
    template="Согласие на наставничество.docx",
    folder=AGREEMENTS_FOLDER,
    file_name="Согласие {person} ({unit})",
    fields=fields.MENTOR_PAPER,
)
AGREEMENT = DocumentKind(
    key="agreement",
    title="Дополнительное соглашение к трудовому договору о наставничестве",
    template="Дополнительное соглашение о наставничестве.docx",
    folder=AGREEMENTS_FOLDER,
    file_name="Доп. соглашение {number}{person} ({unit})",
    fields=fields.MENTOR_PAPER,
)

EXTENSION_AGREEMENT = DocumentKind(
    key="extension_agreement",
    title="Дополнительное соглашение о продлении срока выполнения работы по наставничеству",
    template="Дополнительное соглашение о продлении наставничества.docx",
    folder=AGREEMENTS_FOLDER,
    file_name="Доп. соглашение {number}о продлении {person} ({unit})",
    fields=fields.EXTENSION_AGREEMENT,
)
PAY_LIST = DocumentKind(
    key="pay_list",
    title="Список доплат за наставничество",
    template="Список доплат за наставничество.docx",
    folder=LISTS_FOLDER,
    file_name="Список доплат за наставничество",
    fields=fields.PAY_LIST,
)
REFUSAL = DocumentKind(
    key="refusal",
    title="Уведомление о досрочном отказе от выполнения работы по наставничеству",
    template="Уведомление об отказе от наставничества.docx",
    folder=AGREEMENTS_FOLDER,
    file_name="Уведомление об отказе {person} ({unit})",
    fields=fields.EARLY_END,
)
CANCELLATION = DocumentKind(
    key="cancellation",
    title="Уведомление об отмене поручения о выполнении работы по наставничеству",
    template="Уведомление об отмене поручения.docx",
    folder=AGREEMENTS_FOLDER,
    file_name="Уведомление об отмене поручения {person} ({unit})",
    fields=fields.EARLY_END,
)
TERMINATION = DocumentKind(
    key="termination",
    title="Соглашение о досрочном прекращении работы по наставничеству",
    template="Соглашение о прекращении наставничества.docx",
    folder=AGREEMENTS_FOLDER,
    file_name="Соглашение о прекращении {person} ({unit})",
    fields=fields.EARLY_END,
)
MENTEE_APPLICATION = DocumentKind(
    key="mentee_application",
    title="Заявление наставляемого о замене наставника",
    template="Заявление о замене наставника.docx",
    folder=AGREEMENTS_FOLDER,
    file_name="Заявление о замене наставника {person} ({unit})",
    fields=fields.EARLY_END,
)

MENTOR_PAPERS = (CONSENT, AGREEMENT, EXTENSION_AGREEMENT, REFUSAL, CANCELLATION, TERMINATION, MENTEE_APPLICATION)
"""Each mentor's own papers under ст. 351.8 ТК РФ and the applications of п. III.9.1 (folder «Соглашения»)."""

GUIDE_NAME = "Поля шаблонов.docx"
"""The field guide: every field each kind offers (written by `field_guide`, named by the template check)."""
KINDS = (*ORDERS, PROGRAMME, *MENTOR_PAPERS, PAIR_LIST, PAY_LIST, PUBLIC_LIST, NEEDS_LIST, SITE_PAGE, NOMINATION,
         QUESTIONNAIRE_FORMS, ANALYTIC_REPORT, MONITORING_CERTIFICATE, INDICATORS, SUGGESTIONS, CHECK_REPORT)
TEMPLATED = tuple(kind for kind in (*KINDS, DISTRICT_SUMMARY) if kind.template)
"""Every kind made from a template a curator can edit (a school's documents and the district summary)."""
FIELDS: dict[str, dict[str, Field]] = {kind.key: kind.fields for kind in TEMPLATED if kind.fields is not None}
"""Kind → the fields its template may use."""
BY_TEMPLATE: dict[str, DocumentKind] = {kind.template: kind for kind in TEMPLATED}
"""Template file name → its document kind."""


@dataclass(frozen=True)
class Request:
    """What the function that makes a kind's documents is given."""
    data: Data
    common: dict[str, Any]
    """The fields every template shares (`document.School.context()`)."""
    today: dt.date
    period: Period
    """The analytic report's period."""


Maker = Callable[[Request], "list[Document]"]
_MAKERS: dict[str, Maker] = {}


def makes(*kinds: DocumentKind) -> Callable[[Maker], Maker]:
    """Declares the function that makes the documents of these kinds (one function may make two kinds at once)."""
    def register(maker: Maker) -> Maker:
        for kind in kinds:
            _MAKERS[kind.key] = maker
        return maker
    return register


def maker(kind: DocumentKind) -> Maker | None:
    """The function declared to make this kind's documents (once the modules of `documents.gather` are imported)."""
    return _MAKERS.get(kind.key)


MADE_BY_THE_BUILD = (CHECK_REPORT,)
"""Kinds the build makes itself, after every other document (with every problem of the build)."""
