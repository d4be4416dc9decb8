"""Domain objects of the counter: procedures, people, dossiers and their history (dataclasses and enums)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import Enum, IntEnum


class Status(IntEnum):
    """The ten national dossier statuses (National Public Service Portal list)."""

    SUBMITTED = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    REFUSED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    FEES_DUE = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWAL_REQUESTED = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    RESULT_READY = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả

    @property
    def slug(self) -> str:
        """Command-line name, e.g. `supplement-requested`."""
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, text: str) -> Status:
        """Accept the national number ("5") or the slug ("supplement-requested")."""
        text = text.strip().lower()
        if text.isdigit():
            return cls(int(text))
        return cls[text.upper().replace("-", "_")]


class Channel(IntEnum):
    """How the dossier arrived."""

    IN_PERSON = 1
    ONLINE = 2
    POST = 3


class ApplicantKind(IntEnum):
    """Who applies (national list)."""

    CITIZEN = 1
    BUSINESS = 2
    AGENCY = 3
    OTHER = 4

    @property
    def slug(self) -> str:
        return {1: "citizen", 2: "business", 3: "agency", 4: "other"}[self.value]

    @classmethod
    def parse(cls, text: str) -> ApplicantKind:
        text = text.strip().lower()
        if text.isdigit():
            return cls(int(text))
        return {"citizen": cls.CITIZEN, "business": cls.BUSINESS, "agency": cls.AGENCY, "other": cls.OTHER}[
            text
        ]


class IdType(str, Enum):
    """Kinds of identifier a person or organisation presents."""

    PERSONAL_ID = "personal-id"  # số định danh cá nhân / CCCD, 12 digits
    OLD_ID = "old-id"  # CMND, 9 digits
    PASSPORT = "passport"  # one letter and 7 digits
    TAX_CODE = "tax-code"  # mã số thuế / mã số doanh nghiệp, 10 or 13 digits
    OTHER = "other"  # free text (agencies, foreigners' documents); only length-checked


class DurationUnit(str, Enum):
    """Unit of a procedure's statutory processing time."""

    WORKING_DAYS = "working-days"
    DAYS = "days"
    HOURS = "hours"  # working hours


class ReturnMethod(str, Enum):
    """How the result reached the citizen."""

    COUNTER = "counter"
    POST = "post"


class Rating(IntEnum):
    """Citizen satisfaction for one dossier."""

    VERY_SATISFIED = 1  # Rất hài lòng
    SATISFIED = 2  # Hài lòng
    DISSATISFIED = 3  # Không hài lòng


@dataclass(frozen=True)
class Component:
    """One paper a procedure requires: how many originals, certified copies, photocopies."""

    number: int
    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    shown_only: bool = False  # presented for checking, not kept (xuất trình)
    required: bool = True
    note: str = ""


@dataclass(frozen=True)
class Fee:
    """A fee or charge (phí, lệ phí) in đồng."""

    name: str
    amount: int


@dataclass(frozen=True)
class Procedure:
    """An administrative procedure from the catalogue (thủ tục hành chính)."""

    code: str  # national code, e.g. 1.001193
    name: str
    field: str  # lĩnh vực, e.g. Hộ tịch
    level: str = "xã"
    resolving_agency: str = ""
    components: tuple[Component, ...] = ()
    duration: float = 1
    duration_unit: DurationUnit = DurationUnit.WORKING_DAYS
    same_day_cutoff: time | None = None  # received after it → next working day
    fees: tuple[Fee, ...] = ()
    fully_online: bool = False
    legal_basis: str = ""
    # Provenance of the values (catalogue only: not part of a procedure's identity, not sent with dossiers):
    # (`dataclasses.field` in full: `field` is also this class's own attribute, the lĩnh vực)
    source: str = dataclasses.field(default="", compare=False)  # the announcing decision, the portal page
    checked: date | None = dataclasses.field(default=None, compare=False)  # the day values were compared

    @property
    def total_fee(self) -> int:
        return sum(f.amount for f in self.fees)

    def component(self, number: int) -> Component:
        for c in self.components:
            if c.number == number:
                return c
        raise KeyError(number)


@dataclass(frozen=True)
class Person:
    """An applicant or authorised person. Texts are NFC and trimmed (see `validation.clean_person`)."""

    name: str
    identifier: str = ""
    id_type: IdType = IdType.PERSONAL_ID
    kind: ApplicantKind = ApplicantKind.CITIZEN
    address: str = ""
    phone: str = ""
    email: str = ""
    birth_date: date | None = None


@dataclass(frozen=True)
class Representative:
    """Someone acting for the applicant, with the paper that authorises them (giấy ủy quyền)."""

    person: Person
    authorisation_paper: str


@dataclass(frozen=True)
class HandedComponent:
    """What the citizen actually handed in for one component."""

    number: int
    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    shown: bool = False  # for shown-only components: the officer saw it


@dataclass(frozen=True)
class UnitConfig:
    """The counter's identity: the agency electronic ID, the names printed on forms, the counter number."""

    agency_id: str
    agency_name: str  # issuing unit, e.g. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH
    parent_body: str  # governing body, e.g. UBND PHƯỜNG BA ĐÌNH
    place: str  # used in "<place>, ngày … tháng … năm …"
    counter: int  # 1–99; also the dossier-code slot of this counter
    phone: str = ""  # hotline printed on forms 02 and 04
    email: str = ""


@dataclass(frozen=True)
class DossierEvent:
    """One append-only line of a dossier's history: who did what, when, where.

    `unit` is where the dossier is after the event; `receiver` is who took it over on a hand-over.
    `data` carries event details (missing items, new appointment, rating, return method …).
    """

    id: str
    at: datetime
    officer: str
    action: str  # receive, refuse, supplement, transfer, advance, return, rate, apology …
    to_status: Status
    from_status: Status | None = None
    unit: str = ""
    receiver: str = ""
    note: str = ""
    data: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Dossier:
    """A dossier (hồ sơ) as the counter knows it. `history` is append-only and ordered by time."""

    id: str  # time-ordered UUID made on the counter
    agency_id: str
    procedure: Procedure
    applicant: Person
    status: Status
    received_at: datetime
    officer: str
    counter: int
    code: str | None = None  # mã hồ sơ; None when never received (refused, supplement at intake)
    representative: Representative | None = None
    components: tuple[HandedComponent, ...] = ()
    sets: int = 1
    channel: Channel = Channel.IN_PERSON
    appointment: datetime | None = None
    new_appointment: datetime | None = None  # after an apology (form 04)
    unit: str = ""  # where the dossier is now
    missing: tuple[str, ...] = ()  # what the officer asked for (form 02)
    reason: str = ""  # refusal / supplement / stop reason
    book_volume: str = ""  # tracking-book volume (quyển số)
    book_entry: int | None = None  # tracking-book entry number (số thứ tự)
    history: tuple[DossierEvent, ...] = ()
    version: int = 1  # bumped on every change; sync uses it as the base version

    def with_event(self, event: DossierEvent, **changes: object) -> Dossier:
        """Return a copy with `event` appended, the status moved to its target, and `changes` applied."""
        return replace(
            self,
            history=(*self.history, event),
            status=event.to_status,
            unit=event.unit or self.unit,
            version=self.version + 1,
            **changes,  # type: ignore[arg-type]
        )

    @property
    def last_event(self) -> DossierEvent | None:
        return self.history[-1] if self.history else None
