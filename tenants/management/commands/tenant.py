"""`kentro tenant create …` and `kentro tenant list`."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from geography.models import Municipality
from tenants.models import Tenant, Unit
from tenants.services import PartnerSpec, UnitSpec, provision_tenant


def _municipality(code: str) -> Municipality:
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise CommandError(f"Άγνωστος κωδικός δήμου / unknown municipality code: {code}")
    return municipality


class Command(BaseCommand):
    help = "Create and list Community Centres (tenants)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Provision a centre by cloning the base schema.")
        create.add_argument("--slug", required=True, help="subdomain of the lead, e.g. lamia")
        create.add_argument("--name", required=True)
        create.add_argument(
            "--lead", required=True, help="Kallikratis code of the lead municipality"
        )
        create.add_argument(
            "--partner",
            action="append",
            default=[],
            metavar="CODE:SUBDOMAIN",
            help="a partner municipality and its subdomain, e.g. 9253:dytikimani (repeatable)",
        )
        create.add_argument(
            "--unit",
            action="append",
            default=[],
            metavar="KIND:NAME",
            help=f"a unit, KIND one of {', '.join(Unit.Kind.values)} (repeatable)",
        )
        create.add_argument("--espa-code", default="")
        create.add_argument("--funding-programme", default="")
        sub.add_parser("list", help="List centres with their hosts.")

    def handle(self, *args, action: str, **options) -> None:
        if action == "list":
            self._list()
        else:
            self._create(options)

    def _list(self) -> None:
        for tenant in Tenant.objects.prefetch_related("domains").order_by("slug"):
            hosts = ", ".join(sorted(d.domain for d in tenant.domains.all()))
            state = "active" if tenant.is_active else "inactive"
            self.stdout.write(f"{tenant.slug:<14} {state:<8} {tenant.name} – {hosts}")

    def _create(self, options: dict) -> None:
        lead = _municipality(options["lead"])
        partners = []
        for value in options["partner"]:
            code, _, subdomain = value.partition(":")
            if not subdomain:
                raise CommandError(f"--partner wants CODE:SUBDOMAIN, got {value!r}")
            partners.append(PartnerSpec(_municipality(code), subdomain))
        units = []
        for value in options["unit"]:
            kind, _, name = value.partition(":")
            if kind not in Unit.Kind.values or not name:
                raise CommandError(f"--unit wants KIND:NAME with KIND in {Unit.Kind.values}")
            units.append(UnitSpec(kind=kind, name=name))
        try:
            tenant = provision_tenant(
                slug=options["slug"],
                name=options["name"],
                lead_municipality=lead,
                partners=partners,
                units=units,
                espa_code=options["espa_code"],
                funding_programme=options["funding_programme"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Created {tenant.slug} (schema {tenant.schema_name})")
        )
