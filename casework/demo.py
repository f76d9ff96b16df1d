"""Demo casework: believable people and their histories, written through the services.

`fill_tenant()` acts as a centre's demo staff (the `…@demo.kentro.gr` members created by
`tenants.demo`) and calls the same service functions the pages call — registration,
consent, households, cases, reception, assessments, plans, services, notes — so every
record passes the same checks and leaves the same audit rows as real work. People are
Greek residents, Roma, and people from abroad (Albania, Syria/Iraq, Afghanistan/Iran,
Ukraine) with the residence documents they would hold, valid ΑΜΚΑ/ΑΦΜ check digits, the
ESF+ entry data of their situation and two years of history. Everything follows from the
seed (and `today`): the same seed gives the same people.

`bulk_beneficiaries()` is for benchmarks only: see its docstring.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from faker import Faker

from accounts.models import Membership
from accounts.roles import Role
from casework import demo_texts as texts
from casework.access import Actor
from casework.assessments import (
    assessment_record,
    social_history_write,
    social_research_complete,
    social_research_request,
)
from casework.cases import case_open, case_update
from casework.consent import consent_record
from casework.deliveries import service_record
from casework.households import household_create, household_member_add
from casework.models import (
    Beneficiary,
    Case,
    Household,
    HouseholdMember,
    PlanStep,
)
from casework.models.choices import (
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    ContactChannel,
    EmploymentStatus,
    IscedLevel,
    LegalBasis,
    NeedDomain,
    NoteKind,
    RequestCategory,
    RequestOutcome,
    ResidenceStatus,
    ServiceKind,
    Sex,
    TargetGroup,
)
from casework.notes import note_write
from casework.plans import goal_add, plan_create, plan_review, step_add, step_set_status
from casework.reception import RequestInput, contact_record
from casework.registry import (
    _clean_identifiers,
    _fill_latin_names,
    beneficiary_register,
    compute_search_text,
)
from casework.transliteration import elot743
from geography.models import Municipality, MunicipalUnit
from tenants.demo import DEMO_EMAIL_DOMAIN
from tenants.models import Tenant, Unit

HISTORY_DAYS = 730  # two years of history

GREEK, ROMA, ALBANIAN, ARABIC, FARSI, UKRAINIAN = (
    "greek",
    "roma",
    "albanian",
    "arabic",
    "farsi",
    "ukrainian",
)
FROM_ABROAD = {ALBANIAN, ARABIC, FARSI, UKRAINIAN}


# --- Identifiers with correct check digits ------------------------------------------------


def amka_for(birth_date: date, sex: str, rng: random.Random) -> str:
    """A valid ΑΜΚΑ: DDMMYY, a serial whose last digit is odd for men and even for women,
    and the Luhn check digit."""
    body = birth_date.strftime("%d%m%y") + f"{rng.randrange(1000):03d}"
    body += rng.choice("13579" if sex == Sex.MALE else "02468")
    return body + _luhn_check_digit(body)


def _luhn_check_digit(body: str) -> str:
    total = 0
    # The check digit will take position 0 from the right, so the body's last digit doubles.
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        if position % 2 == 0:
            digit = digit * 2 - 9 if digit * 2 > 9 else digit * 2
        total += digit
    return str((10 - total % 10) % 10)


def afm_for(rng: random.Random) -> str:
    """A valid ΑΦΜ of a natural person (they start with 0 or 1): eight digits and the
    weighted mod-11 check digit."""
    digits = [rng.choice((0, 1))] + [rng.randrange(10) for _ in range(7)]
    if not any(digits):
        digits[-1] = 1  # 000000000 is a placeholder, never a tax number
    check = sum(d * 2 ** (8 - i) for i, d in enumerate(digits)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


# --- Where a centre works ------------------------------------------------------------------


@dataclass
class Place:
    """A centre's served municipalities (lead first), their municipal units and its units."""

    lead: Municipality
    municipalities: list[Municipality]
    weights: list[float]
    municipal_units: dict[int, list[MunicipalUnit]]
    units: dict[str, list[Unit]]

    @classmethod
    def of(cls, tenant: Tenant) -> Place:
        lead = tenant.lead_municipality
        partners = list(tenant.municipalities.exclude(pk=lead.pk).order_by("code"))
        municipalities = [lead, *partners]
        # Most people live in the lead municipality; partners share a fifth.
        weights = [1.0] if not partners else [0.8] + [0.2 / len(partners)] * len(partners)
        municipal_units: dict[int, list[MunicipalUnit]] = defaultdict(list)
        for unit in MunicipalUnit.objects.filter(municipality__in=municipalities).order_by("code"):
            municipal_units[unit.municipality_id].append(unit)
        units: dict[str, list[Unit]] = defaultdict(list)
        for unit in tenant.units.order_by("pk"):
            units[unit.kind].append(unit)
        return cls(lead, municipalities, weights, municipal_units, units)

    def is_partner(self, municipality: Municipality) -> bool:
        return municipality.pk != self.lead.pk

    def unit_for(self, origin: str, municipality: Municipality, rng: random.Random) -> Unit:
        """The unit that would register this person: the Mobile Unit in partner
        municipalities, the ΚΕΜ for people from abroad, the Roma annex for Roma."""
        if self.is_partner(municipality) and self.units.get(Unit.Kind.MOBILE):
            return self.units[Unit.Kind.MOBILE][0]
        if origin in FROM_ABROAD and self.units.get(Unit.Kind.KEM) and rng.random() < 0.8:
            return self.units[Unit.Kind.KEM][0]
        if origin == ROMA and self.units.get(Unit.Kind.ROMA) and rng.random() < 0.85:
            return self.units[Unit.Kind.ROMA][0]
        mains = self.units.get(Unit.Kind.MAIN) or [u for us in self.units.values() for u in us]
        return rng.choice(mains)

    @property
    def town(self) -> str:
        return texts.TOWNS.get(self.lead.code, self.lead.name.title())


# --- People -------------------------------------------------------------------------------


@dataclass
class MemberPlan:
    relation: str
    name: str
    birth_date: date
    monthly_income: Decimal


@dataclass
class Profile:
    """A person to register (`data`, as the registration form sends it) and what their
    story will be about."""

    origin: str
    age: int
    data: dict[str, Any]
    household: list[MemberPlan] = field(default_factory=list)
    own_income: Decimal = Decimal(0)
    needs: dict[str, int] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)


