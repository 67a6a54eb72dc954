"""`nastavnik import-answers`: an online form service's export turned into rows of «Ответы анкет» in a file of its
own beside the export, with the report of what matched. The curator's book is never written: the curator copies the
rows into it (their say), and the next build counts them."""

from __future__ import annotations

from pathlib import Path

from automation import grammar
from automation.book.exports import ExportUnusable, Imported, import_answers, read_export
from automation.book.reader import WorkbookUnreadable
from automation.run.build import validated
from automation.run.report import EXIT_FATAL, EXIT_OK, EXIT_PROBLEMS, Report

MATCHED_SHOWN = 40


def target_for(export: Path) -> Path:
    """«<export> — для книги.xlsx» beside the export; never one that exists: « (2)», « (3)» … are added."""
    target = export.with_name(f"{export.stem} — для книги.xlsx")
    number = 2
    while target.exists():
        target = export.with_name(f"{export.stem} — для книги ({number}).xlsx")
        number += 1
    return target


def report_lines(imported: Imported, export: Path) -> list[str]:
    """What was matched, what was not, and what to do next — in Russian, one fact per line."""
    stage = f"этап «{imported.stage}»" if imported.stage else "этапы из столбца «Этап»"
    lines = [f"Файл «{export.name}»: анкета «{imported.questionnaire}», {stage}; анкет: {len(imported.rows)}."]
    alike = sum(1 for _, _, similar in imported.matched if similar)
    lines.append(f"Столбцы сопоставлены с вопросами: {len(imported.matched)}" + (f" (из них по сходству: {alike})"
                                                                              if alike else "") + ".")
    for title, question, similar in imported.matched[:MATCHED_SHOWN]:
        how = "похож на вопрос" if similar else "вопрос"
        lines.append(f"  «{title}» → {how} № {int(question.number)}" + (f" «{question.text}»" if similar else ""))
    if imported.unmatched:
        lines.append("Не сопоставлены (не перенесены): " + ", ".join(f"«{t}»" for t in imported.unmatched) + ".")
    if imported.missing:
        lines.append("Вопросы анкеты без столбца в выгрузке: " + ", ".join(
            f"№ {int(q.number)} «{q.text}»" for q in imported.missing) + ".")
    found = imported.by_code + imported.by_name
    lines.append(f"Респонденты найдены на листе «Педагоги»: {found} (по коду {imported.by_code}, по ФИО "
                 f"{imported.by_name}).")
    for row, typed in imported.unknown:
        lines.append(f"  Строка {row} выгрузки: «{typed}» — нет на листе «Педагоги»; анкета перенесена без кода "
                     "(как анонимная). Впишите код, если это участник.")
    return lines


def import_answers_file(export: Path, workbook: Path, stage: str | None) -> tuple[list[str], int]:
    """The lines to print and the exit code: 0 — written, 1 — the export cannot be used, 2 — nothing to read."""
    from automation.office.blank_book import write_answers  # openpyxl loads only for the command that writes

    report = Report()
    result = validated(workbook, report)
    if result is None:
        return [report.fatal or "Книгу прочитать не удалось."], EXIT_FATAL
    try:
        imported = import_answers(read_export(export), result.data, stage)
    except WorkbookUnreadable as err:
        return [str(err)], EXIT_FATAL
    except ExportUnusable as err:
        return [f"Импорт «{export.name}» не выполнен: {err}"], EXIT_PROBLEMS
    lines = report_lines(imported, export)
    target = write_answers(target_for(export), imported.rows, lines)
    count = len(imported.rows)
    lines.append(f"Записано {count} {grammar.plural(count, 'анкета', 'анкеты', 'анкет')}: «{target}». Книга не "
                 "изменена: откройте этот файл, скопируйте строки листа «Ответы анкет» в лист «Ответы анкет» книги "
                 "и сохраните её — документы пересоберутся.")
    return lines, EXIT_OK
