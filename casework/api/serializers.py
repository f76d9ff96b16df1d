"""Shapes of the casework API.

Input serializers only check types and shapes; the services in casework.* decide and
store, and their messages are the API's messages. Output serializers describe what was
stored. Ids that point at other records (staff, documents, plan steps) are accepted only
among the records the caller may use, so a foreign id reads like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import User
from casework.cases import EXIT_FIELDS
from casework.identifiers import validate_paaypa, validate_permit_number, validate_personal_number
from casework.models import (
    ActionPlan,
    AuditEvent,
    Beneficiary,
    BreakGlassAccess,
    Case,
    ConsentRecord,
    Contact,
    Document,
    Household,
    HouseholdMember,
    NeedsAssessment,
    NeedScore,
    Note,
    PlanGoal,
    PlanReview,
    PlanStep,
    Request,
    ServiceDelivery,
    SocialHistory,
    SocialResearch,
)
from casework.models.choices import (
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    ContactChannel,
    DocumentType,
    LegalBasis,
    NeedDomain,
    NoteKind,
    RequestCategory,
    RequestOutcome,
    ResidenceStatus,
    ServiceKind,
    TargetGroup,
)
from casework.plans import plan_progress
from casework.registry import PERSON_FIELDS
from geography.models import Municipality, MunicipalUnit
from tenants.models import Unit

# --- Fields ---------------------------------------------------------------------------------


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """An id accepted only among the records `limit(queryset, context)` leaves.

    The base queryset names the model (for the OpenAPI schema); the limit applies the
    caller's reach at validation time.
    """

    def __init__(self, *, limit: Callable[[QuerySet, dict], QuerySet], **kwargs: Any):
        self.limit = limit
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet:
        return self.limit(super().get_queryset(), self.context)


def centre_staff(queryset: QuerySet, context: dict) -> QuerySet:
    """Active members of the caller's centre."""
    return queryset.filter(
        memberships__tenant=context["actor"].membership.tenant, memberships__is_active=True
    ).distinct()


def staff_field(message: str, **kwargs: Any) -> ScopedPrimaryKeyField:
    return ScopedPrimaryKeyField(
        queryset=User.objects.all(),
        limit=centre_staff,
        error_messages={"does_not_exist": message},
        **kwargs,
    )


def choice(choices, **kwargs: Any) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices, **kwargs)


# --- References to other records ------------------------------------------------------------


class MunicipalityRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class MunicipalUnitRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class UnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    name = serializers.CharField()


class StaffRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField(source="get_full_name")
    email = serializers.EmailField()


# --- People ---------------------------------------------------------------------------------


class PersonSummarySerializer(serializers.ModelSerializer):
    """A line of a search result or of a duplicate warning."""

    municipality = MunicipalityRefSerializer()

    class Meta:
        model = Beneficiary
        fields = [
            "id",
            "first_name",
            "last_name",
            "first_name_latin",
            "last_name_latin",
            "father_name",
            "birth_date",
            "sex",
            "amka",
            "afm",
            "phone",
            "municipality",
            "target_groups",
            "merged_into",
        ]
        read_only_fields = fields


class PersonSerializer(CountryFieldMixin, serializers.ModelSerializer):
    """Everything held in a person's record."""

    municipality = MunicipalityRefSerializer()
    municipal_unit = MunicipalUnitRefSerializer(allow_null=True)
    unit = UnitRefSerializer(allow_null=True)

    class Meta:
        model = Beneficiary
        fields = ["id", *PERSON_FIELDS, "registered_at", "updated_at", "merged_into"]
        read_only_fields = fields


