"""The referral API: twin of the referral pages, with the same services and permissions.

A person's or referral's endpoint reaches it first (404 outside reach, audited), then the
role (403), then the method. The receiving centre's inbox endpoints answer 404 for an
envelope addressed to another centre.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from casework.api.views import CaseworkView, PersonView
from casework.models import Case, Document, Referral, ReferralEvent
from casework.models.referrals import ReferralOutcome, ReferralUrgency
from casework.permissions import Action
from casework.referrals import services
from casework.referrals.lifecycle import Transition
from casework.referrals.services import InboxItem

# --- Serializers ----------------------------------------------------------------------------


class ReferralEventSerializer(serializers.ModelSerializer):
    by = serializers.SerializerMethodField()

    class Meta:
        model = ReferralEvent
        fields = ["at", "by", "side", "by_centre", "from_status", "to_status", "note"]

    def get_by(self, event: ReferralEvent) -> str:
        return event.by.get_full_name() or event.by.email


class ReferralSerializer(serializers.ModelSerializer):
    documents = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    receiving_centre = serializers.SerializerMethodField()

    class Meta:
        model = Referral
        fields = [
            "id",
            "beneficiary",
            "case",
            "service_id",
            "service_name",
            "organization_name",
            "kind",
            "receiving_centre",
            "reason",
            "urgency",
            "documents",
            "follow_up_on",
            "status",
            "consent_recorded",
            "consent_override_reason",
            "rejection_reason",
            "outcome",
            "created_at",
            "sent_at",
            "reminded_on",
        ]
        read_only_fields = fields

    def get_receiving_centre(self, referral: Referral) -> str | None:
        return referral.receiving_tenant.name if referral.receiving_tenant_id else None


class ReferralDetailSerializer(ReferralSerializer):
    events = ReferralEventSerializer(many=True, read_only=True)

    class Meta(ReferralSerializer.Meta):
        fields = [*ReferralSerializer.Meta.fields, "events"]
        read_only_fields = fields


class ReferralCreateSerializer(serializers.Serializer):
    service_id = serializers.UUIDField()
    reason = serializers.CharField()
    urgency = serializers.ChoiceField(
        choices=ReferralUrgency.choices, default=ReferralUrgency.ROUTINE
    )
    follow_up_on = serializers.DateField()
    case = serializers.PrimaryKeyRelatedField(
        queryset=Case.objects.all(), required=False, allow_null=True
    )
    documents = serializers.PrimaryKeyRelatedField(
        queryset=Document.objects.all(), many=True, required=False
    )


class SendSerializer(serializers.Serializer):
    override_reason = serializers.CharField(required=False, allow_blank=True, default="")


class AnswerSerializer(serializers.Serializer):
    transition = serializers.ChoiceField(choices=[t.value for t in Transition])
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    outcome = serializers.ChoiceField(
        choices=ReferralOutcome.choices, required=False, allow_blank=True, default=""
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)


class InboxDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    doc_type = serializers.CharField()
    original_name = serializers.CharField()


class InboxItemSerializer(serializers.Serializer):
    """Only what the receiving centre may know, read from the sender's schema."""

    id = serializers.UUIDField(source="envelope.pk")
    sending_centre = serializers.CharField()
    service_id = serializers.UUIDField(source="envelope.service_id")
    service_name = serializers.CharField()
    person = serializers.CharField(source="person_label")
    age_band = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    reason = serializers.CharField()
    urgency = serializers.CharField()
    status = serializers.CharField()
    sent_at = serializers.DateTimeField()
    rejection_reason = serializers.CharField()
    outcome = serializers.CharField()
    documents = InboxDocumentSerializer(many=True)


# --- Views -----------------------------------------------------------------------------------


