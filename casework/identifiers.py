"""Greek personal identifiers: cleaned up, checked, and never trusted as typed.

Social workers copy numbers from photocopies, SMS messages and handwritten forms, so every
function here first normalises (drops spaces, dashes and dots, turns Arabic-Indic or other
Unicode digits into 0-9) and then checks what it can:

- ΑΜΚΑ (social security number): 11 digits = birth date DDMMYY + 4-digit serial + a Luhn
  check digit over all 11 digits. The 10th digit is odd for men, even for women.
- ΑΦΜ (tax number): 9 digits with a weighted mod-11 check digit. Old 8-digit numbers get a
  leading 0; an EL/GR VAT prefix is dropped.
- ΠΑΑΥΠΑ, ΔΑΔΠ card, ΑΔΕΤ permit, Προσωπικός Αριθμός: no public check algorithm exists,
  so only the shape is checked.
- Phone numbers: Greek numbers become E.164 (+30 and 10 digits); other international
  numbers are kept as + and digits.

Each ``validate_*`` function returns the normalised value (store that, not the input) or
raises ``ValidationError`` with a stable ``code`` and a message a social worker can act on.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = [
    "amka_birth_date",
    "amka_matches_birth_date",
    "amka_sex_hint",
    "normalize_afm",
    "normalize_amka",
    "normalize_phone",
    "validate_afm",
    "validate_amka",
    "validate_paaypa",
    "validate_permit_number",
    "validate_personal_number",
    "validate_phone",
]

_ASCII_DIGITS = re.compile(r"[0-9]*")
_SEPARATORS = re.compile(r"[\s\-.]+")


def _ascii_digits(value: str) -> str:
    """Turn every Unicode decimal digit (e.g. Arabic-Indic ٣) into its ASCII form.

    Phones set to Arabic or Farsi produce such digits; they are the same number.
    """
    return "".join(
        str(unicodedata.decimal(ch)) if unicodedata.category(ch) == "Nd" else ch for ch in value
    )


def _compact(value: str) -> str:
    """ASCII digits, with spaces, dashes and dots removed."""
    return _SEPARATORS.sub("", _ascii_digits(value))


def _strip_accents(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


# --- ΑΜΚΑ --------------------------------------------------------------------------------


def _luhn_is_valid(digits: str) -> bool:
    """The Luhn check: from the right, double every second digit; the sum must end in 0."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _amka_dates(amka: str) -> list[date]:
    """The real dates the DDMMYY prefix can mean, 20YY first, then 19YY."""
    day, month, year = int(amka[0:2]), int(amka[2:4]), int(amka[4:6])
    found = []
    for century in (2000, 1900):
        try:
            found.append(date(century + year, month, day))
        except ValueError:
            continue
    return found


def normalize_amka(value: str) -> str:
    """Drop spaces, dashes and dots so "010170-12343" and "010170 12343" compare equal."""
    return _compact(value)


def validate_amka(value: str) -> str:
    """Return the normalised ΑΜΚΑ, or raise ValidationError saying what is wrong with it."""
    amka = normalize_amka(value)
    if not _ASCII_DIGITS.fullmatch(amka):
        raise ValidationError(
            _("The ΑΜΚΑ must contain only digits."),
            code="amka_digits",
        )
    if len(amka) != 11:
        raise ValidationError(
            _("The ΑΜΚΑ must have 11 digits; this one has %(count)d."),
            code="amka_length",
            params={"count": len(amka)},
        )
    if not _amka_dates(amka):
        raise ValidationError(
            _(
                "This ΑΜΚΑ is not valid: its first six digits must be a date of birth "
                "(day, month, year)."
            ),
            code="amka_date",
        )
    if not _luhn_is_valid(amka):
        raise ValidationError(
            _("This ΑΜΚΑ is not valid: its check digit does not match. Check for a typo."),
            code="amka_checksum",
        )
    return amka