class People:
    """Makes profiles. Shared by the demo and the benchmark generator."""

    def __init__(
        self,
        *,
        rng: random.Random,
        faker: Faker,
        place: Place,
        today: date,
        used_amka: set[str],
        used_afm: set[str],
    ):
        self.rng, self.faker, self.place, self.today = rng, faker, place, today
        self.used_amka, self.used_afm = used_amka, used_afm
        migrants = 0.55 if place.units.get(Unit.Kind.KEM) else 0.26
        roma = 0.12 if place.units.get(Unit.Kind.ROMA) else 0.04
        self.origins = [GREEK, ROMA, ALBANIAN, ARABIC, FARSI, UKRAINIAN]
        self.origin_weights = [
            1 - migrants - roma,
            roma,
            migrants * 0.3,
            migrants * 0.28,
            migrants * 0.22,
            migrants * 0.2,
        ]

    # Small helpers keep the story code readable.
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: dict[Any, float]) -> Any:
        return self.rng.choices(list(options), weights=list(options.values()))[0]

    def profile(self) -> Profile:
        rng = self.rng
        origin = rng.choices(self.origins, weights=self.origin_weights)[0]
        municipality = rng.choices(self.place.municipalities, weights=self.place.weights)[0]
        sex = Sex.FEMALE if self.chance(0.56) else Sex.MALE
        age = self._age(origin)
        birth_date = self.today - timedelta(days=int(age * 365.25) + rng.randrange(365))
        data: dict[str, Any] = {"sex": sex, "birth_date": birth_date}
        data.update(self._names(origin, sex))
        data.update(self._documents(origin, sex, birth_date, age))
        data.update(self._contact_details(origin, age, municipality, data))
        profile = Profile(origin=origin, age=age, data=data)
        self._situation(profile)
        return profile

    def spouse_of(self, profile: Profile) -> Profile:
        """The head's spouse, registered too: same place, address and origin."""
        head = profile.data
        sex = Sex.MALE if head["sex"] == Sex.FEMALE else Sex.FEMALE
        age = max(18, profile.age + self.rng.randint(-6, 6))
        birth_date = self.today - timedelta(days=int(age * 365.25) + self.rng.randrange(365))
        data: dict[str, Any] = {"sex": sex, "birth_date": birth_date}
        data.update(self._names(profile.origin, sex))
        if profile.origin in (GREEK, ROMA) and sex == Sex.FEMALE and self.chance(0.6):
            data["last_name"] = self.faker.last_name_female()
        data.update(self._documents(profile.origin, sex, birth_date, age))
        for key in ("address", "postal_code", "municipality", "municipal_unit", "unit", "phone"):
            data[key] = head[key]
        for key in ("residence_status", "languages", "nationality", "country_of_birth"):
            data[key] = head[key]
        employment = self.pick(
            {
                EmploymentStatus.EMPLOYED: 3,
                EmploymentStatus.UNEMPLOYED: 3,
                EmploymentStatus.INACTIVE: 4,
            }
        )
        disability = self.chance(0.07)
        # What the couple shares (income, origin, status); the rest is the spouse's own.
        shared = {
            TargetGroup.MINIMUM_INCOME,
            TargetGroup.POVERTY,
            TargetGroup.ROMA,
            TargetGroup.MIGRANT,
            TargetGroup.INTERNATIONAL_PROTECTION,
            TargetGroup.ASYLUM_SEEKER,
        }
        groups = shared & set(head["target_groups"])
        if employment == EmploymentStatus.UNEMPLOYED:
            groups.add(TargetGroup.UNEMPLOYED)
        if disability:
            groups.add(TargetGroup.DISABILITY)
        data.update(
            {
                "needs_interpreter": head["needs_interpreter"],
                "interpreter_language": head["interpreter_language"],
                "rural_area": head["rural_area"],
                "foreign_background": head["foreign_background"],
                "minority_roma": head["minority_roma"],
                "homeless_or_housing_exclusion": False,
                "disability": disability,
                "employment_status": employment,
                "isced_level": head["isced_level"],
                "target_groups": sorted(groups),
            }
        )
        return Profile(origin=profile.origin, age=age, data=data, needs=dict(profile.needs))

    def _age(self, origin: str) -> int:
        rng = self.rng
        if origin in (ARABIC, FARSI):
            band = self.pick({(15, 17): 6, (18, 29): 40, (30, 54): 50, (55, 70): 4})
        elif origin == UKRAINIAN:
            band = self.pick({(18, 29): 15, (30, 54): 55, (55, 80): 30})
        else:
            band = self.pick({(15, 17): 3, (18, 29): 17, (30, 54): 42, (55, 66): 18, (67, 90): 20})
        return rng.randint(*band)

    def _names(self, origin: str, sex: str) -> dict[str, Any]:
        rng, faker, female = self.rng, self.faker, sex == Sex.FEMALE
        if origin in (GREEK, ROMA):
            return {
                "first_name": faker.first_name_female() if female else faker.first_name_male(),
                "last_name": faker.last_name_female() if female else faker.last_name_male(),
                "father_name": faker.first_name_male(),
                "mother_name": faker.first_name_female() if self.chance(0.6) else "",
            }
        if origin in (ARABIC, FARSI):
            male_names = texts.ARABIC_MALE if origin == ARABIC else texts.FARSI_MALE
            female_names = texts.ARABIC_FEMALE if origin == ARABIC else texts.FARSI_FEMALE
            last_names = texts.ARABIC_LAST if origin == ARABIC else texts.FARSI_LAST
            first_latin, first = rng.choice(female_names if female else male_names)
            last_latin, last = rng.choice(last_names)
            return {
                "first_name": first,
                "last_name": last,
                "first_name_latin": first_latin,
                "last_name_latin": last_latin,
                "father_name": rng.choice(male_names)[1] if self.chance(0.6) else "",
            }
        if origin == ALBANIAN:
            male, female_list, last = (
                texts.ALBANIAN_MALE,
                texts.ALBANIAN_FEMALE,
                texts.ALBANIAN_LAST,
            )
        else:
            male, female_list, last = (
                texts.UKRAINIAN_MALE,
                texts.UKRAINIAN_FEMALE,
                texts.UKRAINIAN_LAST,
            )
        return {
            "first_name": rng.choice(female_list if female else male),
            "last_name": rng.choice(last),
            "father_name": rng.choice(male) if self.chance(0.5) else "",
        }

    def _unique(self, make, used: set[str]) -> str:
        value = make()
        while value in used:
            value = make()
        used.add(value)
        return value

    def _amka(self, birth_date: date, sex: str) -> str:
        return self._unique(lambda: amka_for(birth_date, sex, self.rng), self.used_amka)

    def _afm(self) -> str:
        return self._unique(lambda: afm_for(self.rng), self.used_afm)

    def _documents(self, origin: str, sex: str, birth_date: date, age: int) -> dict[str, Any]:
        rng, adult, data = self.rng, age >= 18, {}
        if origin in (GREEK, ROMA):
            data["residence_status"] = ResidenceStatus.GREEK_OR_EU
            data["nationality"] = data["country_of_birth"] = "GR"
            has_amka, has_afm = self.chance(0.93), adult and self.chance(0.88)
            if adult and self.chance(0.8):
                letters = "".join(rng.choice("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ") for _ in range(2))
                data["id_document_number"] = f"{letters} {rng.randrange(100000, 999999)}"
        elif origin == ALBANIAN:
            data["residence_status"] = ResidenceStatus.THIRD_COUNTRY_LEGAL
            data["nationality"] = data["country_of_birth"] = "AL"
            has_amka, has_afm = self.chance(0.9), adult and self.chance(0.85)
            data["permit_number"] = self._permit("adet")
            data["permit_expiry"] = self.today + timedelta(days=rng.randint(-45, 5 * 365))
        elif origin == UKRAINIAN:
            # Temporary protection: a residence permit, ΑΜΚΑ and often an ΑΦΜ.
            data["residence_status"] = ResidenceStatus.OTHER
            data["nationality"] = data["country_of_birth"] = "UA"
            has_amka, has_afm = self.chance(0.9), adult and self.chance(0.6)
            data["permit_number"] = self._permit("adet")
            data["permit_expiry"] = self.today + timedelta(days=rng.randint(30, 500))
        else:
            country = (
                self.pick({"SY": 6, "IQ": 3, "PS": 1})
                if origin == ARABIC
                else self.pick({"AF": 3, "IR": 1})
            )
            data["nationality"] = data["country_of_birth"] = country
            if self.chance(0.55):
                data["residence_status"] = ResidenceStatus.INTERNATIONAL_PROTECTION
                data["permit_number"] = self._permit("adet")
                data["permit_expiry"] = self.today + timedelta(days=rng.randint(-60, 3 * 365))
                has_amka, has_afm = self.chance(0.85), adult and self.chance(0.7)
            else:
                data["residence_status"] = ResidenceStatus.ASYLUM_SEEKER
                data["permit_number"] = self._permit("dadp")
                data["permit_expiry"] = self.today + timedelta(days=rng.randint(-30, 180))
                data["paaypa"] = "9" + "".join(str(rng.randrange(10)) for _ in range(10))
                has_amka, has_afm = False, adult and self.chance(0.35)
        if has_amka:
            data["amka"] = self._amka(birth_date, sex)
        if has_afm:
            data["afm"] = self._afm()
        return data

    def _permit(self, kind: str) -> str:
        """Shapes as the cards print them: the ΑΔΕΤ a letter pair and seven digits, the
        ΔΑΔΠ the asylum case number and year (validate_permit_number accepts both)."""
        rng = self.rng
        if kind == "adet":
            letters = "".join(rng.choice("ABEHKMNPTXYZ") for _ in range(2))
            return f"{letters}{rng.randrange(10**6, 10**7)}"
        return f"{rng.randrange(10**5, 10**6)}/{self.today.year - rng.randint(0, 2)}"

    def _contact_details(
        self, origin: str, age: int, municipality: Municipality, data: dict[str, Any]
    ) -> dict[str, Any]:
        rng, faker = self.rng, self.faker
        units = self.place.municipal_units.get(municipality.pk, [])
        municipal_unit = (
            rng.choices(units, weights=[max(u.population_2001, 100) for u in units])[0]
            if units
            else None
        )
        postal_codes = texts.POSTAL_CODES.get(municipality.code)
        phone = ""
        if self.chance(0.88):
            prefix = rng.choice(("690", "693", "694", "695", "697", "698", "699"))
            number = prefix + f"{rng.randrange(10**7):07d}"
            # Typed in different ways; the registry stores them in one form.
            phone = rng.choice((number, f"{number[:3]} {number[3:6]} {number[6:]}"))
        email = ""
        if age < 60 and self.chance(0.35):
            first = data.get("first_name_latin") or elot743(data["first_name"])
            last = data.get("last_name_latin") or elot743(data["last_name"])
            domain = rng.choice(("gmail.com", "yahoo.gr", "hotmail.com", "otenet.gr"))
            email = f"{first}.{last}{rng.randrange(100)}@{domain}".lower().replace(" ", "")
        languages = {
            GREEK: ["el"],
            ROMA: ["el", "rom"],
            ALBANIAN: ["sq", "el"],
            ARABIC: ["ar"],
            FARSI: ["fa"],
            UKRAINIAN: ["uk", "ru"],
        }[origin]
        if origin in (ARABIC, FARSI, UKRAINIAN) and self.chance(0.35):
            languages = [*languages, "en"]
        interpreter = {ARABIC: 0.7, FARSI: 0.75, UKRAINIAN: 0.5, ALBANIAN: 0.05}.get(origin, 0)
        needs_interpreter = self.chance(interpreter)
        homeless = self.chance(0.05 if origin in (ARABIC, FARSI) else 0.025)
        return {
            "municipality": municipality,
            "municipal_unit": municipal_unit,
            "address": "" if homeless else f"{faker.street_name()} {rng.randint(1, 140)}",
            "postal_code": rng.choice(postal_codes or [str(rng.randrange(10100, 85100))]),
            "phone": phone,
            "email": email,
            "languages": languages,
            "needs_interpreter": needs_interpreter,
            "interpreter_language": languages[0] if needs_interpreter else "",
            "homeless_or_housing_exclusion": homeless,
            "rural_area": bool(municipal_unit and municipal_unit.population_2001 < 5000),
            "foreign_background": origin in FROM_ABROAD,
            "minority_roma": origin == ROMA,
            "unit": self.place.unit_for(origin, municipality, rng),
        }

    def _situation(self, profile: Profile) -> None:
        """ESF+ entry data, household, target groups and needs, consistent with each other."""
        data, age, origin = profile.data, profile.age, profile.origin
        if age < 18:
            employment, isced = EmploymentStatus.INACTIVE_IN_EDUCATION, IscedLevel.ISCED_0_2
        else:
            if age >= 67:
                employment = EmploymentStatus.INACTIVE
            else:
                options = {
                    EmploymentStatus.UNEMPLOYED: 25,
                    EmploymentStatus.LONG_TERM_UNEMPLOYED: 30,
                    EmploymentStatus.EMPLOYED: 20,
                    EmploymentStatus.INACTIVE: 20,
                }
                if age < 30:
                    options[EmploymentStatus.INACTIVE_IN_EDUCATION] = 10
                employment = self.pick(options)
            low = 0.75 if origin == ROMA or age >= 67 else 0.35
            isced = self.pick(
                {
                    IscedLevel.ISCED_0_2: low,
                    IscedLevel.ISCED_3_4: (1 - low) * 0.65,
                    IscedLevel.ISCED_5_8: (1 - low) * 0.3,
                    IscedLevel.UNKNOWN: 0.05,
                }
            )
        disability = self.chance(0.15 if age >= 67 else 0.07)
        homeless = data["homeless_or_housing_exclusion"]
        household = [] if homeless or age < 18 else self._household(profile)
        spouse = any(m.relation == HouseholdMember.Relation.SPOUSE for m in household)
        children = [m for m in household if m.relation == HouseholdMember.Relation.CHILD]
        minors = [m for m in children if (self.today - m.birth_date).days < 18 * 365]
        adults = 1 + len(household) - len(minors)
        # The person's own earnings or pension count too (the household records only the
        # other members' incomes).
        own = {EmploymentStatus.EMPLOYED: (450, 1100), EmploymentStatus.INACTIVE: (0, 0)}
        low, high = (360, 720) if age >= 67 else own.get(employment, (0, 0))
        profile.own_income = Decimal(self.rng.randint(low, high))
        income = profile.own_income + sum((m.monthly_income for m in household), Decimal(0))
        threshold = Decimal(216 + 108 * (adults - 1) + 54 * len(minors))

        groups: set[str] = set()
        if employment in (EmploymentStatus.UNEMPLOYED, EmploymentStatus.LONG_TERM_UNEMPLOYED):
            groups.add(TargetGroup.UNEMPLOYED)
        if age < 18:
            groups.add(TargetGroup.CHILD)
        if age >= 65 and not household:
            groups.add(TargetGroup.ELDERLY)
        if minors and not spouse:
            groups.add(TargetGroup.SINGLE_PARENT)
        if disability:
            groups.add(TargetGroup.DISABILITY)
        if homeless:
            groups.add(TargetGroup.HOMELESS)
        if origin == ROMA:
            groups.add(TargetGroup.ROMA)
        status = data["residence_status"]
        if status == ResidenceStatus.INTERNATIONAL_PROTECTION:
            groups.add(TargetGroup.INTERNATIONAL_PROTECTION)
        elif status == ResidenceStatus.ASYLUM_SEEKER:
            groups.add(TargetGroup.ASYLUM_SEEKER)
        elif origin in FROM_ABROAD:
            groups.add(TargetGroup.MIGRANT)
        poor = income <= threshold or employment == EmploymentStatus.LONG_TERM_UNEMPLOYED
        if poor and self.chance(0.6 if origin != ROMA else 0.85):
            groups.add(TargetGroup.MINIMUM_INCOME)
        elif self.chance(0.4):
            groups.add(TargetGroup.POVERTY)

        data.update(
            {
                "employment_status": employment,
                "isced_level": isced,
                "disability": disability,
                "target_groups": sorted(groups),
            }
        )
        profile.household = household
        profile.needs = self._needs(profile, groups, minors)
        profile.categories = self._categories(profile)

    def _household(self, profile: Profile) -> list[MemberPlan]:
        rng, faker, age = self.rng, self.faker, profile.age
        if not self.chance(0.7):
            return []
        members = []
        head_last = profile.data["last_name"]
        greek = profile.origin in (GREEK, ROMA)

        def name(sex: str) -> str:
            if not greek:
                return f"{self._names(profile.origin, sex)['first_name']} {head_last}"
            first = faker.first_name_female() if sex == Sex.FEMALE else faker.first_name_male()
            last = faker.last_name_female() if sex == Sex.FEMALE else faker.last_name_male()
            return f"{first} {last}"

        def born(years_ago: int) -> date:
            return self.today - timedelta(days=int(years_ago * 365.25) + rng.randrange(365))

        def income(low: int, high: int) -> Decimal:
            return Decimal(rng.randrange(low, high + 1, 10))

        if self.chance(0.25 if age >= 67 else 0.6):
            sex = Sex.MALE if profile.data["sex"] == Sex.FEMALE else Sex.FEMALE
            spouse_income = (
                income(380, 760) if age >= 67 else (income(450, 1100) if self.chance(0.4) else 0)
            )
            members.append(
                MemberPlan(
                    HouseholdMember.Relation.SPOUSE,
                    name(sex),
                    born(max(18, age + rng.randint(-6, 6))),
                    Decimal(spouse_income),
                )
            )
        if 22 <= age <= 55:
            many = profile.origin in (ROMA, ARABIC, FARSI)
            count = self.pick({0: 3, 1: 4, 2: 4, 3: 2 if many else 1, 4: 1.5 if many else 0.2})
            for _ in range(count):
                child_age = rng.randint(0, min(age - 18, 24))
                members.append(
                    MemberPlan(
                        HouseholdMember.Relation.CHILD,
                        name(rng.choice((Sex.FEMALE, Sex.MALE))),
                        born(child_age),
                        income(0, 600) if child_age >= 19 and self.chance(0.3) else Decimal(0),
                    )
                )
        if 35 <= age <= 60 and greek and self.chance(0.1):
            members.append(
                MemberPlan(
                    HouseholdMember.Relation.PARENT,
                    name(rng.choice((Sex.FEMALE, Sex.MALE))),
                    born(rng.randint(age + 20, age + 35)),
                    income(360, 720),
                )
            )
        return members

    def _needs(self, profile: Profile, groups: set[str], minors: list[MemberPlan]) -> dict:
        rng, data = self.rng, profile.data
        status = data["residence_status"]
        needs = {
            NeedDomain.INCOME: rng.randint(3, 4)
            if {TargetGroup.MINIMUM_INCOME, TargetGroup.POVERTY} & groups
            else rng.randint(0, 2),
            NeedDomain.HOUSING: 4 if TargetGroup.HOMELESS in groups else rng.randint(0, 2),
            NeedDomain.EMPLOYMENT: rng.randint(2, 4) if TargetGroup.UNEMPLOYED in groups else 0,
            NeedDomain.LEGAL_STATUS: {
                ResidenceStatus.ASYLUM_SEEKER: rng.randint(3, 4),
                ResidenceStatus.INTERNATIONAL_PROTECTION: rng.randint(1, 3),
                ResidenceStatus.OTHER: rng.randint(2, 3),
                ResidenceStatus.THIRD_COUNTRY_LEGAL: rng.randint(0, 2),
            }.get(status, 0),
            NeedDomain.EDUCATION: rng.randint(2, 3)
            if profile.origin in (ARABIC, FARSI, UKRAINIAN)
            or data.get("isced_level") == IscedLevel.ISCED_0_2
            else rng.randint(0, 1),
            NeedDomain.MENTAL_HEALTH: rng.choice((0, 0, 1, 2, 3))
            + (1 if status == ResidenceStatus.ASYLUM_SEEKER else 0),
            NeedDomain.PHYSICAL_HEALTH: 3 if data.get("disability") else rng.randint(0, 2),
            NeedDomain.FAMILY_CARE: 3 if TargetGroup.SINGLE_PARENT in groups else len(minors) // 2,
            NeedDomain.SOCIAL_NETWORK: 3
            if TargetGroup.ELDERLY in groups
            else (2 if profile.origin in FROM_ABROAD else rng.randint(0, 1)),
            NeedDomain.BASIC_NEEDS: rng.randint(2, 3) if TargetGroup.HOMELESS in groups else 0,
        }
        return {domain: min(4, severity) for domain, severity in needs.items()}

    def _categories(self, profile: Profile) -> list[str]:
        by_need = {
            NeedDomain.INCOME: [
                RequestCategory.MINIMUM_INCOME,
                RequestCategory.HOUSING_BENEFIT,
                RequestCategory.FOOD_AID,
            ],
            NeedDomain.HOUSING: [RequestCategory.HOUSING, RequestCategory.HOUSING_BENEFIT],
            NeedDomain.EMPLOYMENT: [RequestCategory.EMPLOYMENT],
            NeedDomain.LEGAL_STATUS: [RequestCategory.MIGRATION, RequestCategory.LEGAL],
            NeedDomain.EDUCATION: [RequestCategory.EDUCATION],
            NeedDomain.MENTAL_HEALTH: [RequestCategory.MENTAL_HEALTH],
            NeedDomain.PHYSICAL_HEALTH: [RequestCategory.HEALTH],
            NeedDomain.FAMILY_CARE: [RequestCategory.CHILDCARE, RequestCategory.CHILD_BENEFIT],
            NeedDomain.BASIC_NEEDS: [RequestCategory.FOOD_AID],
        }
        categories = [RequestCategory.INFORMATION, RequestCategory.DOCUMENTS]
        for need, severity in profile.needs.items():
            if severity >= 2:
                categories += by_need.get(need, [])
        if profile.data.get("disability"):
            categories.append(RequestCategory.DISABILITY_BENEFIT)
        return categories


