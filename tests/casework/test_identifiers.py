from datetime import date

import pytest
from django.core.exceptions import ValidationError

from casework.identifiers import (
    amka_birth_date,
    amka_matches_birth_date,
    amka_sex_hint,
    normalize_afm,
    normalize_amka,
    normalize_phone,
    validate_afm,
    validate_amka,
    validate_paaypa,
    validate_permit_number,
    validate_personal_number,
    validate_phone,
)

TODAY = date(2026, 11, 23)


def luhn_complete(payload: str) -> str:
    """Append the Luhn check digit: an independent helper, so the tests do not trust the module."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:  # the check digit will be appended to the right
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return payload + str((10 - total % 10) % 10)


def error_of(func, *args) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        func(*args)
    return excinfo.value


# --- ΑΜΚΑ --------------------------------------------------------------------------------


def test_luhn_helper_agrees_with_a_hand_computed_amka():
    # 0101701234: doubled from the right 8,3,4,1,0,7,2,0,2,0 = 27, so the check digit is 3.
    assert luhn_complete("0101701234") == "01017012343"


@pytest.mark.parametrize("payload", ["0101701234", "1505851111", "3112990002", "0703154321"])
def test_valid_amka_is_returned_normalised(payload):
    amka = luhn_complete(payload)
    assert validate_amka(amka) == amka


def test_amka_separators_are_dropped():
    assert normalize_amka(" 010170-1234 3 ") == "01017012343"
    assert validate_amka("010170 12343") == "01017012343"


def test_amka_with_arabic_indic_digits_is_read_as_ascii():
    assert validate_amka("٠١٠١٧٠١٢٣٤٣") == "01017012343"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0101701234", "amka_length"),
        ("010170123430", "amka_length"),
        ("", "amka_length"),
        ("0101701234A", "amka_digits"),
        ("01017012344", "amka_checksum"),
        (luhn_complete("3102991234"), "amka_date"),  # 31 February: Luhn is fine, date is not
        (luhn_complete("0013701234"), "amka_date"),
        (luhn_complete("2902011234"), "amka_date"),  # 2001 and 1901 are not leap years
    ],
)
def test_invalid_amka_is_refused_with_a_code(value, code):
    assert error_of(validate_amka, value).code == code


def test_29_february_2000_is_a_real_birth_date():
    amka = luhn_complete("2902001234")
    assert validate_amka(amka) == amka
    assert amka_birth_date(amka, today=TODAY) == date(2000, 2, 29)


def test_amka_messages_name_the_identifier(english):
    assert error_of(validate_amka, "123").messages == [
        "The ΑΜΚΑ must have 11 digits; this one has 3."
    ]
    assert error_of(validate_amka, "01017012344").messages == [
        "This ΑΜΚΑ is not valid: its check digit does not match. Check for a typo."
    ]


@pytest.mark.parametrize(
    ("payload", "born"),
    [
        ("0101701234", date(1970, 1, 1)),
        ("1505151111", date(2015, 5, 15)),  # 20YY when that is not in the future
        ("2311261111", date(2026, 11, 23)),  # born today
        ("2411261111", date(1926, 11, 24)),  # tomorrow in 2026, so 1926
        ("0101991111", date(1999, 1, 1)),
    ],
)
def test_birth_date_takes_the_latest_century_not_in_the_future(payload, born):
    assert amka_birth_date(luhn_complete(payload), today=TODAY) == born


def test_birth_date_defaults_to_the_real_today():
    assert amka_birth_date(luhn_complete("0101701234")) == date(1970, 1, 1)


def test_birth_date_refuses_an_invalid_amka():
    assert error_of(amka_birth_date, "01017012344").code == "amka_checksum"


def test_sex_hint_reads_the_tenth_digit():
    assert amka_sex_hint(luhn_complete("0101701231")) == "male"
    assert amka_sex_hint(luhn_complete("0101701234")) == "female"


def test_amka_is_cross_checked_against_a_recorded_birth_date():
    amka = "010170-12343"
    assert amka_matches_birth_date(amka, date(1970, 1, 1))
    assert amka_matches_birth_date(amka, date(2070, 1, 1))  # only DDMMYY is compared
    assert not amka_matches_birth_date(amka, date(1970, 1, 10))


# --- ΑΦΜ ---------------------------------------------------------------------------------


@pytest.mark.parametrize("afm", ["090000045", "094019245"])
def test_known_valid_afm(afm):
    assert validate_afm(afm) == afm


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("EL094019245", "094019245"),
        ("gr 094 019 245", "094019245"),
        ("094-019-245", "094019245"),
        ("90000045", "090000045"),  # old 8-digit number
        ("EL 94019245", "094019245"),
    ],
)
def test_afm_is_normalised(value, normalised):
    assert normalize_afm(value) == normalised
    assert validate_afm(value) == normalised


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1234567", "afm_length"),
        ("0940192450", "afm_length"),
        ("", "afm_length"),
        ("09401924A", "afm_digits"),
        ("UK094019245", "afm_digits"),
        ("094019246", "afm_checksum"),
        ("090000054", "afm_checksum"),
        ("000000000", "afm_checksum"),
        ("00000000", "afm_checksum"),
    ],
)
def test_invalid_afm_is_refused_with_a_code(value, code):
    assert error_of(validate_afm, value).code == code


def test_afm_message_names_the_identifier(english):
    assert "ΑΦΜ" in error_of(validate_afm, "094019246").messages[0]


# --- Numbers checked for format only -----------------------------------------------------


def test_paaypa_is_eleven_digits():
    assert validate_paaypa("99 1234 56789") == "99123456789"
    assert error_of(validate_paaypa, "9912345678").code == "paaypa_length"
    assert error_of(validate_paaypa, "99123456A89").code == "paaypa_digits"


def test_paaypa_message_names_the_identifier(english):
    assert "ΠΑΑΥΠΑ" in error_of(validate_paaypa, "123").messages[0]


@pytest.mark.parametrize(
    ("value", "kind", "normalised"),
    [
        ("77/123456", "dadp", "77/123456"),
        ("  ab   1234 ", "adet", "AB 1234"),
        ("ΑΒ-12345", "adet", "ΑΒ-12345"),
        ("άβ 1234", "dadp", "ΑΒ 1234"),
        ("1234", "dadp", "1234"),
        ("A" * 20, "adet", "A" * 20),
    ],
)
def test_permit_numbers_in_a_plausible_format_are_accepted(value, kind, normalised):
    assert validate_permit_number(value, kind) == normalised


@pytest.mark.parametrize(
    ("value", "code"),
    [("123", "permit_length"), ("A" * 21, "permit_length"), ("AB#1234", "permit_characters")],
)
def test_implausible_permit_numbers_are_refused(value, code):
    assert error_of(validate_permit_number, value, "adet").code == code


def test_permit_message_names_the_document(english):
    assert "ΔΑΔΠ" in error_of(validate_permit_number, "1", "dadp").messages[0]
    assert "ΑΔΕΤ" in error_of(validate_permit_number, "1", "adet").messages[0]


def test_unknown_permit_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        validate_permit_number("1234", "passport")


def test_personal_number_is_twelve_digits_or_latin_capitals():
    assert validate_personal_number("1ab2-cd3e f4gh") == "1AB2CD3EF4GH"
    assert error_of(validate_personal_number, "1AB2CD3EF4G").code == "personal_number_length"
    # Greek Α and Β look like Latin A and B but are not allowed.
    assert error_of(validate_personal_number, "1ΑΒ2CD3EF4GH").code == "personal_number_characters"


# --- Phone numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "e164"),
    [
        ("6912345678", "+306912345678"),
        ("691 234 5678", "+306912345678"),
        ("210-123 4567", "+302101234567"),
        ("(2231) 012345", "+302231012345"),
        ("+30 691 234 5678", "+306912345678"),
        ("0030 210 1234567", "+302101234567"),
        ("+44 20 7946 0000", "+442079460000"),
        ("0044 20 7946 0000", "+442079460000"),
        ("٦٩١٢٣٤٥٦٧٨", "+306912345678"),
    ],
)
def test_phone_numbers_become_e164(value, e164):
    assert normalize_phone(value) == e164
    assert validate_phone(value) == e164


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("+30 12345", "phone_greek"),
        ("+30 6812345678", "phone_greek"),
        ("0030 69123456789", "phone_greek"),
        ("6812345678", "phone_format"),
        ("12345", "phone_format"),
        ("69123456789", "phone_format"),
        ("", "phone_format"),
        ("call me", "phone_format"),
        ("+0123456789", "phone_format"),
    ],
)
def test_invalid_phone_numbers_are_refused(value, code):
    assert error_of(validate_phone, value).code == code
