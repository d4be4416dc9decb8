"""Validation and normalisation of what the officer types: texts, identifiers, phones, e-mails and people.

Every check returns the cleaned value or raises `ValidationError(field, code, **params)`; `clean_person`
collects every failure of a person into one `ValidationErrors`. Codes are stable strings listed in
`ERROR_CODES`; the GUI and CLI turn them into sentences.

Personal identifier (số định danh cá nhân, 12 digits): a 3-digit code of the province (001–096) or of a
country of birth registration, a century/sex digit (0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s,
8/9 → 2300s), two digits of the birth year and six digits. Codes 001–099 are accepted (provinces and the
reserved range after them); 000 and anything above 099 are rejected as `id.province`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from .errors import ValidationError, ValidationErrors
from .model import ApplicantKind, IdType, Person, Representative
from .text import nfc

MAX_NAME = 100
MAX_ADDRESS = 250
MAX_TEXT = 500
MAX_OTHER_ID = 50
MAX_EMAIL = 254

#: Every code this module can raise.
ERROR_CODES: tuple[str, ...] = (
    "required",
    "too_long",
    "invalid_chars",
    "id.personal_format",
    "id.province",
    "id.future_birth_year",
    "id.birth_year_mismatch",
    "id.old_format",
    "id.passport_format",
    "id.tax_format",
    "id.type_for_business",
    "phone.format",
    "email.format",
    "birth_date.future",
    "date.format",
    "date.impossible",
)

_ALLOWED_WHITESPACE = frozenset(" \t\n\r")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff"))  # zero-width space and BOM, dropped silently
_SEPARATORS = re.compile(r"[\s.\-()]")
_PERSONAL_ID = re.compile(r"[0-9]{12}")
_OLD_ID = re.compile(r"[0-9]{9}")
_PASSPORT = re.compile(r"[A-Z][0-9]{7}")
_TAX_CODE = re.compile(r"(?P<main>[0-9]{10})(?:-?(?P<branch>[0-9]{3}))?")
_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{9}")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
#: A typed day/month/year: `5/9/1990`, `05-09-1990`, `05.09.1990` (one separator throughout) or `05091990`.
_TYPED_DATE = re.compile(r"(?P<d>[0-9]{1,2})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})")
_TYPED_DATE_DIGITS = re.compile(r"(?P<d>[0-9]{2})(?P<m>[0-9]{2})(?P<y>[0-9]{4})")


def clean_text(value: str | None, field: str, *, max_length: int = MAX_TEXT, required: bool = False) -> str:
    """NFC, trimmed, white space collapsed; raises `required`, `too_long` (param `max`) or `invalid_chars`."""
    value = (value or "").translate(_INVISIBLE)
    if any(_is_forbidden(ch) for ch in value):
        raise ValidationError(field, "invalid_chars")
    text = nfc(value)
    if required and not text:
        raise ValidationError(field, "required")
    if len(text) > max_length:
        raise ValidationError(field, "too_long", max=max_length)
    return text


def _is_forbidden(ch: str) -> bool:
    """Control characters (other than ordinary white space), surrogates and unassigned code points."""
    return ch not in _ALLOWED_WHITESPACE and unicodedata.category(ch) in ("Cc", "Cs", "Cn")


def _compact(value: str) -> str:
    """Identifier as typed, without spaces (people group the digits when reading them out)."""
    return "".join(value.split())


def birth_year_of(personal_id: str) -> int:
    """The birth year a (well-formed) 12-digit personal identifier encodes."""
    return 1900 + int(personal_id[3]) // 2 * 100 + int(personal_id[4:6])


def check_personal_id(value: str, field: str = "identifier", today: date | None = None) -> str:
    """A 12-digit personal identifier; codes `id.personal_format`, `id.province`, `id.future_birth_year`."""
    digits = _compact(value)
    if not _PERSONAL_ID.fullmatch(digits):
        raise ValidationError(field, "id.personal_format")
    if not 1 <= int(digits[:3]) <= 99:
        raise ValidationError(field, "id.province")
    year = birth_year_of(digits)
    if year > (today or date.today()).year:
        raise ValidationError(field, "id.future_birth_year", year=year)
    return digits


def check_old_id(value: str, field: str = "identifier") -> str:
    """A 9-digit identity card number (CMND); code `id.old_format`."""
    digits = _compact(value)
    if not _OLD_ID.fullmatch(digits):
        raise ValidationError(field, "id.old_format")
    return digits


def check_passport(value: str, field: str = "identifier") -> str:
    """A passport number, one letter and 7 digits, returned upper-cased; code `id.passport_format`."""
    text = _compact(value).upper()
    if not _PASSPORT.fullmatch(text):
        raise ValidationError(field, "id.passport_format")
    return text


def check_tax_code(value: str, field: str = "identifier") -> str:
    """A tax code: 10 digits, or 13 written `0101234567-001` (the dash is added when missing)."""
    m = _TAX_CODE.fullmatch(_compact(value))
    if not m:
        raise ValidationError(field, "id.tax_format")
    return f"{m['main']}-{m['branch']}" if m["branch"] else m["main"]


def check_identifier(
    value: str, id_type: IdType, field: str = "identifier", today: date | None = None
) -> str:
    """Dispatch on the identifier kind; `IdType.OTHER` is only cleaned and length-checked."""
    id_type = IdType(id_type)
    if id_type is IdType.PERSONAL_ID:
        return check_personal_id(value, field, today)
    if id_type is IdType.OLD_ID:
        return check_old_id(value, field)
    if id_type is IdType.PASSPORT:
        return check_passport(value, field)
    if id_type is IdType.TAX_CODE:
        return check_tax_code(value, field)
    return clean_text(value, field, max_length=MAX_OTHER_ID, required=True)


def check_phone(value: str, field: str = "phone") -> str:
    """A Vietnamese mobile (10 digits, 03/05/07/08/09) or landline (02x + 8 digits), digits only.

    Spaces, dots, dashes and brackets are ignored; a `+84` or `84` prefix becomes `0`. Empty → "".
    """
    digits = _SEPARATORS.sub("", value or "")
    if not digits:
        return ""
    if digits.startswith("+84"):
        digits = _national(digits[3:])
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = _national(digits[2:])
    if not (_MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits)):
        raise ValidationError(field, "phone.format")
    return digits


def _national(rest: str) -> str:
    """The number after the country code, with its leading 0 (people sometimes keep it: +84 0912…)."""
    return rest if rest.startswith("0") else "0" + rest


def check_email(value: str, field: str = "email") -> str:
    """A pragmatic e-mail check (local@domain.tld, no spaces); the domain is lower-cased. Empty → ""."""
    text = nfc(value or "")
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    domain = domain.lower()
    labels = domain.split(".")
    if (
        not at
        or len(text) > MAX_EMAIL
        or len(local) > 64
        or not _EMAIL_LOCAL.fullmatch(local)
        or len(labels) < 2
        or not all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        or not labels[-1].isalpha()
        or len(labels[-1]) < 2
    ):
        raise ValidationError(field, "email.format")
    return f"{local}@{domain}"


def parse_typed_date(value: str | None, field: str) -> date | None:
    """A date typed day/month/year (`_TYPED_DATE`), None when empty. Raises `date.format` when it is not written
    that way, `date.impossible` (param `date`, as dd/mm/yyyy) when it is but no such day exists (31/02/1995)."""
    text = "".join((value or "").split())
    if not text:
        return None
    m = _TYPED_DATE.fullmatch(text) or _TYPED_DATE_DIGITS.fullmatch(text)
    if m is None:
        raise ValidationError(field, "date.format")
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, "date.impossible", date=f"{day:02d}/{month:02d}/{year:04d}") from None


def clean_person(
    person: Person, *, prefix: str = "applicant", today: date | None = None, require_identifier: bool = True
) -> Person:
    """A cleaned copy of `person` (NFC texts, normalised numbers); raises `ValidationErrors` with every failure.

    Fields are named `<prefix>.name`, `<prefix>.identifier`, `<prefix>.id_type`, `<prefix>.address`,
    `<prefix>.phone`, `<prefix>.email`, `<prefix>.birth_date`.
    """
    today = today or date.today()
    errors: list[ValidationError] = []
    cleaned: dict[str, object] = {}

    def run(name: str, check: Callable[[], object]) -> None:
        try:
            cleaned[name] = check()
        except ValidationError as error:
            errors.append(error)

    id_field = f"{prefix}.identifier"
    run("name", lambda: clean_text(person.name, f"{prefix}.name", max_length=MAX_NAME, required=True))
    run("address", lambda: clean_text(person.address, f"{prefix}.address", max_length=MAX_ADDRESS))
    run("phone", lambda: check_phone(person.phone, f"{prefix}.phone"))
    run("email", lambda: check_email(person.email, f"{prefix}.email"))
    if person.kind is ApplicantKind.BUSINESS and person.id_type not in (IdType.TAX_CODE, IdType.OTHER):
        errors.append(ValidationError(f"{prefix}.id_type", "id.type_for_business"))
    if not _compact(person.identifier or ""):
        if require_identifier:
            errors.append(ValidationError(id_field, "required"))
        cleaned["identifier"] = ""
    else:
        run("identifier", lambda: check_identifier(person.identifier, person.id_type, id_field, today))
    personal_id = str(cleaned.get("identifier", "")) if person.id_type is IdType.PERSONAL_ID else ""
    if person.birth_date is not None and person.birth_date > today:
        errors.append(ValidationError(f"{prefix}.birth_date", "birth_date.future"))
    elif (
        person.birth_date is not None and personal_id and birth_year_of(personal_id) != person.birth_date.year
    ):
        errors.append(ValidationError(id_field, "id.birth_year_mismatch"))
    if errors:
        raise ValidationErrors(errors)
    return replace(person, **cleaned)  # type: ignore[arg-type]


def clean_representative(rep: Representative, today: date | None = None) -> Representative:
    """A cleaned copy of `rep`; the authorisation paper is required. Raises `ValidationErrors`."""
    errors: list[ValidationError] = []
    person = rep.person
    try:
        person = clean_person(rep.person, prefix="representative", today=today)
    except ValidationErrors as failed:
        errors.extend(failed.errors)
    try:
        paper = clean_text(rep.authorisation_paper, "representative.authorisation_paper", required=True)
    except ValidationError as error:
        errors.append(error)
    if errors:
        raise ValidationErrors(errors)
    return Representative(person, paper)
