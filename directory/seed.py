"""The seed directory: the services the first-release centres refer people to.

For each first-release municipality (Lamia, Souli, Larissa, Kalamata with Δυτική Μάνη,
Οιχαλία and Τριφυλία, Athens): ΔΥΠΑ, hospitals and health centres, ΕΟΠΥΥ, ΚΕΠ, ΚΕΠΑ,
mental-health centres, the Asylum Service's regional office, ΚΔΑΠ, «Βοήθεια στο Σπίτι»,
social groceries and pharmacies, shelters, NGOs; plus national services and every Kentro
centre as an organization with `kentro_tenant` set (so referrals to it are live).

The kinds of service and the bodies that run them are public knowledge, but the details
(which office covers which area, names of local structures, hotlines) were not checked
against an official source when this list was written, so every entry outside Kentro's own
centres carries `is_sample=True` with a note saying so. No street address or local phone
number is invented: locations carry the municipality only.

Ids are uuid5 of a stable key, so running the seed again changes nothing and the same
entry has the same id on every installation.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from directory.models import (
    Attribute,
    Language,
    Location,
    Metadata,
    Organization,
    Phone,
    Service,
    ServiceArea,
    ServiceAtLocation,
)
from directory.search import reindex_services
from directory.taxonomy import term_id
from geography.models import Municipality

NAMESPACE = uuid.UUID("0b7e1f6a-2c4d-5e8f-9a0b-1c2d3e4f5a6b")
SEED_BY = "kentro directory_seed"
SAMPLE_NOTE = (
    "Δείγμα: τα στοιχεία δεν επαληθεύτηκαν από επίσημη πηγή κατά την καταχώριση. "
    "Ελέγξτε πριν την παραπομπή."
)


def _id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))


@dataclass(frozen=True)
class Place:
    """A first-release municipality and how its offices are named."""

    code: str
    genitive: str  # «Δήμου Λαμιέων»
    city: str  # the seat, as offices are named after it
    regional_unit: str  # genitive of the regional unit, as ΚΕΠΑ and hospitals are named


PLACES = (
    Place("9160", "Δήμου Λαμιέων", "Λαμίας", "Φθιώτιδας"),
    Place("9078", "Δήμου Σουλίου", "Παραμυθιάς", "Θεσπρωτίας"),
    Place("9100", "Δήμου Λαρισαίων", "Λάρισας", "Λάρισας"),
    Place("9254", "Δήμου Καλαμάτας", "Καλαμάτας", "Μεσσηνίας"),
    Place("9253", "Δήμου Δυτικής Μάνης", "Καρδαμύλης", "Μεσσηνίας"),
    Place("9256", "Δήμου Οιχαλίας", "Μελιγαλά", "Μεσσηνίας"),
    Place("9258", "Δήμου Τριφυλίας", "Κυπαρισσίας", "Μεσσηνίας"),
    Place("9186", "Δήμου Αθηναίων", "Αθήνας", "Κεντρικού Τομέα Αθηνών"),
)
# Municipalities whose regional unit's seat holds the ΚΕΠΑ, hospital, ΔΥΠΑ office, etc.
SEATS = ("9160", "9078", "9100", "9254", "9186")


@dataclass(frozen=True)
class Entry:
    key: str
    organization: str
    name: str
    terms: tuple[str, ...]
    description: str
    scope: str = "municipality"  # national | region | regional_unit | municipality
    url: str = ""
    phone: str = ""
    languages: tuple[str, ...] = ("el",)
    minimum_age: int | None = None
    maximum_age: int | None = None
    eligibility: str = ""
    documents: tuple[str, ...] = field(default_factory=tuple)


NATIONAL = (
    Entry(
        "eopyy",
        "Εθνικός Οργανισμός Παροχής Υπηρεσιών Υγείας (ΕΟΠΥΥ)",
        "Τηλεφωνικό κέντρο εξυπηρέτησης ΕΟΠΥΥ",
        ("physical_health.insurance",),
        "Πληροφορίες για παροχές υγείας, δικαιούχους, ΑΜΚΑ και ΠΑΑΥΠΑ.",
        scope="national",
        url="https://www.eopyy.gov.gr",
        phone="1555",
    ),
    Entry(
        "opeka-eee",
        "Οργανισμός Προνοιακών Επιδομάτων και Κοινωνικής Αλληλεγγύης (ΟΠΕΚΑ)",
        "Ελάχιστο Εγγυημένο Εισόδημα",
        ("income_support",),
        "Εισοδηματική ενίσχυση νοικοκυριών σε ακραία φτώχεια, με συνοδευτικές υπηρεσίες "
        "κοινωνικής ένταξης και ενεργοποίησης.",
        scope="national",
        url="https://opeka.gr",
        eligibility="Νοικοκυριά με εισόδημα εξαμήνου έως 6 × το εγγυημένο ποσό.",
        documents=("ΑΜΚΑ όλων των μελών", "ΑΦΜ ενηλίκων", "IBAN", "Εκκαθαριστικό Ε1"),
    ),
    Entry(
        "opeka-housing",
        "Οργανισμός Προνοιακών Επιδομάτων και Κοινωνικής Αλληλεγγύης (ΟΠΕΚΑ)",
        "Επίδομα στέγασης",
        ("housing", "income_support"),
        "Μηνιαίο επίδομα για νοικοκυριά που μισθώνουν την κύρια κατοικία τους.",
        scope="national",
        url="https://opeka.gr",
        documents=("Ηλεκτρονικό μισθωτήριο (≥ 6 μήνες)", "Λογαριασμός κοινής ωφέλειας", "IBAN"),
    ),
    Entry(
        "sos-15900",
        "Γενική Γραμματεία Ισότητας και Ανθρωπίνων Δικαιωμάτων",
        "Γραμμή SOS 15900 για τη βία κατά των γυναικών",
        ("violence_against_women",),
        "Τηλεφωνική γραμμή 24 ωρών για γυναίκες θύματα βίας.",
        scope="national",
        phone="15900",
        languages=("el", "en"),
    ),
    Entry(
        "hamogelo-1056",
        "Το Χαμόγελο του Παιδιού",
        "Εθνική γραμμή για τα παιδιά SOS 1056",
        ("child_protection",),
        "Γραμμή υποστήριξης για παιδιά σε κίνδυνο και τις οικογένειές τους.",
        scope="national",
        phone="1056",
        maximum_age=18,
    ),
    Entry(
        "eopae",
        "Εθνικός Οργανισμός Πρόληψης και Αντιμετώπισης Εξαρτήσεων (ΕΟΠΑΕ)",
        "Συμβουλευτική γραμμή για τις εξαρτήσεις",
        ("addiction",),
        "Πληροφόρηση και παραπομπή σε προγράμματα θεραπείας εξαρτήσεων.",
        scope="national",
        phone="1031",
    ),
    Entry(
        "kep-1500",
        "Κέντρα Εξυπηρέτησης Πολιτών (ΚΕΠ)",
        "Τηλεφωνική εξυπηρέτηση ΚΕΠ 1500",
        ("administrative_help",),
        "Πληροφορίες για διοικητικές διαδικασίες και δικαιολογητικά.",
        scope="national",
        phone="1500",
    ),
    Entry(
        "gcr-legal",
        "Ελληνικό Συμβούλιο για τους Πρόσφυγες",
        "Νομική συνδρομή σε αιτούντες άσυλο και πρόσφυγες",
        ("legal_aid", "migration_asylum"),
        "Δωρεάν νομική συμβουλευτική και εκπροσώπηση σε διαδικασίες ασύλου.",
        scope="national",
        languages=("el", "en", "ar", "fa"),
    ),
)


def _local_entries(place: Place) -> list[Entry]:
    """What every first-release municipality has (municipal services)."""
    p = place
    return [
        Entry(
            f"kep/{p.code}",
            f"ΚΕΠ {p.genitive}",
            f"ΚΕΠ {p.genitive}",
            ("administrative_help",),
            "Έκδοση πιστοποιητικών, αιτήσεις και εξυπηρέτηση πολιτών.",
        ),
        Entry(
            f"social-service/{p.code}",
            p.genitive.replace("Δήμου", "Δήμος", 1),
            f"Κοινωνική Υπηρεσία {p.genitive}",
            ("social_support", "income_support"),
            "Προνοιακά επιδόματα, κοινωνική έρευνα, στήριξη ευάλωτων νοικοκυριών.",
        ),
        Entry(
            f"kdap/{p.code}",
            p.genitive.replace("Δήμου", "Δήμος", 1),
            f"ΚΔΑΠ {p.genitive}",
            ("childcare",),
            "Κέντρο Δημιουργικής Απασχόλησης Παιδιών: δημιουργική απασχόληση μετά το σχολείο.",
            minimum_age=6,
            maximum_age=12,
        ),
        Entry(
            f"home-help/{p.code}",
            p.genitive.replace("Δήμου", "Δήμος", 1),
            f"«Βοήθεια στο Σπίτι» {p.genitive}",
            ("elderly_care", "disability"),
            "Κατ' οίκον φροντίδα ηλικιωμένων και ατόμων με αναπηρία που ζουν μόνα.",
            minimum_age=65,
            eligibility="Ηλικιωμένοι ή ΑμεΑ χωρίς επαρκή φροντίδα από την οικογένεια.",
        ),
        Entry(
            f"grocery/{p.code}",
            p.genitive.replace("Δήμου", "Δήμος", 1),
            f"Κοινωνικό Παντοπωλείο {p.genitive}",
            ("food_basic_goods",),
            "Δωρεάν τρόφιμα και είδη πρώτης ανάγκης σε ωφελούμενους του δήμου.",
            documents=("Εκκαθαριστικό Ε1", "Βεβαίωση ανεργίας (αν υπάρχει)"),
        ),
        Entry(
            f"pharmacy/{p.code}",
            p.genitive.replace("Δήμου", "Δήμος", 1),
            f"Κοινωνικό Φαρμακείο {p.genitive}",
            ("food_basic_goods.pharmacy", "physical_health"),
            "Δωρεάν φάρμακα με ιατρική συνταγή για ανασφάλιστους και ευάλωτους.",
        ),
        Entry(
            f"sem/{p.code}",
            p.genitive.replace("Δήμου", "Δήμος", 1),
            f"Συμβούλιο Ένταξης Μεταναστών {p.genitive}",
            ("migration_asylum",),
            "Γνωμοδοτικό όργανο του δήμου για την ένταξη των μεταναστών.",
        ),
    ]


def _seat_entries(place: Place) -> list[Entry]:
    """Services of the regional unit's seat, covering the regional unit."""
    p = place
    unit = "regional_unit"
    return [
        Entry(
            f"dypa/{p.code}",
            "Δημόσια Υπηρεσία Απασχόλησης (ΔΥΠΑ)",
            f"ΚΠΑ2 ΔΥΠΑ {p.city}",
            ("employment", "employment.counselling", "income_support"),
            "Εγγραφή ανέργων, κάρτα ανεργίας, επίδομα ανεργίας, εργασιακοί σύμβουλοι, "
            "προγράμματα απασχόλησης και κατάρτισης.",
            scope=unit,
            url="https://www.dypa.gov.gr",
            documents=("Ταυτότητα ή διαβατήριο", "ΑΜΚΑ", "ΑΦΜ"),
        ),
        Entry(
            f"hospital/{p.code}",
            f"Γενικό Νοσοκομείο {p.city}",
            f"Κοινωνική Υπηρεσία Γενικού Νοσοκομείου {p.city}",
            ("physical_health", "physical_health.hospital"),
            "Νοσηλεία, εξωτερικά ιατρεία, εφημερίες, κοινωνική υπηρεσία του νοσοκομείου.",
            scope=unit,
        ),
        Entry(
            f"eopyy-office/{p.code}",
            "Εθνικός Οργανισμός Παροχής Υπηρεσιών Υγείας (ΕΟΠΥΥ)",
            f"ΕΟΠΥΥ – Τοπική μονάδα {p.regional_unit}",
            ("physical_health.insurance",),
            "Έγκριση παροχών, αναλώσιμα, θεραπείες, πρόσβαση ανασφάλιστων.",
            scope=unit,
        ),
        Entry(
            f"kepa/{p.code}",
            "Κέντρα Πιστοποίησης Αναπηρίας (ΚΕΠΑ)",
            f"ΚΕΠΑ {p.regional_unit}",
            ("disability",),
            "Πιστοποίηση του ποσοστού αναπηρίας για προνοιακά επιδόματα και παροχές.",
            scope=unit,
            documents=("Ιατρικές γνωματεύσεις", "ΑΜΚΑ", "Παράβολο (αν απαιτείται)"),
        ),
        Entry(
            f"mental-health/{p.code}",
            f"Γενικό Νοσοκομείο {p.city}",
            f"Κέντρο Ψυχικής Υγείας {p.city}",
            ("mental_health",),
            "Ψυχιατρική εκτίμηση, ψυχοθεραπεία, ψυχοκοινωνική υποστήριξη ενηλίκων.",
            scope=unit,
            minimum_age=18,
        ),
        Entry(
            f"health-centre/{p.code}",
            f"Κέντρο Υγείας {p.city}",
            f"Κέντρο Υγείας {p.city}",
            ("physical_health", "physical_health.primary"),
            "Πρωτοβάθμια φροντίδα υγείας, εμβολιασμοί, οικογενειακός γιατρός.",
            scope=unit,
        ),
        Entry(
            f"women-counselling/{p.code}",
            "Γενική Γραμματεία Ισότητας και Ανθρωπίνων Δικαιωμάτων",
            f"Συμβουλευτικό Κέντρο Γυναικών {p.city}",
            ("violence_against_women", "legal_aid"),
            "Ψυχοκοινωνική και νομική συμβουλευτική σε γυναίκες θύματα βίας.",
            scope=unit,
        ),
        Entry(
            f"women-shelter/{p.code}",
            "Γενική Γραμματεία Ισότητας και Ανθρωπίνων Δικαιωμάτων",
            f"Ξενώνας Φιλοξενίας Γυναικών {p.city}",
            ("violence_against_women", "housing.shelter"),
            "Ασφαλής φιλοξενία γυναικών θυμάτων βίας και των παιδιών τους.",
            scope=unit,
        ),
    ]


