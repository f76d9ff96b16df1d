"""Directory search with 20,000 services: server-side time per query.

    uv run python bench/directory_search.py [--services 20000] [--queries 300] [--explain]

The seed directory is loaded, then services are bulk-inserted, spread over the 325
Kallikratis municipalities (with region, regional-unit and national coverage too), each
with taxonomy terms and languages, and the search columns built with
`directory.search.reindex_services` — exactly what the services do on every write. The
tables are vacuumed and analysed, as autovacuum would have done on a live server.

Measures, for a mix of what staff type (Greek words with accents, without accents, in
capitals, word beginnings, two words, a misspelt word), with the person's municipality
given for area ranking:
- `directory.search.search_services(...)` for one page of 25, and
- a GET of the search page (`directory:search`) on Lamia's host, signed in as its
  coordinator. Target: p95 ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import defaultdict

from common import bench_database, demo_centre, setup_django, signed_in_client, summary

KINDS = [
    ("Κέντρο Ψυχικής Υγείας", ("mental_health",)),
    ("Κοινωνικό Παντοπωλείο", ("food_basic_goods",)),
    ("Κοινωνικό Φαρμακείο", ("food_basic_goods.pharmacy",)),
    ("Κέντρο Δημιουργικής Απασχόλησης Παιδιών", ("childcare",)),
    ("Βοήθεια στο Σπίτι", ("elderly_care",)),
    ("Συμβουλευτικό Κέντρο Γυναικών", ("violence_against_women",)),
    ("Ξενώνας Φιλοξενίας", ("housing.shelter",)),
    ("Γραφείο Νομικής Βοήθειας", ("legal_aid",)),
    ("Κέντρο Υγείας", ("physical_health.primary",)),
    ("Συμβουλευτική Απασχόλησης", ("employment.counselling",)),
    ("Πρόγραμμα Κατάρτισης", ("employment.training",)),
    ("Μαθήματα Ελληνικής Γλώσσας", ("education", "migration_asylum")),
    ("Κέντρο Πρόληψης Εξαρτήσεων", ("addiction",)),
    ("Κέντρο Ημέρας Αστέγων", ("housing",)),
    ("Κέντρο Διημέρευσης ΑμεΑ", ("disability",)),
]
WORDS = [
    "ψυχικής υγείας",
    "παντοπωλείο",
    "φαρμακείο",
    "παιδιών",
    "βοήθεια σπίτι",
    "γυναικών",
    "ξενώνας",
    "νομικής βοήθειας",
    "υγείας",
    "απασχόλησης",
    "κατάρτισης",
    "ελληνικής γλώσσας",
    "εξαρτήσεων",
    "αστέγων",
    "αναπηρία",
    "άσυλο",
]
UNACCENTED = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")


def _typo(rng: random.Random, word: str) -> str:
    position = rng.randrange(1, len(word) - 1)
    letter = word[position]
    wrong = chr(ord(letter) + (-1 if letter in "ωΩ" else 1))
    return word[:position] + wrong + word[position + 1 :]


def _queries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    makers = {
        "greek with accents": lambda: rng.choice(WORDS),
        "greek without accents": lambda: rng.choice(WORDS).translate(UNACCENTED),
        "capitals": lambda: rng.choice(WORDS).upper().translate(UNACCENTED),
        "word beginning": lambda: rng.choice(WORDS).split()[0][:5],
        "kind and town": lambda: f"{rng.choice(WORDS).split()[0]} {rng.choice(TOWNS)}",
        "misspelt word": lambda: _typo(rng, max(rng.choice(WORDS).split(), key=len)),
    }
    kinds = list(makers)
    return [(kinds[i % len(kinds)], makers[kinds[i % len(kinds)]]()) for i in range(count)]


TOWNS = ["λαμια", "λαρισα", "καλαματα", "αθηνα", "παραμυθια", "πατρα", "βολος", "χανια"]


def _bulk_services(count: int, rng: random.Random) -> list:
    """Services over every municipality, with terms, languages and a service area."""
    from directory.models import Attribute, Language, Organization, Service, ServiceArea
    from directory.taxonomy import term_id
    from geography.models import Municipality

    municipalities = list(Municipality.objects.select_related("regional_unit"))
    organizations = Organization.objects.bulk_create(
        [
            Organization(name=f"Φορέας {m.name} {i}", description="Φορέας κοινωνικών υπηρεσιών")
            for m in municipalities
            for i in range(2)
        ]
    )
    services, attributes, languages, areas = [], [], [], []
    for n in range(count):
        kind, terms = rng.choice(KINDS)
        organization = rng.choice(organizations)
        municipality = rng.choice(municipalities)
        service = Service(
            organization=organization,
            name=f"{kind} {municipality.name} {n}",
            description=f"{kind}: υπηρεσία για κατοίκους του Δήμου {municipality.name}.",
            minimum_age=rng.choice([None, None, 6, 18, 65]),
        )
        services.append(service)
        attributes += [
            Attribute(link_id=service.id, link_entity="service", taxonomy_term_id=term_id(code))
            for code in terms
        ]
        languages += [Language(service=service, code=c) for c in {"el", rng.choice("el en ar")}]
        scope = rng.choices(
            ["municipality", "regional_unit", "region", "national"], [70, 15, 10, 5]
        )[0]
        area = ServiceArea(service=service, scope=scope)
        if scope == "municipality":
            area.municipality = municipality
        elif scope == "regional_unit":
            area.regional_unit = municipality.regional_unit
        elif scope == "region":
            area.region_id = municipality.regional_unit.region_id
        areas.append(area)
    Service.objects.bulk_create(services, batch_size=2000)
    Attribute.objects.bulk_create(attributes, batch_size=5000)
    Language.objects.bulk_create(languages, batch_size=5000)
    ServiceArea.objects.bulk_create(areas, batch_size=5000)
    return [s.id for s in services]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("TEST_DATABASE_NAME", "kentro_bench_directory")
    setup_django()
    from django.db import connection
    from django.urls import reverse

    from accounts.models import Membership
    from accounts.roles import Role
    from directory.models import Service
    from directory.search import reindex_services, search_services
    from directory.seed import seed_directory

    with bench_database():
        tenant = demo_centre("lamia")
        membership = Membership.objects.select_related("user").get(
            tenant=tenant, role=Role.COORDINATOR
        )
        seed_directory(tenants=[tenant])
        rng = random.Random(7)  # noqa: S311  (benchmark sampling)
        started = time.perf_counter()
        ids = _bulk_services(args.services - Service.objects.count(), rng)
        inserted = time.perf_counter() - started
        started = time.perf_counter()
        reindex_services(ids)
        print(
            f"{Service.objects.count()} services: inserted in {inserted:.0f} s, "
            f"indexed in {time.perf_counter() - started:.0f} s"
        )
        with connection.cursor() as cursor:
            for table in ("service", "attribute", "language", "servicearea", "organization"):
                cursor.execute(f"VACUUM ANALYZE directory_{table}")
        lamia = tenant.lead_municipality
        queries = _queries(rng, args.queries)

        def run_service(text: str) -> int:
            return len(search_services(tenant=tenant, query=text, municipality=lamia).services)

        if args.explain:
            for kind, text in queries[:6]:
                start = time.perf_counter()
                connection.queries_log.clear()
                from django.test.utils import CaptureQueriesContext

                with CaptureQueriesContext(connection) as captured:
                    run_service(text)
                print(f"\n{kind}: {text!r} ({(time.perf_counter() - start) * 1e3:.1f} ms)")
                for query in captured.captured_queries:
                    print(f"    {query['time']} s  {query['sql'][:300]}")
            print()

        for _kind, text in queries[:20]:  # warm up caches and connections
            run_service(text)
        by_kind: dict[str, list[float]] = defaultdict(list)
        found: dict[str, list[int]] = defaultdict(list)
        service_times = []
        for kind, text in queries:
            start = time.perf_counter()
            hits = run_service(text)
            elapsed = time.perf_counter() - start
            service_times.append(elapsed)
            by_kind[kind].append(elapsed)
            found[kind].append(hits)

        url = reverse("directory:search", urlconf="kentro.urls_tenant")
        client = signed_in_client(tenant, membership.user)
        for _kind, text in queries[:20]:
            client.get(url, {"q": text})
        page_times: list[float] = []
        page_by_kind: dict[str, list[float]] = defaultdict(list)
        for kind, text in queries:
            start = time.perf_counter()
            response = client.get(url, {"q": text})
            elapsed = time.perf_counter() - start
            page_times.append(elapsed)
            page_by_kind[kind].append(elapsed)
            assert response.status_code == 200, response.status_code
        connection.set_schema_to_public()

    print(f"directory search on {args.services} services, page of 25, {len(queries)} queries")
    for kind, samples in by_kind.items():
        hits = found[kind]
        print(
            f"  {kind:<24} {summary(samples, 'ms', 1e3)}; "
            f"results on the page: {min(hits)}–{max(hits)}"
        )
    print(f"search_services, all queries: {summary(service_times, 'ms', 1e3)}")
    for kind, samples in page_by_kind.items():
        print(f"  GET, {kind:<19} {summary(samples, 'ms', 1e3)}")
    print(f"GET {url}?q=… (whole page):  {summary(page_times, 'ms', 1e3)}")


if __name__ == "__main__":
    main()
