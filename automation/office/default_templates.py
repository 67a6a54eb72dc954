"""The default Word templates, written by code so `init` can lay them down; ГОСТ Р 7.0.97 layout."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Pt

from automation.documents import catalogue
from automation.files import write_atomic

# The mentors' papers and the questionnaires declare their templates in modules of their own: imported, they are
# registered.
from automation.office import mentor_papers, questionnaire_template  # noqa: F401
from automation.office.page import CENTER, KEEP_LAST, LEFT, NOTE_SIZE, PLAN_SIZE, RIGHT, Page
from automation.office.site_template import SITE_PAGE
from automation.office.template_registry import TEMPLATES, default_template


def _letterhead(page: Page) -> None:
    """Organisation name, document kind, date and number, place: the requisites of an order."""
    page.line("{{ орг.полное }}", align=CENTER, bold=True)
    page.tag("{%p if приказ.проект %}")
    page.line("ПРОЕКТ", align=RIGHT, bold=True, before=6)
    page.tag("{%p endif %}")
    page.line("ПРИКАЗ", align=CENTER, bold=True, before=12, after=12)
    page.spread("{{ приказ.дата }}", "№ {{ приказ.номер }}")
    page.line("{{ орг.место }}", align=CENTER, before=6, after=12)


def _signature(page: Page) -> None:
    page.spread("{{ орг.руководитель.должность }}", "{{ орг.руководитель.подпись }}", before=24)


def _acquainted(page: Page) -> None:
    page.line("С приказом ознакомлены:", align=LEFT, before=18, after=6, keep=True)
    page.table(["Фамилия, инициалы", "Подпись", "Дата"],
               ["{{ ч.фио_кратко }}", "", ""], "ч in ознакомлены", widths=[80, 50, 50])


@default_template(catalogue.ASSIGNMENT_ORDER)
def assignment_order() -> Page:
    page = Page()
    _letterhead(page)
    page.line("{{ приказ.заголовок }}", align=LEFT, bold=True, after=12)
    page.text("В соответствии с {{ орг.правовые_основания }}, Положением о системе наставничества "
              "педагогических работников в {{ орг.краткое }}, утверждённым приказом {{ орг.положение }}, "
              "на основании {{ 'письменных согласий наставников' if орг.по_соглашению else 'трудовых договоров и "
              "должностных инструкций наставников' }}")
    page.line("ПРИКАЗЫВАЮ:", align=LEFT, before=6, after=6)
    page.text("1. Закрепить наставнические пары (группы) и назначить наставников согласно списку "
              "(приложение № 1):")
    page.tag("{%p for п in пары %}")
    page.text("1.{{ loop.index }}. Назначить наставником {{ п.наставник.фио.вп }}, {{ п.наставник.должность.вп }}, "
              "и закрепить за {{ п.за_ним }} {{ п.наставляемые_слово }} {{ п.наставляемые_вп }} "
              "({{ п.вид }} № {{ п.номер }}; форма наставничества «{{ п.форма }}», форма взаимодействия "
              "«{{ п.взаимодействие }}»; направление: {{ п.направление }}{{ п.срок }}). "
              "Основание: {{ п.основание }}.{% if п.доплата %} {{ п.доплата }}{% endif %}")
    page.tag("{%p endfor %}")
    page.text("2. Утвердить {{ утвердить }}.")
    page.text("3. Назначить куратором реализации персонализированных программ наставничества "
              "{{ куратор.фио.вп }}, {{ куратор.должность.вп }}.")
    page.text("4. Наставникам обеспечить выполнение планов мероприятий персонализированных программ "
              "наставничества в установленные сроки; куратору вести учёт наставников и наставляемых "
              "и мониторинг реализации программ (раздел III Положения).")
    page.text("5. Оплату наставнической деятельности производить {% if орг.по_соглашению %}в соответствии с "
              "дополнительными соглашениями к трудовым договорам наставников (статья 351.8 Трудового кодекса "
              "Российской Федерации){% else %}в составе заработной платы по должности, в которую входят обязанности "
              "наставника{% endif %}.")
    page.text("6. Контроль за исполнением настоящего приказа возложить на {{ куратор.должность.вп }} "
              "{{ куратор.подпись_вп }}.", keep=KEEP_LAST)  # the last point stays on the signature's page
    _signature(page)
    _acquainted(page)
    page.page_break()
    page.block_right(["Приложение № 1", "к приказу {{ приказ.реквизиты }}"])
    page.line("Список наставнических пар (групп)", align=CENTER, bold=True, before=12, after=6)
    page.table(["№", "Наставник", "Наставляемый (наставляемые)", "Форма наставничества, форма взаимодействия",
                "Направление", "Срок программы"],
               ["{{ п.номер }}", "{{ п.наставник.фио_кратко }}, {{ п.наставник.должность.им }}",
                "{{ п.наставляемые_им }}", "{{ п.форма }}; {{ п.взаимодействие }}", "{{ п.направление }}",
                "{{ п.срок_таблица }}"],
               "п in пары", widths=[10, 34, 37, 39, 32, 28])
    return page


@default_template(catalogue.REPLACEMENT_ORDER, catalogue.COMPLETION_ORDER, catalogue.EXTENSION_ORDER,
                  catalogue.INCENTIVE_ORDER)
def points_order() -> Page:
    """The lifecycle orders (replacement, completion, extension, incentives): their points are numbered sentences."""
    page = Page()
    _letterhead(page)
    page.line("{{ приказ.заголовок }}", align=LEFT, bold=True, after=12)
    page.text("{{ преамбула }}")
    page.line("ПРИКАЗЫВАЮ:", align=LEFT, before=6, after=6)
    page.tag("{%p for п in пункты[:-1] %}")
    page.text("{{ п }}")
    page.tag("{%p endfor %}")
    page.text("{{ пункты[-1] }}", keep=KEEP_LAST)  # the last point stays on the signature's page
    _signature(page)
    _acquainted(page)
    return page


@default_template(catalogue.ORGANIZING_ORDER)
def organizing_order() -> Page:
    """The year's organising order: its points, then the roadmap it approves as the appendix."""
    page = points_order()
    page.page_break()
    page.block_right(["Приложение", "к приказу {{ приказ.реквизиты }}", "", "УТВЕРЖДЕНО"])
    page.line("Дорожная карта (план мероприятий) по реализации системы наставничества педагогических работников "
              "в {{ орг.краткое }} на {{ год }}", align=CENTER, bold=True, before=12, after=6)
    page.table(["№ п/п", "Мероприятие", "Срок", "Ответственный", "Форма отчётности (результат)"],
               ["{{ м.номер }}", "{{ м.мероприятие }}", "{{ м.срок }}", "{{ м.ответственный }}", "{{ м.результат }}"],
               "м in дорожная_карта", widths=[12, 68, 28, 36, 36])
    return page