class PersonReferralsView(PersonView):
    serializer_class = ReferralCreateSerializer
    actions = {"GET": Action.RECORD_SERVICE, "POST": Action.RECORD_SERVICE}

    @extend_schema(responses=ReferralSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        return self.page(services.referrals_of(self.actor, self.person), ReferralSerializer)

    @extend_schema(request=ReferralCreateSerializer, responses={201: ReferralDetailSerializer})
    def post(self, request, person_id: int) -> Response:
        data = self.parse(ReferralCreateSerializer)
        referral = services.referral_create(
            actor=self.actor,
            person=self.person,
            service_id=data["service_id"],
            reason=data["reason"],
            urgency=data["urgency"],
            follow_up_on=data["follow_up_on"],
            case=data.get("case"),
            documents=data.get("documents", []),
        )
        return self.reply(ReferralDetailSerializer, referral, status.HTTP_201_CREATED)


class ReferralView(CaseworkView):
    """An endpoint about one referral (`referral_id`), reached before anything else."""

    referral: Referral

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.referral = services.referral_for(self.actor, kwargs["referral_id"])


class ReferralDetailView(ReferralView):
    @extend_schema(responses=ReferralDetailSerializer)
    def get(self, request, referral_id: int) -> Response:
        return self.reply(ReferralDetailSerializer, self.referral)


class ReferralSendView(ReferralView):
    serializer_class = SendSerializer

    @extend_schema(
        request=SendSerializer,
        responses=ReferralDetailSerializer,
        description="Send a draft. Without a recorded consent to referrals, "
        "`override_reason` is required (kept and audited).",
    )
    def post(self, request, referral_id: int) -> Response:
        data = self.parse(SendSerializer)
        referral = services.referral_send(
            actor=self.actor, referral=self.referral, override_reason=data["override_reason"]
        )
        return self.reply(ReferralDetailSerializer, referral)


class ReferralActView(ReferralView):
    serializer_class = AnswerSerializer

    @extend_schema(
        request=AnswerSerializer,
        responses=ReferralDetailSerializer,
        description="A move by the referring centre: cancel, revoke, and on a logged "
        "referral the outside service's answers (accept, reject, start, complete).",
    )
    def post(self, request, referral_id: int) -> Response:
        data = self.parse(AnswerSerializer)
        referral = services.referral_transition(actor=self.actor, referral=self.referral, **data)
        referral.refresh_from_db()
        return self.reply(ReferralDetailSerializer, referral)


class ReferralLetterView(ReferralView):
    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, referral_id: int) -> HttpResponse:
        from casework import audit
        from casework.models import AuditEvent
        from casework.referrals.letter import referral_letter

        audit.record(
            request=request._request,
            user=request.user,
            action=AuditEvent.Action.EXPORT,
            obj=self.referral,
            beneficiary_id=self.referral.beneficiary_id,
            detail={"letter": True},
        )
        pdf = referral_letter(self.referral, centre_name=self.actor.membership.tenant.name)
        return HttpResponse(pdf, content_type="application/pdf")


class OverdueView(CaseworkView):
    @extend_schema(responses=ReferralSerializer(many=True))
    def get(self, request) -> Response:
        return self.page(services.overdue_for(self.actor), ReferralSerializer)


class InboxView(CaseworkView):
    @extend_schema(responses=InboxItemSerializer(many=True))
    def get(self, request) -> Response:
        return self.page(services.inbox(self.actor), InboxItemSerializer)


class InboxItemView(CaseworkView):
    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        services.envelope_for(self.actor, kwargs["envelope_id"])

    @extend_schema(responses=InboxItemSerializer)
    def get(self, request, envelope_id) -> Response:
        item: InboxItem = services.inbox_item(self.actor, envelope_id)
        return self.reply(InboxItemSerializer, item)


class InboxAnswerView(InboxItemView):
    serializer_class = AnswerSerializer

    @extend_schema(
        request=AnswerSerializer,
        responses=InboxItemSerializer,
        description="The receiving centre's answer: accept, reject (with a reason), start, "
        "complete (with an outcome). The referring centre's referral moves with it.",
    )
    def post(self, request, envelope_id) -> Response:
        data = self.parse(AnswerSerializer)
        services.inbox_answer(actor=self.actor, envelope_id=envelope_id, **data)
        return self.reply(InboxItemSerializer, services.inbox_item(self.actor, envelope_id))
