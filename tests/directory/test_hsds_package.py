"""The HSDS Tabular Data Package: export, import all-or-nothing, idempotent re-import."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from directory.hsds.package import export_package, import_package
from tests.directory.hsds_fixtures import build_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(world, editor, term):
    return build_directory(world, editor, term)


def wipe_directory() -> None:
    """Empty every directory table (inside the test's transaction, rolled back after)."""
    from directory import models as m

    for model in (
        m.Metadata,
        m.Attribute,
        m.Language,
        m.Phone,
        m.Contact,
        m.Schedule,
        m.ServiceArea,
        m.RequiredDocument,
        m.Address,
        m.ServiceAtLocation,
        m.Location,
        m.Service,
        m.Organization,
        m.TaxonomyTerm,
        m.Taxonomy,
    ):
        manager = getattr(model, "all_objects", model.objects)
        manager.all()._raw_delete(connection.alias)


def files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def read_csv(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_csv(path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_export_holds_national_entries_only(directory, tmp_path):
    export_package(tmp_path)
    services = {row["id"]: row for row in read_csv(tmp_path / "services.csv")}
    assert str(directory.service.pk) in services
    assert str(directory.local.pk) not in services
    assert services[str(directory.service.pk)]["is_sample"] == "false"
    organizations = {row["id"]: row for row in read_csv(tmp_path / "organizations.csv")}
    assert organizations[str(directory.organization.pk)]["kentro_centre"] == "lamia"
    attributes = read_csv(tmp_path / "attributes.csv")
    assert str(directory.local.pk) not in {row["link_id"] for row in attributes}
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert {r["path"] for r in descriptor["resources"]} == {p.name for p in tmp_path.glob("*.csv")}


def test_round_trip_is_byte_identical(directory, tmp_path):
    from directory.models import Metadata, Service

    first, second = tmp_path / "first", tmp_path / "second"
    export_package(first)
    wipe_directory()
    assert not Service.all_objects.exists()

    report = import_package(first)
    assert report.ok, report.errors
    assert report.created > 0 and report.updated == 0
    # Imported national entries are in the change log.
    imported = Metadata.objects.get(resource_id=directory.service.pk)
    assert imported.updated_by == "HSDS import" and imported.last_action_type == "create"

    export_package(second)
    assert files(first) == files(second)


def test_reimporting_the_same_package_changes_nothing(directory, tmp_path):
    from directory.models import Metadata, Service

    export_package(tmp_path)
    log_before = Metadata.objects.count()
    modified_before = dict(Service.all_objects.values_list("id", "last_modified"))

    report = import_package(tmp_path)
    assert report.ok, report.errors
    assert (report.created, report.updated) == (0, 0)
    assert report.unchanged > 0
    again = import_package(tmp_path)
    assert (again.created, again.updated) == (0, 0)
    assert Metadata.objects.count() == log_before
    assert dict(Service.all_objects.values_list("id", "last_modified")) == modified_before


def test_a_changed_row_updates_that_record_and_logs_the_field(directory, tmp_path):
    from directory.models import Metadata, Service

    export_package(tmp_path)
    rows = read_csv(tmp_path / "services.csv")
    for row in rows:
        if row["id"] == str(directory.service.pk):
            row["name"] = "Κοινωνικό Παντοπωλείο Δήμου Λαμιέων"
    write_csv(tmp_path / "services.csv", rows)

    report = import_package(tmp_path)
    assert report.ok, report.errors
    assert report.updated == 1 and report.created == 0
    assert Service.objects.get(pk=directory.service.pk).name.endswith("Δήμου Λαμιέων")
    entry = Metadata.objects.filter(resource_id=directory.service.pk, field_name="name").first()
    assert entry.previous_value == "Κοινωνικό Παντοπωλείο Λαμίας"


def test_a_bad_package_imports_nothing_and_reports_each_bad_row(directory, tmp_path):
    from directory.models import Metadata, Organization, Service

    export_package(tmp_path)
    organizations = read_csv(tmp_path / "organizations.csv")
    new_org = dict(organizations[0], id="11111111-1111-4111-8111-111111111111", name="Νέος φορέας")
    write_csv(tmp_path / "organizations.csv", [*organizations, new_org])

    services = read_csv(tmp_path / "services.csv")
    blank = {key: "" for key in services[0]}
    nameless = dict(
        blank,
        id="22222222-2222-4222-8222-222222222222",
        organization_id="33333333-3333-4333-8333-333333333333",
        status="active",
    )
    bad_status = dict(services[0], status="open")
    bad_email = dict(services[1], email="not-an-address")
    write_csv(tmp_path / "services.csv", [bad_status, bad_email, *services[2:], nameless])
    nameless_row = len(services) + 2  # header is row 1; the new row comes last

    counts = (Organization.all_objects.count(), Service.all_objects.count())
    log = Metadata.objects.count()
    report = import_package(tmp_path)

    assert not report.ok
    found = {(e.file, e.row, e.field) for e in report.errors}
    assert ("services.csv", nameless_row, "name") in found
    assert ("services.csv", nameless_row, "organization_id") in found
    assert ("services.csv", 2, "status") in found
    assert ("services.csv", 3, "email") in found
    assert all(e.message for e in report.errors)
    # Nothing at all was written, not even the valid new organization.
    assert (Organization.all_objects.count(), Service.all_objects.count()) == counts
    assert not Organization.all_objects.filter(name="Νέος φορέας").exists()
    assert Metadata.objects.count() == log
    assert Service.objects.get(pk=services[0]["id"]).status != "open"


def test_a_package_cannot_overwrite_a_centres_local_entry(directory, tmp_path):
    from directory.models import Service

    export_package(tmp_path)
    services = read_csv(tmp_path / "services.csv")
    hijack = dict(services[0], id=str(directory.local.pk), name="Αλλαγμένο")
    write_csv(tmp_path / "services.csv", [*services, hijack])
    report = import_package(tmp_path)
    assert not report.ok
    assert ("services.csv", len(services) + 2, "id") in {
        (e.file, e.row, e.field) for e in report.errors
    }
    local = Service.objects.get(pk=directory.local.pk)
    assert local.name == "Τοπική ομάδα στήριξης Λαμίας" and local.owner_tenant_id is not None


def test_duplicate_ids_and_bad_cells_are_reported(directory, tmp_path):
    export_package(tmp_path)
    schedules = read_csv(tmp_path / "schedules.csv")
    broken = dict(schedules[0], opens_at="eight", valid_from="2025-13-01")
    write_csv(tmp_path / "schedules.csv", [schedules[0], broken])
    report = import_package(tmp_path)
    found = {(e.file, e.row, e.field) for e in report.errors}
    assert ("schedules.csv", 3, "id") in found
    assert ("schedules.csv", 3, "opens_at") in found
    assert ("schedules.csv", 3, "valid_from") in found


def test_empty_or_missing_folder_is_refused(world, tmp_path):
    assert not import_package(tmp_path / "nowhere").ok
    assert not import_package(tmp_path).ok


def test_management_commands(directory, tmp_path, capsys):
    call_command("hsds_export", str(tmp_path))
    call_command("hsds_import", str(tmp_path))
    assert "0 created, 0 updated" in capsys.readouterr().out

    services = read_csv(tmp_path / "services.csv")
    services[0]["name"] = ""
    write_csv(tmp_path / "services.csv", services)
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("hsds_import", str(tmp_path))
    assert "services.csv, row 2, name" in capsys.readouterr().err
