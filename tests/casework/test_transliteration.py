import pytest

from casework.transliteration import elot743, normalize_for_search, search_keys


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Παπαδόπουλος", "Papadopoulos"),
        ("Γεώργιος", "Georgios"),
        ("Ευάγγελος", "Evangelos"),
        ("Ευθύμιος", "Efthymios"),
        ("Χρυσούλα", "Chrysoula"),
        ("Ψαρράς", "Psarras"),
        ("Μπακογιάννη", "Bakogianni"),
        ("Κωνσταντίνος", "Konstantinos"),
        ("Αγγελική", "Angeliki"),
        ("Θεοδώρα", "Theodora"),
        ("Ξανθή", "Xanthi"),
        ("Αύρα", "Avra"),
        ("Σπύρος", "Spyros"),
        ("Ευγενία", "Evgenia"),
        ("Ζωή", "Zoi"),
        ("Ηλίας", "Ilias"),
        ("Ωραιόπουλος", "Oraiopoulos"),
        ("Φωτεινή", "Foteini"),
    ],
)
def test_well_known_passport_forms(greek, latin):
    assert elot743(greek) == latin


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Ντόρα", "Ntora"),  # ELOT 743 keeps ντ; the everyday "Dora" is not the passport form
        ("Αντώνης", "Antonis"),
        ("Γκεσούλης", "Gkesoulis"),  # γκ is gk everywhere
        ("Λάμπρος", "Lampros"),  # μπ inside a word
        ("κλαμπ", "klab"),  # μπ at the end of a word
        ("Σφίγγα", "Sfinga"),
        ("Λύγξ", "Lynx"),
        ("Μελαγχολία", "Melancholia"),
    ],
)
def test_consonant_pairs(greek, latin):
    assert elot743(greek) == latin


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("ΑΥΤΟΣ", "AFTOS"),  # before a voiceless consonant
        ("Ευρυδίκη", "Evrydiki"),  # before a voiced consonant
        ("Ευαγγελία", "Evangelia"),  # before a vowel
        ("Ευ", "Ef"),  # at the end of a word
        ("ηύρα", "ivra"),
        ("Ευΐα", "Evia"),  # the diaeresis is on ι, so ευ is still a pair
        ("Αϊ", "Ai"),
        ("Χαΐδω", "Chaido"),
        ("Ταΰγετος", "Taygetos"),  # the diaeresis on υ breaks αυ
        ("προϋπόθεση", "proypothesi"),  # and ου
        ("άυλος", "aylos"),  # an accent on the first vowel breaks the pair too
    ],
)
def test_vowel_pairs_and_diaeresis(greek, latin):
    assert elot743(greek) == latin


def test_case_pattern_of_the_input_is_kept():
    assert elot743("ΘΕΟΔΩΡΑ ΨΑΡΡΑ") == "THEODORA PSARRA"
    assert elot743("Θεοδώρα Ψαρρά") == "Theodora Psarra"
    assert elot743("θεοδώρα ψαρρά") == "theodora psarra"
    assert elot743("Χρήστος ΧΑΤΖΗΣ") == "Christos CHATZIS"
    assert elot743("ΟΥΡΑΝΙΑ") == "OURANIA"
    assert elot743("Ουρανία") == "Ourania"


def test_an_initial_follows_the_case_of_the_whole_text():
    assert elot743("Θ. Παπαδόπουλος") == "Th. Papadopoulos"
    assert elot743("Θ. ΠΑΠΑΔΟΠΟΥΛΟΣ") == "TH. PAPADOPOULOS"


def test_word_boundaries_are_any_non_greek_character():
    assert elot743("Ζωή-Μαρία Μπάμπης") == "Zoi-Maria Bampis"
    assert elot743("Παπα-Μπαλής") == "Papa-Balis"


def test_non_greek_text_passes_through():
    assert elot743("Mohammad Al-Husseini") == "Mohammad Al-Husseini"
    assert elot743("Zoë 12/3") == "Zoë 12/3"
    assert elot743("") == ""


def test_decomposed_accents_are_understood():
    assert elot743("Γεω\u0301ργιος") == "Georgios"
    assert elot743("Ταυ\u0308γετος") == "Taygetos"


def test_normalize_for_search_ignores_case_accents_and_spacing():
    assert normalize_for_search("ΜΑΡΊΑ Παπαδοπούλου") == "μαρια παπαδοπουλου"
    assert normalize_for_search("  Γιώργος \t  Ψαρράς ") == "γιωργοσ ψαρρασ"
    assert normalize_for_search("ΨΑΡΡΑΣ") == normalize_for_search("Ψαρράς")
    assert normalize_for_search("Zoë") == "zoe"


def test_search_keys_hold_both_scripts():
    keys = search_keys("Γιώργος Παπαδόπουλος").split()
    assert "γιωργοσ" in keys
    assert "papadopoulos" in keys
    assert normalize_for_search("Papadopoulos") in keys


def test_search_keys_include_the_everyday_spelling():
    keys = search_keys("Ντόρα Μπακογιάννη")
    assert keys == "ντορα μπακογιαννη ntora bakogianni dora bakogianni"


def test_search_keys_of_a_latin_name_are_just_normalised():
    assert search_keys("  Mohammad  AL-HUSSEINI ") == "mohammad al-husseini"
