"""The Kentro taxonomy of social services (Greek), loaded by migration 0003.

Terms have stable UUIDs (uuid5 of their code), so the same term has the same id in every
installation and in every HSDS export. Names and descriptions are data in Greek, the
language of the directory; the codes are English and stable.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("6f1c2b8e-4d0a-5b7e-9a51-0c6a7e3d2f10")
TAXONOMY_ID = uuid.uuid5(NAMESPACE, "kentro-social-services")
TAXONOMY_NAME = "Kentro — Ταξινόμηση κοινωνικών υπηρεσιών"
TAXONOMY_DESCRIPTION = (
    "Ταξινόμηση των υπηρεσιών στις οποίες παραπέμπουν τα Κέντρα Κοινότητας "
    "(κατά τις αρμοδιότητες του ν. 4368/2016, άρθ. 4)."
)
TAXONOMY_VERSION = "1.0"

# (code, parent code or "", name, description)
TERMS: list[tuple[str, str, str, str]] = [
    ("employment", "", "Απασχόληση", "Εύρεση εργασίας, κατάρτιση, επιδόματα ανεργίας."),
    (
        "employment.counselling",
        "employment",
        "Συμβουλευτική απασχόλησης",
        "Εργασιακοί σύμβουλοι, ατομικό σχέδιο δράσης, προγράμματα απασχόλησης.",
    ),
    (
        "employment.training",
        "employment",
        "Κατάρτιση και δεξιότητες",
        "Επαγγελματική κατάρτιση, μαθητεία, ψηφιακές δεξιότητες.",
    ),
    (
        "physical_health",
        "",
        "Σωματική υγεία",
        "Νοσοκομεία, κέντρα υγείας, πρωτοβάθμια φροντίδα, ασφάλιση υγείας.",
    ),
    (
        "physical_health.hospital",
        "physical_health",
        "Νοσοκομειακή περίθαλψη",
        "Νοσοκομεία του ΕΣΥ, εξωτερικά ιατρεία, κοινωνική υπηρεσία νοσοκομείου.",
    ),
    (
        "physical_health.primary",
        "physical_health",
        "Πρωτοβάθμια φροντίδα υγείας",
        "Κέντρα υγείας, ΤΟΜΥ, οικογενειακός γιατρός.",
    ),
    (
        "physical_health.insurance",
        "physical_health",
        "Ασφάλιση και παροχές υγείας",
        "ΕΟΠΥΥ, ΑΜΚΑ, ΠΑΑΥΠΑ, πρόσβαση ανασφάλιστων, φάρμακα.",
    ),
    (
        "mental_health",
        "",
        "Ψυχική υγεία",
        "Κέντρα ψυχικής υγείας, ψυχιατρική φροντίδα, ψυχοκοινωνική υποστήριξη.",
    ),
    ("housing", "", "Στέγαση", "Επίδομα στέγασης, φιλοξενία, ξενώνες, στήριξη αστέγων."),
    (
        "housing.shelter",
        "housing",
        "Υπνωτήρια και ξενώνες",
        "Υπνωτήρια, ξενώνες φιλοξενίας, κέντρα ημέρας αστέγων.",
    ),
    (
        "income_support",
        "",
        "Εισοδηματική ενίσχυση",
        "Ελάχιστο Εγγυημένο Εισόδημα, επιδόματα, προνοιακές παροχές.",
    ),
    (
        "food_basic_goods",
        "",
        "Τρόφιμα και βασικά αγαθά",
        "Κοινωνικά παντοπωλεία, ΤΕΒΑ/FEAD, συσσίτια, είδη πρώτης ανάγκης.",
    ),
    (
        "food_basic_goods.pharmacy",
        "food_basic_goods",
        "Κοινωνικό φαρμακείο",
        "Δωρεάν φάρμακα και υγειονομικό υλικό για ευάλωτους.",
    ),
    ("legal_aid", "", "Νομική βοήθεια", "Νομική συμβουλευτική, νομική βοήθεια, εκπροσώπηση."),
    (
        "migration_asylum",
        "",
        "Μετανάστευση και άσυλο",
        "Διεθνής προστασία, άδειες διαμονής, ένταξη μεταναστών, διερμηνεία.",
    ),
    (
        "disability",
        "",
        "Αναπηρία",
        "ΚΕΠΑ, πιστοποίηση αναπηρίας, προνοιακά επιδόματα ΑμεΑ, αποκατάσταση.",
    ),
    (
        "education",
        "",
        "Εκπαίδευση",
        "Εκπαίδευση ενηλίκων, μαθήματα ελληνικής γλώσσας, σχολική ένταξη.",
    ),
    (
        "childcare",
        "",
        "Φροντίδα παιδιών",
        "ΚΔΑΠ, βρεφονηπιακοί σταθμοί, δημιουργική απασχόληση παιδιών.",
    ),
    (
        "elderly_care",
        "",
        "Φροντίδα ηλικιωμένων",
        "«Βοήθεια στο Σπίτι», ΚΑΠΗ, ΚΗΦΗ, κατ' οίκον φροντίδα.",
    ),
    (
        "addiction",
        "",
        "Εξαρτήσεις",
        "Πρόληψη και θεραπεία εξαρτήσεων (ΟΚΑΝΑ/ΕΟΠΑΕ), συμβουλευτική.",
    ),
    (
        "violence_against_women",
        "",
        "Βία κατά των γυναικών",
        "Συμβουλευτικά κέντρα γυναικών, ξενώνες φιλοξενίας, γραμμή SOS 15900.",
    ),
    (
        "child_protection",
        "",
        "Προστασία παιδιού",
        "Κακοποίηση και παραμέληση παιδιών, επιτροπεία, αναδοχή.",
    ),
    (
        "administrative_help",
        "",
        "Διοικητική εξυπηρέτηση",
        "ΚΕΠ, έκδοση πιστοποιητικών, ψηφιακή εξυπηρέτηση, δημοτικές υπηρεσίες.",
    ),
    (
        "social_support",
        "",
        "Κοινωνική υποστήριξη",
        "Κέντρα Κοινότητας, κοινωνική υπηρεσία δήμου, ψυχοκοινωνική στήριξη.",
    ),
    (
        "roma_inclusion",
        "",
        "Ένταξη Ρομά",
        "Διαμεσολάβηση, υποστήριξη αιτήσεων και σχολικής ένταξης Ρομά.",
    ),
]


def term_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"term:{code}")


def load_taxonomy(taxonomy_model, term_model) -> None:
    """Create or refresh the taxonomy and its terms (idempotent; models may be historical)."""
    taxonomy, _ = taxonomy_model.objects.update_or_create(
        id=TAXONOMY_ID,
        defaults={
            "name": TAXONOMY_NAME,
            "description": TAXONOMY_DESCRIPTION,
            "version": TAXONOMY_VERSION,
        },
    )
    for code, parent, name, description in TERMS:
        term_model.objects.update_or_create(
            id=term_id(code),
            defaults={
                "code": code,
                "name": name,
                "description": description,
                "parent_id": term_id(parent) if parent else None,
                "taxonomy": taxonomy,
                "language": "el",
            },
        )
