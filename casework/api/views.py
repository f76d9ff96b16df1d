"""The casework API: the twin of every casework page, with the same permissions.

As on the pages, an endpoint about one person reaches them through `beneficiary_for`
(which audits the read) before it looks at the method or the input, so a person outside
the caller's reach is a 404 whatever is asked. Input is shaped by a serializer and handed
to a service function, which checks the role again, decides and stores: its
ValidationError is a 400 with the same messages as the pages (nothing stored), its
PermissionDenied a 403 (see kentro.api_errors).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from accounts.models import Membership
from casework import (
    assessments,
    audit,
    cases,
    consent,
    deliveries,
    documents,
    households,
    notes,
    plans,
    reception,
    registry,
    rights,
)
from casework.access import Actor, actor_for, beneficiary_for, people_in_reach
from casework.api import serializers as s
from casework.models import (
    ActionPlan,
    AuditEvent,
    Beneficiary,
    Case,
    ConsentRecord,
    Contact,
    Document,
    Household,
    HouseholdMember,
    NeedsAssessment,
    PlanGoal,
    PlanReview,
    PlanStep,
    ServiceDelivery,
    SocialHistory,
    SocialResearch,
)
from casework.permissions import Action
from casework.timeline import timeline_for

# --- Bases ----------------------------------------------------------------------------------


class CaseworkView(APIView):
    """An endpoint of a centre's casework: the acting member is known before any handler."""

    pagination_class = api_settings.DEFAULT_PAGINATION_CLASS
    # The input the browsable API's form offers (nothing to fill in by default).
    serializer_class: type[serializers.Serializer] = serializers.Serializer
    actor: Actor

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.actor = actor_for(request._request)

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            "request": self.request,
            "view": self,
            "actor": getattr(self, "actor", None),
            "person": getattr(self, "person", None),
        }

    def get_serializer(self, *args: Any, **kwargs: Any) -> serializers.Serializer:
        """The view's input serializer (the browsable API renders its form from it)."""
        kwargs.setdefault("context", self.get_serializer_context())
        return self.serializer_class(*args, **kwargs)

    def parse(self, serializer_class, data=None, **kwargs: Any) -> dict[str, Any]:
        """The request's input, shaped and type-checked (400 with field errors if not)."""
        serializer = serializer_class(
            data=self.request.data if data is None else data,
            context=self.get_serializer_context(),
            **kwargs,
        )
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def reply(self, serializer_class, instance, code: int = status.HTTP_200_OK) -> Response:
        return Response(
            serializer_class(instance, context=self.get_serializer_context()).data, status=code
        )

    def page(self, items, serializer_class) -> Response:
        """One page of a list (`?page=`), with the count and links to the others."""
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(items, self.request, view=self)
        data = serializer_class(page, many=True, context=self.get_serializer_context()).data
        return paginator.get_paginated_response(data)


class PersonView(CaseworkView):
    """An endpoint about one person (`person_id` in the path).

    `actions` says which action each method needs. The person is reached first (audited),
    for that action or, for a method the endpoint does not take, for viewing, so that the
    answer is 404 for anyone out of reach, 403 for a role without the action, and only
    then 405 for a wrong method.
    """

    actions: ClassVar[dict[str, Action]] = {}
    person: Beneficiary

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        method = "GET" if request.method == "HEAD" else request.method
        action = self.actions.get(method, Action.VIEW_PERSON)
        self.person = beneficiary_for(self.actor, kwargs["person_id"], action)


def _created(view: CaseworkView, serializer_class, instance) -> Response:
    return view.reply(serializer_class, instance, status.HTTP_201_CREATED)


# --- People ---------------------------------------------------------------------------------

DUPLICATE_RESPONSES = {
    409: OpenApiResponse(
        s.DuplicatePersonSerializer, description="The ΑΜΚΑ or ΑΦΜ is already registered."
    ),
}


def _duplicate(actor: Actor, error: registry.DuplicatePerson) -> Response:
    """409 naming the registered person only if the caller may open their record."""
    existing = people_in_reach(actor).filter(pk=error.existing.pk).first()
    return Response(
        {
            "errors": {"__all__": error.messages},
            "existing_person": existing.pk if existing else None,
        },
        status=status.HTTP_409_CONFLICT,
    )


