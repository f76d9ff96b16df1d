"""`kentro hsds_import <folder>`: import an HSDS data package, all rows or none."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from directory.hsds.package import import_package


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 Tabular Data Package into the national directory. If any row is "
        "invalid nothing is imported and every problem is listed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help="Folder holding the CSV files and datapackage.json.")

    def handle(self, *args, folder: str, **options) -> None:
        report = import_package(folder)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Nothing imported: {len(report.errors)} problem(s).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged."
            )
        )