class PersonInputSerializer(CountryFieldMixin, serializers.ModelSerializer):
    """A person's fields as typed. Identifiers are taken with spaces or dashes: the registry
    checks them by their check digits, normalises them and answers duplicates."""

    amka = serializers.CharField(max_length=20, required=False, allow_blank=True, allow_null=True)
    afm = serializers.CharField(max_length=20, required=False, allow_blank=True, allow_null=True)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    paaypa = serializers.CharField(max_length=20, required=False, allow_blank=True)
    personal_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    permit_number = serializers.CharField(max_length=30, required=False, allow_blank=True)
    languages = serializers.ListField(
        child=serializers.CharField(max_length=8), required=False, max_length=20
    )
    interpreter_language = serializers.CharField(max_length=8, required=False, allow_blank=True)
    municipality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.all(),
        help_text=_("Kallikratis code of the municipality of residence."),
    )
    municipal_unit = serializers.SlugRelatedField(
        slug_field="code",
        queryset=MunicipalUnit.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Kallikratis code of the municipal unit."),
    )
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Beneficiary
        fields = PERSON_FIELDS

    def validate_languages(self, value: list[str]) -> list[str]:
        return [code.strip().lower() for code in value if code.strip()]

    def validate_interpreter_language(self, value: str) -> str:
        return value.strip().lower()

    def validate_paaypa(self, value: str) -> str:
        value = value.strip()
        return validate_paaypa(value) if value else ""

    def validate_personal_number(self, value: str) -> str:
        value = value.strip()
        return validate_personal_number(value) if value else ""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # The card's format depends on the residence status (ΑΔΕΤ or ΔΑΔΠ).
        number = (attrs.get("permit_number") or "").strip()
        status = attrs.get("residence_status", getattr(self.instance, "residence_status", ""))
        kind = {
            ResidenceStatus.ASYLUM_SEEKER: "dadp",
            ResidenceStatus.INTERNATIONAL_PROTECTION: "adet",
        }.get(status)
        if number and kind:
            try:
                attrs["permit_number"] = validate_permit_number(number, kind)
            except DjangoValidationError as error:
                raise serializers.ValidationError({"permit_number": error.messages}) from error
        elif number and len(number) > 20:
            raise serializers.ValidationError(
                {"permit_number": [_("The permit or card number may have at most 20 characters.")]}
            )
        return attrs


class PersonRegisterSerializer(PersonInputSerializer):
    confirm_not_duplicate = serializers.BooleanField(
        default=False,
        write_only=True,
        help_text=_(
            "Register even though people with a similar name and the same date of birth exist."
        ),
    )

    class Meta(PersonInputSerializer.Meta):
        fields = [*PERSON_FIELDS, "confirm_not_duplicate"]


class PersonSearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_("Any part of a name in Greek or Latin letters, ΑΜΚΑ, ΑΦΜ or phone."),
    )
    unit = serializers.IntegerField(required=False, min_value=1)
    municipality = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), required=False
    )
    target_group = choice(TargetGroup.choices, required=False)
    caseworker = serializers.IntegerField(required=False, min_value=1)
    case_status = choice(CaseStatus.choices, required=False)


class DuplicatePersonSerializer(serializers.Serializer):
    """409: the ΑΜΚΑ or ΑΦΜ is someone's already."""

    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    existing_person = serializers.IntegerField(
        allow_null=True, help_text=_("The registered person, when you may open their record.")
    )


class PossibleDuplicatesSerializer(serializers.Serializer):
    """409: people with a similar name and the same date of birth."""

    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    candidates = PersonSummarySerializer(many=True)
    hidden_candidates = serializers.IntegerField(
        help_text=_("Similar records outside your reach (never named).")
    )


class MergeInputSerializer(serializers.Serializer):
    KEEP_THIS, KEEP_OTHER = "this", "other"

    other_id = serializers.IntegerField(help_text=_("The other record of the same person."))
    keep = choice([KEEP_THIS, KEEP_OTHER], default=KEEP_THIS)


# --- Consent --------------------------------------------------------------------------------


class ConsentSerializer(serializers.ModelSerializer):
    recorded_by = StaffRefSerializer()
    is_active = serializers.BooleanField()

    class Meta:
        model = ConsentRecord
        fields = [
            "id",
            "purpose",
            "legal_basis",
            "given_on",
            "document",
            "withdrawn_on",
            "is_active",
            "recorded_by",
            "recorded_at",
        ]
        read_only_fields = fields


class ConsentInputSerializer(serializers.Serializer):
    purpose = choice(ConsentPurpose.choices)
    legal_basis = choice(LegalBasis.choices)
    given_on = serializers.DateField(required=False)
    document = ScopedPrimaryKeyField(
        queryset=Document.objects.all(),
        limit=lambda queryset, context: queryset.filter(beneficiary=context["person"]),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": _("The document belongs to another person.")},
    )


# --- Household ------------------------------------------------------------------------------


class HouseholdMemberSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = HouseholdMember
        fields = [
            "id",
            "household",
            "beneficiary",
            "name",
            "birth_date",
            "relation",
            "monthly_income",
            "joined_on",
            "left_on",
        ]
        read_only_fields = fields

    def get_name(self, member: HouseholdMember) -> str:
        return str(member.beneficiary) if member.beneficiary_id else member.name