def amka_birth_date(amka: str, *, today: date | None = None) -> date:
    """The birth date encoded in an ΑΜΚΑ, choosing the century as a person's age suggests.

    The ΑΜΚΑ stores only two digits of the year. Rule: use 20YY when that is a real date
    not after ``today`` (default: today in the project's time zone); otherwise use 19YY.
    So with today in 2026, "…25" means 2025 (a child) and "…70" means 1970. Someone born
    in 1925 will be read as born in 2025: for a person over ~100 the recorded birth date,
    not the ΑΜΚΑ, is the source of truth (see ``amka_matches_birth_date``). The one date
    only 20YY makes real, 29/02/00, is in the past either way.

    Raises ValidationError if the ΑΜΚΑ is not valid, or if both centuries give a date
    after ``today`` (only possible when ``today`` is set in the past).
    """
    amka = validate_amka(amka)
    today = today or timezone.localdate()
    candidates = _amka_dates(amka)
    for candidate in candidates:
        if candidate <= today:
            return candidate
    raise ValidationError(
        _("This ΑΜΚΑ is not valid: its date of birth is in the future."),
        code="amka_date",
    )


def amka_sex_hint(amka: str) -> str:
    """Return "male" or "female" from the 10th digit (odd = male).

    Informational only: a person's recorded sex or gender is what they declare, never this.
    """
    amka = validate_amka(amka)
    return "male" if int(amka[9]) % 2 == 1 else "female"


def amka_matches_birth_date(amka: str, birth_date: date) -> bool:
    """Whether the ΑΜΚΑ's DDMMYY prefix agrees with a recorded birth date.

    A mismatch is a warning for the social worker (typo in either field), not an error:
    the ΑΜΚΑ office sometimes registered an approximate birth date.
    """
    return normalize_amka(amka)[:6] == birth_date.strftime("%d%m%y")


# --- ΑΦΜ ---------------------------------------------------------------------------------


def normalize_afm(value: str) -> str:
    """Drop separators and an EL/GR VAT prefix; pad an old 8-digit ΑΦΜ with a leading 0."""
    afm = _compact(value).upper()
    if afm[:2] in ("EL", "GR"):
        afm = afm[2:]
    if len(afm) == 8 and _ASCII_DIGITS.fullmatch(afm):
        afm = "0" + afm
    return afm


def validate_afm(value: str) -> str:
    """Return the normalised ΑΦΜ, or raise ValidationError saying what is wrong with it.

    Check digit: the first eight digits weighted 256, 128, …, 2 (powers of two), summed,
    mod 11, mod 10, must equal the ninth digit.
    """
    afm = normalize_afm(value)
    if not _ASCII_DIGITS.fullmatch(afm):
        raise ValidationError(
            _("The ΑΦΜ must contain only digits (an EL or GR prefix is allowed)."),
            code="afm_digits",
        )
    if len(afm) != 9:
        raise ValidationError(
            _("The ΑΦΜ must have 9 digits; this one has %(count)d."),
            code="afm_length",
            params={"count": len(afm)},
        )
    if afm == "000000000":
        raise ValidationError(
            _("This ΑΦΜ is not valid: 000000000 is a placeholder, not a tax number."),
            code="afm_checksum",
        )
    total = sum(int(afm[i]) * 2 ** (8 - i) for i in range(8))
    if total % 11 % 10 != int(afm[8]):
        raise ValidationError(
            _("This ΑΦΜ is not valid: its check digit does not match. Check for a typo."),
            code="afm_checksum",
        )
    return afm


# --- Numbers without a public check digit ------------------------------------------------


def validate_paaypa(value: str) -> str:
    """Return the normalised ΠΑΑΥΠΑ (11 digits), or raise ValidationError.

    The ΠΑΑΥΠΑ is the temporary insurance and health number given to asylum seekers. Its
    check algorithm, if any, is not public, so only the format is checked.
    """
    paaypa = _compact(value)
    if not _ASCII_DIGITS.fullmatch(paaypa):
        raise ValidationError(
            _("The ΠΑΑΥΠΑ must contain only digits."),
            code="paaypa_digits",
        )
    if len(paaypa) != 11:
        raise ValidationError(
            _("The ΠΑΑΥΠΑ must have 11 digits; this one has %(count)d."),
            code="paaypa_length",
            params={"count": len(paaypa)},
        )
    return paaypa


