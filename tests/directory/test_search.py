"""Directory search: Greek without accents, typos, area ranking, filters, local entries."""

from __future__ import annotations

from directory.models import Status
from directory.search import search_services
from directory.services import Area
from tests.directory.conftest import unit

LAMIA, LARISSA, FTHIOTIDA, STEREA = "9160", "9100", "804", "8"


def names(results) -> list[str]:
    return [s.name for s in results.services]


def test_a_greek_query_without_accents_finds_the_accented_service(world, national):
    national("Κέντρο Ψυχικής Υγείας Λαμίας")
    national("Κοινωνικό Παντοπωλείο")

    results = search_services(tenant=world.lamia, query="ψυχικης υγειας")

    assert names(results) == ["Κέντρο Ψυχικής Υγείας Λαμίας"]
    assert not results.fallback


def test_capitals_and_inflections_find_the_service(world, national):
    national("Κέντρο Ψυχικής Υγείας Λαμίας")

    assert names(search_services(tenant=world.lamia, query="ΨΥΧΙΚΗ ΥΓΕΙΑ")) == [
        "Κέντρο Ψυχικής Υγείας Λαμίας"
    ]


def test_a_partial_word_finds_the_service(world, national):
    national("Κοινωνικό Φαρμακείο")

    assert names(search_services(tenant=world.lamia, query="φαρμακ")) == ["Κοινωνικό Φαρμακείο"]


def test_a_typo_falls_back_to_trigrams(world, national):
    national("Κοινωνικό Παντοπωλείο")
    national("Κέντρο Υγείας")

    results = search_services(tenant=world.lamia, query="παντοπολειο")

    assert names(results) == ["Κοινωνικό Παντοπωλείο"]
    assert results.fallback


def test_the_taxonomy_terms_are_searched(world, national, term):
    national("Ξενώνας Ε.", terms=[term("violence_against_women")])

    assert names(search_services(tenant=world.lamia, query="βια γυναικων")) == ["Ξενώνας Ε."]


def test_services_covering_the_persons_municipality_rank_first(world, national):
    national("Υπηρεσία Ελλάδας", areas=[Area("national")])
    national("Υπηρεσία Λάρισας", areas=[Area("municipality", unit(LARISSA))])
    national("Υπηρεσία Στερεάς", areas=[Area("region", unit(STEREA))])
    national("Υπηρεσία Φθιώτιδας", areas=[Area("regional_unit", unit(FTHIOTIDA))])
    national("Υπηρεσία Λαμίας", areas=[Area("municipality", unit(LAMIA))])

    results = search_services(tenant=world.lamia, query="υπηρεσια", municipality=unit(LAMIA))

    assert names(results) == [
        "Υπηρεσία Λαμίας",
        "Υπηρεσία Φθιώτιδας",
        "Υπηρεσία Στερεάς",
        "Υπηρεσία Ελλάδας",
        "Υπηρεσία Λάρισας",
    ]
    covering = search_services(
        tenant=world.lamia, query="υπηρεσια", municipality=unit(LAMIA), only_covering=True
    )
    assert "Υπηρεσία Λάρισας" not in names(covering)
    assert len(covering.services) == 4


def test_filter_by_taxonomy_term(world, national, term):
    national("Γραφείο Α", terms=[term("legal_aid")])
    national("Γραφείο Β", terms=[term("housing")])

    results = search_services(tenant=world.lamia, taxonomy_term_ids=[term("legal_aid").pk])

    assert names(results) == ["Γραφείο Α"]


def test_filter_by_language(world, national):
    national("Διερμηνεία Α", languages=["ar", "el"])
    national("Διερμηνεία Β", languages=["el"])

    assert names(search_services(tenant=world.lamia, query="διερμηνεια", language="ar")) == [
        "Διερμηνεία Α"
    ]


def test_filter_by_age(world, national):
    national("ΚΔΑΠ", data={"minimum_age": 6, "maximum_age": 12})
    national("ΚΑΠΗ", data={"minimum_age": 60})
    national("ΚΕΠ")

    assert names(search_services(tenant=world.lamia, age=8)) == ["ΚΔΑΠ", "ΚΕΠ"]
    assert names(search_services(tenant=world.lamia, age=70)) == ["ΚΑΠΗ", "ΚΕΠ"]


def test_filter_by_status(world, national):
    national("Ανοιχτό")
    national("Κλειστό", data={"status": Status.TEMPORARILY_CLOSED})

    assert names(search_services(tenant=world.lamia)) == ["Ανοιχτό"]
    assert names(search_services(tenant=world.lamia, statuses=[Status.TEMPORARILY_CLOSED])) == [
        "Κλειστό"
    ]
    assert names(search_services(tenant=world.lamia, statuses=())) == ["Ανοιχτό", "Κλειστό"]


def test_the_navbar_of_a_centre_links_to_the_directory(world):
    from tests.helpers import signed_in

    html = signed_in(world.bob, "lamia", world.lamia).get("/").content.decode()
    assert 'href="/directory/' in html