def _possible_duplicates(actor: Actor, warning: registry.PossibleDuplicates) -> Response:
    ids = [person.pk for person in warning.candidates]
    reachable = list(people_in_reach(actor).filter(pk__in=ids).select_related("municipality"))
    return Response(
        {
            "errors": {
                "__all__": [
                    _(
                        "People with a similar name and the same date of birth are already "
                        "registered. Check them; to register anyway, send the registration "
                        "again with confirm_not_duplicate."
                    )
                ]
            },
            "candidates": s.PersonSummarySerializer(reachable, many=True).data,
            "hidden_candidates": len(ids) - len(reachable),
        },
        status=status.HTTP_409_CONFLICT,
    )


class PeopleView(CaseworkView):
    serializer_class = s.PersonRegisterSerializer

    @extend_schema(
        parameters=[s.PersonSearchQuerySerializer],
        responses=s.PersonSummarySerializer(many=True),
        description="Search people in reach: one box for names (either script, any "
        "accents), ΑΜΚΑ, ΑΦΜ or phone, narrowed by the filters.",
    )
    def get(self, request) -> Response:
        query = self.parse(s.PersonSearchQuerySerializer, request.query_params)
        if query.get("caseworker") or query.get("case_status"):
            # Roles that do not see case files cannot filter by them either.
            self.actor.require(Action.VIEW_CASE)
        municipality = query.get("municipality")
        people = registry.search_people(
            actor=self.actor,
            query=query.get("q", ""),
            unit_id=query.get("unit"),
            municipality_id=municipality.pk if municipality else None,
            target_group=query.get("target_group", ""),
            caseworker_id=query.get("caseworker"),
            case_status=query.get("case_status", ""),
        ).select_related("municipality")
        return self.page(people, s.PersonSummarySerializer)

    @extend_schema(
        request=s.PersonRegisterSerializer,
        responses={
            201: s.PersonSerializer,
            409: OpenApiResponse(
                PolymorphicProxySerializer(
                    component_name="RegistrationConflict",
                    serializers=[s.DuplicatePersonSerializer, s.PossibleDuplicatesSerializer],
                    resource_type_field_name=None,
                ),
                description="Already registered (ΑΜΚΑ or ΑΦΜ), or possibly registered "
                "(similar name, same date of birth: confirm_not_duplicate to go on).",
            ),
        },
    )
    def post(self, request) -> Response:
        self.actor.require(Action.REGISTER_PERSON)
        data = self.parse(s.PersonRegisterSerializer)
        confirm = data.pop("confirm_not_duplicate", False)
        try:
            person = registry.beneficiary_register(
                actor=self.actor, data=data, confirm_not_duplicate=confirm
            )
        except registry.DuplicatePerson as error:
            return _duplicate(self.actor, error)
        except registry.PossibleDuplicates as warning:
            return _possible_duplicates(self.actor, warning)
        return _created(self, s.PersonSerializer, _person_with_places(person.pk))


def _person_with_places(person_id: int) -> Beneficiary:
    return Beneficiary.objects.select_related("municipality", "municipal_unit", "unit").get(
        pk=person_id
    )


class PersonDetailView(PersonView):
    serializer_class = s.PersonInputSerializer
    actions = {"GET": Action.VIEW_PERSON, "PATCH": Action.EDIT_PERSON}

    @extend_schema(responses=s.PersonSerializer)
    def get(self, request, person_id: int) -> Response:
        return self.reply(s.PersonSerializer, _person_with_places(self.person.pk))

    @extend_schema(
        request=s.PersonInputSerializer,
        responses={200: s.PersonSerializer, **DUPLICATE_RESPONSES},
    )
    def patch(self, request, person_id: int) -> Response:
        data = self.parse(s.PersonInputSerializer, instance=self.person, partial=True)
        try:
            registry.beneficiary_update(actor=self.actor, person=self.person, data=data)
        except registry.DuplicatePerson as error:
            return _duplicate(self.actor, error)
        return self.reply(s.PersonSerializer, _person_with_places(self.person.pk))