@default_template(catalogue.NEEDS_LIST)
def needs_list() -> Page:
    page = Page(landscape=True)
    _heading(page, "Список педагогов, которых необходимо включить в наставническую деятельность в качестве "
                   "наставляемых", "{{ год }}; по состоянию на {{ дата }} (подпункт 1 пункта 12 раздела III Положения)")
    page.table(["№", "Фамилия, имя, отчество", "Должность", "Основание", "Наставническая пара (группа)"],
               ["{{ loop.index }}", "{{ п.фио }}", "{{ п.должность }}", "{{ п.основание }}", "{{ п.пара }}"],
               "п in педагоги", widths=[10, 62, 62, 70, 63])
    page.text("Всего: {{ педагоги|length }}; из них ещё без наставника: {{ без_пары }}.", before=12,
              keep=KEEP_LAST)
    page.tag("{%p if куратор %}")
    page.spread("Куратор", "__________ {{ куратор.подпись }}", before=24)
    page.tag("{%p endif %}")
    return page


@default_template(catalogue.PROGRAMME)
def programme() -> Page:
    page = Page()
    page.block_right(["УТВЕРЖДАЮ", "{{ орг.руководитель.должность }} {{ орг.краткое }}",
                      "__________ {{ орг.руководитель.подпись }}", "{{ утверждение }}"])
    page.line("Персонализированная программа наставничества № {{ номер }}", align=CENTER, bold=True,
              before=18, caps=True)
    page.line("({{ вид }}: {{ наставник.фио_кратко }} — {{ наставляемые_кратко }})", align=CENTER, after=12)
    page.line("1. Участники программы", align=LEFT, bold=True, after=6, keep=True)
    page.table(["Роль", "Фамилия, имя, отчество", "Должность, место работы", "Педагогический стаж", "Категория"],
               ["{{ у.роль }}", "{{ у.человек.фио.им }}", "{{ у.человек.должность.им }}", "{{ у.человек.стаж }}",
                "{{ у.человек.категория }}"], "у in участники", widths=[32, 38, 44, 37, 29])
    page.tag("{%p if замены or ожидает %}")
    page.text("Состав участников — по состоянию на {{ дата }}.", before=6)
    page.tag("{%p endif %}")
    page.tag("{%p for з in замены %}")
    page.text("{{ з }}.")
    page.tag("{%p endfor %}")
    page.tag("{%p for о in ожидает %}")
    page.text("Ожидает приказа: {{ о }}.")
    page.tag("{%p endfor %}")
    page.text("2. Форма наставничества: «{{ форма }}»; форма взаимодействия: «{{ взаимодействие }}».", before=6)
    page.text("3. Направление наставнической деятельности: {{ направление }}.")
    page.text("4. Срок реализации: {{ срок }}")
    page.text("5. Выявленные профессиональные затруднения: {{ затруднения }}.")
    page.text("6. Сильные стороны наставляемого (наставляемых): {{ сильные_стороны }}.")
    page.text("7. Цель программы: {{ цель }}.")
    page.text("8. Задачи программы:")
    page.tag("{%p for з in задачи %}")
    page.text("{{ loop.index }}) {{ з }}{{ ';' if not loop.last else '.' }}")
    page.tag("{%p endfor %}")
    page.text("9. План мероприятий:", keep=True)
    page.table(["№", "Мероприятие", "Срок", "Форма", "Ответственный", "Результат", "Отметка о выполнении"],
               ["{{ м.номер }}", "{{ м.мероприятие }}", "{{ м.срок }}", "{{ м.форма }}", "{{ м.ответственный }}",
                "{{ м.результат }}", "{{ м.отметка }}"], "м in план", widths=[10, 36, 25, 24, 33, 24, 28],
               size=PLAN_SIZE)
    page.text("10. Ожидаемые результаты: {{ ожидаемые_результаты }}.", before=6)
    page.tag("{%p if итоги %}")
    page.text("11. Итоги реализации программы: {{ итоги }}.")
    page.tag("{%p endif %}")
    # The heading and the signatures are one paragraph kept whole: LibreOffice left a kept-with-next heading alone at
    # the foot of a page when the signatures under it went over.
    block = page.line(align=LEFT, before=18, keep=False)
    block.add_run("Подписи участников:").bold = True
    block.paragraph_format.tab_stops.add_tab_stop(page.right_edge, WD_TAB_ALIGNMENT.RIGHT)
    block.add_run("{% for у in участники %}{{ '\\n' }}{{ у.роль }}\t__________ {{ у.человек.подпись }}{% endfor %}"
                  "{% if куратор_подписывает %}{{ '\\n' }}Куратор\t__________ {{ куратор.подпись }}{% endif %}")
    block.paragraph_format.keep_together = True
    block.paragraph_format.line_spacing = Pt(24)
    return page


