"""Transfer pages on a centre's host (namespace `transfers`).

As on the casework pages, the transfer (or the person) is reached first, so someone
outside the sending or receiving centre gets the same 404 for anything they try; writes
go through transfers.services, whose ValidationError re-renders the form with status 400
and nothing stored, and whose PermissionDenied becomes the 403 page.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from casework.access import beneficiary_for, people_in_reach
from casework.permissions import Action
from casework.registry import PossibleDuplicates
from casework.web.common import casework_view
from kentro.forms import show_service_errors
from transfers import services
from transfers.forms import TransferAcceptForm, TransferRejectForm, TransferRequestForm
from transfers.models import Section, Transfer


def _post_only(request: HttpRequest) -> HttpResponse | None:
    # Checked after the transfer is reached, so an outsider gets 404, not 405.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


@casework_view
def transfer_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    sends = actor.role in services.SENDING_ROLES
    receives = actor.role in services.RECEIVING_ROLES
    if not (sends or receives):
        raise PermissionDenied(_("Your role does not allow this."))
    outgoing = list(services.outgoing_transfers(actor)[:200]) if sends else []
    # The sender's own people, named from its own schema.
    names = people_in_reach(actor, include_merged=True).in_bulk(
        [t.sending_person_id for t in outgoing]
    )
    for transfer in outgoing:
        transfer.person = names.get(transfer.sending_person_id)
    incoming = list(services.incoming_transfers(actor)[:200]) if receives else []
    return render(
        request,
        "transfers/list.html",
        {"outgoing": outgoing, "incoming": incoming, "sends": sends, "receives": receives},
    )


@casework_view
def transfer_start(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = request.actor
    person = beneficiary_for(actor, person_id, Action.MANAGE_CASE)
    centres = services.receiving_centres(actor)
    status = 200
    if request.method == "POST":
        form = TransferRequestForm(request.POST, centres=centres)
        if form.is_valid():
            try:
                transfer = services.transfer_request(
                    actor=actor, person=person, **form.cleaned_data
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The transfer was sent to the other centre."))
                return redirect("transfers:outgoing", transfer_id=transfer.pk)
        status = 400
    else:
        form = TransferRequestForm(centres=centres)
    return render(
        request,
        "transfers/start.html",
        {
            "person": person,
            "form": form,
            "has_consent": services.transfer_consent(person) is not None,
        },
        status=status,
    )


@casework_view
def outgoing(request: HttpRequest, transfer_id: int) -> HttpResponse:
    actor = request.actor
    transfer = services.outgoing_transfer_for(actor, transfer_id)
    person = people_in_reach(actor, include_merged=True).filter(pk=transfer.sending_person_id)
    return render(
        request, "transfers/outgoing.html", {"transfer": transfer, "person": person.first()}
    )


@casework_view
def outgoing_cancel(request: HttpRequest, transfer_id: int) -> HttpResponse:
    transfer = services.outgoing_transfer_for(request.actor, transfer_id)
    if refused := _post_only(request):
        return refused
    try:
        services.transfer_cancel(actor=request.actor, transfer=transfer)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The transfer was cancelled."))
    return redirect("transfers:outgoing", transfer_id=transfer.pk)


@casework_view
def outgoing_close_case(request: HttpRequest, transfer_id: int) -> HttpResponse:
    transfer = services.outgoing_transfer_for(request.actor, transfer_id)
    if refused := _post_only(request):
        return refused
    try:
        services.transfer_close_sending_case(actor=request.actor, transfer=transfer)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The case was closed: the person moved."))
    return redirect("transfers:outgoing", transfer_id=transfer.pk)


def _review(
    request: HttpRequest,
    transfer: Transfer,
    *,
    accept_form: TransferAcceptForm | None = None,
    reject_form: TransferRejectForm | None = None,
    candidates=None,
    status: int = 200,
) -> HttpResponse:
    actor = request.actor
    shared, unavailable = None, ""
    if transfer.status == Transfer.Status.REQUESTED:
        try:
            shared = services.transfer_view(actor=actor, transfer=transfer)
        except ValidationError as error:
            unavailable = " ".join(error.messages)
    tenant = actor.membership.tenant
    return render(
        request,
        "transfers/incoming.html",
        {
            "transfer": transfer,
            "shared": shared,
            "unavailable": unavailable,
            "accept_form": accept_form or TransferAcceptForm(tenant=tenant),
            "reject_form": reject_form or TransferRejectForm(),
            "candidates": candidates or [],
            "section_labels": Section.choices,
        },
        status=status,
    )


@casework_view
def incoming(request: HttpRequest, transfer_id: int) -> HttpResponse:
    return _review(request, services.incoming_transfer_for(request.actor, transfer_id))


@casework_view
def incoming_accept(request: HttpRequest, transfer_id: int) -> HttpResponse:
    actor = request.actor
    transfer = services.incoming_transfer_for(actor, transfer_id)
    if refused := _post_only(request):
        return refused
    form = TransferAcceptForm(request.POST, tenant=actor.membership.tenant)
    candidates = []
    if form.is_valid():
        try:
            person = services.transfer_accept(
                actor=actor,
                transfer=transfer,
                municipality=form.cleaned_data["municipality"],
                confirm_not_duplicate=form.cleaned_data["confirm_not_duplicate"],
            )
        except PossibleDuplicates as duplicates:
            candidates = duplicates.candidates
            form.add_error(
                "confirm_not_duplicate",
                _("People with a similar name and the same date of birth are registered here."),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The transfer was accepted: the person is registered."))
            return redirect("casework:person_detail", person_id=person.pk)
    return _review(request, transfer, accept_form=form, candidates=candidates, status=400)


@casework_view
def incoming_reject(request: HttpRequest, transfer_id: int) -> HttpResponse:
    actor = request.actor
    transfer = services.incoming_transfer_for(actor, transfer_id)
    if refused := _post_only(request):
        return refused
    form = TransferRejectForm(request.POST)
    if form.is_valid():
        try:
            services.transfer_reject(
                actor=actor, transfer=transfer, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The transfer was rejected."))
            return redirect("transfers:list")
    return _review(request, transfer, reject_form=form, status=400)
