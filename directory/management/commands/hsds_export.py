"""`kentro hsds_export <folder>`: write the national directory as an HSDS data package."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from directory.hsds.package import export_package


class Command(BaseCommand):
    help = (
        "Export the national directory as an HSDS 3.0 Tabular Data Package "
        "(CSV files + datapackage.json)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help="Folder to write the package into (created if missing).")

    def handle(self, *args, folder: str, **options) -> None:
        counts = export_package(folder)
        for path, count in counts.items():
            self.stdout.write(f"{path}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Exported to {folder}"))