# Asylum Service regional offices (a region each) and other regional/urban services.
REGIONAL = {
    "9186": [
        Entry(
            "asylum/attica",
            "Υπηρεσία Ασύλου",
            "Περιφερειακό Γραφείο Ασύλου Αττικής",
            ("migration_asylum",),
            "Καταγραφή και εξέταση αιτήσεων διεθνούς προστασίας, ανανέωση δελτίων.",
            scope="region",
            url="https://migration.gov.gr",
            languages=("el", "en", "ar", "fa", "fr"),
        ),
        Entry(
            "kyada",
            "Κέντρο Υποδοχής και Αλληλεγγύης Δήμου Αθηναίων (ΚΥΑΔΑ)",
            "Υπνωτήρια αστέγων ΚΥΑΔΑ",
            ("housing", "housing.shelter", "food_basic_goods"),
            "Φιλοξενία αστέγων, συσσίτια, κέντρο ημέρας.",
        ),
        Entry(
            "mdm-athens",
            "Γιατροί του Κόσμου",
            "Πολυιατρείο Γιατρών του Κόσμου Αθήνας",
            ("physical_health", "physical_health.primary"),
            "Δωρεάν πρωτοβάθμια φροντίδα υγείας για ανασφάλιστους.",
            languages=("el", "en", "ar", "fa"),
        ),
        Entry(
            "praksis-athens",
            "PRAKSIS",
            "Κέντρο ημέρας PRAKSIS Αθήνας",
            ("social_support", "housing", "physical_health"),
            "Ψυχοκοινωνική στήριξη, υγεία και στέγαση για ευάλωτες ομάδες.",
            languages=("el", "en", "ar"),
        ),
        Entry(
            "klimaka",
            "ΚΛΙΜΑΚΑ",
            "Κέντρο Ημέρας ΚΛΙΜΑΚΑ για άστεγους",
            ("mental_health", "housing"),
            "Ψυχοκοινωνική στήριξη αστέγων και ατόμων με ψυχικές διαταραχές.",
        ),
        Entry(
            "arsis-athens",
            "ΑΡΣΙΣ – Κοινωνική Οργάνωση Υποστήριξης Νέων",
            "ΑΡΣΙΣ Αθήνας – στήριξη νέων",
            ("social_support", "child_protection", "legal_aid"),
            "Κοινωνική και νομική στήριξη νέων και ασυνόδευτων ανηλίκων.",
            maximum_age=25,
            languages=("el", "en", "ar"),
        ),
    ],
    "9078": [
        Entry(
            "asylum/epirus",
            "Υπηρεσία Ασύλου",
            "Περιφερειακό Γραφείο Ασύλου Ηπείρου",
            ("migration_asylum",),
            "Καταγραφή και εξέταση αιτήσεων διεθνούς προστασίας.",
            scope="region",
            url="https://migration.gov.gr",
            languages=("el", "en", "ar"),
        ),
    ],
    "9100": [
        Entry(
            "asylum/thessaly",
            "Υπηρεσία Ασύλου",
            "Περιφερειακό Γραφείο Ασύλου Θεσσαλίας",
            ("migration_asylum",),
            "Καταγραφή και εξέταση αιτήσεων διεθνούς προστασίας.",
            scope="region",
            url="https://migration.gov.gr",
            languages=("el", "en", "ar"),
        ),
        Entry(
            "arsis-larissa",
            "ΑΡΣΙΣ – Κοινωνική Οργάνωση Υποστήριξης Νέων",
            "ΑΡΣΙΣ Λάρισας – στήριξη νέων",
            ("social_support", "child_protection"),
            "Κοινωνική στήριξη νέων και οικογενειών.",
            maximum_age=25,
        ),
    ],
    "9160": [
        Entry(
            "asylum/sterea",
            "Υπηρεσία Ασύλου",
            "Περιφερειακό Γραφείο Ασύλου Στερεάς Ελλάδας",
            ("migration_asylum",),
            "Καταγραφή και εξέταση αιτήσεων διεθνούς προστασίας.",
            scope="region",
            url="https://migration.gov.gr",
            languages=("el", "en", "ar"),
        ),
    ],
    "9254": [
        Entry(
            "asylum/peloponnese",
            "Υπηρεσία Ασύλου",
            "Περιφερειακό Γραφείο Ασύλου Πελοποννήσου",
            ("migration_asylum",),
            "Καταγραφή και εξέταση αιτήσεων διεθνούς προστασίας.",
            scope="region",
            url="https://migration.gov.gr",
            languages=("el", "en", "ar"),
        ),
    ],
}