class HouseholdSerializer(serializers.ModelSerializer):
    members = HouseholdMemberSerializer(many=True, help_text=_("Current and former members."))
    monthly_income = serializers.SerializerMethodField()

    class Meta:
        model = Household
        fields = ["id", "head", "address", "created_at", "members", "monthly_income"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.DECIMAL)
    def get_monthly_income(self, household: Household) -> str:
        total = sum(m.monthly_income for m in household.members.all() if m.left_on is None)
        return f"{total:.2f}"


class PersonHouseholdSerializer(serializers.Serializer):
    household = HouseholdSerializer(
        allow_null=True, help_text=_("The household the person belongs to now.")
    )
    past_memberships = HouseholdMemberSerializer(
        many=True, help_text=_("Households the person has left.")
    )


class HouseholdCreateSerializer(serializers.Serializer):
    address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    monthly_income = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        min_value=0,
        required=False,
        default=0,
        help_text=_("The head of household's own monthly income."),
    )


class HouseholdMemberInputSerializer(serializers.Serializer):
    beneficiary = serializers.IntegerField(
        required=False, allow_null=True, help_text=_("A registered person, by id.")
    )
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    birth_date = serializers.DateField(required=False, allow_null=True)
    relation = choice(HouseholdMember.Relation.choices)
    monthly_income = serializers.DecimalField(
        max_digits=9, decimal_places=2, required=False, default=0
    )
    joined_on = serializers.DateField(required=False, allow_null=True)


class HouseholdLeaveSerializer(serializers.Serializer):
    left_on = serializers.DateField(required=False, allow_null=True)


# --- Cases ----------------------------------------------------------------------------------


class CaseSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    caseworkers = StaffRefSerializer(many=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "unit",
            "status",
            "caseworkers",
            "opened_on",
            "closed_on",
            "closure_reason",
            *EXIT_FIELDS,
        ]
        read_only_fields = fields


CASEWORKERS_MESSAGE = _("Caseworkers must be staff of this centre.")


class CaseOpenSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    caseworkers = staff_field(CASEWORKERS_MESSAGE, many=True, required=False)
    opened_on = serializers.DateField(required=False, allow_null=True)


class CaseUpdateSerializer(serializers.Serializer):
    status = choice(CaseStatus.choices, required=False)
    closure_reason = choice(ClosureReason.choices, required=False, allow_blank=True)
    closed_on = serializers.DateField(required=False, allow_null=True)
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False)
    caseworkers = staff_field(CASEWORKERS_MESSAGE, many=True, required=False)
    exit_job_searching = serializers.BooleanField(required=False)
    exit_in_education = serializers.BooleanField(required=False)
    exit_gained_qualification = serializers.BooleanField(required=False)
    exit_employed = serializers.BooleanField(required=False)
    employed_after_six_months = serializers.BooleanField(required=False)
    improved_after_six_months = serializers.BooleanField(required=False)


# --- Timeline -------------------------------------------------------------------------------


class TimelineEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = choice(
        [
            "case",
            "contact",
            "assessment",
            "social_history",
            "social_research",
            "plan",
            "step",
            "service",
            "document",
            "note",
        ]
    )
    object_id = serializers.IntegerField(source="obj.pk")
    label = serializers.SerializerMethodField()

    def get_label(self, event) -> str:
        return str(event.obj)


# --- Reception ------------------------------------------------------------------------------


class RequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = Request
        fields = ["id", "category", "description", "outcome", "resolved_on"]
        read_only_fields = fields


class ContactSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    municipality = MunicipalityRefSerializer()
    staff = StaffRefSerializer()
    mediator = StaffRefSerializer(allow_null=True)
    requests = RequestSerializer(many=True)

    class Meta:
        model = Contact
        fields = [
            "id",
            "unit",
            "municipality",
            "channel",
            "occurred_at",
            "staff",
            "mediator",
            "language",
            "duration_minutes",
            "summary",
            "requests",
        ]
        read_only_fields = fields


class RequestInputSerializer(serializers.Serializer):
    category = choice(RequestCategory.choices)
    description = serializers.CharField(max_length=500, required=False, allow_blank=True)
    outcome = choice(RequestOutcome.choices, default=RequestOutcome.PENDING)


class ContactInputSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    channel = choice(ContactChannel.choices, default=ContactChannel.WALK_IN)
    occurred_at = serializers.DateTimeField(required=False, help_text=_("Now when left out."))
    requests = RequestInputSerializer(many=True, max_length=20)
    mediator = staff_field(
        _("The mediator must be staff of this centre."), required=False, allow_null=True
    )
    language = serializers.CharField(max_length=8, required=False, allow_blank=True)
    duration_minutes = serializers.IntegerField(min_value=0, max_value=600, default=0)
    summary = serializers.CharField(required=False, allow_blank=True)


class AnonymousRequestItemSerializer(serializers.Serializer):
    """What was asked and answered; an anonymous request keeps no description."""

    category = choice(RequestCategory.choices)
    outcome = choice(RequestOutcome.choices, default=RequestOutcome.INFORMED)


class AnonymousRequestInputSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    municipality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.all(),
        required=False,
        help_text=_("Kallikratis code; the municipality of this host when left out."),
    )
    channel = choice(ContactChannel.choices, default=ContactChannel.WALK_IN)
    occurred_at = serializers.DateTimeField(required=False, help_text=_("Now when left out."))
    language = serializers.CharField(max_length=8, required=False, allow_blank=True)
    requests = AnonymousRequestItemSerializer(many=True, max_length=20)


class AnonymousRequestItemOutSerializer(serializers.ModelSerializer):
    class Meta:
        model = Request
        fields = ["id", "category", "outcome"]
        read_only_fields = fields


class AnonymousContactSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    municipality = MunicipalityRefSerializer()
    requests = AnonymousRequestItemOutSerializer(many=True)

    class Meta:
        model = Contact
        fields = ["id", "unit", "municipality", "channel", "occurred_at", "language", "requests"]
        read_only_fields = fields


# --- Assessments, social history, social research ------------------------------------------


class NeedScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = NeedScore
        fields = ["domain", "severity", "notes"]
        read_only_fields = fields


class AssessmentSerializer(serializers.ModelSerializer):
    assessed_by = StaffRefSerializer()
    scores = NeedScoreSerializer(many=True)

    class Meta:
        model = NeedsAssessment
        fields = ["id", "version", "assessed_on", "assessed_by", "summary", "scores"]
        read_only_fields = fields


class NeedScoreInputSerializer(serializers.Serializer):
    domain = choice(NeedDomain.choices)
    severity = serializers.IntegerField(min_value=0, max_value=4)
    notes = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class AssessmentInputSerializer(serializers.Serializer):
    assessed_on = serializers.DateField(required=False, allow_null=True)
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    scores = NeedScoreInputSerializer(many=True, max_length=len(NeedDomain.values))

    def validate_scores(self, value: list[dict]) -> list[dict]:
        domains = [score["domain"] for score in value]
        if len(set(domains)) != len(domains):
            raise serializers.ValidationError(_("Score each domain once."))
        return value


class SocialHistorySerializer(serializers.ModelSerializer):
    written_by = StaffRefSerializer()

    class Meta:
        model = SocialHistory
        fields = ["id", "version", "text", "review_due", "written_by", "written_at"]
        read_only_fields = fields


class SocialHistoryInputSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    review_due = serializers.DateField(required=False, allow_null=True)


class SocialResearchSerializer(serializers.ModelSerializer):
    assigned_to = StaffRefSerializer(allow_null=True)

    class Meta:
        model = SocialResearch
        fields = [
            "id",
            "requested_by",
            "requested_on",
            "purpose",
            "status",
            "assigned_to",
            "report",
            "completed_on",
        ]
        read_only_fields = fields


class SocialResearchInputSerializer(serializers.Serializer):
    requested_by = serializers.CharField(max_length=200)
    purpose = serializers.CharField()
    requested_on = serializers.DateField(required=False, allow_null=True)


class SocialResearchCompleteSerializer(serializers.Serializer):
    report = serializers.CharField(allow_blank=True, trim_whitespace=False)


# --- Action plans ---------------------------------------------------------------------------


class StepSerializer(serializers.ModelSerializer):
    owner_staff = StaffRefSerializer(allow_null=True)

    class Meta:
        model = PlanStep
        fields = [
            "id",
            "goal",
            "description",
            "owner",
            "owner_staff",
            "owner_service",
            "due_on",
            "status",
            "completed_on",
            "created_at",
        ]
        read_only_fields = fields


class GoalSerializer(serializers.ModelSerializer):
    steps = StepSerializer(many=True)

    class Meta:
        model = PlanGoal
        fields = ["id", "plan", "need", "description", "target_date", "steps"]
        read_only_fields = fields


