"""Pydantic models of the workbook's rows; the header text is each field's alias, taken from the schema."""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from automation.book import choices, matching, schema
from automation.book.cells import convert
from automation.book.schema import Column, Kind


def _config(columns: tuple[Column, ...]) -> ConfigDict:
    headers = {c.key: c.header for c in columns}
    return ConfigDict(frozen=True, populate_by_name=True, alias_generator=lambda name: headers.get(name, name))


_TYPES = {Kind.TEXT: str, Kind.CHOICE: str, Kind.DATE: dt.date, Kind.NUMBER: float, Kind.YES_NO: bool}
"""The Python type a column's kind converts to (see `convert`)."""


class SheetModel(BaseModel):
    """A row of one sheet: fields are the sheet's column keys, aliases its header texts."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)
    columns: ClassVar[tuple[Column, ...]]
    row: int = 0

    @classmethod
    @functools.cache
    def column(cls, key: str) -> Column:
        return next(c for c in cls.columns if c.key == key)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """A model cannot drift from its sheet: a field per column, a column per field, each typed as the column's
        kind; a column that may be blank accepts None. Checked when the class is made, so a mistake stops the import."""
        super().__pydantic_init_subclass__(**kwargs)
        fields = {name: field for name, field in cls.model_fields.items() if name != "row"}
        keys = {column.key for column in cls.columns}
        if set(fields) != keys:
            raise TypeError(f"{cls.__name__}: fields without a column {sorted(set(fields) - keys)}, "
                            f"columns without a field {sorted(keys - set(fields))}")
        for column in cls.columns:
            annotation = fields[column.key].annotation
            types = set(typing.get_args(annotation)) or {annotation}
            wanted = _TYPES[column.kind]
            if wanted not in types or not types <= {wanted, type(None)}:
                raise TypeError(f"{cls.__name__}.{column.key}: {annotation} for a column of kind {column.kind.name}")
            if not column.required and type(None) not in types:
                raise TypeError(f"{cls.__name__}.{column.key}: the column may be blank, the field must accept None")

    @field_validator("*", mode="before")
    @classmethod
    def _cell(cls, value: Any, info: ValidationInfo) -> Any:
        if info.field_name == "row":
            return value
        return convert(cls.column(info.field_name), value)


class Organization(SheetModel):
    columns = schema.SETTINGS
    model_config = _config(schema.SETTINGS)
    full_name: str
    short_name: str
    place: str
    head_position: str
    head_name: str
    curator: str
    regulation: str
    legal_basis: str | None = None
    max_mentees: float | None = None
    addressee_municipal: str | None = None
    addressee_regional: str | None = None
    addressee_federal: str | None = None
    union_chair: str | None = None
    pay_regulation: str | None = None
    staff: float | None = None
    school_year: str | None = None
    association: bool | None = None
    association_head: str | None = None
    site_responsible: str | None = None
    site_url: str | None = None
    mentoring_basis: str | None = None
    default_pay: str | None = None
    charter: str | None = None
    entry_survey_days: float | None = None
    final_survey_days: float | None = None
    previous_book: str | None = None

    def is_head(self, person: Person) -> bool:
        """Whether this person is the organisation's head, as «Руководитель (ФИО)» names them."""
        return key(person.full_name) == key(self.head_name)

    @property
    def by_agreement(self) -> bool:
        """Mentoring is extra work under ст. 351.8 ТК РФ: consent, an additional agreement, the pay."""
        return self.mentoring_basis != schema.IN_DUTIES

    def addressee(self, level: str) -> str | None:
        """To whom a nomination of this level is sent, as the «Организация» sheet gives it."""
        setting = schema.ADDRESSEE_SETTINGS.get(level)
        return getattr(self, setting) if setting else None