# What a Kentro centre offers, as services other centres can refer to (live referrals).
CENTRE_SERVICES = (
    (
        "reception",
        "Υποδοχή, ενημέρωση και υποστήριξη",
        ("social_support", "income_support"),
        "Καταγραφή αναγκών, ενημέρωση για δικαιώματα και προγράμματα, βοήθεια σε αιτήσεις "
        "(ΕΕΕ, επίδομα στέγασης, ΤΕΒΑ).",
    ),
    (
        "psychosocial",
        "Ψυχοκοινωνική υποστήριξη",
        ("mental_health", "social_support"),
        "Ατομική και ομαδική ψυχοκοινωνική στήριξη από κοινωνικούς λειτουργούς και ψυχολόγους.",
    ),
    (
        "legal",
        "Νομική συμβουλευτική",
        ("legal_aid",),
        "Νομική συμβουλευτική σε θέματα εργατικού δικαίου και μετανάστευσης.",
    ),
    (
        "employment",
        "Ατομικό σχέδιο δράσης για την απασχόληση",
        ("employment", "employment.counselling"),
        "Βήματα προς την κοινωνική ένταξη και την απασχόληση, με παρακολούθηση.",
    ),
)


@dataclass
class SeedSummary:
    organizations: int = 0
    services: int = 0

    def __str__(self) -> str:
        return f"directory: {self.organizations} organizations, {self.services} services created"