def _heading(page: Page, title: str, subtitle: str = "по состоянию на {{ дата }}") -> None:
    """Organisation, the document's title and a line under it: the head of lists and reports."""
    page.line("{{ орг.полное }}", align=CENTER, bold=True)
    page.line(title, align=CENTER, bold=True, before=12)
    page.line(subtitle, align=CENTER, after=12)


@default_template(catalogue.PAIR_LIST)
def pair_list() -> Page:
    page = Page(landscape=True)
    _heading(page, "Список наставнических пар (групп)")
    page.table(["№", "Наставник", "Наставляемые", "Форма наставничества", "Форма взаимодействия",
                "Направление", "Срок программы", "Приказ"],
               ["{{ п.номер }}", "{{ п.наставник.фио_кратко }}, {{ п.наставник.должность.им }}"
                "{% for о in п.ожидает_наставник %}{{ '\\n' }}ожидает: {{ о }}{% endfor %}",
                "{{ п.наставляемые_им }}", "{{ п.форма }}", "{{ п.взаимодействие }}", "{{ п.направление }}",
                "{{ п.срок_таблица }}{% for о in п.ожидает_срок %}{{ '\\n' }}ожидает: {{ о }}{% endfor %}",
                "{{ п.приказ }}"],
               "п in пары", widths=[10, 43, 50, 36, 39, 35, 28, 26])
    page.text("Всего пар (групп): {{ пары|length }}{% if ждут_приказа %} (из них ещё не закреплены подписанным "
              "приказом: {{ ждут_приказа }}){% endif %}; наставников: {{ наставников }}; наставляемых: "
              "{{ наставляемых }}.", before=12, keep=KEEP_LAST)  # the totals stay on the signature's page
    page.spread("Куратор", "__________ {{ куратор.подпись }}", before=24)
    return page