class PersonMergeView(PersonView):
    serializer_class = s.MergeInputSerializer
    actions = {"POST": Action.MERGE_PEOPLE}

    @extend_schema(
        request=s.MergeInputSerializer,
        responses=s.PersonSerializer,
        description="Coordinator: merge two records of the same person; all history is "
        "kept on the record that stays.",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.MergeInputSerializer)
        other = beneficiary_for(self.actor, data["other_id"], Action.MERGE_PEOPLE)
        keep, duplicate = self.person, other
        if data["keep"] == s.MergeInputSerializer.KEEP_OTHER:
            keep, duplicate = other, self.person
        kept = registry.beneficiaries_merge(actor=self.actor, keep=keep, duplicate=duplicate)
        return self.reply(s.PersonSerializer, _person_with_places(kept.pk))


# --- Consent --------------------------------------------------------------------------------


class ConsentsView(PersonView):
    serializer_class = s.ConsentInputSerializer
    actions = {"GET": Action.MANAGE_CONSENT, "POST": Action.MANAGE_CONSENT}

    @extend_schema(responses=s.ConsentSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        records = ConsentRecord.objects.filter(beneficiary=self.person).select_related(
            "recorded_by"
        )
        return self.page(records.order_by("-given_on", "-id"), s.ConsentSerializer)

    @extend_schema(request=s.ConsentInputSerializer, responses={201: s.ConsentSerializer})
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.ConsentInputSerializer)
        record = consent.consent_record(actor=self.actor, person=self.person, **data)
        return _created(self, s.ConsentSerializer, record)


class ConsentWithdrawView(PersonView):
    actions = {"POST": Action.MANAGE_CONSENT}

    @extend_schema(request=None, responses=s.ConsentSerializer)
    def post(self, request, person_id: int, consent_id: int) -> Response:
        record = get_object_or_404(ConsentRecord, pk=consent_id, beneficiary=self.person)
        return self.reply(
            s.ConsentSerializer, consent.consent_withdraw(actor=self.actor, record=record)
        )


# --- Household ------------------------------------------------------------------------------


def _current_membership(person: Beneficiary) -> HouseholdMember | None:
    return (
        HouseholdMember.objects.filter(beneficiary=person, left_on__isnull=True)
        .select_related("household")
        .first()
    )


def _household(household_id: int) -> Household:
    return Household.objects.prefetch_related(
        Prefetch("members", queryset=HouseholdMember.objects.select_related("beneficiary"))
    ).get(pk=household_id)


class HouseholdView(PersonView):
    serializer_class = s.HouseholdCreateSerializer
    actions = {"GET": Action.VIEW_PERSON, "POST": Action.MANAGE_HOUSEHOLD}

    @extend_schema(responses=s.PersonHouseholdSerializer)
    def get(self, request, person_id: int) -> Response:
        membership = _current_membership(self.person)
        past = HouseholdMember.objects.filter(
            beneficiary=self.person, left_on__isnull=False
        ).select_related("beneficiary")
        data = {
            "household": _household(membership.household_id) if membership else None,
            "past_memberships": past.order_by("-left_on"),
        }
        return self.reply(s.PersonHouseholdSerializer, data)

    @extend_schema(
        request=s.HouseholdCreateSerializer,
        responses={201: s.HouseholdSerializer},
        description="Create a household with the person as its head.",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.HouseholdCreateSerializer)
        household = households.household_create(
            actor=self.actor,
            head=self.person,
            address=data.get("address", ""),
            monthly_income=data.get("monthly_income") or Decimal(0),
        )
        return _created(self, s.HouseholdSerializer, _household(household.pk))


class HouseholdMembersView(PersonView):
    serializer_class = s.HouseholdMemberInputSerializer
    actions = {"POST": Action.MANAGE_HOUSEHOLD}

    @extend_schema(
        request=s.HouseholdMemberInputSerializer,
        responses={201: s.HouseholdMemberSerializer},
        description="Add a member (a registered person, or a name) to the person's household.",
    )
    def post(self, request, person_id: int) -> Response:
        membership = _current_membership(self.person)
        if membership is None:
            raise serializers.ValidationError(
                {"__all__": [_("This person does not belong to a household yet.")]}
            )
        data = self.parse(s.HouseholdMemberInputSerializer)
        member_id = data.pop("beneficiary", None)
        member_person = None
        if member_id:
            member_person = self._member_person(member_id)
        member = households.household_member_add(
            actor=self.actor, household=membership.household, beneficiary=member_person, **data
        )
        return _created(self, s.HouseholdMemberSerializer, member)

    def _member_person(self, member_id: int) -> Beneficiary:
        try:
            person = beneficiary_for(self.actor, member_id, Action.MANAGE_HOUSEHOLD)
        except Http404:
            person = None
        if person is None or person.merged_into_id:
            raise serializers.ValidationError(
                {"beneficiary": [_("There is no person with this id.")]}
            )
        return person


