"""Every document kind declared once: its Russian title, template, output folder and file-name pattern."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentKind:
    key: str
    title: str
    template: str
    folder: str
    file_name: str
    format: str = "docx"

    def name(self, **values: str) -> str:
        """The file name for one document, made safe for Windows without changing how it reads."""
        return safe_name(self.file_name.format(**values)) + "." + self.format


def safe_name(text: str) -> str:
    """Characters Windows forbids in names, replaced by look-alikes: «26/1» stays readable as «26∕1»."""
    for bad, good in (("/", "∕"), ("\\", "∖"), (":", "꞉"), ("*", "∗"), ("?", ""), ('"', "'"),
                      ("<", "‹"), (">", "›"), ("|", "ǀ")):
        text = text.replace(bad, good)
    return " ".join(text.split())


def _order(key: str, subject: str, template: str) -> DocumentKind:
    return DocumentKind(key=key, title=f"Приказ «{subject}»", template=template, folder="Приказы",
                        file_name="{prefix}Приказ{number} " + subject)


ASSIGNMENT_ORDER = _order("assignment_order", "О закреплении наставнических пар (групп)",
                          "Приказ о закреплении наставнических пар.docx")
REPLACEMENT_ORDER = _order("replacement_order", "О замене наставника", "Приказ о замене наставника.docx")
COMPLETION_ORDER = _order("completion_order", "О завершении персонализированных программ наставничества",
                          "Приказ о завершении программ наставничества.docx")
EXTENSION_ORDER = _order("extension_order", "О продлении срока реализации программы",
                         "Приказ о продлении срока программы.docx")
INCENTIVE_ORDER = _order("incentive_order", "О поощрении наставников", "Приказ о поощрении наставников.docx")
ORDERS = (ASSIGNMENT_ORDER, REPLACEMENT_ORDER, COMPLETION_ORDER, EXTENSION_ORDER, INCENTIVE_ORDER)
PROGRAMME = DocumentKind(
    key="programme",
    title="Персонализированная программа наставничества",
    template="Персонализированная программа наставничества.docx",
    folder="Программы",
    file_name="Программа наставничества № {number} {person}",
)
PAIR_LIST = DocumentKind(
    key="pair_list",
    title="Список наставнических пар (групп)",
    template="Список наставнических пар.docx",
    folder="Списки",
    file_name="Список наставнических пар (групп)",
)
PUBLIC_LIST = DocumentKind(
    key="public_list",
    title="Список наставников и наставляемых для сайта",
    template="Список наставников и наставляемых для сайта.docx",
    folder="Списки",
    file_name="Список наставников и наставляемых для сайта",
)
NOMINATION = DocumentKind(
    key="nomination",
    title="Представление к награждению",
    template="Представление к награждению.docx",
    folder="Представления",
    file_name="Представление {person} {measure}",
)
ANALYTIC_REPORT = DocumentKind(
    key="analytic_report",
    title="Аналитический отчёт о реализации системы наставничества",
    template="Аналитический отчёт.docx",
    folder="Отчёты",
    file_name="Аналитический отчёт о реализации системы наставничества {period}",
)
INDICATORS = DocumentKind(
    key="indicators",
    title="Показатели наставничества (таблица для методиста)",
    template="",
    folder="Отчёты",
    file_name="Показатели наставничества {period}",
    format="xlsx",
)
SITE_PAGE = DocumentKind(
    key="site_page",
    title="Страница для сайта",
    template="Страница для сайта.html",
    folder="Списки",
    file_name="Страница для сайта",
    format="html",
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
)
DISTRICT_TABLE = DocumentKind(
    key="district_table",
    title="Сводка по району (таблица)",
    template="",
    folder="",
    file_name="Сводка по району {period}",
    format="xlsx",
)
CHECK_REPORT = DocumentKind(
    key="check_report",
    title="Отчёт о проверке",
    template="Отчёт о проверке.docx",
    folder="",
    file_name="Отчёт о проверке",
)

KINDS = (*ORDERS, PROGRAMME, PAIR_LIST, PUBLIC_LIST, SITE_PAGE, NOMINATION, ANALYTIC_REPORT, INDICATORS, SUGGESTIONS,
         CHECK_REPORT)
TEMPLATED = tuple(kind for kind in (*KINDS, DISTRICT_SUMMARY) if kind.template)
"""Every kind made from a template a curator can edit (a school's documents and the district summary)."""