@default_template(catalogue.PUBLIC_LIST)
def public_list() -> Page:
    page = Page(landscape=True)
    _heading(page, "Наставники и наставляемые")
    page.text("Сведения размещаются с согласия участников (раздел VIII Положения о системе наставничества).",
              after=6)
    page.table(["№", "Наставник", "Наставляемые", "Форма наставничества", "Направление"],
               ["{{ п.номер }}", "{{ п.наставник.фио.им }}, {{ п.наставник.должность.им }}",
                "{{ п.наставляемые_полностью }}", "{{ п.форма }}", "{{ п.направление }}"],
               "п in пары", widths=[10, 70, 80, 45, 62])
    page.tag("{%p if завершённые %}")
    page.line("Завершённые программы наставничества", align=CENTER, bold=True, before=12, after=6)
    page.table(["№", "Наставник", "Наставляемые", "Цель программы", "Итоги", "Завершена"],
               ["{{ п.номер }}", "{{ п.наставник.фио.им }}", "{{ п.наставляемые_полностью }}", "{{ п.цель }}",
                "{{ п.итоги }}", "{{ п.завершена }}"],
               "п in завершённые", widths=[10, 45, 55, 55, 75, 27])
    page.tag("{%p endif %}")
    return page


@default_template(catalogue.ANALYTIC_REPORT)
def analytic_report() -> Page:
    page = Page()
    _heading(page, "Аналитический отчёт о реализации системы наставничества", "{{ период }}")
    sections = [
        ("1. Наставнические пары и группы", "сводка"),
        ("2. Охват наставничеством и выполнение планов", "охват"),
        ("3. Формы наставничества (раздел II.3 Положения)", "формы"),
        ("4. Формы взаимодействия (раздел II.4 Положения)", "взаимодействие"),
        ("5. Персонализированные программы", "программы"),
        ("6. Замены наставников по основаниям (раздел III.9)", "замены"),
        ("7. Поощрения наставников (раздел IX)", "поощрения"),
        ("8. Выполнение дорожной карты (подпункт 3 пункта 10 раздела III)", "дорожная_карта"),
    ]
    for title, rows in sections:
        page.line(title, align=LEFT, bold=True, before=12, after=6, keep=True)
        page.tag(f"{{%p if {rows} %}}")
        page.table(["Показатель", "Значение"], ["{{ р.название }}", "{{ р.число }}"], f"р in {rows}",
                   widths=[130, 50])
        page.tag("{%p else %}")
        page.text("Нет.")
        page.tag("{%p endif %}")
        _how_counted(page, rows)
        if rows == "формы":
            page.line("{{ график_форм }}", align=CENTER, before=6)
        if rows == "программы":
            page.line("{{ график_программ }}", align=CENTER, before=6)
    _monitoring_section(page)
    page.line("10. Выводы", align=LEFT, bold=True, before=12, after=6, keep=True)
    page.tag("{%p for в in выводы[:-1] %}")
    page.text("{{ в }}")
    page.tag("{%p endfor %}")
    page.tag("{%p if выводы %}")
    page.text("{{ выводы[-1] }}", keep=KEEP_LAST)  # the last conclusion stays on the signature's page
    page.tag("{%p endif %}")
    page.spread("Куратор", "__________ {{ куратор.подпись }}", before=24, keep=True)
    page.line("{{ дата }}", align=LEFT, before=6)
    return page