class PlanReviewSerializer(serializers.ModelSerializer):
    reviewed_by = StaffRefSerializer()

    class Meta:
        model = PlanReview
        fields = ["id", "plan", "reviewed_on", "reviewed_by", "notes"]
        read_only_fields = fields


class PlanSerializer(serializers.ModelSerializer):
    created_by = StaffRefSerializer()
    goals = GoalSerializer(many=True)
    reviews = PlanReviewSerializer(many=True)
    progress = serializers.SerializerMethodField(
        help_text=_("Percentage of the plan's steps (not cancelled) that are done.")
    )

    class Meta:
        model = ActionPlan
        fields = ["id", "status", "created_on", "created_by", "progress", "goals", "reviews"]
        read_only_fields = fields

    def get_progress(self, plan: ActionPlan) -> int:
        return plan_progress(plan)


class GoalInputSerializer(serializers.Serializer):
    need = choice(NeedDomain.choices)
    description = serializers.CharField(allow_blank=True)
    target_date = serializers.DateField(required=False, allow_null=True)


class StepInputSerializer(serializers.Serializer):
    description = serializers.CharField()
    owner = choice(PlanStep.Owner.choices)
    owner_staff = staff_field(
        _("Choose a staff member of this centre."), required=False, allow_null=True
    )
    owner_service = serializers.CharField(max_length=200, required=False, allow_blank=True)
    due_on = serializers.DateField(required=False, allow_null=True)


class StepStatusSerializer(serializers.Serializer):
    status = choice(PlanStep.Status.choices)


class PlanReviewInputSerializer(serializers.Serializer):
    notes = serializers.CharField(allow_blank=True)


# --- Services, notes, break-glass -----------------------------------------------------------


class ServiceDeliverySerializer(serializers.ModelSerializer):
    staff = StaffRefSerializer()

    class Meta:
        model = ServiceDelivery
        fields = [
            "id",
            "kind",
            "delivered_on",
            "staff",
            "duration_minutes",
            "plan_step",
            "notes",
        ]
        read_only_fields = fields


class ServiceDeliveryInputSerializer(serializers.Serializer):
    kind = choice(ServiceKind.choices)
    delivered_on = serializers.DateField(required=False, help_text=_("Today when left out."))
    duration_minutes = serializers.IntegerField(min_value=0, max_value=600, default=0)
    plan_step = ScopedPrimaryKeyField(
        queryset=PlanStep.objects.all(),
        limit=lambda queryset, context: queryset.filter(goal__plan__beneficiary=context["person"]),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": _("The step belongs to another person's plan.")},
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class NoteSerializer(serializers.ModelSerializer):
    author = StaffRefSerializer()

    class Meta:
        model = Note
        fields = ["id", "kind", "text", "author", "created_at"]
        read_only_fields = fields


class NoteInputSerializer(serializers.Serializer):
    kind = choice(NoteKind.choices)
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)


class BreakGlassInputSerializer(serializers.Serializer):
    kind = choice(
        [NoteKind.PSYCHOLOGICAL, NoteKind.LEGAL], help_text=_("Which profession's notes to open.")
    )
    reason = serializers.CharField(allow_blank=True)


class BreakGlassAccessSerializer(serializers.ModelSerializer):
    user = StaffRefSerializer()

    class Meta:
        model = BreakGlassAccess
        fields = ["id", "beneficiary", "note_kind", "user", "reason", "at", "expires_at"]
        read_only_fields = fields


# --- Documents ------------------------------------------------------------------------------


class DocumentSerializer(serializers.ModelSerializer):
    uploaded_by = StaffRefSerializer()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "doc_type",
            "original_name",
            "content_type",
            "size",
            "expires_on",
            "uploaded_by",
            "uploaded_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, document: Document) -> str:
        return reverse("api-casework-document-download", kwargs={"document_id": document.pk})


class DocumentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=_("PDF, image or office file; judged by its content, not its name.")
    )
    doc_type = choice(DocumentType.choices)
    expires_on = serializers.DateField(required=False, allow_null=True)


# --- Audit ----------------------------------------------------------------------------------


class AuditEventSerializer(serializers.ModelSerializer):
    user = StaffRefSerializer(allow_null=True)

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "user",
            "action",
            "object_type",
            "object_id",
            "beneficiary_id",
            "ip_address",
            "path",
            "detail",
        ]
        read_only_fields = fields
