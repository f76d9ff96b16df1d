"""The demo world `kentro up` creates on first run: five centres, their units and staff."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from faker import Faker

from accounts.models import User
from accounts.roles import TENANT_ROLES, Role
from accounts.services import grant_role
from geography.models import Municipality
from tenants.models import Tenant, Unit
from tenants.services import PartnerSpec, UnitSpec, provision_tenant

DEMO_PASSWORD = "kentro-demo-2026"  # noqa: S105  (printed by `kentro up`: demo data only)
DEMO_EMAIL_DOMAIN = "demo.kentro.gr"
# One demo user per centre role; partner staff get one per partner municipality instead.
CENTRE_ROLES = tuple(role for role in Role if role in TENANT_ROLES and role != Role.PARTNER_STAFF)
PUBLIC_DEMO_USERS = {
    Role.MINISTRY_ANALYST: "analyst",
    Role.SUPPORT_AGENT: "support",
    Role.PLATFORM_OPERATOR: "operator",
    Role.DIRECTORY_EDITOR: "directory-editor",
}


@dataclass(frozen=True)
class DemoUnit:
    kind: str
    name: str
    address: str
    serves: tuple[str, ...] = ()  # municipality codes; empty = the lead


@dataclass(frozen=True)
class DemoCentre:
    slug: str
    name: str
    lead_code: str
    partners: tuple[tuple[str, str], ...] = ()  # (municipality code, subdomain)
    units: tuple[DemoUnit, ...] = field(default_factory=tuple)
    espa_code: str = ""


FUNDING = "ΠΕΠ / ΕΣΠΑ 2021-2027 – ΕΚΤ+"
# People per centre in the demo casework: enough to search and browse, small enough
# for a first `kentro up` well within two minutes on a two-core laptop.
DEMO_PEOPLE_PER_CENTRE = 200
DEMO_SEED = 2026

DEMO_CENTRES = (
    DemoCentre(
        slug="lamia",
        name="Κέντρο Κοινότητας Δήμου Λαμιέων",
        lead_code="9160",
        units=(DemoUnit(Unit.Kind.MAIN, "Κέντρο Κοινότητας Λαμίας", "Λαμία, 351 00"),),
        espa_code="5000001",
    ),
    DemoCentre(
        slug="souli",
        name="Κέντρο Κοινότητας Δήμου Σουλίου",
        lead_code="9078",
        units=(DemoUnit(Unit.Kind.MAIN, "Κέντρο Κοινότητας Παραμυθιάς", "Παραμυθιά, 462 00"),),
        espa_code="5000002",
    ),
    DemoCentre(
        slug="larissa",
        name="Κέντρο Κοινότητας Δήμου Λαρισαίων",
        lead_code="9100",
        units=(
            DemoUnit(Unit.Kind.MAIN, "Κέντρο Κοινότητας Λάρισας", "Λάρισα, 412 22"),
            DemoUnit(Unit.Kind.ROMA, "Παράρτημα Ρομά Λάρισας", "Λάρισα, 413 35"),
        ),
        espa_code="5000003",
    ),
    DemoCentre(
        slug="kalamata",
        name="Κέντρο Κοινότητας Δήμου Καλαμάτας",
        lead_code="9254",
        partners=(("9253", "dytikimani"), ("9256", "oichalia"), ("9258", "trifylia")),
        units=(
            DemoUnit(Unit.Kind.MAIN, "Κέντρο Κοινότητας Καλαμάτας", "Καλαμάτα, 241 00"),
            DemoUnit(
                Unit.Kind.MOBILE,
                "Κινητή Μονάδα Μεσσηνίας",
                "Καλαμάτα, 241 00",
                serves=("9253", "9256", "9258"),
            ),
        ),
        espa_code="5000004",
    ),
    DemoCentre(
        slug="athens",
        name="Κέντρο Κοινότητας Δήμου Αθηναίων",
        lead_code="9186",
        units=(
            DemoUnit(Unit.Kind.MAIN, "Κέντρο Κοινότητας Αθήνας – Κέντρο", "Αθήνα, 105 52"),
            DemoUnit(Unit.Kind.MAIN, "Κέντρο Κοινότητας Αθήνας – Κυψέλη", "Αθήνα, 113 61"),
            DemoUnit(Unit.Kind.KEM, "Κέντρο Ένταξης Μεταναστών Αθήνας", "Αθήνα, 104 37"),
            DemoUnit(Unit.Kind.ROMA, "Παράρτημα Ρομά Αθήνας", "Αθήνα, 104 47"),
        ),
        espa_code="5000005",
    ),
)


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    host: str


def demo_email(role: str, place: str | None) -> str:
    local = role.replace("_", "-")
    return f"{local}.{place}@{DEMO_EMAIL_DOMAIN}" if place else f"{local}@{DEMO_EMAIL_DOMAIN}"


def _demo_user(faker: Faker, email: str) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"first_name": faker.first_name(), "last_name": faker.last_name()},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def create_demo_centre(spec: DemoCentre) -> Tenant:
    by_code = {
        m.code: m
        for m in Municipality.objects.filter(
            code__in=[spec.lead_code, *(code for code, _ in spec.partners)]
        )
    }
    lead = by_code[spec.lead_code]
    return provision_tenant(
        slug=spec.slug,
        name=spec.name,
        lead_municipality=lead,
        partners=[PartnerSpec(by_code[code], subdomain) for code, subdomain in spec.partners],
        units=[
            UnitSpec(
                kind=unit.kind,
                name=unit.name,
                address=unit.address,
                municipalities=[by_code[c] for c in unit.serves] or [lead],
            )
            for unit in spec.units
        ],
        espa_code=spec.espa_code,
        funding_programme=FUNDING,
    )


@transaction.atomic
def create_demo_staff(tenant: Tenant, faker: Faker) -> None:
    main_unit = tenant.units.filter(kind=Unit.Kind.MAIN).first()
    for role in CENTRE_ROLES:
        user = _demo_user(faker, demo_email(role, tenant.slug))
        grant_role(user=user, tenant=tenant, role=role, unit=main_unit)
    mobile = tenant.units.filter(kind=Unit.Kind.MOBILE).first()
    for domain in tenant.domains.exclude(municipality=tenant.lead_municipality_id):
        subdomain = domain.domain.split(".", 1)[0]
        user = _demo_user(faker, demo_email(Role.PARTNER_STAFF, subdomain))
        grant_role(
            user=user,
            tenant=tenant,
            role=Role.PARTNER_STAFF,
            municipality=domain.municipality,
            unit=mobile,
        )


def create_demo_world(
    *,
    people_per_centre: int = DEMO_PEOPLE_PER_CENTRE,
    report: Callable[[str], object] | None = None,
) -> list[Tenant]:
    """Create whatever of the demo world is missing. Safe to run again.

    A centre with no people yet gets `people_per_centre` people with two years of
    casework, entered by its demo staff through the casework services.
    """
    from casework.demo import fill_tenant, has_people  # it imports this module

    faker = Faker("el_GR")
    faker.seed_instance(2026)
    tenants = []
    for spec in DEMO_CENTRES:
        tenant = Tenant.objects.filter(slug=spec.slug).first() or create_demo_centre(spec)
        create_demo_staff(tenant, faker)
        if people_per_centre and not has_people(tenant):
            summary = fill_tenant(tenant, people=people_per_centre, seed=DEMO_SEED)
            if report is not None:
                report(f"  {summary}")
        tenants.append(tenant)
    for role, local in PUBLIC_DEMO_USERS.items():
        grant_role(user=_demo_user(faker, f"{local}@{DEMO_EMAIL_DOMAIN}"), tenant=None, role=role)
    from directory.seed import seed_directory

    summary = seed_directory(tenants=tenants)
    if report is not None:
        report(f"  {summary}")
    return tenants


def demo_logins() -> list[DemoLogin]:
    """Every demo account with the host it signs in on."""
    from django.conf import settings

    from accounts.models import Membership

    logins = []
    memberships = (
        Membership.objects.filter(user__email__endswith="@" + DEMO_EMAIL_DOMAIN, is_active=True)
        .select_related("user", "tenant")
        .order_by("tenant__slug", "role", "user__email")
    )
    for membership in memberships:
        if membership.tenant is None:
            host = settings.KENTRO_BASE_DOMAIN
        else:
            domain = membership.tenant.domains.filter(
                municipality=membership.municipality_id or membership.tenant.lead_municipality_id
            ).first()
            host = domain.domain
        logins.append(DemoLogin(membership.user.email, membership.get_role_display(), host))
    return logins