def _how_counted(page: Page, section: str) -> None:
    """The note under a section of the report: a run-in heading in italics, then how it was counted."""
    note = page.text("Как считали. ", size=NOTE_SIZE, before=3)
    note.runs[0].italic = True
    note.add_run(f"{{{{ примечания.{section} }}}}").font.size = NOTE_SIZE


def _subheading(page: Page, text: str) -> None:
    """A numbered subsection's heading in italics, kept with its table."""
    page.line(text, align=LEFT, before=6, after=3, keep=True).runs[0].italic = True


def _monitoring_section(page: Page) -> None:
    """Section 9 of the analytic report: the questionnaires, their marks, the self-assessment's change, low marks."""
    page.line("9. Мониторинг качества и эффекта (пункты 12.9–12.11 раздела III Положения)", align=LEFT, bold=True,
              before=12, after=6, keep=True)
    page.tag("{%p if мониторинг.нет %}")
    page.text("{{ мониторинг.нет }}")
    page.tag("{%p else %}")
    _subheading(page, "9.1. Кто ответил")
    page.table(["Анкета", "Этап", "Должны ответить", "Из них ответили", "Всего анкет", "Анонимных"],
               ["{{ а.анкета }}", "{{ а.этап }}", "{{ а.должны }}", "{{ а.ответили }}", "{{ а.всего }}",
                "{{ а.анонимно }}"], "а in мониторинг.ответы", widths=[44, 28, 28, 28, 26, 26])
    _subheading(page, "9.2. Оценки по вопросам")
    page.tag("{%p for г in мониторинг.оценки %}")
    page.line("{{ г.анкета|capitalize }}, {{ г.этап }} (анкет: {{ г.анкет }})", align=LEFT, before=6, after=3,
              keep=True)
    page.table(["№", "Вопрос", "Ответов", "Среднее", "Разброс"],
               ["{{ о.номер }}", "{{ о.вопрос }}", "{{ о.ответов }}", "{{ о.среднее }}", "{{ о.разброс }}"],
               "о in г.вопросы", widths=[10, 92, 20, 30, 28])
    page.tag("{%p endfor %}")
    page.tag("{%p if мониторинг.самооценка %}")
    _subheading(page, "9.3. Самооценка затруднений в начале и в конце программы")
    page.table(["Вопрос", "Входная", "Итоговая", "Изменение"],
               ["{{ с.вопрос }}", "{{ с.входная }}", "{{ с.итоговая }}", "{{ с.изменение }}"],
               "с in мониторинг.самооценка", widths=[105, 25, 25, 25])
    page.text("В целом: {{ мониторинг.самооценка_итог }}.", before=3)
    page.tag("{%p endif %}")
    page.tag("{%p if мониторинг.участники %}")
    _subheading(page, "9.4. Изменение самооценки у каждого наставляемого")
    page.table(["Наставляемый", "Пара (группа)", "Входная", "Итоговая", "Изменение"],
               ["{{ у.фио }}", "{{ у.пара }}", "{{ у.входная }}", "{{ у.итоговая }}", "{{ у.изменение }}"],
               "у in мониторинг.участники", widths=[50, 40, 30, 30, 30])
    page.tag("{%p endif %}")
    _subheading(page, "9.5. Низкие оценки")
    page.tag("{%p for н in мониторинг.низкие %}")
    page.text("{{ н }}.")
    page.tag("{%p else %}")
    page.text("Нет.")
    page.tag("{%p endfor %}")
    _how_counted(page, "мониторинг")
    page.tag("{%p endif %}")