class _Seeder:
    def __init__(self) -> None:
        self.summary = SeedSummary()
        self.touched: list[uuid.UUID] = []
        self.municipalities = {
            m.code: m
            for m in Municipality.objects.select_related("regional_unit__region").filter(
                code__in=[p.code for p in PLACES]
            )
        }

    def _log_create(self, record) -> None:
        Metadata.objects.create(
            resource_id=record.pk,
            resource_type=record._meta.model_name,
            last_action_type=Metadata.Action.CREATE,
            field_name="id",
            replacement_value=str(record.pk),
            updated_by=SEED_BY,
        )

    def organization(self, name: str, *, sample: bool = True, kentro_tenant=None, **extra):
        org, created = Organization.all_objects.get_or_create(
            id=_id("organization", name),
            defaults={
                "name": name,
                "description": extra.pop("description", name),
                "is_sample": sample,
                "sample_note": SAMPLE_NOTE if sample else "",
                "kentro_tenant": kentro_tenant,
                **extra,
            },
        )
        if created:
            self.summary.organizations += 1
            self._log_create(org)
        return org

    def service(self, entry: Entry, organization: Organization, municipality, *, sample=True):
        service, created = Service.all_objects.get_or_create(
            id=_id("service", entry.key),
            defaults={
                "organization": organization,
                "name": entry.name,
                "description": entry.description,
                "url": entry.url,
                "eligibility_description": entry.eligibility,
                "minimum_age": entry.minimum_age,
                "maximum_age": entry.maximum_age,
                "is_sample": sample,
                "sample_note": SAMPLE_NOTE if sample else "",
            },
        )
        if not created:
            return service
        self.summary.services += 1
        self._log_create(service)
        for code in entry.terms:
            Attribute.objects.create(
                id=_id("attribute", entry.key, code),
                link_id=service.pk,
                link_entity="service",
                link_type="service_category",
                taxonomy_term_id=term_id(code),
            )
        for code in entry.languages:
            Language.objects.create(id=_id("language", entry.key, code), service=service, code=code)
        if entry.phone:
            Phone.objects.create(id=_id("phone", entry.key), service=service, number=entry.phone)
        for index, document in enumerate(entry.documents):
            service.required_documents.create(
                id=_id("required_document", entry.key, str(index)), document=document
            )
        if municipality is not None or entry.scope == "national":
            self.area(service, entry.key, entry.scope, municipality)
        if municipality is not None and entry.scope != "national":
            location = self.location(organization, municipality)
            ServiceAtLocation.objects.create(
                id=_id("service_at_location", entry.key), service=service, location=location
            )
        self.touched.append(service.pk)
        return service

    def area(self, service: Service, key: str, scope: str, municipality) -> None:
        area = ServiceArea(id=_id("service_area", key), service=service, scope=scope)
        if scope == "national":
            area.name = "Ελλάδα"
        elif scope == "region":
            area.region = municipality.regional_unit.region
            area.name = area.region.name
        elif scope == "regional_unit":
            area.regional_unit = municipality.regional_unit
            area.name = area.regional_unit.name
        else:
            area.municipality = municipality
            area.name = municipality.name
        area.save()

    def location(self, organization: Organization, municipality) -> Location:
        location, created = Location.all_objects.get_or_create(
            id=_id("location", str(organization.pk), municipality.code),
            defaults={
                "organization": organization,
                "name": f"{organization.name} – {municipality.name}",
                "municipality": municipality,
                "is_sample": organization.is_sample,
                "sample_note": organization.sample_note,
            },
        )
        if created:
            self._log_create(location)
        return location

    def entries(self) -> None:
        for entry in NATIONAL:
            self.service(entry, self.organization(entry.organization), None)
        for place in PLACES:
            municipality = self.municipalities[place.code]
            batches = [_local_entries(place)]
            if place.code in SEATS:
                batches.append(_seat_entries(place))
            batches.append(REGIONAL.get(place.code, []))
            for batch in batches:
                for entry in batch:
                    self.service(entry, self.organization(entry.organization), municipality)

    def centre(self, tenant) -> Organization:
        organization = self.organization(
            tenant.name,
            sample=False,
            kentro_tenant=tenant,
            description="Κέντρο Κοινότητας στο Kentro: οι παραπομπές απαντώνται στην πλατφόρμα.",
        )
        served = list(tenant.municipalities.select_related("regional_unit__region"))
        for key, name, terms, description in CENTRE_SERVICES:
            entry = Entry(f"centre/{tenant.slug}/{key}", tenant.name, name, terms, description)
            service = self.service(entry, organization, None, sample=False)
            if service.pk not in self.touched:
                continue
            for municipality in served:
                ServiceArea.objects.get_or_create(
                    id=_id("service_area", entry.key, municipality.code),
                    defaults={
                        "service": service,
                        "scope": "municipality",
                        "municipality": municipality,
                        "name": municipality.name,
                    },
                )
                ServiceAtLocation.objects.get_or_create(
                    id=_id("service_at_location", entry.key, municipality.code),
                    defaults={
                        "service": service,
                        "location": self.location(organization, municipality),
                    },
                )
        return organization


@transaction.atomic
def seed_directory(*, tenants: Iterable | None = None) -> SeedSummary:
    """Create what is missing of the seed directory; existing entries are left as edited.

    `tenants` (default: every active centre) get their organization and services.
    """
    from tenants.models import Tenant

    seeder = _Seeder()
    seeder.entries()
    for tenant in Tenant.objects.filter(is_active=True) if tenants is None else tenants:
        seeder.centre(tenant)
    reindex_services(seeder.touched)
    return seeder.summary


@transaction.atomic
def seed_centre(tenant) -> Organization:
    """The centre as a directory organization with its services (live referral targets)."""
    seeder = _Seeder()
    organization = seeder.centre(tenant)
    reindex_services(seeder.touched)
    return organization


def centre_organization(tenant) -> Organization | None:
    return Organization.objects.filter(kentro_tenant=tenant).first()
