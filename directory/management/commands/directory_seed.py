"""`kentro directory_seed`: load the seed directory and every centre's own entry."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from directory.seed import seed_directory


class Command(BaseCommand):
    help = "Create the seed directory of services (safe to run again: adds only what is missing)."

    def handle(self, *args, **options) -> None:
        summary = seed_directory()
        self.stdout.write(str(summary))
