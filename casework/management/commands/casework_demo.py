"""`kentro casework_demo --tenant kalamata --people 100 [--seed 7]`: more demo casework."""

from __future__ import annotations

import secrets

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from casework.demo import fill_tenant
from tenants.models import Tenant


class Command(BaseCommand):
    help = (
        "Add demo people with two years of casework to a centre, entered by its demo staff "
        "through the casework services."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", required=True, help="the centre's slug, e.g. kalamata")
        parser.add_argument("--people", type=int, default=100, help="how many people to add")
        parser.add_argument(
            "--seed",
            type=int,
            help="the same seed gives the same people (default: a new random seed)",
        )

    def handle(self, *args, tenant: str, people: int, seed: int | None, **options) -> None:
        centre = Tenant.objects.filter(slug=tenant).first()
        if centre is None:
            raise CommandError(f"No centre with slug {tenant!r} (see `kentro tenant list`).")
        if people < 1:
            raise CommandError("--people must be at least 1.")
        if seed is None:
            seed = secrets.randbelow(2**31)
        try:
            summary = fill_tenant(centre, people=people, seed=seed)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{summary} (seed {seed})"))
