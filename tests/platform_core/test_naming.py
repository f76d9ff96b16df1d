"""Greek names: proper case with accents where known, official capitals kept."""

from geography.loader import NAMES, read_table
from geography.naming import (
    accented_from_words,
    greek_title_case,
    learn_word_accents,
    load_accented_names,
    official_form,
    strip_accents,
)


def test_every_accented_name_gives_back_its_official_form():
    names = load_accented_names(NAMES)
    officials = {}
    for row in read_table():
        for level in ("region", "regional_unit", "municipality"):
            officials[(level, row[f"{level}_code"])] = row[f"{level}_name"].strip()
    assert set(names) == set(officials)
    assert len(names) == 13 + 74 + 325
    mismatched = [
        key
        for key, name in names.items()
        # The published table drops the dialytika in some names (ΔΥΤΙΚΗΣ ΑΧΑΙΑΣ).
        if official_form(name) != official_form(officials[key])
    ]
    assert mismatched == []


def test_known_accented_forms():
    names = load_accented_names(NAMES)
    assert names[("municipality", "9160")] == "Λαμιέων"
    assert names[("municipality", "9253")] == "Δυτικής Μάνης"
    assert names[("municipality", "9186")] == "Αθηναίων"
    assert names[("regional_unit", "1005")] == "Μεσσηνίας"


def test_strip_accents_and_official_form():
    assert strip_accents("Αχαΐας ΐ ά") == "Αχαιας ι α"
    assert official_form("Δυτικής Μάνης") == "ΔΥΤΙΚΗΣ ΜΑΝΗΣ"


def test_title_case_fallback_uses_final_sigma_and_lower_case_particles():
    assert greek_title_case("ΑΓΙΟΥ ΝΙΚΟΛΑΟΥ ΚΑΙ ΤΗΣ ΚΡΗΤΗΣ") == "Αγιου Νικολαου και της Κρητης"
    assert greek_title_case("ΜΑΡΩΝΕΙΑΣ-ΣΑΠΩΝ") == "Μαρωνειας-Σαπων"


def test_accents_are_learned_from_words_but_never_from_ambiguous_ones():
    accents = learn_word_accents(
        [
            ("ΑΓΙΑΣ", "Αγιάς"),
            ("ΑΓΙΑΣ ΠΑΡΑΣΚΕΥΗΣ", "Αγίας Παρασκευής"),
            ("ΚΑΤΩ ΝΕΥΡΟΚΟΠΙΟΥ", "Κάτω Νευροκοπίου"),
        ]
    )
    assert "ΑΓΙΑΣ" not in accents
    assert accented_from_words("ΝΕΥΡΟΚΟΠΙΟΥ", accents) == "Νευροκοπίου"
    assert accented_from_words("ΑΓΙΑΣ ΠΑΡΑΣΚΕΥΗΣ", accents) is None