class HouseholdMemberLeaveView(PersonView):
    serializer_class = s.HouseholdLeaveSerializer
    actions = {"POST": Action.MANAGE_HOUSEHOLD}

    @extend_schema(request=s.HouseholdLeaveSerializer, responses=s.HouseholdMemberSerializer)
    def post(self, request, person_id: int, member_id: int) -> Response:
        membership = _current_membership(self.person)
        if membership is None:
            raise Http404
        member = get_object_or_404(
            HouseholdMember.objects.select_related("household", "beneficiary"),
            pk=member_id,
            household=membership.household,
        )
        data = self.parse(s.HouseholdLeaveSerializer)
        member = households.household_member_leave(
            actor=self.actor, member=member, left_on=data.get("left_on")
        )
        return self.reply(s.HouseholdMemberSerializer, member)


# --- Cases ----------------------------------------------------------------------------------


def _cases(person: Beneficiary) -> QuerySet[Case]:
    return (
        Case.objects.filter(beneficiary=person)
        .select_related("unit")
        .prefetch_related("caseworkers")
        .order_by("-opened_on", "-id")
    )


class CasesView(PersonView):
    serializer_class = s.CaseOpenSerializer
    actions = {"GET": Action.VIEW_CASE, "POST": Action.MANAGE_CASE}

    @extend_schema(responses=s.CaseSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        return self.page(_cases(self.person), s.CaseSerializer)

    @extend_schema(
        request=s.CaseOpenSerializer,
        responses={201: s.CaseSerializer},
        description="Open a case file; the caseworker is the caller when none is given.",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.CaseOpenSerializer)
        case = cases.case_open(
            actor=self.actor,
            person=self.person,
            unit=data["unit"],
            caseworkers=list(data.get("caseworkers") or []) or None,
            opened_on=data.get("opened_on"),
        )
        return _created(self, s.CaseSerializer, _cases(self.person).get(pk=case.pk))


class CaseDetailView(PersonView):
    serializer_class = s.CaseUpdateSerializer
    actions = {"GET": Action.VIEW_CASE, "PATCH": Action.MANAGE_CASE}

    @extend_schema(responses=s.CaseSerializer)
    def get(self, request, person_id: int, case_id: int) -> Response:
        return self.reply(s.CaseSerializer, get_object_or_404(_cases(self.person), pk=case_id))

    @extend_schema(
        request=s.CaseUpdateSerializer,
        responses=s.CaseSerializer,
        description="Change status, unit or caseworkers; closing needs a reason and "
        "records the ESF+ exit data.",
    )
    def patch(self, request, person_id: int, case_id: int) -> Response:
        case = get_object_or_404(Case, pk=case_id, beneficiary=self.person)
        data = self.parse(s.CaseUpdateSerializer, partial=True)
        if "caseworkers" in data:
            data["caseworkers"] = list(data["caseworkers"])
        cases.case_update(actor=self.actor, case=case, data=data)
        return self.reply(s.CaseSerializer, _cases(self.person).get(pk=case.pk))


# --- Timeline -------------------------------------------------------------------------------


class TimelineView(PersonView):
    actions = {"GET": Action.VIEW_CASE}

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "kind",
                str,
                enum=s.TimelineEventSerializer().fields["kind"].choices,
                description="Only events of this kind.",
            )
        ],
        responses=s.TimelineEventSerializer(many=True),
    )
    def get(self, request, person_id: int) -> Response:
        events = timeline_for(self.actor, self.person)
        kind = request.query_params.get("kind")
        if kind:
            events = [event for event in events if event.kind == kind]
        return self.page(events, s.TimelineEventSerializer)


# --- Reception ------------------------------------------------------------------------------


def _contacts() -> QuerySet[Contact]:
    return Contact.objects.select_related(
        "unit", "municipality", "staff", "mediator"
    ).prefetch_related("requests")