def _schools_table(page: Page, columns: list[tuple[str, str, int]], loop: str, totals: str) -> None:
    """A row per school (`loop`: «ш in школы»), then the district's totals: (field, heading, width) per column."""
    item = loop.split()[0]
    table = page.table([title for _, title, _ in columns], [f"{{{{ {item}.{name} }}}}" for name, _, _ in columns],
                       loop, widths=[width for _, _, width in columns], size=NOTE_SIZE)
    row = table.add_row()
    for cell, (name, _, _) in zip(row.cells, columns, strict=True):
        page._cell(cell, f"{{{{ {totals}.{name} }}}}", bold=False)


@default_template(catalogue.DISTRICT_SUMMARY)
def district_summary() -> Page:
    page = Page(landscape=True)
    page.line("{{ район.орган }}", align=CENTER, bold=True, after=12)
    page.line("Сводка по реализации системы наставничества педагогических работников", align=CENTER, bold=True)
    page.line("{{ период }}; по состоянию на {{ дата }}", align=CENTER, after=12)
    columns = [("школа", "Школа", 20), ("пар", "Пар", 13), ("групп", "Групп", 16), ("наставников", "Наставников", 29),
               ("наставляемых", "Наставляемых", 32), ("молодые", "Молодые специалисты с наставником", 29),
               ("начато", "Программ начато", 24), ("завершено", "Завершено", 25), ("продлено", "Продлено", 23),
               ("просрочено", "Просрочено", 26), ("мероприятия", "Мероприятия планов выполнены", 30)]
    _schools_table(page, columns, "ш in школы", "итого")
    page.line("Мониторинг качества и эффекта: итоги анкет", align=LEFT, bold=True, before=12, after=6, keep=True)
    quality = [("школа", "Школа", 40), ("заполнено", "Заполнено анкет из ожидавшихся", 55),
               ("самооценка", "Самооценка затруднений: входная → итоговая", 70),
               ("наставляемые", "Итоговая анкета наставляемого", 50), ("наставники", "Итоговая анкета наставника", 52)]
    _schools_table(page, quality, "а in анкеты", "анкеты_итого")
    page.text("Приказ об организации наставничества на учебный год подписан: в {{ школы|length - без_приказа|length }} "
              "из {{ школы|length }}{% if без_приказа %} (нет: {{ без_приказа|join(', ') }}){% endif %}.", before=6)
    page.tag("{%p if не_прочитаны %}")
    page.text("Не удалось прочитать книги: {{ не_прочитаны|join(', ') }}.", before=6)
    page.tag("{%p endif %}")
    page.spread("Составил: {{ район.должность }}", "____________ {{ район.подпись }}", before=18, keep=True)
    page.tag("{%p if район.телефон %}")
    page.line("Тел. {{ район.телефон }}", align=LEFT)
    page.tag("{%p endif %}")
    page.line("Дата составления: {{ дата }}", align=LEFT, before=6)
    return page


@default_template(catalogue.NOMINATION)
def nomination() -> Page:
    page = Page()
    page.block_right(["{{ адресат }}"])
    page.line("{{ орг.полное }}", align=CENTER, bold=True, before=12)
    page.tag("{%p if неполное %}")
    page.line("НЕ ЗАПОЛНЕНО: {{ неполное }} — впишите на листе «Педагоги»", align=CENTER, bold=True, after=6)
    page.tag("{%p endif %}")
    page.line("Представление", align=CENTER, bold=True, before=18, caps=True)
    page.line("{{ заголовок }}", align=CENTER, after=12)
    page.pairs_table([
        ("1. Фамилия, имя, отчество", "{{ н.фио.им }}"),
        ("2. Должность, место работы", "{{ н.должность.им }}, {{ место_работы }}"),
        ("3. Пол", "{{ пол }}"),
        ("4. Дата рождения", "{{ дата_рождения }}"),
        ("5. Образование", "{{ образование }}"),
        ("6. Квалификационная категория", "{{ н.категория }}"),
        ("7. Награды (с датами)", "{{ награды }}"),
        ("8. Стаж работы: общий / педагогический / в данной организации", "{{ стаж }}"),
        ("9. Уровень награды (поощрения)", "{{ уровень }}"),
    ])
    page.line("10. Характеристика с указанием конкретных заслуг", align=LEFT, bold=True, before=12, after=6)
    page.text("{{ обоснование }}")
    page.tag("{%p if наставничество %}")
    page.text("Наставническая деятельность в {{ орг.краткое }}:")
    page.tag("{%p for р in наставничество %}")
    page.text("— {{ р }}{{ ';' if not loop.last else '.' }}")
    page.tag("{%p endfor %}")
    page.tag("{%p endif %}")
    page.text("11. Кандидатура рассмотрена и рекомендована решением педагогического совета (коллектива): "
              "{{ протокол }}.", before=12)
    page.text("12. Согласие {{ н.фио.рп }} на обработку персональных данных (Федеральный закон от 27.07.2006 "
              "№ 152-ФЗ) прилагается.", keep=True)
    page.tag("{%p for п in подписи %}")
    page.spread("{{ п.кто }}", "{{ п.подпись }}", before=12)
    page.tag("{%p endfor %}")
    page.spread("М.П.", "{{ дата }}", before=6)
    return page