class Person(SheetModel):
    columns = schema.PEOPLE.columns
    model_config = _config(schema.PEOPLE.columns)
    code: str
    last_name: str
    first_name: str
    middle_name: str | None = None
    sex: str | None = None
    position: str
    workplace: str | None = None
    experience: float | None = None
    category: str | None = None
    young: bool | None = None
    competences: str | None = None
    difficulties: str | None = None
    publish: bool | None = None
    birth_date: dt.date | None = None
    education: str | None = None
    awards: str | None = None
    total_experience: float | None = None
    local_experience: float | None = None
    mentoring_experience: float | None = None
    contract: str | None = None
    mentor_consent: bool | None = None
    name_gent: str | None = None
    name_datv: str | None = None
    name_accs: str | None = None
    name_ablt: str | None = None

    @property
    def female(self) -> bool:
        return self.sex == schema.FEMALE

    @property
    def full_name(self) -> str:
        """«Мороз Ольга Викторовна», as typed."""
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name) if part)


class Pair(SheetModel):
    columns = schema.PAIRS.columns
    model_config = _config(schema.PAIRS.columns)
    number: str
    mentor: str
    mentee: str
    form: str
    interaction: str
    direction: str
    consent: dt.date | None = None
    agreement: str | None = None
    pay: str | None = None
    order: str | None = None


class Programme(SheetModel):
    columns = schema.PROGRAMMES.columns
    model_config = _config(schema.PROGRAMMES.columns)
    number: str
    goal: str
    tasks: str
    difficulties: str | None = None
    strengths: str | None = None
    expected: str | None = None
    start: dt.date
    end: dt.date
    status: str | None = None
    finished_on: dt.date | None = None
    completion_ground: str | None = None
    completion_document: str | None = None
    completion_notice: dt.date | None = None
    extend_to: dt.date | None = None
    extension_consent: bool | None = None
    extension_agreement: str | None = None
    extension_order: str | None = None
    results: str | None = None
    completion_order: str | None = None

    @property
    def finished(self) -> bool:
        return self.status == schema.PROGRAMME_FINISHED

    @property
    def last_day(self) -> dt.date:
        """The end of the term, extension included."""
        return self.extend_to or self.end


class PlanItem(SheetModel):
    columns = schema.PLAN.columns
    model_config = _config(schema.PLAN.columns)
    programme: str
    activity: str
    due: dt.date
    form: str | None = None
    responsible: str | None = None
    result: str | None = None
    done: bool | None = None
    done_on: dt.date | None = None

    @property
    def completed(self) -> bool:
        """Marked «да», or given a date of completion with the mark left blank."""
        return bool(self.done) or (self.done is None and self.done_on is not None)

    @property
    def on_time(self) -> bool:
        """Completed by its term, as «Дата выполнения» shows (without that date it cannot be told)."""
        return self.completed and self.done_on is not None and self.done_on <= self.due


class Replacement(SheetModel):
    columns = schema.REPLACEMENTS.columns
    model_config = _config(schema.REPLACEMENTS.columns)
    number: str
    former: str
    new: str
    date: dt.date
    ground: str
    document: str | None = None
    consent: dt.date | None = None
    agreement: str | None = None
    notice: dt.date | None = None
    programme: str | None = None
    order: str | None = None


class Incentive(SheetModel):
    columns = schema.INCENTIVES.columns
    model_config = _config(schema.INCENTIVES.columns)
    mentor: str
    measure: str
    level: str
    reason: str
    date: dt.date | None = None
    amount: float | None = None
    source: str | None = None
    order: str | None = None
    protocol: str | None = None

    @property
    def above_school(self) -> bool:
        return self.level != schema.LEVEL_SCHOOL


class Order(SheetModel):
    columns = schema.ORDERS.columns
    model_config = _config(schema.ORDERS.columns)
    number: str
    date: dt.date | None = None
    kind: str
    status: str | None = None

    @property
    def signed(self) -> bool:
        return self.status == schema.ORDER_SIGNED


def key(code: str) -> str:
    """How codes and numbers are matched: case, spaces, ё/е, the kind of dash and Latin look-alike letters do not
    matter."""
    return matching.without_latin(code)


class RoadmapItem(SheetModel):
    columns = schema.ROADMAP.columns
    model_config = _config(schema.ROADMAP.columns)
    number: str | None = None
    event: str
    due: str
    responsible: str | None = None
    report_form: str | None = None
    done: bool | None = None
    done_on: dt.date | None = None


