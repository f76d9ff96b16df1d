"""Vocabularies of casework (Greek first in the UI through the el catalogue)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    NON_BINARY = "non_binary", _("Non-binary")
    UNKNOWN = "unknown", _("Not stated")


class ResidenceStatus(models.TextChoices):
    GREEK_OR_EU = "greek_eu", _("Greek or EU citizen")
    THIRD_COUNTRY_LEGAL = "tcn_legal", _("Third-country national, legal resident")
    INTERNATIONAL_PROTECTION = (
        "international_protection",
        _("Beneficiary of international protection (ΑΔΕΤ)"),
    )
    ASYLUM_SEEKER = "asylum_seeker", _("Asylum seeker (ΔΑΔΠ)")
    OTHER = "other", _("Other")


class TargetGroup(models.TextChoices):
    MINIMUM_INCOME = "minimum_income", _("Minimum income (ΕΕΕ) beneficiary")
    POVERTY = "poverty", _("Poverty or social exclusion")
    UNEMPLOYED = "unemployed", _("Unemployed")
    CHILD = "child", _("Child")
    SINGLE_PARENT = "single_parent", _("Single-parent family")
    DISABILITY = "disability", _("Person with disability (ΑμεΑ)")
    MIGRANT = "migrant", _("Migrant")
    INTERNATIONAL_PROTECTION = (
        "international_protection",
        _("Beneficiary of international protection"),
    )
    ASYLUM_SEEKER = "asylum_seeker", _("Asylum seeker")
    ROMA = "roma", _("Roma")
    HOMELESS = "homeless", _("Homeless")
    ELDERLY = "elderly", _("Elderly person living alone")


class EmploymentStatus(models.TextChoices):
    """ESF+ employment situation at entry: mutually exclusive, they sum to EECO01."""

    EMPLOYED = "employed", _("Employed, including self-employed")
    UNEMPLOYED = "unemployed", _("Unemployed (less than 12 months)")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed (12 months or more)")
    INACTIVE = "inactive", _("Inactive (not in employment, not looking)")
    INACTIVE_IN_EDUCATION = "inactive_in_education", _("Inactive, in education or training")


class IscedLevel(models.TextChoices):
    ISCED_0_2 = "isced_0_2", _("Up to lower secondary (ISCED 0–2)")
    ISCED_3_4 = "isced_3_4", _("Upper secondary or post-secondary (ISCED 3–4)")
    ISCED_5_8 = "isced_5_8", _("Tertiary (ISCED 5–8)")
    UNKNOWN = "unknown", _("Not known")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class ClosureReason(models.TextChoices):
    GOALS_MET = "goals_met", _("Goals of the action plan met")
    REFERRED = "referred", _("Referred to another service")
    MOVED = "moved", _("Moved to another municipality")
    NO_CONTACT = "no_contact", _("No contact for a long time")
    DECLINED = "declined", _("Person no longer wishes support")
    DECEASED = "deceased", _("Deceased")
    OTHER = "other", _("Other")


class ContactChannel(models.TextChoices):
    WALK_IN = "walk_in", _("Walk-in")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    HOME_VISIT = "home_visit", _("Home visit")
    MOBILE_UNIT = "mobile_unit", _("Mobile Unit visit")
    OUTREACH = "outreach", _("Outreach")


class RequestCategory(models.TextChoices):
    INFORMATION = "information", _("Information on programmes and rights")
    MINIMUM_INCOME = "minimum_income", _("Minimum income (ΕΕΕ)")
    HOUSING_BENEFIT = "housing_benefit", _("Housing benefit")
    CHILD_BENEFIT = "child_benefit", _("Child benefit")
    FOOD_AID = "food_aid", _("Food and basic goods (ΤΕΒΑ)")
    DISABILITY_BENEFIT = "disability_benefit", _("Disability benefits")
    HEALTH = "health", _("Health care and insurance")
    MENTAL_HEALTH = "mental_health", _("Psychosocial support")
    LEGAL = "legal", _("Legal advice")
    MIGRATION = "migration", _("Residence permits and asylum")
    EMPLOYMENT = "employment", _("Employment and training")
    EDUCATION = "education", _("Education and Greek language")
    HOUSING = "housing", _("Housing")
    CHILDCARE = "childcare", _("Childcare")
    DOCUMENTS = "documents", _("Documents and applications")
    OTHER = "other", _("Other")


class RequestOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    INFORMED = "informed", _("Information given")
    SERVED = "served", _("Handled by the centre")
    REFERRED = "referred", _("Referred to another service")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class NeedDomain(models.TextChoices):
    INCOME = "income", _("Income")
    HOUSING = "housing", _("Housing")
    PHYSICAL_HEALTH = "physical_health", _("Physical health")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    EMPLOYMENT = "employment", _("Employment")
    EDUCATION = "education", _("Education and skills")
    LEGAL_STATUS = "legal_status", _("Legal status")
    FAMILY_CARE = "family_care", _("Family and care")
    SOCIAL_NETWORK = "social_network", _("Social network")
    BASIC_NEEDS = "basic_needs", _("Basic needs")


class ServiceKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    COUNSELLING = "counselling", _("Counselling")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    PSYCHOLOGICAL_SESSION = "psychological_session", _("Psychological session")
    LEGAL_COUNSELLING = "legal_counselling", _("Legal counselling")
    MEDIATION = "mediation", _("Mediation")
    INTERPRETATION = "interpretation", _("Interpretation")
    APPLICATION_SUPPORT = "application_support", _("Support with an application")
    JOB_SEARCH = "job_search", _("Job-search support")
    HOME_VISIT = "home_visit", _("Home visit")


class NoteKind(models.TextChoices):
    GENERAL = "general", _("General note")
    PSYCHOLOGICAL = "psychological", _("Psychological note")
    LEGAL = "legal", _("Legal note")


class DocumentType(models.TextChoices):
    """Δικαιολογητικά a centre collects most often."""

    ID_CARD = "id_card", _("Identity card or passport")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit (ΑΔΕΤ / ΔΑΔΠ)")
    AMKA_CERTIFICATE = "amka_certificate", _("ΑΜΚΑ certificate")
    TAX_RETURN = "tax_return", _("Tax return (Ε1)")
    TAX_ASSESSMENT = "tax_assessment", _("Tax assessment (εκκαθαριστικό)")
    UTILITY_BILL = "utility_bill", _("Utility bill")
    LEASE = "lease", _("Lease (e-μίσθωση) or Ε2/Ε9")
    IBAN = "iban", _("Bank account (IBAN) certificate")
    UNEMPLOYMENT_CARD = "unemployment_card", _("Unemployment card (ΔΥΠΑ)")
    DISABILITY_CERTIFICATE = "disability_certificate", _("Disability certificate (ΚΕΠΑ)")
    SCHOOL_CERTIFICATE = "school_certificate", _("School certificate")
    CUSTODY = "custody", _("Custody or single-parent documents")
    CONSENT_FORM = "consent_form", _("Signed consent form")
    MEDICAL = "medical", _("Medical report")
    OTHER = "other", _("Other")


class ConsentPurpose(models.TextChoices):
    CASEWORK = "casework", _("Registration and casework at the centre")
    REFERRALS = "referrals", _("Referrals to other services")
    SPECIAL_CATEGORY = "special_category", _("Processing of special-category data")
    ESF_REPORTING = "esf_reporting", _("ESF+ participant reporting")
    CONTACT = "contact", _("Being contacted by phone, SMS or email")


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("Consent (GDPR art. 6(1)(a), 9(2)(a))")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (art. 6(1)(c))")
    PUBLIC_TASK = "public_task", _("Public task (art. 6(1)(e), 9(2)(g))")
    VITAL_INTERESTS = "vital_interests", _("Vital interests (art. 6(1)(d))")