# --- The demo staff -----------------------------------------------------------------------


@dataclass
class DemoStaff:
    """The centre's demo members as Actors, one per role (partner staff per municipality)."""

    coordinator: Actor
    social_worker: Actor
    psychologist: Actor
    lawyer: Actor
    mediator: Actor
    administrative: Actor
    partners: dict[int, Actor]  # municipality id → partner staff limited to it

    @classmethod
    def of(cls, tenant: Tenant) -> DemoStaff:
        memberships = (
            Membership.objects.filter(
                tenant=tenant, is_active=True, user__email__endswith="@" + DEMO_EMAIL_DOMAIN
            )
            .select_related("user", "unit", "tenant")
            .order_by("user__email")
        )
        by_role: dict[str, Actor] = {}
        partners: dict[int, Actor] = {}
        for membership in memberships:
            actor = Actor(user=membership.user, membership=membership)
            if membership.role == Role.PARTNER_STAFF:
                partners.setdefault(membership.municipality_id, actor)
            else:
                by_role.setdefault(membership.role, actor)
        roles = {
            "coordinator": Role.COORDINATOR,
            "social_worker": Role.SOCIAL_WORKER,
            "psychologist": Role.PSYCHOLOGIST,
            "lawyer": Role.LAWYER,
            "mediator": Role.INTERCULTURAL_MEDIATOR,
            "administrative": Role.ADMINISTRATIVE,
        }
        missing = sorted(role for role in roles.values() if role not in by_role)
        if missing:
            # Real centres have no demo staff, so demo people never land in them.
            raise ImproperlyConfigured(
                f"{tenant.slug} has no demo staff (…@{DEMO_EMAIL_DOMAIN}) for "
                f"{', '.join(missing)}: demo casework is only for the demo centres."
            )
        return cls(**{name: by_role[role] for name, role in roles.items()}, partners=partners)