@default_template(catalogue.MONITORING_CERTIFICATE)
def monitoring_certificate() -> Page:
    page = Page()
    _heading(page, "Справка о реализации системы наставничества педагогических работников",
             "{{ период }}, по состоянию на {{ дата }}")
    page.table(["№", "Что проверяется", "Есть ли и реквизиты"], ["{{ п.номер }}", "{{ п.что }}", "{{ п.есть }}"],
               "п in пункты", widths=[10, 75, 95])
    page.line("Приказы о закреплении наставнических пар (групп)", align=LEFT, bold=True, before=12, after=6, keep=True)
    page.tag("{%p if приказы %}")
    page.table(["Приказ", "Пар", "Групп"], ["{{ з.приказ }}", "{{ з.пар }}", "{{ з.групп }}"], "з in приказы",
               widths=[120, 30, 30])
    page.tag("{%p else %}")
    page.text("Подписанных приказов о закреплении нет.")
    page.tag("{%p endif %}")
    page.spread("{{ орг.руководитель.должность }}", "__________ {{ орг.руководитель.подпись }}", before=24)
    return page


@default_template(catalogue.CHECK_REPORT)
def check_report() -> Page:
    page = Page()
    _heading(page, "Отчёт о проверке книги наставничества", "Книга «{{ книга }}», проверена {{ дата }}")
    page.text("Ошибок: {{ ошибок }}; предупреждений: {{ предупреждений }}. {{ итог }}", after=6)
    page.tag("{%p if проблемы %}")
    page.table(["№", "Вид", "Лист", "Строка", "Столбец", "Что не так и как исправить"],
               ["{{ loop.index }}", "{{ пр.вид }}", "{{ пр.лист }}", "{{ пр.строка }}", "{{ пр.столбец }}",
                "{{ пр.сообщение }}"], "пр in проблемы", widths=[10, 24, 24, 20, 30, 72])
    page.tag("{%p endif %}")
    page.tag("{%p if напоминания %}")
    page.line("Напоминания", align=LEFT, bold=True, before=12, after=6)
    page.tag("{%p for н in напоминания %}")
    page.text("— {{ н }}")
    page.tag("{%p endfor %}")
    page.tag("{%p endif %}")
    return page




TEXT_TEMPLATES: dict[str, str] = {catalogue.SITE_PAGE.template: SITE_PAGE}
TEMPLATE_NAMES = tuple(kind.template for kind in catalogue.TEMPLATED)
"""Every template a default is written for: the catalogue's templated kinds."""


def write_templates(folder: Path, overwrite: bool = False) -> list[Path]:
    """Writes every default template into `folder`; an existing file is kept unless `overwrite`."""
    written = []
    for name in TEMPLATE_NAMES:
        path = folder / name
        if path.exists() and not overwrite:
            continue
        if name in TEXT_TEMPLATES:
            write_atomic(path, TEXT_TEMPLATES[name].encode("utf-8"))
        else:
            TEMPLATES[name]().save(path)
        written.append(path)
    return written
