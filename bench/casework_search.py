"""People search on a centre with 100,000 people: server-side time per query.

    uv run python bench/casework_search.py [--people 100000] [--queries 300] [--explain]

Measures, for a mix of what staff type in the one search box (a Greek surname fragment,
an accent-free Latin name, an ΑΜΚΑ, a phone number, a name with a typo):
- `registry.search_people(...)` evaluated for one page of 25 people, and
- a GET of the people search page (`casework:people`) on the centre's host, signed in as
  its coordinator (form, count for the pager, the page, its cases, the template).
The people are inserted with `casework.demo.bulk_beneficiaries` (benchmark volume: bulk
rows computed with the registry's own helpers) and the table is vacuumed and analysed, as
autovacuum would have done on a live server. `--explain` prints EXPLAIN ANALYZE for one
query of each kind. Target: p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import defaultdict

from common import bench_database, demo_centre, setup_django, signed_in_client, summary

PAGE = 25


def _typo(rng: random.Random, word: str) -> str:
    """One letter swapped for the next in the alphabet, as a hurried typist does."""
    position = rng.randrange(1, len(word) - 1)
    letter = word[position]
    wrong = chr(ord(letter) + (-1 if letter in "ωzΩZ" else 1))
    return word[:position] + wrong + word[position + 1 :]


UNACCENTED = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")


def _queries(people: list, rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(kind, text) pairs drawn from real rows, the kinds in turn."""
    greek = [p for p in people if p.residence_status == "greek_eu"]
    with_amka = [p for p in people if p.amka]
    with_phone = [p for p in people if p.phone]

    def greek_fragment() -> str:
        return rng.choice(greek).last_name[: rng.randint(4, 6)]

    def greek_full_name() -> str:
        person = rng.choice(greek)
        return f"{person.first_name} {person.last_name}".lower().translate(UNACCENTED)

    def latin_name() -> str:
        person = rng.choice(people)
        return f"{person.last_name_latin} {person.first_name_latin[:3]}".lower()

    def phone() -> str:
        number = rng.choice(with_phone).phone  # +30 and ten digits
        return f"{number[3:6]} {number[6:9]} {number[9:]}"  # typed without +30, in groups

    makers = {
        "greek surname fragment": greek_fragment,
        "greek full name, no accents": greek_full_name,
        "latin name, accent-free": latin_name,
        "ΑΜΚΑ": lambda: rng.choice(with_amka).amka,
        "phone": phone,
        "surname with a typo": lambda: _typo(rng, rng.choice(greek).last_name),
    }
    kinds = list(makers)
    return [(kinds[i % len(kinds)], makers[kinds[i % len(kinds)]]()) for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("TEST_DATABASE_NAME", "kentro_bench_search")
    setup_django()
    from django.db import connection
    from django.urls import NoReverseMatch, reverse

    from accounts.models import Membership
    from accounts.roles import Role
    from casework.access import Actor
    from casework.demo import bulk_beneficiaries
    from casework.models import Beneficiary
    from casework.registry import search_people

    with bench_database():
        tenant = demo_centre("kalamata")
        membership = Membership.objects.select_related("user", "tenant", "unit").get(
            tenant=tenant, role=Role.COORDINATOR
        )
        started = time.perf_counter()
        bulk_beneficiaries(tenant, count=args.people, seed=2026)
        print(f"{args.people} people inserted in {time.perf_counter() - started:.0f} s")
        connection.set_tenant(tenant)
        with connection.cursor() as cursor:
            # What autovacuum does on a live server: statistics, and the GIN indexes'
            # pending lists merged (the rows arrived after the indexes were built).
            cursor.execute("VACUUM ANALYZE casework_beneficiary")
        actor = Actor(user=membership.user, membership=membership)
        rng = random.Random(7)  # noqa: S311  (benchmark sampling)
        sample = list(Beneficiary.objects.order_by("?")[:5000])
        queries = _queries(sample, rng, args.queries)

        def run_service(text: str) -> int:
            return len(list(search_people(actor=actor, query=text)[:PAGE]))

        if args.explain:
            seen = set()
            for kind, text in queries:
                if kind in seen:
                    continue
                seen.add(kind)
                sql, params = search_people(actor=actor, query=text)[:PAGE].query.sql_with_params()
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                    plan = "\n    ".join(row[0] for row in cursor.fetchall())
                print(f"\n{kind}: {text!r}\n    {plan}")
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

        page_times: list[float] = []
        page_by_kind: dict[str, list[float]] = defaultdict(list)
        try:
            url = reverse("casework:people", urlconf="kentro.urls_tenant")
        except NoReverseMatch:
            url = None
        if url is not None:
            client = signed_in_client(tenant, membership.user)
            for _kind, text in queries[:20]:
                client.get(url, {"q": text})
            for kind, text in queries:
                start = time.perf_counter()
                response = client.get(url, {"q": text})
                elapsed = time.perf_counter() - start
                page_times.append(elapsed)
                page_by_kind[kind].append(elapsed)
                assert response.status_code == 200, response.status_code
        connection.set_schema_to_public()

    print(f"people search on {args.people} people, page of {PAGE}, {len(queries)} queries")
    for kind, samples in by_kind.items():
        hits = found[kind]
        print(
            f"  {kind:<28} {summary(samples, 'ms', 1e3)}; "
            f"results on the page: {min(hits)}–{max(hits)}"
        )
    print(f"search_people, all queries:  {summary(service_times, 'ms', 1e3)}")
    if page_times:
        for kind, samples in page_by_kind.items():
            print(f"  GET, {kind:<23} {summary(samples, 'ms', 1e3)}")
        print(f"GET {url}?q=… (whole page):  {summary(page_times, 'ms', 1e3)}")
    else:
        print("GET casework:people: no such page yet")


if __name__ == "__main__":
    main()
