"""The transfer API: the twin of the transfer pages, with the same permissions.

A transfer is reached first (404 for anyone outside its sending or receiving centre),
then the input is shaped and handed to transfers.services, which checks the role again
and decides: ValidationError → 400 (nothing stored), PermissionDenied → 403.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from casework.access import beneficiary_for
from casework.api.views import CaseworkView, _duplicate, _possible_duplicates
from casework.permissions import Action
from casework.registry import DuplicatePerson, PossibleDuplicates
from geography.models import Municipality
from transfers import services
from transfers.models import Section, Transfer


class OutgoingTransferSerializer(serializers.ModelSerializer):
    receiving_tenant = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    receiving_centre = serializers.CharField(source="receiving_tenant.name", read_only=True)
    person_id = serializers.IntegerField(source="sending_person_id", read_only=True)

    class Meta:
        model = Transfer
        fields = [
            "id",
            "person_id",
            "receiving_tenant",
            "receiving_centre",
            "scope",
            "status",
            "rejection_reason",
            "requested_at",
            "decided_at",
        ]


class IncomingTransferSerializer(serializers.ModelSerializer):
    sending_tenant = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    sending_centre = serializers.CharField(source="sending_tenant.name", read_only=True)
    person_id = serializers.IntegerField(
        source="receiving_person_id",
        read_only=True,
        help_text="The person registered here on acceptance.",
    )

    class Meta:
        model = Transfer
        fields = [
            "id",
            "sending_tenant",
            "sending_centre",
            "scope",
            "status",
            "rejection_reason",
            "person_id",
            "requested_at",
            "decided_at",
        ]


class IncomingReviewSerializer(IncomingTransferSerializer):
    shared = serializers.DictField(
        read_only=True,
        required=False,
        help_text="While the transfer waits: the consented sections, read from the sender.",
    )

    class Meta(IncomingTransferSerializer.Meta):
        fields = [*IncomingTransferSerializer.Meta.fields, "shared"]


class TransferRequestSerializer(serializers.Serializer):
    person_id = serializers.IntegerField()
    receiving_tenant = serializers.CharField(
        max_length=63, allow_blank=True, help_text="Slug of the receiving centre."
    )
    scope = serializers.ListField(
        child=serializers.ChoiceField(choices=Section.choices), allow_empty=True, max_length=20
    )


class TransferAcceptSerializer(serializers.Serializer):
    municipality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.all(),
        help_text="Kallikratis code of the municipality where the person now lives.",
    )
    confirm_not_duplicate = serializers.BooleanField(required=False, default=False)


class TransferRejectSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Transfer.RejectionReason.choices)


def _shared_payload(shared: services.SharedRecord) -> dict[str, Any]:
    return {
        "sections": {
            section: {f.name: f.value for f in fields}
            for section, fields in shared.sections.items()
        },
        "assessment": shared.assessment,
        "goals": shared.goals,
        "documents": shared.documents,
    }


class OutgoingTransferView(CaseworkView):
    """An endpoint about one of this centre's outgoing transfers, reached before the
    method is looked at: 404 for anyone else, whatever they send."""

    transfer: Transfer

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.transfer = services.outgoing_transfer_for(self.actor, kwargs["transfer_id"])


class IncomingTransferView(CaseworkView):
    """An endpoint about a transfer addressed to this centre (404 for anyone else)."""

    transfer: Transfer

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.transfer = services.incoming_transfer_for(self.actor, kwargs["transfer_id"])


class OutgoingView(CaseworkView):
    serializer_class = TransferRequestSerializer

    @extend_schema(responses=OutgoingTransferSerializer(many=True))
    def get(self, request) -> Response:
        return self.page(services.outgoing_transfers(self.actor), OutgoingTransferSerializer)

    @extend_schema(request=TransferRequestSerializer, responses={201: OutgoingTransferSerializer})
    def post(self, request) -> Response:
        data = self.parse(TransferRequestSerializer)
        person = beneficiary_for(self.actor, data.pop("person_id"), Action.MANAGE_CASE)
        transfer = services.transfer_request(actor=self.actor, person=person, **data)
        return self.reply(OutgoingTransferSerializer, transfer, status.HTTP_201_CREATED)


class OutgoingDetailView(OutgoingTransferView):
    @extend_schema(responses=OutgoingTransferSerializer)
    def get(self, request, transfer_id: int) -> Response:
        transfer = self.transfer
        return self.reply(OutgoingTransferSerializer, transfer)


class OutgoingCancelView(OutgoingTransferView):
    @extend_schema(request=None, responses=OutgoingTransferSerializer)
    def post(self, request, transfer_id: int) -> Response:
        transfer = self.transfer
        transfer = services.transfer_cancel(actor=self.actor, transfer=transfer)
        return self.reply(OutgoingTransferSerializer, transfer)


class OutgoingCloseCaseView(OutgoingTransferView):
    @extend_schema(request=None, responses=OutgoingTransferSerializer)
    def post(self, request, transfer_id: int) -> Response:
        transfer = self.transfer
        services.transfer_close_sending_case(actor=self.actor, transfer=transfer)
        return self.reply(OutgoingTransferSerializer, transfer)


class IncomingView(CaseworkView):
    @extend_schema(responses=IncomingTransferSerializer(many=True))
    def get(self, request) -> Response:
        return self.page(services.incoming_transfers(self.actor), IncomingTransferSerializer)


class IncomingDetailView(IncomingTransferView):
    @extend_schema(
        responses=IncomingReviewSerializer,
        description="The transfer and, while it waits for an answer, the consented data "
        "read from the sending centre (the read is audited there).",
    )
    def get(self, request, transfer_id: int) -> Response:
        transfer = self.transfer
        payload = IncomingTransferSerializer(transfer).data
        if transfer.status == Transfer.Status.REQUESTED:
            shared = services.transfer_view(actor=self.actor, transfer=transfer)
            payload["shared"] = _shared_payload(shared)
        # DRF's JSON encoder writes the dates and lists as they are.
        return Response(payload)


class IncomingAcceptView(IncomingTransferView):
    serializer_class = TransferAcceptSerializer

    @extend_schema(request=TransferAcceptSerializer, responses={201: IncomingTransferSerializer})
    def post(self, request, transfer_id: int) -> Response:
        transfer = self.transfer
        data = self.parse(TransferAcceptSerializer)
        try:
            services.transfer_accept(actor=self.actor, transfer=transfer, **data)
        except DuplicatePerson as error:
            return _duplicate(self.actor, error)
        except PossibleDuplicates as warning:
            return _possible_duplicates(self.actor, warning)
        transfer.refresh_from_db()
        return self.reply(IncomingTransferSerializer, transfer, status.HTTP_201_CREATED)


class IncomingRejectView(IncomingTransferView):
    serializer_class = TransferRejectSerializer

    @extend_schema(request=TransferRejectSerializer, responses=IncomingTransferSerializer)
    def post(self, request, transfer_id: int) -> Response:
        transfer = self.transfer
        data = self.parse(TransferRejectSerializer)
        transfer = services.transfer_reject(actor=self.actor, transfer=transfer, **data)
        return self.reply(IncomingTransferSerializer, transfer)
