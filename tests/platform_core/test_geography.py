from geography.models import Municipality, MunicipalUnit, Region, RegionalUnit


def test_the_whole_of_greece_is_loaded(db):
    assert Region.objects.count() == 13
    assert RegionalUnit.objects.count() == 74
    assert Municipality.objects.count() == 325
    assert MunicipalUnit.objects.count() == 1034


def test_names_are_in_proper_greek_case_with_official_codes_kept(db):
    lamia = Municipality.objects.select_related("regional_unit__region").get(code="9160")
    assert lamia.official_name == "ΛΑΜΙΕΩΝ"
    assert lamia.name == "Λαμιέων"
    assert Municipality.objects.get(code="9253").name == "Δυτικής Μάνης"
    assert lamia.population_2001 == sum(
        lamia.municipal_units.values_list("population_2001", flat=True)
    )
    assert lamia.population_2001 > 0


def test_greek_text_search_works_in_the_database(db):
    # The cluster must use a UTF-8 ctype, or lower() and pg_trgm ignore Greek letters.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT lower('ΛΑΜΊΑ'), similarity('Λαμία', 'Λαμια')")
        lowered, similarity = cursor.fetchone()
    assert lowered == "λαμία"
    assert similarity > 0.3
