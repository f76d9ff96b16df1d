"""Daily work pages: timeline, reception, assessments, plans, services, notes, documents.

Every page reaches the person through `beneficiary_for` (which audits the read) before it
looks at the method or the form, so someone out of reach gets the same 404 for anything.
Writes go through the casework services; their ValidationError re-renders the form with
status 400 and nothing stored, their PermissionDenied becomes the 403 page.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms import BaseForm
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
)
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework import notes as note_service
from casework import plans as plan_service
from casework.access import Actor, beneficiary_for
from casework.assessments import (
    assessment_record,
    social_history_write,
    social_research_complete,
    social_research_request,
)
from casework.deliveries import PROFESSION_SERVICES, service_record
from casework.documents import document_for_download, document_upload
from casework.models import (
    ActionPlan,
    Beneficiary,
    BreakGlassAccess,
    Contact,
    Document,
    NeedsAssessment,
    NeedScore,
    PlanGoal,
    PlanReview,
    PlanStep,
    ServiceDelivery,
    SocialHistory,
    SocialResearch,
)
from casework.models.choices import NeedDomain, NoteKind, ServiceKind
from casework.notes import READ, WRITE, break_glass_log, note_write, notes_for, readable_note_kinds
from casework.permissions import Action
from casework.plans import plan_create, plan_progress, step_set_status
from casework.reception import RequestInput, contact_record
from casework.timeline import timeline_for
from casework.web import forms_work as forms
from casework.web.common import casework_view
from kentro.forms import show_service_errors
from tenants.models import Unit

# --- Shared helpers -----------------------------------------------------------------------


def _person(request: HttpRequest, person_id: int, action: Action) -> Beneficiary:
    return beneficiary_for(request.actor, person_id, action)


def _post_only(request: HttpRequest) -> HttpResponse | None:
    # Checked after the person is reached, so an outsider gets 404, not 405.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def _tenant(request: HttpRequest):
    return request.actor.membership.tenant


def _default_unit(actor: Actor, municipality_id: int | None) -> Unit | None:
    """The member's own unit; else the unit serving the municipality in view."""
    if actor.membership.unit_id is not None:
        return actor.membership.unit
    units = Unit.objects.filter(tenant=actor.membership.tenant)
    if municipality_id is not None:
        serving = units.filter(municipalities__id=municipality_id)
        # A partner municipality is usually served on site by the Mobile Unit.
        return serving.order_by("kind").first() or units.first()
    return units.first()


def _municipality_in_view(request: HttpRequest) -> int | None:
    municipality = getattr(request, "municipality", None)
    return request.actor.municipality_id or (municipality.pk if municipality else None)


# --- Timeline -----------------------------------------------------------------------------

# Filter value → the timeline kinds it shows, with its label.
TIMELINE_FILTERS = {
    "contact": ({"contact"}, gettext_lazy("Contacts")),
    "assessment": ({"assessment"}, gettext_lazy("Assessments")),
    "history": ({"social_history", "social_research"}, gettext_lazy("Social history and research")),
    "plan": ({"plan", "step"}, gettext_lazy("Action plan")),
    "service": ({"service"}, gettext_lazy("Services")),
    "document": ({"document"}, gettext_lazy("Documents")),
    "note": ({"note"}, gettext_lazy("Notes")),
    "case": ({"case"}, gettext_lazy("Case")),
}


@casework_view
def timeline(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.VIEW_CASE)
    events = timeline_for(request.actor, person)
    selected = request.GET.get("kind", "")
    if selected in TIMELINE_FILTERS:
        shown = TIMELINE_FILTERS[selected][0]
        events = [event for event in events if event.kind in shown]
    else:
        selected = ""
    filters = [(value, label) for value, (_kinds, label) in TIMELINE_FILTERS.items()]
    return render(
        request,
        "casework/work/timeline.html",
        {"person": person, "events": events, "filters": filters, "selected": selected},
    )


# --- Reception ----------------------------------------------------------------------------


def _request_inputs(formset) -> list[RequestInput]:
    return [
        RequestInput(
            category=form.cleaned_data["category"],
            description=form.cleaned_data["description"],
            outcome=form.cleaned_data["outcome"],
        )
        for form in formset.forms
        if form.has_changed() and form.cleaned_data
    ]


