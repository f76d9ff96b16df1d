"""Registry pages: search, registration, the person's file, households, consent, case,
merge, audit and data-subject export.

Every page reaches a person only through `beneficiary_for` (which audits the read) and
changes data only through the service functions, which check the role again. A service's
PermissionDenied becomes the 403 page; its ValidationError goes back into the form with
status 400 and nothing stored.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import Membership
from casework import audit, cases, consent, households, registry, rights
from casework.access import Actor, beneficiary_for, people_in_reach
from casework.models import (
    AuditEvent,
    Beneficiary,
    Case,
    ConsentRecord,
    Contact,
    Document,
    HouseholdMember,
    Note,
    ServiceDelivery,
)
from casework.models.choices import CaseStatus
from casework.permissions import Action
from casework.web.common import casework_view
from casework.web.forms_people import (
    CaseEditForm,
    CaseOpenForm,
    ConsentForm,
    HouseholdCreateForm,
    HouseholdLeaveForm,
    HouseholdMemberForm,
    MergeForm,
    PersonForm,
    PersonRegisterForm,
    PersonSearchForm,
    PickPersonForm,
)
from casework.web.presenting import export_sections, person_sections, side_by_side
from kentro.forms import show_service_errors

PAGE_SIZE = 25
AUDIT_PAGE_SIZE = 50

# --- Helpers ------------------------------------------------------------------------------


def _can(actor: Actor) -> dict[str, bool]:
    """What the acting member's role allows, for templates: {% if can.edit_person %}."""
    return {action.value: actor.may(action) for action in Action}


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200):
    context.setdefault("can", _can(request.actor))
    return render(request, f"casework/people/{template}", context, status=status)


def _in_reach(actor: Actor, people: list[Beneficiary]) -> tuple[list[Beneficiary], int]:
    """Split people into those the actor may open and a count of the others (never named)."""
    reachable = set(
        people_in_reach(actor).filter(pk__in=[p.pk for p in people]).values_list("pk", flat=True)
    )
    return [p for p in people if p.pk in reachable], sum(p.pk not in reachable for p in people)


def _reachable_or_none(actor: Actor, person: Beneficiary) -> Beneficiary | None:
    reachable, _hidden = _in_reach(actor, [person])
    return reachable[0] if reachable else None


def _with_current_case(people) -> None:
    """Annotate each person with their open case, else their latest one (cases prefetched)."""
    for person in people:
        all_cases = list(person.cases.all())
        person.current_case = next(
            (c for c in all_cases if c.status != CaseStatus.CLOSED),
            all_cases[0] if all_cases else None,
        )


def person_page(**actions: Action) -> Callable:
    """A page about one person: `GET=Action.X, POST=Action.Y` say which action each method
    needs. The person is reached (and the read audited) before anything else, so that
    "not yours" is a 404 whatever the method; a method the page does not take is then 405.
    The view receives the person instead of `person_id`.
    """
    allowed = sorted({*actions, *(["HEAD"] if "GET" in actions else [])})

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @casework_view
        @wraps(view)
        def wrapper(request: HttpRequest, person_id: int, **kwargs: Any) -> HttpResponse:
            method = "GET" if request.method == "HEAD" else request.method
            action = actions.get(method, Action.VIEW_PERSON)
            person = beneficiary_for(request.actor, person_id, action)
            if method not in actions:
                return HttpResponseNotAllowed(allowed)
            return view(request, person, **kwargs)

        return wrapper

    return decorator


# --- Search -------------------------------------------------------------------------------


