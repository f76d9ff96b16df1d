from casework.models.assessments import NeedsAssessment, NeedScore, SocialHistory, SocialResearch
from casework.models.cases import Case, Contact, Request, ServiceDelivery
from casework.models.households import Household, HouseholdMember
from casework.models.people import SPECIAL_CATEGORY_FIELDS, Beneficiary, ConsentRecord
from casework.models.plans import ActionPlan, PlanGoal, PlanReview, PlanStep
from casework.models.records import AuditEvent, BreakGlassAccess, Document, Note
from casework.models.referrals import Referral, ReferralEvent

__all__ = [
    "SPECIAL_CATEGORY_FIELDS",
    "ActionPlan",
    "AuditEvent",
    "Beneficiary",
    "BreakGlassAccess",
    "Case",
    "ConsentRecord",
    "Contact",
    "Document",
    "Household",
    "HouseholdMember",
    "NeedScore",
    "NeedsAssessment",
    "Note",
    "PlanGoal",
    "PlanReview",
    "PlanStep",
    "Referral",
    "ReferralEvent",
    "Request",
    "ServiceDelivery",
    "SocialHistory",
    "SocialResearch",
]
