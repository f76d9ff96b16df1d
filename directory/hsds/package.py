"""The HSDS 3.0 Tabular Data Package: one CSV file per object plus datapackage.json.

- `export_package(folder)` writes the national directory (never a centre's local entries).
  The output is deterministic (rows sorted by id, fixed column order, no timestamps), so
  export → import into an empty directory → export gives identical bytes.
- `import_package(folder)` checks every row of every file first; if any row is invalid
  nothing is written and the report lists each problem (file, row, field, message). A valid
  package is applied in one transaction, matched by id: new records are created, changed
  ones updated, unchanged ones left alone, so importing the same package twice changes
  nothing. Each created or changed record gets rows in the directory's change log
  (HSDS metadata). Records missing from the package are kept (import never deletes).

The change log itself (metadata.csv) is not part of the package: it is the platform's own
provenance, and an import writes its own entries.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from directory.hsds import rows
from directory.hsds.tables import BY_NAME, TABLES, CellError, Column, Table, from_cell, to_cell
from directory.models import Metadata, Organization, Service
from directory.search import reindex_services

DATAPACKAGE = "datapackage.json"
IMPORT_LABEL = "HSDS import"


# --- export ------------------------------------------------------------------------------


def national_records() -> dict[str, list[models.Model]]:
    """The records of the national directory, table by table (no local entries)."""
    found: dict[str, list[models.Model]] = {}
    ids: dict[str, set[uuid.UUID]] = {}
    for table in TABLES:
        qs = table.model.objects.all()
        if table.owned:
            qs = qs.filter(owner_tenant__isnull=True)
        if table.model is Service:
            qs = qs.filter(organization__is_deleted=False)
        if table.model is Organization:
            qs = qs.select_related("kentro_tenant")
        kept = []
        for obj in qs:
            if table.name == "attribute":
                linked = any(obj.link_id in known for known in ids.values())
                if not linked or obj.taxonomy_term_id not in ids["taxonomy_term"]:
                    continue
            elif not _references_kept(table, obj, ids):
                continue
            kept.append(obj)
        kept.sort(key=lambda o: str(o.pk))
        found[table.name] = kept
        ids[table.name] = {o.pk for o in kept}
    return found


def _references_kept(table: Table, obj: models.Model, ids: dict[str, set[uuid.UUID]]) -> bool:
    for column in table.columns:
        if column.references and column.references != table.name:
            value = getattr(obj, column.attribute)
            if value is not None and value not in ids.get(column.references, set()):
                return False
    return True


def _csv_text(table: Table, records: list[models.Model]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    for obj in records:
        writer.writerow([to_cell(c.kind, rows.get(table, c, obj)) for c in table.columns])
    return out.getvalue()


def datapackage_descriptor() -> dict[str, Any]:
    """datapackage.json: the Frictionless description of the package's CSV files."""
    resources = []
    for table in TABLES:
        fields = []
        for column in table.columns:
            described: dict[str, Any] = {"name": column.name, "type": _frictionless(column)}
            if column.required:
                described["constraints"] = {"required": True}
            if column.extension:
                described["description"] = "Kentro extension"
            fields.append(described)
        foreign_keys = [
            {
                "fields": column.name,
                "reference": {"resource": BY_NAME[column.references].name, "fields": "id"},
            }
            for column in table.columns
            if column.references
        ]
        schema: dict[str, Any] = {"fields": fields, "primaryKey": "id"}
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        resources.append(
            {
                "name": table.name,
                "path": table.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "kentro-national-directory",
        "title": "Kentro national directory of services (HSDS 3.0)",
        "profile": "tabular-data-package",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "resources": resources,
    }


def _frictionless(column: Column) -> str:
    return {"uuid": "string", "numstr": "integer"}.get(column.kind, column.kind)


def export_package(folder: Path | str) -> dict[str, int]:
    """Write the national directory as an HSDS Tabular Data Package; returns rows per file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, records in zip(TABLES, national_records().values(), strict=True):
        (folder / table.path).write_text(_csv_text(table, records), encoding="utf-8")
        counts[table.path] = len(records)
    descriptor = json.dumps(datapackage_descriptor(), ensure_ascii=False, indent=2) + "\n"
    (folder / DATAPACKAGE).write_text(descriptor, encoding="utf-8")
    return counts


# --- import ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    file: str
    row: int  # line in the file; the header is line 1
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, {self.field or '-'}: {self.message}"


@dataclass
class ImportReport:
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    table: Table
    line: int
    values: dict[str, Any]
    attrs: dict[str, Any] = field(default_factory=dict)
    existing: models.Model | None = None


def _read(folder: Path, table: Table, report: ImportReport) -> list[_Row]:
    path = folder / table.path
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append(RowError(table.path, 1, "", _("The file is not UTF-8 text.")))
        return []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c.name for c in table.columns if c.required and c.name not in header]
    for name in missing:
        report.errors.append(RowError(table.path, 1, name, _("Required column is missing.")))
    found = []
    for line, raw in enumerate(reader, start=2):
        values: dict[str, Any] = {}
        for column in table.columns:
            cell = raw.get(column.name) or ""
            if column.required and not cell.strip():
                report.errors.append(
                    RowError(table.path, line, column.name, _("This field is required."))
                )
                values[column.name] = None
                continue
            try:
                values[column.name] = from_cell(column.kind, cell)
            except CellError as error:
                report.errors.append(RowError(table.path, line, column.name, str(error)))
                values[column.name] = None
        found.append(_Row(table, line, values))
    return found


def _known_ids(table: Table, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Those of `ids` that are national (or unowned) records in the database already."""
    qs = table.model.objects.filter(pk__in=ids)
    if table.owned:
        qs = qs.filter(owner_tenant__isnull=True)
    return set(qs.values_list("pk", flat=True))


def _check(package: dict[str, list[_Row]], report: ImportReport) -> None:
    # Ids: present, unique within their file.
    ids: dict[str, set[uuid.UUID]] = defaultdict(set)
    for table in TABLES:
        for row in package[table.name]:
            pk = row.values.get("id")
            if pk is None:
                continue
            if pk in ids[table.name]:
                report.errors.append(
                    RowError(table.path, row.line, "id", _("This id appears twice in the file."))
                )
            ids[table.name].add(pk)

    # References: to a row of the package or to a national record already here.
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for table in TABLES:
        for row in package[table.name]:
            for column in table.columns:
                if column.references and row.values.get(column.name) is not None:
                    wanted[column.references].add(row.values[column.name])
    known = {
        name: ids[name] | _known_ids(BY_NAME[name], pks - ids[name]) for name, pks in wanted.items()
    }
    for table in TABLES:
        for row in package[table.name]:
            for column in table.columns:
                value = row.values.get(column.name)
                if (
                    column.references
                    and value is not None
                    and value not in known[column.references]
                ):
                    report.errors.append(
                        RowError(
                            table.path,
                            row.line,
                            column.name,
                            _(
                                "Refers to a %(object)s that is neither in the package "
                                "nor in the directory."
                            )
                            % {"object": column.references.replace("_", " ")},
                        )
                    )

    # Each row as a record: model validation (lengths, choices, e-mail and web addresses).
    for table in TABLES:
        existing = {
            o.pk: o
            for o in table.model.all_objects.filter(
                pk__in=[r.values["id"] for r in package[table.name] if r.values.get("id")]
            )
        }
        for row in package[table.name]:
            if any(e.file == table.path and e.row == row.line for e in report.errors):
                continue
            _check_record(row, existing.get(row.values["id"]), report)


def _check_record(row: _Row, existing: models.Model | None, report: ImportReport) -> None:
    table = row.table
    try:
        row.attrs = rows.resolve(table, row.values)
    except rows.UnknownValue as error:
        column, message = error.args
        report.errors.append(RowError(table.path, row.line, column, message))
        return
    if existing is not None and table.owned and existing.owner_tenant_id is not None:
        report.errors.append(
            RowError(table.path, row.line, "id", _("This id belongs to a centre's local entry."))
        )
        return
    row.existing = existing
    candidate = table.model(**row.attrs)
    fk_fields = [f.name for f in table.model._meta.fields if f.is_relation]
    try:
        candidate.full_clean(exclude=fk_fields, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            column = _column_of(table, name)
            for message in messages:
                report.errors.append(RowError(table.path, row.line, column, message))
    if (
        table.model is Service
        and row.attrs.get("minimum_age") is not None
        and row.attrs.get("maximum_age") is not None
        and row.attrs["minimum_age"] > row.attrs["maximum_age"]
    ):
        report.errors.append(
            RowError(
                table.path,
                row.line,
                "maximum_age",
                _("The maximum age cannot be lower than the minimum age."),
            )
        )


def _column_of(table: Table, model_field: str) -> str:
    for column in table.columns:
        if column.attribute in (model_field, f"{model_field}_id"):
            return column.name
    return model_field


def import_package(folder: Path | str, *, user=None) -> ImportReport:
    """Import an HSDS Tabular Data Package: all rows or none. See the module docstring."""
    folder = Path(folder)
    report = ImportReport()
    if not folder.is_dir():
        report.errors.append(RowError(str(folder), 0, "", _("No such folder.")))
        return report
    package = {table.name: _read(folder, table, report) for table in TABLES}
    if not any(package.values()) and not report.errors:
        report.errors.append(RowError(DATAPACKAGE, 0, "", _("The folder holds no HSDS CSV file.")))
        return report
    _check(package, report)
    if report.errors:
        return report
    with transaction.atomic():
        touched = _apply(package, report, user)
        if touched:
            reindex_services(
                [row.values["id"] for row in package["service"]]
                + list(Service.all_objects.filter(pk__in=touched).values_list("pk", flat=True))
            )
    return report


def _apply(package: dict[str, list[_Row]], report: ImportReport, user) -> set[uuid.UUID]:
    label = user.email if user is not None else IMPORT_LABEL
    touched: set[uuid.UUID] = set()
    log = []
    for table in TABLES:
        for row in package[table.name]:
            attrs = row.attrs
            obj = row.existing
            if obj is None:
                obj = table.model(**attrs)
                obj.save(force_insert=True)
                report.created += 1
                log.append(_entry(obj, Metadata.Action.CREATE, "id", "", obj.pk, label, user))
            else:
                before = rows.current(table, obj)
                changed = [name for name, value in attrs.items() if before.get(name) != value]
                restored = getattr(obj, "is_deleted", False)
                if not changed and not restored:
                    report.unchanged += 1
                    continue
                for name in changed:
                    setattr(obj, name, attrs[name])
                if restored:
                    obj.is_deleted, obj.deleted_at = False, None
                obj.save()
                report.updated += 1
                for name in changed:
                    log.append(
                        _entry(
                            obj,
                            Metadata.Action.UPDATE,
                            name,
                            before[name],
                            attrs[name],
                            label,
                            user,
                        )
                    )
                if restored:
                    log.append(
                        _entry(obj, Metadata.Action.UPDATE, "is_deleted", True, False, label, user)
                    )
            touched.update(_services_of(table, obj))
    Metadata.objects.bulk_create(log)
    return touched


def _entry(obj, action, field_name, old, new, label, user) -> Metadata:
    return Metadata(
        resource_id=obj.pk,
        resource_type=obj._meta.model_name,
        last_action_type=action,
        field_name=field_name.removesuffix("_id") if field_name != "id" else field_name,
        previous_value="" if old is None else str(old),
        replacement_value="" if new is None else str(new),
        updated_by=label,
        user=user,
    )


def _services_of(table: Table, obj: models.Model) -> list[uuid.UUID]:
    """The services whose search columns may depend on this record."""
    if table.model is Service:
        return [obj.pk]
    if table.name == "attribute" and obj.link_entity == "service":
        return [obj.link_id]
    service_id = getattr(obj, "service_id", None)
    if service_id is not None:
        return [service_id]
    if table.model is Organization:
        return list(Service.all_objects.filter(organization=obj).values_list("pk", flat=True))
    return []
