"""The timeline of a person with a long history: server-side time of the page.

    uv run python bench/casework_timeline.py [--events 500] [--requests 200]

One person in a demo centre gets `--events` events a social worker can see, entered by
the centre's demo staff through the casework services: contacts with requests, services,
general notes, needs assessments, social histories, social research, an action plan with
its goals and steps, documents, and the case — plus psychological and legal notes the
social worker may not read (they must be filtered out, not shown). Then measures, signed
in as the social worker, a GET of the timeline page (`casework:timeline`) and, alone,
`casework.timeline.timeline_for`. Target: p95 ≤ 150 ms for the page.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock

from common import bench_database, demo_centre, setup_django, signed_in_client, summary, timed

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def build_history(staff, person, events: int, today: date) -> int:
    """Create the history through the services; returns how many events the social
    worker sees (the target `events`, give or take a step)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from casework.assessments import (
        assessment_record,
        social_history_write,
        social_research_request,
    )
    from casework.cases import case_open
    from casework.deliveries import service_record
    from casework.documents import document_upload
    from casework.models.choices import (
        ContactChannel,
        NeedDomain,
        RequestCategory,
        RequestOutcome,
        ServiceKind,
    )
    from casework.notes import note_write
    from casework.plans import goal_add, plan_create, step_add
    from casework.reception import RequestInput, contact_record

    worker = staff.social_worker
    # Shares of what the social worker sees, roughly as in a long-followed case.
    shares = {"contact": 0.40, "service": 0.24, "note": 0.16, "assessment": 0.06}
    shares |= {"history": 0.02, "research": 0.01, "document": 0.03}
    counts = {kind: max(1, round(events * share)) for kind, share in shares.items()}
    steps = events - 1 - sum(counts.values()) - 1  # minus the case and the plan itself
    # Dates step back a week at a time over two years, so kinds interleave in the list.
    day = (today - timedelta(days=(7 * i) % 730) for i in range(10 * events))

    def moment() -> datetime:
        return timezone.make_aware(datetime.combine(next(day), clock(10, 30)))

    case_open(actor=worker, person=person, unit=person.unit, opened_on=today - timedelta(730))
    categories = list(RequestCategory.values)
    for i in range(counts["contact"]):
        contact_record(
            actor=worker,
            person=person,
            unit=person.unit,
            channel=ContactChannel.WALK_IN if i % 3 else ContactChannel.PHONE,
            occurred_at=moment(),
            requests=[
                RequestInput(categories[i % len(categories)], "Αίτημα", RequestOutcome.SERVED),
                RequestInput(RequestCategory.INFORMATION, "", RequestOutcome.INFORMED),
            ][: 1 + i % 2],
            summary="Συνάντηση παρακολούθησης.",
        )
    kinds = [
        (ServiceKind.COUNSELLING, worker),
        (ServiceKind.APPLICATION_SUPPORT, worker),
        (ServiceKind.PSYCHOLOGICAL_SESSION, staff.psychologist),
        (ServiceKind.LEGAL_COUNSELLING, staff.lawyer),
        (ServiceKind.INTERPRETATION, staff.mediator),
    ]
    for i in range(counts["service"]):
        kind, actor = kinds[i % len(kinds)]
        service_record(
            actor=actor, person=person, kind=kind, delivered_on=next(day), duration_minutes=45
        )
    for i in range(counts["note"]):
        note_write(actor=worker, person=person, kind="general", text=f"Σημείωση {i}.")
    for _ in range(max(1, counts["note"] // 8)):  # not for the social worker's eyes
        note_write(actor=staff.psychologist, person=person, kind="psychological", text="Ψ.")
        note_write(actor=staff.lawyer, person=person, kind="legal", text="Ν.")
    domains = list(NeedDomain.values)
    for i in range(counts["assessment"]):
        scores = {domains[(i + k) % len(domains)]: ((i + k) % 5, "") for k in range(5)}
        assessment_record(actor=worker, person=person, scores=scores, assessed_on=next(day))
    for i in range(counts["history"]):
        social_history_write(actor=worker, person=person, text=f"Κοινωνικό ιστορικό, έκδοση {i}.")
    for _ in range(counts["research"]):
        social_research_request(
            actor=worker,
            person=person,
            requested_by="Εισαγγελία Ανηλίκων Καλαμάτας",
            purpose="Κοινωνική έρευνα.",
            requested_on=next(day),
        )
    with tempfile.TemporaryDirectory() as folder:
        from django.test import override_settings

        with override_settings(KENTRO_DOCUMENTS_DIR=folder):
            for i in range(counts["document"]):
                upload = SimpleUploadedFile(f"e1-{i}.pdf", PDF, "application/pdf")
                document_upload(actor=worker, person=person, upload=upload, doc_type="tax_return")
    plan = plan_create(actor=worker, person=person)
    goals = [goal_add(actor=worker, plan=plan, need=d, description="Στόχος") for d in domains]
    for i in range(steps):
        step_add(
            actor=worker,
            goal=goals[i % len(goals)],
            description=f"Βήμα {i}",
            owner="staff",
            owner_staff=worker.user,
            due_on=next(day),
        )
    return 1 + sum(counts.values()) + 1 + steps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--profile", action="store_true", help="print where one page GET spends its time"
    )
    args = parser.parse_args()
    os.environ.setdefault("TEST_DATABASE_NAME", "kentro_bench_timeline")
    setup_django()
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone

    from casework.demo import DemoStaff
    from casework.registry import beneficiary_register
    from casework.timeline import timeline_for
    from geography.models import Municipality
    from kentro.runtime import tune_garbage_collector

    with bench_database():
        tenant = demo_centre("kalamata")
        connection.set_tenant(tenant)
        staff = DemoStaff.of(tenant)
        person = beneficiary_register(
            actor=staff.social_worker,
            data={
                "first_name": "Ελένη",
                "last_name": "Ιωάννου",
                "sex": "female",
                "birth_date": date(1979, 3, 14),
                "municipality": Municipality.objects.get(code=tenant.lead_municipality.code),
                "phone": "6944123456",
            },
        )
        started = time.perf_counter()
        visible = build_history(staff, person, args.events, timezone.localdate())
        print(f"history of {visible} events built in {time.perf_counter() - started:.0f} s")

        shown = len(timeline_for(staff.social_worker, person))
        assert shown == visible, (shown, visible)
        # As kentro.wsgi does in every web worker.
        tune_garbage_collector()
        service = [timed(lambda: timeline_for(staff.social_worker, person)) for _ in range(50)]

        url = reverse("casework:timeline", kwargs={"person_id": person.pk})
        client = signed_in_client(tenant, staff.social_worker.user)
        for _ in range(10):  # warm up
            assert client.get(url).status_code == 200
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(client.get, url)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            return
        pages = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            pages.append(time.perf_counter() - start)
            assert response.status_code == 200, response.status_code
        size = len(response.content)

    print(f"timeline of one person, {shown} events visible to a social worker")
    print(f"timeline_for (service):       {summary(service, 'ms', 1e3)}")
    print(f"GET {url} (page, {size // 1024} KiB): {summary(pages, 'ms', 1e3)}")


if __name__ == "__main__":
    main()
