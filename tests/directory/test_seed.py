"""The seed directory: every first-release municipality covered, sample data flagged."""

from __future__ import annotations

from directory.models import Metadata, Organization, Service
from directory.search import search_services
from directory.seed import PLACES, seed_directory
from tests.directory.conftest import unit


def test_the_seed_covers_each_municipality_and_flags_unverified_entries(world):
    summary = seed_directory(tenants=[world.lamia, world.larissa])

    assert summary.services > 100
    for place in PLACES:
        kinds = {
            s.name.split(" ")[0]
            for s in Service.objects.filter(service_areas__municipality__code=place.code)
        }
        assert {"ΚΕΠ", "ΚΔΑΠ", "Κοινωνικό"} <= kinds, place
    outside = Service.objects.filter(organization__kentro_tenant__isnull=True)
    assert not outside.filter(is_sample=False).exists()
    assert outside.exclude(sample_note="").count() == outside.count()
    assert Metadata.objects.filter(updated_by="kentro directory_seed").count() >= summary.services


def test_each_centre_is_an_organization_with_live_services(world):
    seed_directory(tenants=[world.lamia, world.larissa])

    larissa = Organization.objects.get(kentro_tenant=world.larissa)
    assert not larissa.is_sample
    assert larissa.services.count() >= 3
    assert all(service.is_live for service in larissa.services.all())
    assert not Organization.objects.filter(kentro_tenant=world.kalamata).exists()


def test_seeding_again_changes_nothing(world):
    seed_directory(tenants=[world.lamia])
    before = Service.all_objects.count(), Metadata.objects.count()

    summary = seed_directory(tenants=[world.lamia])

    assert (summary.organizations, summary.services) == (0, 0)
    assert (Service.all_objects.count(), Metadata.objects.count()) == before


def test_the_seed_is_searchable_with_the_persons_area_first(world):
    seed_directory(tenants=[world.lamia])

    results = search_services(tenant=world.lamia, query="ψυχικης υγειας", municipality=unit("9160"))

    names = [service.name for service in results.services]
    # The centre's own psychosocial support (covering Lamia) may come first; the mental
    # health centre of Φθιώτιδα comes before Larissa's, which does not cover Lamia.
    assert names.index("Κέντρο Ψυχικής Υγείας Λαμίας") < names.index(
        "Κέντρο Ψυχικής Υγείας Λάρισας"
    )
    assert names.index("Κέντρο Ψυχικής Υγείας Λαμίας") <= 1
