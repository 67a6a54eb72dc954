"""The default template of the questionnaires to print: a page per participant, the questions with boxes to tick."""

from __future__ import annotations

from automation.documents import catalogue
from automation.office.page import CENTER, LEFT, NOTE_SIZE, TABLE_SIZE, Page
from automation.office.template_registry import default_template


@default_template(catalogue.QUESTIONNAIRE_FORMS)
def questionnaire_forms() -> Page:
    page = Page()
    page.tag("{%p for а in анкеты %}")
    page.line("{{ орг.полное }}", align=CENTER, size=NOTE_SIZE)
    page.line("{{ а.название }}", align=CENTER, bold=True, caps=True, before=12)
    page.line("{{ а.этап }}", align=CENTER, after=12)
    page.line("Участник: {{ а.фио }}, {{ а.должность }}", align=LEFT, size=TABLE_SIZE)
    page.line("{{ а.пара }}; {{ а.кто }}: {{ а.другие }}", align=LEFT, size=TABLE_SIZE)
    page.line("Программа: {{ а.программа }}", align=LEFT, size=TABLE_SIZE)
    page.line("Заполнить до {{ а.срок }}.", align=LEFT, size=TABLE_SIZE, after=6)
    page.text("{{ а.как }}", size=NOTE_SIZE, after=3)
    page.tag("{%p for в in а.вопросы %}")
    page.line("{{ в.номер }}. {{ в.текст }}", align=LEFT, size=TABLE_SIZE, before=6, keep=True)
    page.tag("{%p for о in в.ответ[:-1] %}")
    page.line("{{ о }}", align=LEFT, indent=True, size=TABLE_SIZE, before=4, keep=True)
    page.tag("{%p endfor %}")
    page.line("{{ в.ответ[-1] }}", align=LEFT, indent=True, size=TABLE_SIZE, before=4)
    page.tag("{%p endfor %}")
    page.spread("Дата заполнения «___» ____________ 20___ г.", "Подпись __________", before=18)
    page.tag("{%p if not loop.last %}")
    page.page_break()
    page.tag("{%p endif %}")
    page.tag("{%p endfor %}")
    page.tag("{%p if not анкеты %}")
    page.text("Все участники пар и групп уже заполнили анкеты этого этапа ({{ этап }}); на {{ дата }} печатать "
              "нечего.")
    page.tag("{%p endif %}")
    return page