class ContactsView(PersonView):
    serializer_class = s.ContactInputSerializer
    actions = {"GET": Action.VIEW_CASE, "POST": Action.RECORD_CONTACT}

    @extend_schema(responses=s.ContactSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        return self.page(_contacts().filter(beneficiary=self.person), s.ContactSerializer)

    @extend_schema(
        request=s.ContactInputSerializer,
        responses={201: s.ContactSerializer},
        description="Record a contact with the person and the requests raised in it.",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.ContactInputSerializer)
        contact = reception.contact_record(
            actor=self.actor,
            person=self.person,
            unit=data["unit"],
            channel=data["channel"],
            occurred_at=data.get("occurred_at") or timezone.now(),
            requests=[reception.RequestInput(**item) for item in data["requests"]],
            mediator=data.get("mediator"),
            language=data.get("language", ""),
            duration_minutes=data["duration_minutes"],
            summary=data.get("summary", ""),
        )
        return _created(self, s.ContactSerializer, _contacts().get(pk=contact.pk))


class ContactDetailView(PersonView):
    actions = {"GET": Action.VIEW_CASE}

    @extend_schema(responses=s.ContactSerializer)
    def get(self, request, person_id: int, contact_id: int) -> Response:
        contact = get_object_or_404(_contacts(), pk=contact_id, beneficiary=self.person)
        return self.reply(s.ContactSerializer, contact)


class AnonymousRequestsView(CaseworkView):
    serializer_class = s.AnonymousRequestInputSerializer

    @extend_schema(
        request=s.AnonymousRequestInputSerializer,
        responses={201: s.AnonymousContactSerializer},
        description="The front desk's anonymous information request: counted, nobody named.",
    )
    def post(self, request) -> Response:
        self.actor.require(Action.RECORD_ANONYMOUS_REQUEST)
        data = self.parse(s.AnonymousRequestInputSerializer)
        contact = reception.contact_record(
            actor=self.actor,
            person=None,
            unit=data["unit"],
            municipality=data.get("municipality") or request._request.municipality,
            channel=data["channel"],
            occurred_at=data.get("occurred_at") or timezone.now(),
            language=data.get("language", ""),
            requests=[reception.RequestInput(**item) for item in data["requests"]],
        )
        return _created(self, s.AnonymousContactSerializer, _contacts().get(pk=contact.pk))


# --- Needs assessments ----------------------------------------------------------------------


def _assessments(person: Beneficiary) -> QuerySet[NeedsAssessment]:
    return (
        NeedsAssessment.objects.filter(beneficiary=person)
        .select_related("assessed_by")
        .prefetch_related("scores")
        .order_by("-version")
    )


class AssessmentsView(PersonView):
    serializer_class = s.AssessmentInputSerializer
    actions = {"GET": Action.VIEW_CASE, "POST": Action.ASSESS_NEEDS}

    @extend_schema(responses=s.AssessmentSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        return self.page(_assessments(self.person), s.AssessmentSerializer)

    @extend_schema(
        request=s.AssessmentInputSerializer,
        responses={201: s.AssessmentSerializer},
        description="A new version of the needs assessment (earlier versions stay).",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.AssessmentInputSerializer)
        assessment = assessments.assessment_record(
            actor=self.actor,
            person=self.person,
            scores={item["domain"]: (item["severity"], item["notes"]) for item in data["scores"]},
            summary=data["summary"],
            assessed_on=data.get("assessed_on"),
        )
        return _created(
            self, s.AssessmentSerializer, _assessments(self.person).get(pk=assessment.pk)
        )


class AssessmentDetailView(PersonView):
    actions = {"GET": Action.VIEW_CASE}

    @extend_schema(responses=s.AssessmentSerializer)
    def get(self, request, person_id: int, assessment_id: int) -> Response:
        assessment = get_object_or_404(_assessments(self.person), pk=assessment_id)
        return self.reply(s.AssessmentSerializer, assessment)


# --- Social history and social research -----------------------------------------------------


class SocialHistoryView(PersonView):
    serializer_class = s.SocialHistoryInputSerializer
    actions = {"GET": Action.VIEW_CASE, "POST": Action.WRITE_SOCIAL_HISTORY}

    @extend_schema(responses=s.SocialHistorySerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        versions = SocialHistory.objects.filter(beneficiary=self.person).select_related(
            "written_by"
        )
        return self.page(versions.order_by("-version"), s.SocialHistorySerializer)

    @extend_schema(
        request=s.SocialHistoryInputSerializer,
        responses={201: s.SocialHistorySerializer},
        description="A new version of the social history (earlier versions stay).",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.SocialHistoryInputSerializer)
        history = assessments.social_history_write(
            actor=self.actor,
            person=self.person,
            text=data["text"],
            review_due=data.get("review_due"),
        )
        return _created(self, s.SocialHistorySerializer, history)


class SocialResearchView(PersonView):
    serializer_class = s.SocialResearchInputSerializer
    actions = {"GET": Action.VIEW_CASE, "POST": Action.MANAGE_SOCIAL_RESEARCH}

    @extend_schema(responses=s.SocialResearchSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        research = SocialResearch.objects.filter(beneficiary=self.person).select_related(
            "assigned_to"
        )
        return self.page(research.order_by("-requested_on", "-id"), s.SocialResearchSerializer)

    @extend_schema(
        request=s.SocialResearchInputSerializer, responses={201: s.SocialResearchSerializer}
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.SocialResearchInputSerializer)
        research = assessments.social_research_request(
            actor=self.actor,
            person=self.person,
            requested_by=data["requested_by"],
            purpose=data["purpose"],
            requested_on=data.get("requested_on"),
        )
        return _created(self, s.SocialResearchSerializer, research)


class SocialResearchCompleteView(PersonView):
    serializer_class = s.SocialResearchCompleteSerializer
    actions = {"POST": Action.MANAGE_SOCIAL_RESEARCH}

    @extend_schema(request=s.SocialResearchCompleteSerializer, responses=s.SocialResearchSerializer)
    def post(self, request, person_id: int, research_id: int) -> Response:
        research = get_object_or_404(SocialResearch, pk=research_id, beneficiary=self.person)
        data = self.parse(s.SocialResearchCompleteSerializer)
        research = assessments.social_research_complete(
            actor=self.actor, research=research, report=data["report"]
        )
        return self.reply(s.SocialResearchSerializer, research)


# --- Action plans ---------------------------------------------------------------------------


def _plans(person: Beneficiary) -> QuerySet[ActionPlan]:
    return (
        ActionPlan.objects.filter(beneficiary=person)
        .select_related("created_by")
        .prefetch_related(
            Prefetch("goals", queryset=PlanGoal.objects.order_by("id")),
            Prefetch("goals__steps", queryset=PlanStep.objects.select_related("owner_staff")),
            Prefetch("reviews", queryset=PlanReview.objects.select_related("reviewed_by")),
        )
        .order_by("-created_on", "-id")
    )


class PlansView(PersonView):
    actions = {"GET": Action.VIEW_CASE, "POST": Action.MANAGE_PLAN}

    @extend_schema(responses=s.PlanSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        return self.page(_plans(self.person), s.PlanSerializer)

    @extend_schema(
        request=None,
        responses={201: s.PlanSerializer},
        description="Start an action plan (one active plan at a time).",
    )
    def post(self, request, person_id: int) -> Response:
        plan = plans.plan_create(actor=self.actor, person=self.person)
        return _created(self, s.PlanSerializer, _plans(self.person).get(pk=plan.pk))


class PlanDetailView(PersonView):
    actions = {"GET": Action.VIEW_CASE}

    @extend_schema(responses=s.PlanSerializer)
    def get(self, request, person_id: int, plan_id: int) -> Response:
        return self.reply(s.PlanSerializer, get_object_or_404(_plans(self.person), pk=plan_id))


class PlanGoalsView(PersonView):
    serializer_class = s.GoalInputSerializer
    actions = {"POST": Action.MANAGE_PLAN}

    @extend_schema(request=s.GoalInputSerializer, responses={201: s.GoalSerializer})
    def post(self, request, person_id: int, plan_id: int) -> Response:
        plan = get_object_or_404(ActionPlan, pk=plan_id, beneficiary=self.person)
        data = self.parse(s.GoalInputSerializer)
        goal = plans.goal_add(actor=self.actor, plan=plan, **data)
        return _created(self, s.GoalSerializer, goal)


class PlanReviewsView(PersonView):
    serializer_class = s.PlanReviewInputSerializer
    actions = {"POST": Action.MANAGE_PLAN}

    @extend_schema(request=s.PlanReviewInputSerializer, responses={201: s.PlanReviewSerializer})
    def post(self, request, person_id: int, plan_id: int) -> Response:
        plan = get_object_or_404(ActionPlan, pk=plan_id, beneficiary=self.person)
        data = self.parse(s.PlanReviewInputSerializer)
        review = plans.plan_review(actor=self.actor, plan=plan, notes=data["notes"])
        return _created(self, s.PlanReviewSerializer, review)


class GoalStepsView(PersonView):
    serializer_class = s.StepInputSerializer
    actions = {"POST": Action.MANAGE_PLAN}

    @extend_schema(request=s.StepInputSerializer, responses={201: s.StepSerializer})
    def post(self, request, person_id: int, goal_id: int) -> Response:
        goal = get_object_or_404(
            PlanGoal.objects.select_related("plan"), pk=goal_id, plan__beneficiary=self.person
        )
        data = self.parse(s.StepInputSerializer)
        step = plans.step_add(
            actor=self.actor,
            goal=goal,
            description=data["description"],
            owner=data["owner"],
            owner_staff=data.get("owner_staff"),
            owner_service=data.get("owner_service", ""),
            due_on=data.get("due_on"),
        )
        return _created(self, s.StepSerializer, step)


class StepStatusView(PersonView):
    serializer_class = s.StepStatusSerializer
    actions = {"POST": Action.MANAGE_PLAN}

    @extend_schema(request=s.StepStatusSerializer, responses=s.StepSerializer)
    def post(self, request, person_id: int, step_id: int) -> Response:
        step = get_object_or_404(
            PlanStep.objects.select_related("goal__plan", "owner_staff"),
            pk=step_id,
            goal__plan__beneficiary=self.person,
        )
        data = self.parse(s.StepStatusSerializer)
        step = plans.step_set_status(actor=self.actor, step=step, status=data["status"])
        return self.reply(s.StepSerializer, step)


# --- Services delivered ---------------------------------------------------------------------


class ServicesView(PersonView):
    serializer_class = s.ServiceDeliveryInputSerializer
    actions = {"GET": Action.VIEW_CASE, "POST": Action.RECORD_SERVICE}

    @extend_schema(responses=s.ServiceDeliverySerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        services = ServiceDelivery.objects.filter(beneficiary=self.person).select_related("staff")
        return self.page(services.order_by("-delivered_on", "-id"), s.ServiceDeliverySerializer)

    @extend_schema(
        request=s.ServiceDeliveryInputSerializer, responses={201: s.ServiceDeliverySerializer}
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.ServiceDeliveryInputSerializer)
        service = deliveries.service_record(
            actor=self.actor,
            person=self.person,
            kind=data["kind"],
            delivered_on=data.get("delivered_on") or timezone.localdate(),
            duration_minutes=data["duration_minutes"],
            plan_step=data.get("plan_step"),
            notes=data["notes"],
        )
        return _created(self, s.ServiceDeliverySerializer, service)


# --- Notes and break-glass ------------------------------------------------------------------


class NotesView(PersonView):
    serializer_class = s.NoteInputSerializer
    # Writing is decided per kind of note by the service (each profession its own).
    actions = {"GET": Action.READ_GENERAL_NOTES, "POST": Action.READ_GENERAL_NOTES}

    @extend_schema(
        responses=s.NoteSerializer(many=True),
        description="The notes the caller may read: general notes, and psychological or "
        "legal notes only for their profession (or after break-glass).",
    )
    def get(self, request, person_id: int) -> Response:
        return self.page(notes.notes_for(self.actor, self.person), s.NoteSerializer)

    @extend_schema(request=s.NoteInputSerializer, responses={201: s.NoteSerializer})
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.NoteInputSerializer)
        note = notes.note_write(
            actor=self.actor, person=self.person, kind=data["kind"], text=data["text"]
        )
        return _created(self, s.NoteSerializer, note)


class BreakGlassView(PersonView):
    serializer_class = s.BreakGlassInputSerializer
    actions = {"POST": Action.BREAK_GLASS}

    @extend_schema(
        request=s.BreakGlassInputSerializer,
        responses={201: s.BreakGlassAccessSerializer},
        description="Open another profession's notes for a limited time, with a reason "
        "the coordinator sees.",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.BreakGlassInputSerializer)
        access = notes.break_glass(
            actor=self.actor, person=self.person, kind=data["kind"], reason=data["reason"]
        )
        return _created(self, s.BreakGlassAccessSerializer, access)


class BreakGlassLogView(CaseworkView):
    @extend_schema(
        responses=s.BreakGlassAccessSerializer(many=True),
        description="Coordinator: every break-glass access to people in reach.",
    )
    def get(self, request) -> Response:
        accesses = notes.break_glass_log(self.actor).filter(
            beneficiary__in=people_in_reach(self.actor, include_merged=True)
        )
        return self.page(accesses.order_by("-at", "-id"), s.BreakGlassAccessSerializer)


# --- Documents ------------------------------------------------------------------------------


class DocumentsView(PersonView):
    serializer_class = s.DocumentUploadSerializer
    actions = {"GET": Action.DOWNLOAD_DOCUMENT, "POST": Action.UPLOAD_DOCUMENT}
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(responses=s.DocumentSerializer(many=True))
    def get(self, request, person_id: int) -> Response:
        found = Document.objects.filter(beneficiary=self.person).select_related("uploaded_by")
        return self.page(found.order_by("-uploaded_at", "-id"), s.DocumentSerializer)

    @extend_schema(
        request={"multipart/form-data": s.DocumentUploadSerializer},
        responses={201: s.DocumentSerializer},
        description="Upload a document (multipart). The content decides what it is: "
        "HTML, scripts and unknown formats are refused, whatever the name says.",
    )
    def post(self, request, person_id: int) -> Response:
        data = self.parse(s.DocumentUploadSerializer)
        document = documents.document_upload(
            actor=self.actor,
            person=self.person,
            upload=data["file"],
            doc_type=data["doc_type"],
            expires_on=data.get("expires_on"),
        )
        return _created(self, s.DocumentSerializer, document)


class DocumentDownloadView(CaseworkView):
    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Out of reach is 404 for any method (before a 405), like a person's endpoints.
        reachable = Document.objects.filter(
            pk=kwargs["document_id"],
            beneficiary__in=people_in_reach(self.actor, include_merged=True),
        )
        if not reachable.exists():
            raise Http404

    @extend_schema(
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
        description="The file, as an attachment of the type its content was judged to be.",
    )
    def get(self, request, document_id: int) -> FileResponse:
        document = documents.document_for_download(self.actor, document_id)
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )
        # Never rendered by a browser in our origin, never cached.
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response["Cache-Control"] = "private, no-store"
        return response


# --- Audit and the data-subject export ------------------------------------------------------


class PersonAuditView(PersonView):
    actions = {"GET": Action.VIEW_AUDIT}

    @extend_schema(
        responses=s.AuditEventSerializer(many=True),
        description="Coordinator: who read or changed this record (and records merged into "
        "it), when and from where.",
    )
    def get(self, request, person_id: int) -> Response:
        ids = [self.person.pk, *self.person.merged_records.values_list("pk", flat=True)]
        events = AuditEvent.objects.filter(beneficiary_id__in=ids).select_related("user")
        return self.page(events, s.AuditEventSerializer)


class StaffAuditView(CaseworkView):
    @extend_schema(
        responses=s.AuditEventSerializer(many=True),
        description="Coordinator: what one staff member of the centre did, newest first.",
    )
    def get(self, request, user_id: int) -> Response:
        self.actor.require(Action.VIEW_AUDIT)
        get_object_or_404(Membership, tenant=self.actor.membership.tenant, user_id=user_id)
        events = AuditEvent.objects.filter(user_id=user_id).select_related("user")
        if self.actor.municipality_id is not None:
            # A coordinator limited to one municipality sees only what touched its people.
            events = events.filter(
                beneficiary_id__in=people_in_reach(self.actor, include_merged=True).values("pk")
            )
        response = self.page(events, s.AuditEventSerializer)
        # Reading the trail names people, so the reading is itself on the trail.
        audit.record(
            request=request._request,
            user=self.actor.user,
            action=AuditEvent.Action.VIEW,
            object_type="audit_trail",
            detail={"staff_user": user_id},
        )
        return response


class PersonExportView(PersonView):
    actions = {"GET": Action.EXPORT_PERSON}

    @extend_schema(
        responses=OpenApiTypes.OBJECT,
        description="Coordinator: everything held about the person (GDPR art. 15), as JSON.",
    )
    def get(self, request, person_id: int) -> Response:
        return Response(rights.person_export(self.actor, self.person))
