"""A signed order compared with what today's book would make of it: what changed, in Russian, and which order kinds
record such changes instead (a signed order itself is never made again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from automation.documents import catalogue
from automation.grammar import DOUBLE_STOP

PAIR_FIELDS = (
    (("наставник", "фио", "им"), "наставник"),
    (("наставник", "должность", "им"), "должность наставника"),
    (("наставляемые_им",), "наставляемые"),
    (("форма",), "форма наставничества"),
    (("взаимодействие",), "форма взаимодействия"),
    (("направление",), "направление"),
    (("срок_таблица",), "срок программы"),
    (("основание",), "основание"),
)
RECORDED_BY = {label: kind.register for kind in catalogue.ORDERS for label in kind.records}
"""A change to a signed order's pairs → the order kind that records it (each kind declares its own)."""


def _field(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for name in path:
        data = data.get(name, {}) if isinstance(data, dict) else {}
    return data if data != {} else ""


def _wording(points: list[str]) -> list[str]:
    """Points as their words read: a doubled full stop after an abbreviation («2026 г..», which versions before
    December 2026 printed) is one stop, so a signed order is not reported as changed by the program's own mending."""
    return [DOUBLE_STOP.sub(".", point) for point in points]


def describe_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], list[str]]:
    """What differs between the data a signed order was made from and today's, in Russian; and which orders
    record such changes."""
    changes: list[str] = []
    recorded: list[str] = []
    if "пары" in old and "пары" in new:
        before_pairs = {p["номер"]: p for p in old["пары"]}
        after_pairs = {p["номер"]: p for p in new["пары"]}
        for number, before in before_pairs.items():
            after = after_pairs.get(number)
            if after is None:
                changes.append(f"{before['вид']} № {number} в приказ больше не входит")
                recorded.append(RECORDED_BY[catalogue.REMOVED])
                continue
            for path, label in PAIR_FIELDS:
                was, now = _field(before, path), _field(after, path)
                if was != now:
                    changes.append(f"{before['вид']} № {number} — {label} «{was}» → «{now}»")
                    if label in RECORDED_BY:
                        recorded.append(RECORDED_BY[label])
        for number in after_pairs.keys() - before_pairs.keys():
            changes.append(f"{after_pairs[number]['вид']} № {number} добавлена, но в подписанном приказе её нет")
    else:
        before_points, after_points = _wording(old.get("пункты", [])), _wording(new.get("пункты", []))
        for was in before_points:
            if was not in after_points:
                changes.append(f"пункт «{was}» теперь читался бы иначе")
        for now in after_points:
            if now not in before_points:
                changes.append(f"нового пункта «{now}» в подписанном приказе нет")
        changes += _roadmap_changes(old.get("дорожная_карта", []), new.get("дорожная_карта", []))
    return changes, list(dict.fromkeys(recorded))


def _roadmap_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    """What differs in the roadmap an organising order approved, event by event."""
    before = {row["мероприятие"]: row for row in old}
    after = {row["мероприятие"]: row for row in new}
    return ([f"мероприятия дорожной карты «{event}» больше нет" for event in before if event not in after]
            + [f"мероприятие дорожной карты «{event}» изменено" for event in before
               if event in after and before[event] != after[event]]
            + [f"мероприятия дорожной карты «{event}» в утверждённой карте нет" for event in after
               if event not in before])


def signed_changed_message(order: dict[str, Any], changes: list[str], recorded: list[str]) -> str:
    text = (f"Приказ № {order['номер']} от {order['дата']} подписан, но с тех пор изменилось: "
            + "; ".join(changes) + ".")
    if recorded:
        text += " Такие изменения оформляются новым приказом: " + ", ".join(f"«{r}»" for r in recorded) + "."
    else:
        text += " Подписанный приказ не меняется; при необходимости издайте новый."
    return text


PAPER_FIELDS = (
    (("наставник", "фио", "им"), "наставник"),
    (("наставляемые_рп",), "наставляемые"),
    (("форма",), "форма наставничества"),
    (("взаимодействие",), "форма взаимодействия"),
    (("направление",), "направление"),
    (("задачи",), "задачи программы"),
    (("с",), "начало"),
    (("по",), "окончание"),
    (("до",), "продление"),
    (("доплата",), "доплата"),
    (("договор", "номер"), "номер трудового договора"),
    (("договор", "дата"), "дата трудового договора"),
)
"""What a signed mentor's paper states, compared with what today's book would make of it."""


def describe_paper_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    changes = []
    for path, label in PAPER_FIELDS:
        was, now = _field(old, path), _field(new, path)
        if was != now:
            shown = "; ".join(map(str, was)) if isinstance(was, list) else was
            after = "; ".join(map(str, now)) if isinstance(now, list) else now
            changes.append(f"{label} «{shown}» → «{after}»")
    return changes


def signed_paper_message(path: Path, changes: list[str]) -> str:
    return (f"«{path.as_posix()}» подписано, но с тех пор изменилось: " + "; ".join(changes) + ". Подписанный "
            "документ не меняется; если изменились условия, оформите новое дополнительное соглашение.")