PERMIT_KINDS = {"dadp": "ΔΑΔΠ", "adet": "ΑΔΕΤ"}
_PERMIT_CHARACTERS = re.compile(r"[A-ZΑ-Ω0-9 /\-]+")


def validate_permit_number(value: str, kind: str) -> str:
    """Return the normalised ΔΑΔΠ card or ΑΔΕΤ residence permit number, or raise.

    ``kind`` is "dadp" (asylum seeker's card) or "adet" (residence permit). There is no
    public check algorithm, and formats changed over the years, so this only accepts 4–20
    capital letters (Latin or Greek), digits, spaces, "/" and "-". Input is upper-cased,
    accents removed and runs of spaces collapsed.
    """
    if kind not in PERMIT_KINDS:
        raise ValueError(f"Unknown permit kind {kind!r}; expected one of {sorted(PERMIT_KINDS)}")
    label = PERMIT_KINDS[kind]
    number = " ".join(_strip_accents(_ascii_digits(value)).upper().split())
    if not 4 <= len(number) <= 20:
        raise ValidationError(
            _("The %(kind)s number must have between 4 and 20 characters."),
            code="permit_length",
            params={"kind": label},
        )
    if not _PERMIT_CHARACTERS.fullmatch(number):
        raise ValidationError(
            _("The %(kind)s number may contain only capital letters, digits, spaces, “/” and “-”."),
            code="permit_characters",
            params={"kind": label},
        )
    return number


_PERSONAL_NUMBER = re.compile(r"[0-9A-Z]{12}")


def validate_personal_number(value: str) -> str:
    """Return the normalised Προσωπικός Αριθμός (12 digits or Latin capitals), or raise.

    The new Personal Number is being rolled out and its check algorithm is not public yet,
    so this is a format check only, reserved for when the field is needed.
    """
    number = _compact(value).upper()
    if len(number) != 12:
        raise ValidationError(
            _("The Προσωπικός Αριθμός must have 12 characters; this one has %(count)d."),
            code="personal_number_length",
            params={"count": len(number)},
        )
    if not _PERSONAL_NUMBER.fullmatch(number):
        raise ValidationError(
            _(
                "The Προσωπικός Αριθμός may contain only digits and Latin capital letters "
                "(A–Z). Check that no Greek letters were typed instead of Latin ones."
            ),
            code="personal_number_characters",
        )
    return number


# --- Phone numbers -----------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s\-.()/]+")
_GREEK_NATIONAL = re.compile(r"2[0-9]{9}|69[0-9]{8}")
_INTERNATIONAL = re.compile(r"\+[1-9][0-9]{6,14}")


def normalize_phone(value: str) -> str:
    """Best-effort E.164: "+30" and 10 digits for Greek numbers, "+" and digits otherwise.

    Accepts "+30", "0030" or no prefix for Greek numbers, and "00" as the international
    prefix for other countries (as dialled from Greece). Input that cannot be read as a
    phone number is returned cleaned but otherwise unchanged: ``validate_phone`` rejects it.
    """
    phone = _PHONE_SEPARATORS.sub("", _ascii_digits(value))
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    if phone.startswith("+"):
        return phone
    if _GREEK_NATIONAL.fullmatch(phone):
        return "+30" + phone
    return phone


def validate_phone(value: str) -> str:
    """Return the phone number in E.164 form, or raise ValidationError."""
    phone = normalize_phone(value)
    if phone.startswith("+30"):
        if not _GREEK_NATIONAL.fullmatch(phone[3:]):
            raise ValidationError(
                _(
                    "This Greek phone number is not valid: it must have 10 digits and start "
                    "with 2 (landline) or 69 (mobile)."
                ),
                code="phone_greek",
            )
        return phone
    if _INTERNATIONAL.fullmatch(phone):
        return phone
    raise ValidationError(
        _(
            "Enter a Greek phone number of 10 digits (starting with 2 or 69), or a foreign "
            "number with its country code, e.g. +44 20 7946 0000."
        ),
        code="phone_format",
    )