@casework_view
def contact_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.RECORD_CONTACT)
    actor = request.actor
    place = {"tenant": _tenant(request), "municipality_id": actor.municipality_id}
    if request.method == "POST":
        form = forms.ContactForm(request.POST, **place)
        formset = forms.RequestFormSet(request.POST, prefix=forms.REQUESTS_PREFIX)
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            try:
                contact_record(
                    actor=actor,
                    person=person,
                    unit=data["unit"],
                    channel=data["channel"],
                    occurred_at=data["occurred_at"],
                    requests=_request_inputs(formset),
                    mediator=data["mediator"],
                    language=data["language"],
                    duration_minutes=data["duration_minutes"],
                    summary=data["summary"],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The contact was recorded."))
                return redirect("casework:timeline", person_id=person.pk)
        status = 400
    else:
        unit = _default_unit(actor, person.municipality_id)
        form = forms.ContactForm(
            initial={
                "occurred_at": timezone.localtime().replace(second=0, microsecond=0),
                "unit": unit.pk if unit else None,
                "language": person.interpreter_language,
            },
            **place,
        )
        formset = forms.RequestFormSet(prefix=forms.REQUESTS_PREFIX)
        status = 200
    return render(
        request,
        "casework/work/contact_form.html",
        {"person": person, "form": form, "formset": formset},
        status=status,
    )


@casework_view
def request_row(request: HttpRequest) -> HttpResponse:
    """One more request row for the contact form (htmx), with the formset's new total."""
    request.actor.require(Action.RECORD_CONTACT)
    try:
        index = int(request.GET.get(f"{forms.REQUESTS_PREFIX}-TOTAL_FORMS", "1"))
    except ValueError:
        index = 1
    index = max(0, min(index, forms.RequestFormSet.max_num - 1))
    form = forms.RequestForm(prefix=f"{forms.REQUESTS_PREFIX}-{index}")
    return render(
        request,
        "casework/work/_request_row.html",
        {"row": form, "total": index + 1, "prefix": forms.REQUESTS_PREFIX},
    )


@casework_view
def anonymous_request(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    actor.require(Action.RECORD_ANONYMOUS_REQUEST)
    in_view = _municipality_in_view(request)
    place = {"tenant": _tenant(request), "municipality_id": actor.municipality_id}
    status = 200
    if request.method == "POST":
        form = forms.AnonymousRequestForm(request.POST, **place)
        if form.is_valid():
            data = form.cleaned_data
            try:
                contact_record(
                    actor=actor,
                    person=None,
                    unit=data["unit"],
                    municipality=data["municipality"],
                    channel=data["channel"],
                    occurred_at=timezone.now(),
                    language=data["language"],
                    requests=[
                        RequestInput(category=category, outcome=data["outcome"])
                        for category in data["categories"]
                    ],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The anonymous request was recorded."))
                return redirect("casework:anonymous_request")
        status = 400
    else:
        unit = _default_unit(actor, in_view)
        form = forms.AnonymousRequestForm(
            initial={"municipality": in_view, "unit": unit.pk if unit else None}, **place
        )
    today = Contact.objects.filter(
        beneficiary__isnull=True, staff=actor.user, occurred_at__date=timezone.localdate()
    ).count()
    return render(
        request,
        "casework/work/anonymous_request.html",
        {"form": form, "recorded_today": today},
        status=status,
    )


# --- Needs assessment ---------------------------------------------------------------------


def _assessments(person: Beneficiary):
    return (
        NeedsAssessment.objects.filter(beneficiary=person)
        .select_related("assessed_by")
        .prefetch_related("scores")
        .order_by("-version")
    )


@casework_view
def assessment_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.ASSESS_NEEDS)
    previous = _assessments(person).first()
    if request.method == "POST":
        form = forms.AssessmentForm(request.POST, previous=previous)
        if form.is_valid():
            try:
                assessment = assessment_record(
                    actor=request.actor,
                    person=person,
                    scores=form.scores(),
                    summary=form.cleaned_data["summary"],
                    assessed_on=form.cleaned_data["assessed_on"],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The needs assessment was saved."))
                return redirect(
                    "casework:assessment_detail", person_id=person.pk, assessment_id=assessment.pk
                )
        status = 400
    else:
        form = forms.AssessmentForm(previous=previous)
        status = 200
    return render(
        request,
        "casework/work/assessment_form.html",
        {"person": person, "form": form, "previous": previous},
        status=status,
    )


@casework_view
def assessment_detail(request: HttpRequest, person_id: int, assessment_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.VIEW_CASE)
    versions = list(_assessments(person))
    index = next((i for i, a in enumerate(versions) if a.pk == assessment_id), None)
    if index is None:
        raise Http404
    assessment = versions[index]
    previous = versions[index + 1] if index + 1 < len(versions) else None
    current = {s.domain: s for s in assessment.scores.all()}
    before = {s.domain: s for s in previous.scores.all()} if previous else {}
    rows = [
        {
            "label": label,
            "score": current.get(domain),
            "severity_label": (
                NeedScore.SEVERITY_LABELS[current[domain].severity] if domain in current else ""
            ),
            "previous": before.get(domain),
            "change": (
                current[domain].severity - before[domain].severity
                if domain in current and domain in before
                else None
            ),
        }
        for domain, label in NeedDomain.choices
    ]
    return render(
        request,
        "casework/work/assessment_detail.html",
        {
            "person": person,
            "assessment": assessment,
            "previous": previous,
            "rows": rows,
            "versions": versions,
            "may_assess": request.actor.may(Action.ASSESS_NEEDS),
        },
    )


# --- Social history and social research ---------------------------------------------------


@casework_view
def social_history(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.VIEW_CASE)
    versions = list(
        SocialHistory.objects.filter(beneficiary=person)
        .select_related("written_by")
        .order_by("-version")
    )
    latest = versions[0] if versions else None
    may_write = request.actor.may(Action.WRITE_SOCIAL_HISTORY)
    status = 200
    if request.method == "POST":
        request.actor.require(Action.WRITE_SOCIAL_HISTORY)
        form = forms.SocialHistoryForm(request.POST)
        if form.is_valid():
            try:
                social_history_write(
                    actor=request.actor,
                    person=person,
                    text=form.cleaned_data["text"],
                    review_due=form.cleaned_data["review_due"],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("A new version of the social history was saved."))
                return redirect("casework:social_history", person_id=person.pk)
        status = 400
    else:
        initial = {"text": latest.text, "review_due": latest.review_due} if latest else {}
        form = forms.SocialHistoryForm(initial=initial)
    return render(
        request,
        "casework/work/social_history.html",
        {
            "person": person,
            "latest": latest,
            "versions": versions,
            "form": form if may_write else None,
            "today": timezone.localdate(),
        },
        status=status,
    )


def _research_page(
    request: HttpRequest, person: Beneficiary, form, status: int = 200
) -> HttpResponse:
    research = SocialResearch.objects.filter(beneficiary=person).select_related("assigned_to")
    return render(
        request,
        "casework/work/social_research.html",
        {
            "person": person,
            "research": research,
            "form": form,
            "may_manage": request.actor.may(Action.MANAGE_SOCIAL_RESEARCH),
        },
        status=status,
    )


@casework_view
def social_research(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.VIEW_CASE)
    if request.method != "POST":
        return _research_page(request, person, forms.SocialResearchForm())
    request.actor.require(Action.MANAGE_SOCIAL_RESEARCH)
    form = forms.SocialResearchForm(request.POST)
    if form.is_valid():
        try:
            social_research_request(actor=request.actor, person=person, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The social research was recorded."))
            return redirect("casework:social_research", person_id=person.pk)
    return _research_page(request, person, form, status=400)


@casework_view
def social_research_complete_view(
    request: HttpRequest, person_id: int, research_id: int
) -> HttpResponse:
    person = _person(request, person_id, Action.MANAGE_SOCIAL_RESEARCH)
    research = SocialResearch.objects.filter(pk=research_id, beneficiary=person).first()
    if research is None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = forms.SocialResearchCompleteForm(request.POST)
        if form.is_valid():
            try:
                social_research_complete(
                    actor=request.actor, research=research, report=form.cleaned_data["report"]
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The social research was completed."))
                return redirect("casework:social_research", person_id=person.pk)
        status = 400
    else:
        form = forms.SocialResearchCompleteForm(initial={"report": research.report})
    return render(
        request,
        "casework/work/social_research_complete.html",
        {"person": person, "research": research, "form": form},
        status=status,
    )


# --- Action plan --------------------------------------------------------------------------


def _plans(person: Beneficiary) -> list[ActionPlan]:
    steps = PlanStep.objects.select_related("owner_staff")
    return list(
        ActionPlan.objects.filter(beneficiary=person)
        .select_related("created_by")
        .prefetch_related(
            "goals",
            Prefetch("goals__steps", queryset=steps),
            Prefetch("reviews", queryset=PlanReview.objects.select_related("reviewed_by")),
        )
        .order_by("-created_on", "-id")
    )


def _assessed_needs(person: Beneficiary) -> dict[str, int]:
    latest = _assessments(person).first()
    return {s.domain: s.severity for s in latest.scores.all()} if latest else {}


def _plan_page(
    request: HttpRequest,
    person: Beneficiary,
    *,
    goal_form=None,
    step_forms: dict[int, BaseForm] | None = None,
    review_form=None,
    status: int = 200,
) -> HttpResponse:
    actor = request.actor
    plans = _plans(person)
    plan = next((p for p in plans if p.status == ActionPlan.Status.ACTIVE), None) or (
        plans[0] if plans else None
    )
    assessed = _assessed_needs(person)
    step_forms = step_forms or {}
    goals = []
    if plan is not None:
        for goal in plan.goals.all():
            form = step_forms.get(goal.pk) or forms.StepForm(
                tenant=_tenant(request), actor_user=actor.user, prefix=f"step-{goal.pk}"
            )
            goals.append({"goal": goal, "severity": assessed.get(goal.need), "step_form": form})
    return render(
        request,
        "casework/work/plan.html",
        {
            "person": person,
            "plan": plan,
            "older_plans": [p for p in plans if p is not plan],
            "progress": plan_progress(plan) if plan else 0,
            "goals": goals,
            "goal_form": goal_form or forms.GoalForm(assessed=assessed),
            "review_form": review_form or forms.PlanReviewForm(),
            "status_choices": PlanStep.Status.choices,
            "may_manage": actor.may(Action.MANAGE_PLAN),
            "assessed": assessed,
        },
        status=status,
    )


@casework_view
def plan(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.VIEW_CASE)
    if request.method != "POST":
        return _plan_page(request, person)
    try:
        plan_create(actor=request.actor, person=person)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _plan_page(request, person, status=400)
    messages.success(request, _("The action plan was started. Add its goals."))
    return redirect("casework:plan", person_id=person.pk)


def _plan_of(person: Beneficiary, plan_id: int) -> ActionPlan:
    found = ActionPlan.objects.filter(pk=plan_id, beneficiary=person).first()
    if found is None:
        raise Http404
    return found


@casework_view
def goal_add(request: HttpRequest, person_id: int, plan_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.MANAGE_PLAN)
    found = _plan_of(person, plan_id)
    if refused := _post_only(request):
        return refused
    form = forms.GoalForm(request.POST, assessed=_assessed_needs(person))
    if form.is_valid():
        try:
            goal = plan_service.goal_add(actor=request.actor, plan=found, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The goal was added."))
            return redirect(reverse("casework:plan", args=[person.pk]) + f"#goal-{goal.pk}")
    return _plan_page(request, person, goal_form=form, status=400)


@casework_view
def step_add(request: HttpRequest, person_id: int, goal_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.MANAGE_PLAN)
    goal = PlanGoal.objects.filter(pk=goal_id, plan__beneficiary=person).select_related("plan")
    goal = goal.first()
    if goal is None:
        raise Http404
    if refused := _post_only(request):
        return refused
    form = forms.StepForm(
        request.POST,
        tenant=_tenant(request),
        actor_user=request.actor.user,
        prefix=f"step-{goal.pk}",
    )
    if form.is_valid():
        try:
            plan_service.step_add(actor=request.actor, goal=goal, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The step was added."))
            return redirect(reverse("casework:plan", args=[person.pk]) + f"#goal-{goal.pk}")
    return _plan_page(request, person, step_forms={goal.pk: form}, status=400)


@casework_view
def step_status(request: HttpRequest, person_id: int, step_id: int) -> HttpResponse:
    """Change a step's status; htmx gets the row back (and the plan's new progress)."""
    person = _person(request, person_id, Action.MANAGE_PLAN)
    step = (
        PlanStep.objects.filter(pk=step_id, goal__plan__beneficiary=person)
        .select_related("goal__plan", "owner_staff")
        .first()
    )
    if step is None:
        raise Http404
    if refused := _post_only(request):
        return refused
    form = forms.StepStatusForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown status."), status=400, content_type="text/plain")
    step_set_status(actor=request.actor, step=step, status=form.cleaned_data["status"])
    if not request.headers.get("HX-Request"):
        messages.success(request, _("The step's status was changed."))
        return redirect(reverse("casework:plan", args=[person.pk]) + f"#step-{step.pk}")
    current = _plans(person)
    plan_now = next(p for p in current if p.pk == step.goal.plan_id)
    return render(
        request,
        "casework/work/_step_row.html",
        {
            "person": person,
            "step": step,
            "status_choices": PlanStep.Status.choices,
            "may_manage": True,
            "progress": plan_progress(plan_now),
            "oob_progress": True,
        },
    )


@casework_view
def plan_review(request: HttpRequest, person_id: int, plan_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.MANAGE_PLAN)
    found = _plan_of(person, plan_id)
    if refused := _post_only(request):
        return refused
    form = forms.PlanReviewForm(request.POST)
    if form.is_valid():
        try:
            plan_service.plan_review(
                actor=request.actor, plan=found, notes=form.cleaned_data["notes"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The review was recorded."))
            return redirect(reverse("casework:plan", args=[person.pk]) + "#reviews")
    return _plan_page(request, person, review_form=form, status=400)


# --- Services delivered -------------------------------------------------------------------


def _open_steps(person: Beneficiary):
    return (
        PlanStep.objects.filter(goal__plan__beneficiary=person, goal__plan__status="active")
        .exclude(status=PlanStep.Status.CANCELLED)
        .select_related("goal")
    )


@casework_view
def service_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.RECORD_SERVICE)
    actor = request.actor
    status = 200
    if request.method == "POST":
        form = forms.ServiceForm(request.POST, steps=_open_steps(person))
        if form.is_valid():
            try:
                service_record(actor=actor, person=person, **form.cleaned_data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The service was recorded."))
                return redirect("casework:service_new", person_id=person.pk)
        status = 400
    else:
        form = forms.ServiceForm(
            initial={"plan_step": request.GET.get("step")}, steps=_open_steps(person)
        )
    # Sessions of another profession are not offered (the service refuses them anyway).
    form.fields["kind"].choices = [
        (value, label)
        for value, label in ServiceKind.choices
        if PROFESSION_SERVICES.get(value, actor.role) == actor.role
    ]
    services = ServiceDelivery.objects.filter(beneficiary=person).select_related(
        "staff", "plan_step"
    )
    return render(
        request,
        "casework/work/services.html",
        {"person": person, "form": form, "services": services},
        status=status,
    )


# --- Notes and break-glass ----------------------------------------------------------------


@casework_view
def notes(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.READ_GENERAL_NOTES)
    actor = request.actor
    writable = [kind for kind, action in WRITE.items() if actor.may(action)]
    status = 200
    if request.method == "POST":
        form = forms.NoteForm(request.POST, kinds=writable)
        if form.is_valid():
            try:
                note_write(actor=actor, person=person, **form.cleaned_data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The note was saved."))
                return redirect("casework:notes", person_id=person.pk)
        status = 400
    else:
        form = forms.NoteForm(kinds=writable)
    readable = readable_note_kinds(actor, person)
    closed = [kind for kind in READ if kind not in readable]
    return render(
        request,
        "casework/work/notes.html",
        {
            "person": person,
            "notes": notes_for(actor, person),
            "form": form if writable else None,
            # Other professions' notes this member opened by break-glass, until when.
            "opened": BreakGlassAccess.objects.filter(
                beneficiary=person, user=actor.user, expires_at__gt=timezone.now()
            ),
            "closed": [NoteKind(k).label for k in closed],
            "may_break_glass": bool(closed) and actor.may(Action.BREAK_GLASS),
            "may_see_log": actor.may(Action.VIEW_AUDIT),
        },
        status=status,
    )


def _closed_kinds(actor: Actor, person: Beneficiary) -> list[str]:
    readable = readable_note_kinds(actor, person)
    return [k for k in (NoteKind.PSYCHOLOGICAL, NoteKind.LEGAL) if k not in readable]


@casework_view
def break_glass(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.BREAK_GLASS)
    actor = request.actor
    kinds = _closed_kinds(actor, person) or [NoteKind.PSYCHOLOGICAL, NoteKind.LEGAL]
    status = 200
    if request.method == "POST":
        form = forms.BreakGlassForm(request.POST, kinds=kinds)
        if form.is_valid():
            try:
                access = note_service.break_glass(actor=actor, person=person, **form.cleaned_data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.warning(
                    request,
                    _("%(kind)s opened until %(time)s. The access is recorded.")
                    % {
                        "kind": access.get_note_kind_display(),
                        "time": timezone.localtime(access.expires_at).strftime("%H:%M"),
                    },
                )
                return redirect("casework:notes", person_id=person.pk)
        status = 400
    else:
        form = forms.BreakGlassForm(kinds=kinds)
    return render(
        request,
        "casework/work/break_glass.html",
        {"person": person, "form": form},
        status=status,
    )


@casework_view
def break_glass_log_view(request: HttpRequest) -> HttpResponse:
    accesses = break_glass_log(request.actor)[:500]
    return render(
        request,
        "casework/work/break_glass_log.html",
        {"accesses": accesses, "now": timezone.now()},
    )


# --- Documents ----------------------------------------------------------------------------


@casework_view
def documents(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(request, person_id, Action.DOWNLOAD_DOCUMENT)
    status = 200
    if request.method == "POST":
        request.actor.require(Action.UPLOAD_DOCUMENT)
        form = forms.DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                document_upload(
                    actor=request.actor,
                    person=person,
                    upload=form.cleaned_data["file"],
                    doc_type=form.cleaned_data["doc_type"],
                    expires_on=form.cleaned_data["expires_on"],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The document was uploaded."))
                return redirect("casework:documents", person_id=person.pk)
        status = 400
    else:
        form = forms.DocumentForm()
    return render(
        request,
        "casework/work/documents.html",
        {
            "person": person,
            "documents": Document.objects.filter(beneficiary=person).select_related("uploaded_by"),
            "form": form,
            "today": timezone.localdate(),
        },
        status=status,
    )


@casework_view
def document_download(request: HttpRequest, document_id: int) -> HttpResponse:
    document = document_for_download(request.actor, document_id)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    # Served as what its bytes are and never rendered by the browser in our origin.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


PERSON = "people/<int:person_id>/"
urlpatterns = [
    path(f"{PERSON}timeline/", timeline, name="timeline"),
    path(f"{PERSON}contacts/new/", contact_new, name="contact_new"),
    path("reception/request-row/", request_row, name="request_row"),
    path("reception/", anonymous_request, name="anonymous_request"),
    path(f"{PERSON}assessments/new/", assessment_new, name="assessment_new"),
    path(f"{PERSON}assessments/<int:assessment_id>/", assessment_detail, name="assessment_detail"),
    path(f"{PERSON}social-history/", social_history, name="social_history"),
    path(f"{PERSON}social-research/", social_research, name="social_research"),
    path(
        f"{PERSON}social-research/<int:research_id>/complete/",
        social_research_complete_view,
        name="social_research_complete",
    ),
    path(f"{PERSON}plan/", plan, name="plan"),
    path(f"{PERSON}plan/<int:plan_id>/goals/", goal_add, name="goal_add"),
    path(f"{PERSON}plan/<int:plan_id>/reviews/", plan_review, name="plan_review"),
    path(f"{PERSON}plan/goals/<int:goal_id>/steps/", step_add, name="step_add"),
    path(f"{PERSON}plan/steps/<int:step_id>/status/", step_status, name="step_status"),
    path(f"{PERSON}services/new/", service_new, name="service_new"),
    path(f"{PERSON}notes/", notes, name="notes"),
    path(f"{PERSON}notes/break-glass/", break_glass, name="break_glass"),
    path("notes/break-glass-log/", break_glass_log_view, name="break_glass_log"),
    path(f"{PERSON}documents/", documents, name="documents"),
    path("documents/<int:document_id>/download/", document_download, name="document_download"),
]