class Question(SheetModel):
    columns = schema.QUESTIONS.columns
    model_config = _config(schema.QUESTIONS.columns)
    questionnaire: str
    number: float
    text: str
    scale: str
    stages: str | None = None
    low: float | None = None

    @property
    def numeric(self) -> bool:
        """Answered with a mark: averaged, compared between stages."""
        return self.scale in (choices.SCALE_10, choices.SCALE_5)

    @property
    def top(self) -> int:
        """The highest mark of a numeric scale."""
        return 10 if self.scale == choices.SCALE_10 else 5


@dataclass(frozen=True)
class Response:
    """One filled questionnaire of «Ответы анкет», its answers by question number as the scale reads them (a mark,
    True/False for «да/нет», a text)."""

    row: int
    questionnaire: str
    stage: str
    date: dt.date | None
    respondent: str | None
    """The respondent's code as `key` matches it; None for an anonymous answer (never linked to anyone)."""
    number: str | None
    answers: dict[int, float | bool | str]


@dataclass
class Data:
    """What validation could accept; the documents are made from this alone."""

    organization: Organization | None = None
    people: dict[str, Person] = field(default_factory=dict)
    pairs: list[Pair] = field(default_factory=list)
    programmes: dict[str, Programme] = field(default_factory=dict)
    plan: dict[str, list[PlanItem]] = field(default_factory=dict)
    replacements: list[Replacement] = field(default_factory=list)
    incentives: list[Incentive] = field(default_factory=list)
    orders: dict[str, Order] = field(default_factory=dict)
    roadmap: list[RoadmapItem] | None = None
    """The roadmap's rows; None when the book has no sheet «Дорожная карта»."""
    questions: list[Question] = field(default_factory=list)
    """The questionnaires' questions, each questionnaire's numbers unique."""
    responses: list[Response] = field(default_factory=list)
    awaiting_consent: list[Pair] = field(default_factory=list)
    """Rows left out of the data for want of the mentor's written consent only: their consent is made to sign."""
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """What the document builders derive from the data once (the pairs gathered into units), computed on first use."""

    def person(self, code: str) -> Person:
        return self.people[key(code)]

    def order(self, number: str | None) -> Order | None:
        """The register entry of an order number as typed in any sheet; None when blank or not registered."""
        return self.orders.get(key(number)) if number else None

    def curator(self) -> Person | None:
        if self.organization is None:
            return None
        return self.people.get(key(self.organization.curator))

    def pairs_by_number(self) -> dict[str, list[Pair]]:
        """The accepted rows of each pair or group, by its № as `key` matches it (indexed once, on first use)."""
        if "pairs" not in self.derived:
            index: dict[str, list[Pair]] = {}
            for pair in self.pairs:
                index.setdefault(key(pair.number), []).append(pair)
            self.derived["pairs"] = index
        return self.derived["pairs"]

    def pairs_of(self, number: str) -> list[Pair]:
        """The accepted rows of one pair or group."""
        return self.pairs_by_number().get(key(number), [])

    def replacements_of(self, number: str) -> list[Replacement]:
        """The replacements of a pair's mentor in date order (indexed once, on first use)."""
        if "replacements" not in self.derived:
            index: dict[str, list[Replacement]] = {}
            for replacement in self.replacements:
                index.setdefault(key(replacement.number), []).append(replacement)
            self.derived["replacements"] = index
        return self.derived["replacements"].get(key(number), [])

    def organizing_order(self) -> Order | None:
        """The register's entry for the year's organising order: the last of its kind in «Приказы»."""
        entries = [o for o in self.orders.values() if o.kind == schema.ORDER_ORGANIZING]
        return entries[-1] if entries else None

    def year_typed_ahead(self) -> Order | None:
        """The signed organising order of an earlier year, when «Учебный год» was moved on by hand (not by
        `nastavnik new-year`, which names «Книга прошлого года»): the book spans two years."""
        org = self.organization
        typed = re.fullmatch(r"\s*(\d{4})\s*/\s*\d{4}\s*", org.school_year or "") if org else None
        order = self.organizing_order()
        if typed is None or org.previous_book or order is None or not order.signed or order.date is None:
            return None
        return order if order.date < dt.date(int(typed.group(1)), 8, 1) else None

    def register_position(self, number: str | None) -> int:
        """Where an order stands in the register «Приказы» (unregistered ones after all the others)."""
        register = list(self.orders)
        typed = key(number or "")
        return register.index(typed) if typed in register else len(register)