@dataclass
class DemoSummary:
    tenant: str
    counts: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        order = (
            "people",
            "households",
            "cases",
            "contacts",
            "anonymous requests",
            "assessments",
            "plans",
            "services",
            "notes",
        )
        return f"{self.tenant}: " + ", ".join(f"{self.counts[k]} {k}" for k in order)


def _identifiers_in_use() -> dict[str, set[str]]:
    """ΑΜΚΑ and ΑΦΜ already registered in the current schema, so new ones never collide."""
    rows = Beneficiary.objects.values_list("amka", "afm")
    amka, afm = set(), set()
    for person_amka, person_afm in rows:
        amka.add(person_amka)
        afm.add(person_afm)
    return {"used_amka": amka - {None}, "used_afm": afm - {None}}


# --- The story of each person, told through the services -----------------------------------


class CaseworkDemo:
    """Fills one tenant. Use `fill_tenant()`."""

    def __init__(self, tenant: Tenant, *, seed: int, today: date):
        self.tenant, self.today = tenant, today
        # A string seed is hashed the same way on every run (unlike hash() of a str).
        self.rng = random.Random(f"{seed}:{tenant.slug}")  # noqa: S311  (demo data, not secrets)
        self.faker = Faker("el_GR")
        self.faker.seed_instance(self.rng.getrandbits(32))
        self.place = Place.of(tenant)
        self.staff = DemoStaff.of(tenant)
        self.people = People(
            rng=self.rng, faker=self.faker, place=self.place, today=today, **_identifiers_in_use()
        )
        self.summary = DemoSummary(tenant.slug)
        # The services date what they create "today", as real work is. The demo's history
        # spans two years, so each record's own date is moved back to the day its story
        # says it happened, once created (the audit trail keeps the real time).
        self._backdated: dict[tuple[type[Model], tuple[str, ...]], list[Model]] = defaultdict(list)

    # Helpers ------------------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def moment(self, day: date) -> datetime:
        """A time in opening hours on a working day (weekends move to Friday)."""
        if day.weekday() >= 5:
            day -= timedelta(days=day.weekday() - 4)
        minute = self.rng.choice((0, 10, 15, 20, 30, 40, 45, 50))
        return timezone.make_aware(datetime.combine(day, time(self.rng.randint(8, 14), minute)))

    def backdate(self, obj: Model, **values: Any) -> None:
        for name, value in values.items():
            setattr(obj, name, value)
        self._backdated[(type(obj), tuple(sorted(values)))].append(obj)

    def _save_backdated(self) -> None:
        for (model, fields), objects in self._backdated.items():
            model.objects.bulk_update(objects, list(fields), batch_size=500)
        self._backdated.clear()

    def desk(self, municipality_id: int) -> Actor:
        """Who receives a person: partner staff in their municipality, else the front desk."""
        partner = self.staff.partners.get(municipality_id)
        if partner is not None and self.chance(0.8):
            return partner
        return self.staff.administrative if self.chance(0.55) else self.staff.social_worker

    def caseworker(self, person: Beneficiary) -> Actor:
        partner = self.staff.partners.get(person.municipality_id)
        if partner is not None and self.chance(0.7):
            return partner
        return self.staff.coordinator if self.chance(0.1) else self.staff.social_worker

    # The story ---------------------------------------------------------------------------

    def run(self, people: int) -> DemoSummary:
        registered = 0
        while registered < people:
            registered += self.story(spouse_allowed=people - registered > 1)
        for _ in range(max(1, people // 10)):
            self.anonymous_request()
        self._save_backdated()
        return self.summary

    def story(self, *, spouse_allowed: bool = True) -> int:
        """One person's time at the centre. Returns how many people were registered."""
        rng, profile = self.rng, self.people.profile()
        first_seen = self.today - timedelta(days=rng.randint(2, HISTORY_DAYS))
        desk = self.desk(profile.data["municipality"].pk)
        person = self.register(desk, profile, first_seen)
        registered = 1
        if profile.household:
            # Now and then the spouse registers too, and joins as a registered member.
            spouse_registers = (
                spouse_allowed
                and any(m.relation == HouseholdMember.Relation.SPOUSE for m in profile.household)
                and self.chance(0.2)
            )
            household = self.household(
                desk, person, profile, first_seen, skip_spouse=spouse_registers
            )
            if spouse_registers:
                self.register_spouse(desk, profile, household, first_seen)
                registered += 1
        extra_visits = self.people.pick({0: 2, 1: 3, 2: 3, 3: 2, 5: 2, 8: 1})
        span = (self.today - first_seen).days - 1  # up to yesterday: nothing in the future
        days = sorted(
            {first_seen}
            | {first_seen + timedelta(days=rng.randint(0, span)) for _ in range(extra_visits)}
        )
        case = self.open_case(person, profile, first_seen) if self.chance(0.7) else None
        for index, day in enumerate(days):
            self.contact(person, profile, day, first=index == 0)
        if case is not None:
            self.casework(person, profile, case, first_seen, days)
        return registered

    def register(self, desk: Actor, profile: Profile, first_seen: date) -> Beneficiary:
        person = beneficiary_register(actor=desk, data=profile.data, confirm_not_duplicate=True)
        self.backdate(person, registered_at=self.moment(first_seen))
        self.consents(desk, person, profile, first_seen)
        self.summary.counts["people"] += 1
        return person

    def consents(self, desk: Actor, person: Beneficiary, profile: Profile, day: date) -> None:
        data = profile.data
        purposes = [
            (
                ConsentPurpose.CASEWORK,
                LegalBasis.PUBLIC_TASK if self.chance(0.6) else LegalBasis.CONSENT,
            ),
            (ConsentPurpose.ESF_REPORTING, LegalBasis.LEGAL_OBLIGATION),
        ]
        if data["disability"] or data["minority_roma"] or profile.origin in FROM_ABROAD:
            purposes.append((ConsentPurpose.SPECIAL_CATEGORY, LegalBasis.CONSENT))
        if data.get("phone") and self.chance(0.6):
            purposes.append((ConsentPurpose.CONTACT, LegalBasis.CONSENT))
        for purpose, basis in purposes:
            consent_record(
                actor=desk, person=person, purpose=purpose, legal_basis=basis, given_on=day
            )

    def household(
        self, desk: Actor, head: Beneficiary, profile: Profile, day: date, *, skip_spouse: bool
    ) -> Household:
        household = household_create(actor=desk, head=head, monthly_income=profile.own_income)
        self.backdate(household, created_at=self.moment(day))
        self.backdate(household.members.get(), joined_on=day)
        for member in profile.household:
            if skip_spouse and member.relation == HouseholdMember.Relation.SPOUSE:
                continue
            household_member_add(
                actor=desk,
                household=household,
                relation=member.relation,
                name=member.name,
                birth_date=member.birth_date,
                monthly_income=member.monthly_income,
                joined_on=max(day, member.birth_date),  # a baby joins when born
            )
        self.summary.counts["households"] += 1
        return household

    def register_spouse(self, desk: Actor, head: Profile, household: Household, day: date) -> None:
        spouse = self.register(desk, self.people.spouse_of(head), day)
        household_member_add(
            actor=desk,
            household=household,
            relation=HouseholdMember.Relation.SPOUSE,
            beneficiary=spouse,
            monthly_income=Decimal(self.rng.randrange(0, 900, 10)),
            joined_on=day,
        )

    def open_case(self, person: Beneficiary, profile: Profile, day: date) -> Case:
        actor = self.caseworker(person)
        caseworkers = [actor.user]
        if profile.needs.get(NeedDomain.MENTAL_HEALTH, 0) >= 3:
            caseworkers.append(self.staff.psychologist.user)
        if profile.data["needs_interpreter"]:
            caseworkers.append(self.staff.mediator.user)
        case = case_open(
            actor=actor, person=person, unit=person.unit, caseworkers=caseworkers, opened_on=day
        )
        self.summary.counts["cases"] += 1
        return case

    def contact(self, person: Beneficiary, profile: Profile, day: date, *, first: bool) -> None:
        rng = self.rng
        if person.unit.kind == Unit.Kind.MOBILE and self.chance(0.6):
            channel = ContactChannel.MOBILE_UNIT
        elif first:
            channel = ContactChannel.WALK_IN
        else:
            channel = self.people.pick(
                {
                    ContactChannel.WALK_IN: 55,
                    ContactChannel.PHONE: 28,
                    ContactChannel.EMAIL: 5,
                    ContactChannel.HOME_VISIT: 6,
                    ContactChannel.OUTREACH: 3,
                }
            )
        actor, mediator, language = self.desk(person.municipality_id), None, ""
        if profile.data["needs_interpreter"] and channel != ContactChannel.EMAIL:
            language = profile.data["interpreter_language"]
            if self.chance(0.3):
                actor = self.staff.mediator
            else:
                mediator = self.staff.mediator.user
        recent = (self.today - day).days < 21
        count = self.people.pick({1: 6, 2: 3, 3: 1})
        requests = []
        for category in rng.sample(profile.categories, k=min(count, len(profile.categories))):
            if recent:
                outcome = self.people.pick({RequestOutcome.PENDING: 5, RequestOutcome.INFORMED: 3})
            else:
                outcome = self.people.pick(
                    {
                        RequestOutcome.INFORMED: 30,
                        RequestOutcome.SERVED: 30,
                        RequestOutcome.REFERRED: 18,
                        RequestOutcome.NOT_ELIGIBLE: 8,
                        RequestOutcome.WITHDRAWN: 4,
                        RequestOutcome.PENDING: 4,
                    }
                )
            description = rng.choice(texts.REQUEST_TEXTS[category])
            requests.append(RequestInput(category, description, outcome))
        contact_record(
            actor=actor,
            person=person,
            unit=person.unit,
            channel=channel,
            occurred_at=self.moment(day),
            requests=requests,
            mediator=mediator,
            language=language,
            duration_minutes=rng.choice((10, 15, 20, 30, 30, 45, 60)),
            summary=rng.choice(texts.CONTACT_SUMMARIES),
        )
        self.summary.counts["contacts"] += 1

    def casework(
        self, person: Beneficiary, profile: Profile, case: Case, first_seen: date, days: list[date]
    ) -> None:
        rng, needs = self.rng, profile.needs
        worker = self.caseworker(person)
        if worker.role == Role.COORDINATOR and self.chance(0.5):
            worker = self.staff.social_worker
        assessed_on = min(self.today, first_seen + timedelta(days=rng.randint(0, 14)))
        if self.chance(0.75):
            first = rng.choice((texts.ASSESSMENT_SUMMARIES[0], texts.ASSESSMENT_SUMMARIES[2]))
            self.assessment(worker, person, needs, assessed_on, first)
            if (self.today - assessed_on).days > 200 and self.chance(0.3):
                later = {d: max(0, s - rng.randint(0, 2)) for d, s in needs.items()}
                again = assessed_on + timedelta(days=180)
                self.assessment(worker, person, later, again, texts.ASSESSMENT_SUMMARIES[1])
        if self.chance(0.3):
            history = social_history_write(
                actor=worker,
                person=person,
                text=self.social_history_text(profile),
                review_due=assessed_on + timedelta(days=365),
            )
            self.backdate(history, written_at=self.moment(assessed_on))
        if self.chance(0.03):
            self.social_research(person, first_seen)
        steps = []
        if self.chance(0.35):
            steps = self.plan(worker, person, profile, assessed_on)
        self.services(person, profile, days, steps)
        self.notes(person, profile, days)
        if (self.today - first_seen).days > 270 and self.chance(0.2):
            closed_on = min(self.today, days[-1] + timedelta(days=rng.randint(7, 60)))
            reason = self.people.pick(
                {
                    ClosureReason.GOALS_MET: 5,
                    ClosureReason.REFERRED: 2,
                    ClosureReason.NO_CONTACT: 3,
                    ClosureReason.MOVED: 1,
                    ClosureReason.DECLINED: 1,
                }
            )
            employed = reason == ClosureReason.GOALS_MET and self.chance(0.3)
            case_update(
                actor=self.caseworker(person),
                case=case,
                data={
                    "status": CaseStatus.CLOSED,
                    "closure_reason": reason,
                    "closed_on": closed_on,
                    "exit_employed": employed,
                    "exit_job_searching": not employed and self.chance(0.4),
                    "exit_in_education": self.chance(0.1),
                    "exit_gained_qualification": self.chance(0.1),
                    "employed_after_six_months": employed and self.chance(0.7),
                    "improved_after_six_months": self.chance(0.3),
                },
            )

    def assessment(
        self, actor: Actor, person: Beneficiary, needs: dict, day: date, summary: str
    ) -> None:
        scores = {
            domain: (severity, texts.NEED_NOTES[domain] if severity >= 3 else "")
            for domain, severity in needs.items()
            if severity > 0 or self.chance(0.3)
        } or {NeedDomain.SOCIAL_NETWORK: (1, "")}
        assessment_record(
            actor=actor,
            person=person,
            scores=scores,
            summary=summary,
            assessed_on=day,
        )
        self.summary.counts["assessments"] += 1

    def social_history_text(self, profile: Profile) -> str:
        data = profile.data
        parts = [
            f"{data['first_name']} {data['last_name']}, {profile.age} ετών.",
            {
                GREEK: "Γεννήθηκε και μεγάλωσε στην περιοχή.",
                ROMA: "Μέλος της τοπικής κοινότητας Ρομά· μεγάλωσε σε οικισμό της περιοχής.",
                ALBANIAN: "Ζει στην Ελλάδα από τα τέλη της δεκαετίας του 1990.",
                ARABIC: "Έφτασε στην Ελλάδα μέσω των νησιών του Αιγαίου.",
                FARSI: "Έφτασε στην Ελλάδα από τον Έβρο και έμεινε σε δομή φιλοξενίας.",
                UKRAINIAN: "Ήρθε στην Ελλάδα το 2022 λόγω του πολέμου.",
            }[profile.origin],
        ]
        if profile.household:
            parts.append(f"Το νοικοκυριό έχει {len(profile.household) + 1} μέλη.")
        else:
            parts.append("Ζει μόνος/η.")
        worst = max(profile.needs, key=profile.needs.get)
        parts.append(texts.NEED_NOTES[worst])
        return " ".join(parts)

    def social_research(self, person: Beneficiary, day: date) -> None:
        worker = self.staff.social_worker
        research = social_research_request(
            actor=worker,
            person=person,
            requested_by=self.rng.choice(texts.AUTHORITIES).format(town=self.place.town),
            purpose=self.rng.choice(texts.RESEARCH_PURPOSES),
            requested_on=day,
        )
        if (self.today - day).days > 45 and self.chance(0.7):
            research = social_research_complete(
                actor=worker, research=research, report=self.rng.choice(texts.RESEARCH_REPORTS)
            )
            self.backdate(research, completed_on=day + timedelta(days=self.rng.randint(15, 40)))

    def plan(
        self, actor: Actor, person: Beneficiary, profile: Profile, day: date
    ) -> list[PlanStep]:
        rng = self.rng
        plan = plan_create(actor=actor, person=person)
        self.backdate(plan, created_on=day)
        ranked = sorted(profile.needs.items(), key=lambda item: (-item[1], item[0]))
        goals = [domain for domain, severity in ranked if severity >= 2][: rng.randint(1, 3)]
        steps: list[PlanStep] = []
        for domain in goals or [ranked[0][0]]:
            description, step_specs = texts.GOALS[domain]
            goal = goal_add(
                actor=actor,
                plan=plan,
                need=domain,
                description=description,
                target_date=day + timedelta(days=rng.choice((90, 120, 180, 270))),
            )
            for offset, (step_text, owner) in enumerate(step_specs):
                due = day + timedelta(days=30 * (offset + 1) + rng.randint(0, 14))
                service = ""
                if owner == PlanStep.Owner.OUTSIDE_SERVICE:
                    service = rng.choice(texts.OUTSIDE_SERVICES[domain]).format(
                        town=self.place.town
                    )
                step = step_add(
                    actor=actor,
                    goal=goal,
                    description=step_text,
                    owner=owner,
                    owner_staff=actor.user if owner == PlanStep.Owner.STAFF else None,
                    owner_service=service,
                    due_on=due,
                )
                self.backdate(step, created_at=self.moment(day))
                if due < self.today:
                    status = self.people.pick(
                        {
                            PlanStep.Status.DONE: 6,
                            PlanStep.Status.IN_PROGRESS: 2,
                            PlanStep.Status.CANCELLED: 1,
                            PlanStep.Status.PLANNED: 1,
                        }
                    )
                    if status != PlanStep.Status.PLANNED:
                        step = step_set_status(actor=actor, step=step, status=status)
                    if status == PlanStep.Status.DONE:
                        self.backdate(step, completed_on=due)
                steps.append(step)
        if (self.today - day).days > 120 and self.chance(0.6):
            review = plan_review(actor=actor, plan=plan, notes=rng.choice(texts.PLAN_REVIEWS))
            self.backdate(review, reviewed_on=day + timedelta(days=rng.randint(90, 120)))
        self.summary.counts["plans"] += 1
        return steps

    def services(
        self, person: Beneficiary, profile: Profile, days: list[date], steps: list[PlanStep]
    ) -> None:
        rng, needs = self.rng, profile.needs
        kinds: list[tuple[str, Actor]] = [
            (ServiceKind.INFORMATION, self.caseworker(person)),
            (ServiceKind.APPLICATION_SUPPORT, self.caseworker(person)),
            (ServiceKind.COUNSELLING, self.staff.social_worker),
        ]
        if needs.get(NeedDomain.MENTAL_HEALTH, 0) >= 2:
            kinds += [(ServiceKind.PSYCHOLOGICAL_SESSION, self.staff.psychologist)] * 3
            kinds.append((ServiceKind.PSYCHOSOCIAL, self.staff.psychologist))
        if needs.get(NeedDomain.LEGAL_STATUS, 0) >= 2 or self.chance(0.1):
            kinds += [(ServiceKind.LEGAL_COUNSELLING, self.staff.lawyer)] * 2
        if profile.data["needs_interpreter"]:
            kinds += [(ServiceKind.INTERPRETATION, self.staff.mediator)] * 2
            kinds.append((ServiceKind.MEDIATION, self.staff.mediator))
        if needs.get(NeedDomain.EMPLOYMENT, 0) >= 2:
            kinds.append((ServiceKind.JOB_SEARCH, self.staff.social_worker))
        if profile.age >= 67 or profile.data["disability"]:
            kinds.append((ServiceKind.HOME_VISIT, self.caseworker(person)))
        staff_steps = [s for s in steps if s.owner == PlanStep.Owner.STAFF]
        for _ in range(self.people.pick({0: 2, 1: 3, 2: 3, 4: 2, 6: 1})):
            kind, actor = rng.choice(kinds)
            step = rng.choice(staff_steps) if staff_steps and self.chance(0.5) else None
            service_record(
                actor=actor,
                person=person,
                kind=kind,
                delivered_on=rng.choice(days),
                duration_minutes=rng.choice((20, 30, 45, 50, 60)),
                plan_step=step,
                notes=rng.choice(texts.SERVICE_NOTES),
            )
            self.summary.counts["services"] += 1
            if kind == ServiceKind.PSYCHOLOGICAL_SESSION and self.chance(0.5):
                self.note(person, NoteKind.PSYCHOLOGICAL, days)
            if kind == ServiceKind.LEGAL_COUNSELLING and self.chance(0.5):
                self.note(person, NoteKind.LEGAL, days)

    def notes(self, person: Beneficiary, profile: Profile, days: list[date]) -> None:
        for _ in range(self.people.pick({0: 4, 1: 4, 2: 2, 3: 1})):
            self.note(person, NoteKind.GENERAL, days)

    def note(self, person: Beneficiary, kind: str, days: list[date]) -> None:
        actor, text = {
            NoteKind.GENERAL: (self.caseworker(person), texts.GENERAL_NOTES),
            NoteKind.PSYCHOLOGICAL: (self.staff.psychologist, texts.PSYCHOLOGICAL_NOTES),
            NoteKind.LEGAL: (self.staff.lawyer, texts.LEGAL_NOTES),
        }[kind]
        note = note_write(actor=actor, person=person, kind=kind, text=self.rng.choice(text))
        self.backdate(note, created_at=self.moment(self.rng.choice(days)))
        self.summary.counts["notes"] += 1

    def anonymous_request(self) -> None:
        """Someone asks for information without registering: counted, with no personal data."""
        rng = self.rng
        municipality = rng.choices(self.place.municipalities, weights=self.place.weights)[0]
        actor = self.staff.partners.get(municipality.pk) or self.staff.administrative
        unit = self.place.unit_for(GREEK, municipality, rng)
        category = self.people.pick(
            {
                RequestCategory.INFORMATION: 6,
                RequestCategory.MINIMUM_INCOME: 2,
                RequestCategory.HOUSING_BENEFIT: 1,
                RequestCategory.FOOD_AID: 1,
                RequestCategory.DOCUMENTS: 1,
            }
        )
        contact_record(
            actor=actor,
            person=None,
            unit=unit,
            municipality=municipality,
            channel=rng.choice((ContactChannel.PHONE, ContactChannel.WALK_IN)),
            occurred_at=self.moment(self.today - timedelta(days=rng.randint(0, HISTORY_DAYS))),
            requests=[RequestInput(category=category, outcome=RequestOutcome.INFORMED)],
            duration_minutes=rng.choice((5, 10, 15)),
        )
        self.summary.counts["anonymous requests"] += 1


def has_people(tenant: Tenant) -> bool:
    connection.set_tenant(tenant)
    try:
        return Beneficiary.objects.exists()
    finally:
        connection.set_schema_to_public()


def fill_tenant(
    tenant: Tenant,
    *,
    people: int,
    seed: int,
    today: date | None = None,
) -> DemoSummary:
    """Add `people` people with their histories to a centre, as its demo staff.

    All or nothing (one transaction). The same seed and `today` give the same data.
    Leaves the connection on the public schema.
    """
    connection.set_tenant(tenant)
    try:
        with transaction.atomic():
            demo = CaseworkDemo(tenant, seed=seed, today=today or timezone.localdate())
            return demo.run(people)
    finally:
        connection.set_schema_to_public()


# --- Benchmark volume ------------------------------------------------------------------------


def bulk_beneficiaries(
    tenant: Tenant,
    *,
    count: int,
    seed: int = 2026,
    batch_size: int = 2000,
    today: date | None = None,
) -> int:
    """BENCHMARKS ONLY: insert `count` people straight into a tenant with bulk_create.

    Registering 100,000 people one by one through `beneficiary_register` (checks, duplicate
    search, audit row each) would take most of an hour, and a search benchmark needs only
    the rows. So this builds the same profiles as the demo and fills the derived columns
    with the registry's own helpers — `_clean_identifiers` (validated ΑΜΚΑ/ΑΦΜ, phones in
    the stored form), `_fill_latin_names` (ELOT 743) and `compute_search_text` — so each row
    is what the service would have stored. No history, consent or audit rows: never use
    this for demo or real data. Returns how many rows were inserted.
    """
    today = today or timezone.localdate()
    connection.set_tenant(tenant)
    try:
        rng = random.Random(f"bulk:{seed}:{tenant.slug}")  # noqa: S311  (benchmark data)
        faker = Faker("el_GR")
        faker.seed_instance(rng.getrandbits(32))
        place = Place.of(tenant)
        people = People(rng=rng, faker=faker, place=place, today=today, **_identifiers_in_use())
        fields = {f.name for f in Beneficiary._meta.concrete_fields}
        inserted = 0
        while inserted < count:
            batch = []
            for _ in range(min(batch_size, count - inserted)):
                data = _clean_identifiers(people.profile().data)
                person = Beneficiary(**{k: v for k, v in data.items() if k in fields})
                _fill_latin_names(person)
                person.search_text = compute_search_text(person)
                batch.append(person)
            Beneficiary.objects.bulk_create(batch)
            inserted += len(batch)
        return inserted
    finally:
        connection.set_schema_to_public()