@casework_view
@require_safe
def people(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    actor.require(Action.SEARCH_PEOPLE)
    form = PersonSearchForm(request.GET or None, actor=actor)
    page = None
    searched = form.has_criteria()
    if searched:
        results = (
            registry.search_people(actor=actor, **form.search_arguments())
            .select_related("municipality")
            .prefetch_related(Prefetch("cases", queryset=Case.objects.order_by("-opened_on")))
        )
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        _with_current_case(page.object_list)
    return _page(request, "search.html", {"form": form, "page": page, "searched": searched})


# --- Registration and editing -------------------------------------------------------------


@casework_view
@require_http_methods(["GET", "POST"])
def person_register(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    actor.require(Action.REGISTER_PERSON)
    form = PersonRegisterForm(request.POST or None, actor=actor)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST":
        if form.is_valid():
            try:
                person = registry.beneficiary_register(
                    actor=actor,
                    data=form.person_data(),
                    confirm_not_duplicate=form.cleaned_data["confirm_not_duplicate"],
                )
            except registry.DuplicatePerson as error:
                form.add_error(None, error)
                context["duplicate_of"] = _reachable_or_none(actor, error.existing)
            except registry.PossibleDuplicates as warning:
                candidates, hidden = _in_reach(actor, warning.candidates)
                context.update(candidates=candidates, hidden_candidates=hidden)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("%(name)s is registered.") % {"name": person.full_name})
                return redirect("casework:person_detail", person_id=person.pk)
        return _page(request, "register.html", context, status=400)
    return _page(request, "register.html", context)


@person_page(GET=Action.EDIT_PERSON, POST=Action.EDIT_PERSON)
def person_edit(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    actor = request.actor
    form = PersonForm(request.POST or None, actor=actor, initial=PersonForm.initial_for(person))
    context: dict[str, Any] = {"form": form, "person": person}
    if request.method == "POST":
        if form.is_valid():
            try:
                registry.beneficiary_update(actor=actor, person=person, data=form.person_data())
            except registry.DuplicatePerson as error:
                form.add_error(None, error)
                context["duplicate_of"] = _reachable_or_none(actor, error.existing)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The changes are saved."))
                return redirect("casework:person_detail", person_id=person.pk)
        # What was typed stays in the form; the person shown in the header is the stored one.
        person.refresh_from_db()
        return _page(request, "edit.html", context, status=400)
    return _page(request, "edit.html", context)


# --- The person's file --------------------------------------------------------------------


def _current_household(person: Beneficiary) -> HouseholdMember | None:
    return (
        HouseholdMember.objects.filter(beneficiary=person, left_on__isnull=True)
        .select_related("household")
        .first()
    )


def _latest_consents(person: Beneficiary) -> list[ConsentRecord]:
    """The latest record for each purpose: what the processing rests on today."""
    latest: dict[str, ConsentRecord] = {}
    for record in ConsentRecord.objects.filter(beneficiary=person).order_by("-given_on", "-id"):
        latest.setdefault(record.purpose, record)
    return list(latest.values())


@person_page(GET=Action.VIEW_PERSON)
def person_detail(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    actor = request.actor
    person = (
        Beneficiary.objects.select_related("municipality", "municipal_unit", "unit")
        .filter(pk=person.pk)
        .get()
    )
    membership = _current_household(person)
    members = []
    if membership is not None:
        members = list(
            membership.household.members.filter(left_on__isnull=True).select_related("beneficiary")
        )
    person_cases = []
    if actor.may(Action.VIEW_CASE):
        person_cases = list(
            person.cases.select_related("unit")
            .prefetch_related("caseworkers")
            .order_by("-opened_on", "-id")
        )
    context = {
        "person": person,
        "sections": person_sections(person),
        "consents": _latest_consents(person),
        "household_membership": membership,
        "household_members": members,
        "cases": person_cases,
        "has_open_case": any(c.status != CaseStatus.CLOSED for c in person_cases),
    }
    return _page(request, "detail.html", context)


# --- Consent ------------------------------------------------------------------------------


@person_page(GET=Action.MANAGE_CONSENT, POST=Action.MANAGE_CONSENT)
def consents(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    actor = request.actor
    form = ConsentForm(request.POST or None, person=person)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                consent.consent_record(actor=actor, person=person, **form.cleaned_data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The consent is recorded."))
                return redirect("casework:consents", person_id=person.pk)
        status = 400
    records = ConsentRecord.objects.filter(beneficiary=person).select_related(
        "document", "recorded_by"
    )
    context = {"person": person, "form": form, "records": records}
    return _page(request, "consents.html", context, status=status)


@person_page(POST=Action.MANAGE_CONSENT)
def consent_withdraw(request: HttpRequest, person: Beneficiary, consent_id: int) -> HttpResponse:
    actor = request.actor
    record = get_object_or_404(ConsentRecord, pk=consent_id, beneficiary=person)
    try:
        consent.consent_withdraw(actor=actor, record=record)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The consent is withdrawn."))
    return redirect("casework:consents", person_id=person.pk)


# --- Household ----------------------------------------------------------------------------


def _household_page(
    request: HttpRequest,
    person: Beneficiary,
    *,
    create_form: HouseholdCreateForm | None = None,
    member_form: HouseholdMemberForm | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = request.actor
    membership = _current_household(person)
    history: list[HouseholdMember] = []
    if membership is not None:
        history = list(
            membership.household.members.select_related("beneficiary").order_by(
                "left_on", "joined_on", "id"
            )
        )
    current = [m for m in history if m.left_on is None]
    # Earlier households the person belonged to, for the history of their membership.
    past = (
        HouseholdMember.objects.filter(beneficiary=person, left_on__isnull=False)
        .select_related("household__head")
        .order_by("-left_on")
    )
    pick_form = PickPersonForm(request.GET or None)
    found: list[Beneficiary] = []
    searched = False
    if membership is not None and actor.may(Action.MANAGE_HOUSEHOLD) and pick_form.is_valid():
        query = pick_form.cleaned_data["q"].strip()
        if query:
            searched = True
            found = list(
                registry.search_people(actor=actor, query=query)
                .exclude(pk=person.pk)
                .select_related("municipality")[:10]
            )
    context = {
        "person": person,
        "membership": membership,
        "household": membership.household if membership else None,
        "current": current,
        "monthly_income": sum((m.monthly_income for m in current), Decimal(0)),
        "former": [m for m in history if m.left_on is not None],
        "past": past,
        "create_form": create_form or HouseholdCreateForm(),
        "member_form": member_form or HouseholdMemberForm(),
        "leave_form": HouseholdLeaveForm(),
        "pick_form": pick_form,
        "found": found,
        "searched": searched,
    }
    return _page(request, "household.html", context, status=status)


@person_page(GET=Action.VIEW_PERSON, POST=Action.MANAGE_HOUSEHOLD)
def household(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    """GET: the household and its history. POST: create one with the person as head."""
    actor = request.actor
    if request.method != "POST":
        return _household_page(request, person)
    form = HouseholdCreateForm(request.POST)
    if form.is_valid():
        try:
            households.household_create(
                actor=actor,
                head=person,
                address=form.cleaned_data["address"],
                monthly_income=form.cleaned_data["monthly_income"] or Decimal(0),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The household is created."))
            return redirect("casework:household", person_id=person.pk)
    return _household_page(request, person, create_form=form, status=400)


@person_page(POST=Action.MANAGE_HOUSEHOLD)
def household_member_add(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    actor = request.actor
    membership = _current_household(person)
    if membership is None:
        raise Http404
    form = HouseholdMemberForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        member_id = data.pop("beneficiary")
        member_person = None
        if member_id:
            try:
                member_person = beneficiary_for(actor, member_id, Action.MANAGE_HOUSEHOLD)
            except Http404:
                member_person = None
            if member_person is None or member_person.merged_into_id:
                form.add_error(None, _("Choose a registered person from the search results."))
        if not form.errors:
            try:
                households.household_member_add(
                    actor=actor,
                    household=membership.household,
                    beneficiary=member_person,
                    **data,
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The member is added to the household."))
                return redirect("casework:household", person_id=person.pk)
    return _household_page(request, person, member_form=form, status=400)


@person_page(POST=Action.MANAGE_HOUSEHOLD)
def household_member_leave(
    request: HttpRequest, person: Beneficiary, member_id: int
) -> HttpResponse:
    actor = request.actor
    membership = _current_household(person)
    if membership is None:
        raise Http404
    member = get_object_or_404(
        HouseholdMember.objects.select_related("household"),
        pk=member_id,
        household=membership.household,
    )
    form = HouseholdLeaveForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("casework:household", person_id=person.pk)
    try:
        households.household_member_leave(
            actor=actor, member=member, left_on=form.cleaned_data["left_on"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The member's leaving is recorded."))
    return redirect("casework:household", person_id=person.pk)


# --- Case file ----------------------------------------------------------------------------


@person_page(GET=Action.MANAGE_CASE, POST=Action.MANAGE_CASE)
def case_open(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    actor = request.actor
    form = CaseOpenForm(request.POST or None, actor=actor)
    open_case = person.cases.exclude(status=CaseStatus.CLOSED).first()
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                case = cases.case_open(
                    actor=actor,
                    person=person,
                    unit=data["unit"],
                    caseworkers=list(data["caseworkers"]),
                    opened_on=data["opened_on"],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The case is opened."))
                return redirect("casework:case_edit", person_id=person.pk, case_id=case.pk)
        context = {"person": person, "form": form, "open_case": open_case}
        return _page(request, "case_open.html", context, status=400)
    return _page(
        request, "case_open.html", {"person": person, "form": form, "open_case": open_case}
    )


@person_page(GET=Action.MANAGE_CASE, POST=Action.MANAGE_CASE)
def case_edit(request: HttpRequest, person: Beneficiary, case_id: int) -> HttpResponse:
    actor = request.actor
    case = get_object_or_404(
        Case.objects.select_related("unit").prefetch_related("caseworkers"),
        pk=case_id,
        beneficiary=person,
    )
    form = CaseEditForm(request.POST or None, actor=actor, initial=CaseEditForm.initial_for(case))
    if request.method == "POST":
        if form.is_valid():
            try:
                cases.case_update(actor=actor, case=case, data=form.case_data())
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The case is saved."))
                return redirect("casework:person_detail", person_id=person.pk)
        case.refresh_from_db()
        return _page(
            request, "case_edit.html", {"person": person, "case": case, "form": form}, status=400
        )
    return _page(request, "case_edit.html", {"person": person, "case": case, "form": form})


# --- Merge --------------------------------------------------------------------------------


def _history_counts(person: Beneficiary) -> dict[str, int]:
    return {
        "cases": Case.objects.filter(beneficiary=person).count(),
        "contacts": Contact.objects.filter(beneficiary=person).count(),
        "services": ServiceDelivery.objects.filter(beneficiary=person).count(),
        "notes": Note.objects.filter(beneficiary=person).count(),
        "documents": Document.objects.filter(beneficiary=person).count(),
    }


def _merge_confirm(
    request: HttpRequest, person: Beneficiary, other: Beneficiary, form: MergeForm, status: int
) -> HttpResponse:
    context = {
        "person": person,
        "other": other,
        "form": form,
        "rows": side_by_side(person, other),
        "this_counts": _history_counts(person),
        "other_counts": _history_counts(other),
    }
    return _page(request, "merge_confirm.html", context, status=status)


@person_page(GET=Action.MERGE_PEOPLE, POST=Action.MERGE_PEOPLE)
def person_merge(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    """Coordinator: find the other record, compare side by side, then merge."""
    actor = request.actor
    if request.method == "POST":
        form = MergeForm(request.POST)
        if not form.is_valid():
            return _page(request, "merge_pick.html", {"person": person, "errors": form.errors}, 400)
        other = beneficiary_for(actor, form.cleaned_data["other_id"], Action.MERGE_PEOPLE)
        keep, duplicate = person, other
        if form.cleaned_data["keep"] == MergeForm.KEEP_OTHER:
            keep, duplicate = other, person
        try:
            kept = registry.beneficiaries_merge(actor=actor, keep=keep, duplicate=duplicate)
        except ValidationError as error:
            form.add_error(None, error)
            return _merge_confirm(request, person, other, form, status=400)
        messages.success(request, _("The two records are merged; all history is kept here."))
        return redirect("casework:person_detail", person_id=kept.pk)

    other_id = request.GET.get("other_id", "")
    if other_id.isdigit():
        other = beneficiary_for(actor, int(other_id), Action.MERGE_PEOPLE)
        form = MergeForm(initial={"other_id": other.pk})
        if other.pk == person.pk or other.merged_into_id or person.merged_into_id:
            form.add_error(None, _("Choose another record that has not been merged."))
        return _merge_confirm(request, person, other, form, status=200)

    pick_form = PickPersonForm(request.GET or None)
    found: list[Beneficiary] = []
    searched = False
    if pick_form.is_valid() and pick_form.cleaned_data["q"].strip():
        searched = True
        found = list(
            registry.search_people(actor=actor, query=pick_form.cleaned_data["q"])
            .exclude(pk=person.pk)
            .select_related("municipality")[:25]
        )
    similar, _hidden = _in_reach(
        actor,
        registry.find_possible_duplicates(
            first_name=person.first_name,
            last_name=person.last_name,
            birth_date=person.birth_date,
            exclude_id=person.pk,
        ),
    )
    context = {
        "person": person,
        "pick_form": pick_form,
        "found": found,
        "searched": searched,
        "similar": similar,
    }
    return _page(request, "merge_pick.html", context)


# --- Audit --------------------------------------------------------------------------------


@person_page(GET=Action.VIEW_AUDIT)
def person_audit(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    """Coordinator: who read or changed this person's record, when and from where."""
    # Records merged into this one keep their own trail; it is shown here too.
    ids = [person.pk, *person.merged_records.values_list("pk", flat=True)]
    events = AuditEvent.objects.filter(beneficiary_id__in=ids).select_related("user")
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return _page(request, "audit.html", {"person": person, "page": page})


@casework_view
@require_safe
def staff_audit(request: HttpRequest, user_id: int) -> HttpResponse:
    """Coordinator: what one staff member of the centre did, newest first."""
    actor = request.actor
    actor.require(Action.VIEW_AUDIT)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), tenant=actor.membership.tenant, user_id=user_id
    )
    events = AuditEvent.objects.filter(user_id=user_id)
    if actor.municipality_id is not None:
        # A coordinator limited to one municipality sees only what touched its people.
        events = events.filter(
            beneficiary_id__in=people_in_reach(actor, include_merged=True).values("pk")
        )
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    ids = {event.beneficiary_id for event in page.object_list if event.beneficiary_id}
    names = {p.pk: p for p in people_in_reach(actor, include_merged=True).filter(pk__in=ids)}
    for event in page.object_list:
        event.person = names.get(event.beneficiary_id)
    # Reading the trail names people, so the reading is itself on the trail.
    audit.record(
        request=request,
        user=actor.user,
        action=AuditEvent.Action.VIEW,
        object_type="audit_trail",
        detail={"staff_user": user_id},
    )
    return _page(request, "staff_audit.html", {"staff_member": membership.user, "page": page})


# --- Data-subject export ------------------------------------------------------------------


@person_page(GET=Action.EXPORT_PERSON)
def person_export(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    details, sections = export_sections(rights.person_export(request.actor, person))
    context = {"person": person, "details": details, "sections": sections}
    return _page(request, "export.html", context)


@person_page(GET=Action.EXPORT_PERSON)
def person_export_json(request: HttpRequest, person: Beneficiary) -> HttpResponse:
    response = JsonResponse(
        rights.person_export(request.actor, person),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


urlpatterns = [
    path("people/", people, name="people"),
    path("people/register/", person_register, name="person_register"),
    path("people/<int:person_id>/", person_detail, name="person_detail"),
    path("people/<int:person_id>/edit/", person_edit, name="person_edit"),
    path("people/<int:person_id>/merge/", person_merge, name="person_merge"),
    path("people/<int:person_id>/consents/", consents, name="consents"),
    path(
        "people/<int:person_id>/consents/<int:consent_id>/withdraw/",
        consent_withdraw,
        name="consent_withdraw",
    ),
    path("people/<int:person_id>/household/", household, name="household"),
    path(
        "people/<int:person_id>/household/members/",
        household_member_add,
        name="household_member_add",
    ),
    path(
        "people/<int:person_id>/household/members/<int:member_id>/leave/",
        household_member_leave,
        name="household_member_leave",
    ),
    path("people/<int:person_id>/case/open/", case_open, name="case_open"),
    path("people/<int:person_id>/cases/<int:case_id>/", case_edit, name="case_edit"),
    path("people/<int:person_id>/audit/", person_audit, name="person_audit"),
    path("audit/staff/<int:user_id>/", staff_audit, name="staff_audit"),
    path("people/<int:person_id>/export/", person_export, name="person_export"),
    path("people/<int:person_id>/export.json", person_export_json, name="person_export_json"),
]
