"""Referral pages: a person's referrals, a new one (picking a directory service), its detail
with history and actions, the printable letter, the receiving centre's inbox, and the
caseworker's overdue list.

As everywhere in casework, the person or referral is reached first (404 outside reach,
audited), then the method and the form; services decide. Their ValidationError re-renders
the page with status 400 and nothing stored; their PermissionDenied is the 403 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casework import audit
from casework.access import beneficiary_for
from casework.models import AuditEvent, Referral
from casework.permissions import Action
from casework.referrals import services
from casework.referrals.forms import AnswerForm, FollowUpForm, ReferralForm, SendForm
from casework.referrals.letter import referral_letter
from casework.referrals.lifecycle import TRANSITIONS, Side, Transition, available
from casework.web.common import casework_view
from kentro.forms import show_service_errors


def _post_only(request: HttpRequest) -> HttpResponse | None:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def _actions(status: str, kind: str, side: Side) -> list[dict]:
    return [
        {
            "value": transition.value,
            "label": TRANSITIONS[transition].label,
            "needs_reason": TRANSITIONS[transition].needs_reason,
            "needs_outcome": TRANSITIONS[transition].needs_outcome,
        }
        for transition in available(status=status, kind=kind, side=side)
        if transition != Transition.SEND
    ]


# --- The referring centre ---------------------------------------------------------------------


@casework_view
def person_referrals(request: HttpRequest, person_id: int) -> HttpResponse:
    person = beneficiary_for(request.actor, person_id, Action.RECORD_SERVICE)
    return render(
        request,
        "casework/referrals/person_referrals.html",
        {
            "person": person,
            "referrals": services.referrals_of(request.actor, person),
            "today": timezone.localdate(),
        },
    )


@casework_view
def referral_new(request: HttpRequest, person_id: int) -> HttpResponse:
    from directory.search import search_services

    actor = request.actor
    person = beneficiary_for(actor, person_id, Action.RECORD_SERVICE)
    actor.require(Action.RECORD_SERVICE)
    tenant = actor.membership.tenant
    query = request.GET.get("q", "").strip()[:200]
    results = (
        search_services(tenant=tenant, query=query, municipality=person.municipality).services
        if query
        else []
    )
    chosen = None
    status = 200
    if request.method == "POST":
        form = ReferralForm(request.POST, person=person)
        if form.is_valid():
            data = form.cleaned_data
            try:
                referral = services.referral_create(
                    actor=actor,
                    person=person,
                    service_id=data["service"],
                    reason=data["reason"],
                    urgency=data["urgency"],
                    follow_up_on=data["follow_up_on"],
                    case=data["case"],
                    documents=data["documents"],
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The referral was saved as a draft."))
                return redirect("referrals:detail", referral_id=referral.pk)
        status = 400
        service_id = request.POST.get("service", "")
    else:
        service_id = request.GET.get("service", "")
        form = ReferralForm(person=person)
        form.initial.setdefault("service", service_id)
    if service_id:
        try:
            chosen = services.directory_service(tenant=tenant, service_id=service_id)
        except ValidationError as error:
            if request.method != "POST":
                show_service_errors(form, error)
                status = 400
    return render(
        request,
        "casework/referrals/new.html",
        {"person": person, "form": form, "query": query, "results": results, "chosen": chosen},
        status=status,
    )


def _detail(
    request: HttpRequest, referral: Referral, *, status: int = 200, **forms
) -> HttpResponse:
    context = {
        "person": referral.beneficiary,
        "referral": referral,
        "events": referral.events.select_related("by"),
        "documents": referral.documents.all(),
        "actions": _actions(referral.status, referral.kind, Side.SENDER),
        "can_send": Transition.SEND
        in available(status=referral.status, kind=referral.kind, side=Side.SENDER),
        "consented": services.consent_covers_referrals(referral.beneficiary),
        "send_form": forms.get("send_form") or SendForm(),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "follow_up_form": forms.get("follow_up_form")
        or FollowUpForm(initial={"follow_up_on": referral.follow_up_on}),
        "today": timezone.localdate(),
        "act_url": reverse("referrals:act", kwargs={"referral_id": referral.pk}),
    }
    return render(request, "casework/referrals/detail.html", context, status=status)


@casework_view
def detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = services.referral_for(request.actor, referral_id)
    return _detail(request, referral)


def _change(
    request: HttpRequest,
    referral_id: int,
    form_class: type[BaseForm],
    form_name: str,
    apply: Callable[[Referral, dict], object],
    done: str,
) -> HttpResponse:
    """A POST that changes one referral through a service: on success back to its page
    with `done`; on bad input its page again, status 400, the form showing the errors."""
    referral = services.referral_for(request.actor, referral_id)
    if refused := _post_only(request):
        return refused
    form = form_class(request.POST)
    if form.is_valid():
        try:
            apply(referral, form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("referrals:detail", referral_id=referral.pk)
    referral.refresh_from_db()
    return _detail(request, referral, status=400, **{form_name: form})


@casework_view
def send(request: HttpRequest, referral_id: int) -> HttpResponse:
    return _change(
        request,
        referral_id,
        SendForm,
        "send_form",
        lambda referral, data: services.referral_send(
            actor=request.actor, referral=referral, override_reason=data["override_reason"]
        ),
        _("The referral was sent."),
    )


@casework_view
def act(request: HttpRequest, referral_id: int) -> HttpResponse:
    return _change(
        request,
        referral_id,
        AnswerForm,
        "answer_form",
        lambda referral, data: services.referral_transition(
            actor=request.actor,
            referral=referral,
            transition=data["transition"],
            reason=data["reason"],
            outcome=data["outcome"],
            note=data["note"],
        ),
        _("The referral was updated."),
    )


@casework_view
def follow_up(request: HttpRequest, referral_id: int) -> HttpResponse:
    return _change(
        request,
        referral_id,
        FollowUpForm,
        "follow_up_form",
        lambda referral, data: services.referral_set_follow_up(
            actor=request.actor, referral=referral, follow_up_on=data["follow_up_on"]
        ),
        _("The follow-up date was changed."),
    )


@casework_view
def letter(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = services.referral_for(request.actor, referral_id)
    audit.record(
        request=request,
        user=request.user,
        action=AuditEvent.Action.EXPORT,
        obj=referral,
        beneficiary_id=referral.beneficiary_id,
        detail={"letter": True},
    )
    pdf = referral_letter(referral, centre_name=request.actor.membership.tenant.name)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="referral-{referral.pk}.pdf"'
    return response


@casework_view
def overdue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "casework/referrals/overdue.html",
        {"referrals": services.overdue_for(request.actor), "today": timezone.localdate()},
    )


# --- The receiving centre -----------------------------------------------------------------------


@casework_view
def inbox(request: HttpRequest) -> HttpResponse:
    return render(
        request, "casework/referrals/inbox.html", {"items": services.inbox(request.actor)}
    )


def _inbox_detail(request, envelope_id, *, status: int = 200, form=None) -> HttpResponse:
    item = services.inbox_item(request.actor, envelope_id)
    return render(
        request,
        "casework/referrals/inbox_detail.html",
        {
            "item": item,
            "actions": _actions(item.status, "live", Side.RECEIVER),
            "answer_form": form or AnswerForm(),
            "act_url": reverse("referrals:inbox_act", kwargs={"envelope_id": envelope_id}),
        },
        status=status,
    )


@casework_view
def inbox_detail(request: HttpRequest, envelope_id) -> HttpResponse:
    return _inbox_detail(request, envelope_id)


@casework_view
def inbox_act(request: HttpRequest, envelope_id) -> HttpResponse:
    # Reached first: an envelope addressed elsewhere is a 404 whatever the method.
    services.envelope_for(request.actor, envelope_id)
    if refused := _post_only(request):
        return refused
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.inbox_answer(
                actor=request.actor,
                envelope_id=envelope_id,
                transition=data["transition"],
                reason=data["reason"],
                outcome=data["outcome"],
                note=data["note"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Your answer was sent to the referring centre."))
            return redirect("referrals:inbox_detail", envelope_id=envelope_id)
    return _inbox_detail(request, envelope_id, status=400, form=form)


@casework_view
def inbox_document(request: HttpRequest, envelope_id, document_id: int) -> HttpResponse:
    handle, content_type, name = services.inbox_document(request.actor, envelope_id, document_id)
    response = FileResponse(handle, content_type=content_type, as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
