"""A national service with every HSDS table filled in, and a centre's local service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tests.directory.conftest import unit


@dataclass
class Directory:
    organization: object
    service: object
    other: object
    local: object
    location: object
    service_at_location: object


def build_directory(world, editor, term) -> Directory:
    from directory.models import (
        Address,
        Contact,
        Location,
        Phone,
        RequiredDocument,
        Schedule,
        ServiceAtLocation,
    )
    from directory.services import Area, Editor, organization_create, service_create

    national = Editor(editor)
    organization = organization_create(
        editor=national,
        data={
            "name": "Δήμος Λαμιέων — Κοινωνική Υπηρεσία",
            "description": "Κοινωνική υπηρεσία του δήμου.",
            "email": "social@lamia.example.gr",
            "website": "https://lamia.example.gr/",
            "is_sample": True,
            "sample_note": "Στοιχεία προς επαλήθευση.",
        },
        kentro_tenant=world.lamia,
    )
    service = service_create(
        editor=national,
        organization=organization,
        data={
            "name": "Κοινωνικό Παντοπωλείο Λαμίας",
            "description": "Τρόφιμα και είδη πρώτης ανάγκης για ευάλωτα νοικοκυριά.",
            "status": "active",
            "email": "pantopoleio@lamia.example.gr",
            "minimum_age": 18,
            "eligibility_description": "Δικαιούχοι ΚΕΑ.",
        },
        terms=[term("food_basic_goods")],
        areas=[Area("municipality", unit("9160"))],
        languages=["el", "en"],
        phone="2231351000",
    )
    other = service_create(
        editor=national,
        organization=organization_create(
            editor=national, data={"name": "ΔΥΠΑ", "description": "Δημόσια Υπηρεσία Απασχόλησης."}
        ),
        data={"name": "Συμβουλευτική απασχόλησης", "status": "temporarily closed"},
        terms=[term("employment")],
        areas=[Area("national")],
    )
    location = Location.objects.create(
        organization=organization,
        name="Δημαρχείο Λαμίας",
        location_type="physical",
        latitude=Decimal("38.900000"),
        longitude=Decimal("22.433300"),
        municipality=unit("9160"),
    )
    Address.objects.create(
        location=location,
        address_1="Φλέμινγκ 9",
        city="Λαμία",
        state_province="Φθιώτιδα",
        postal_code="35100",
        country="GR",
    )
    service_at_location = ServiceAtLocation.objects.create(service=service, location=location)
    Schedule.objects.create(
        service=service,
        freq="WEEKLY",
        byday="MO,TU,WE,TH,FR",
        opens_at=dt.time(8, 0),
        closes_at=dt.time(14, 30),
        valid_from=dt.date(2025, 1, 1),
        description="Καθημερινές 08:00–14:30",
    )
    contact = Contact.objects.create(
        service=service, name="Γραμματεία", email="info@lamia.example.gr"
    )
    Phone.objects.create(contact=contact, number="2231351001", extension="12")
    RequiredDocument.objects.create(service=service, document="Εκκαθαριστικό εφορίας")

    local = service_create(
        editor=Editor(world.alice, tenant=world.lamia),
        organization=organization,
        data={"name": "Τοπική ομάδα στήριξης Λαμίας", "status": "active"},
        terms=[term("food_basic_goods")],
    )
    return Directory(organization, service, other, local, location, service_at_location)
