"""Forms of the registry pages. They only shape and check input; the services in
casework.registry, households, cases and consent decide and store."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.models import fields_for_model
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, User
from accounts.roles import TENANT_ROLES
from casework.access import Actor
from casework.identifiers import validate_paaypa, validate_permit_number, validate_personal_number
from casework.models import SPECIAL_CATEGORY_FIELDS, Beneficiary, Case, Document, HouseholdMember
from casework.models.choices import (
    CaseStatus,
    ClosureReason,
    ConsentPurpose,
    LegalBasis,
    ResidenceStatus,
    TargetGroup,
)
from casework.permissions import Action, role_may
from geography.models import Municipality, MunicipalUnit
from tenants.models import Unit


class DateInput(forms.DateInput):
    """The browser's date picker; it always sends ISO dates, whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.email


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.email


class MunicipalUnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MunicipalUnit) -> str:
        return f"{obj.name} ({obj.municipality.name})"


def served_municipalities(actor: Actor):
    """The centre's municipalities; a member limited to one municipality sees only it."""
    municipalities = actor.membership.tenant.municipalities.order_by("name")
    if actor.municipality_id is not None:
        municipalities = municipalities.filter(pk=actor.municipality_id)
    return municipalities


def centre_units(actor: Actor):
    return Unit.objects.filter(tenant=actor.membership.tenant).order_by("kind", "name")


def centre_staff(actor: Actor, *, caseworkers_only: bool = False):
    """Active members of the centre (optionally only roles that work on cases)."""
    memberships = Membership.objects.filter(tenant=actor.membership.tenant, is_active=True)
    if caseworkers_only:
        memberships = memberships.filter(
            role__in=[role for role in TENANT_ROLES if role_may(role, Action.VIEW_CASE)]
        )
    return User.objects.filter(pk__in=memberships.values("user_id")).order_by(
        "last_name", "first_name", "email"
    )


# --- Search -------------------------------------------------------------------------------


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, ΑΜΚΑ, ΑΦΜ or phone"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Greek or Latin letters, with or without accents."),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.none(), required=False, empty_label=_("Any")
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("Any"),
    )
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    caseworker = StaffChoiceField(
        label=_("Caseworker"), queryset=User.objects.none(), required=False, empty_label=_("Any")
    )
    case_status = forms.ChoiceField(label=_("Case status"), required=False)

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = centre_units(actor)
        self.fields["municipality"].queryset = served_municipalities(actor)
        self.fields["target_group"].choices = [("", _("Any")), *TargetGroup.choices]
        if actor.may(Action.VIEW_CASE):
            self.fields["caseworker"].queryset = centre_staff(actor, caseworkers_only=True)
            self.fields["case_status"].choices = [("", _("Any")), *CaseStatus.choices]
        else:
            # Roles that do not see case files cannot filter by them either.
            del self.fields["caseworker"], self.fields["case_status"]

    def has_criteria(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())

    def has_filters(self) -> bool:
        return self.has_criteria() and any(v for k, v in self.cleaned_data.items() if k != "q")

    def search_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "unit_id": data["unit"].pk if data.get("unit") else None,
            "municipality_id": data["municipality"].pk if data.get("municipality") else None,
            "target_group": data.get("target_group") or "",
            "caseworker_id": data["caseworker"].pk if data.get("caseworker") else None,
            "case_status": data.get("case_status") or "",
        }


class PickPersonForm(forms.Form):
    """One search box to pick another registered person (household member, merge)."""

    q = forms.CharField(
        label=_("Find a registered person"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Name in Greek or Latin letters, ΑΜΚΑ, ΑΦΜ or phone."),
    )


# --- The person ---------------------------------------------------------------------------

PERSON_SECTIONS: list[tuple[str, Any, list[str]]] = [
    (
        "names",
        _("Names"),
        [
            "first_name",
            "last_name",
            "father_name",
            "mother_name",
            "first_name_latin",
            "last_name_latin",
        ],
    ),
    (
        "identity",
        _("Identity"),
        [
            "sex",
            "birth_date",
            "nationality",
            "country_of_birth",
            "amka",
            "afm",
            "paaypa",
            "personal_number",
            "id_document_number",
        ],
    ),
    ("residence", _("Residence status"), ["residence_status", "permit_number", "permit_expiry"]),
    (
        "contact",
        _("Contact and address"),
        ["phone", "email", "address", "postal_code", "municipality", "municipal_unit"],
    ),
    ("language", _("Language"), ["languages", "needs_interpreter", "interpreter_language"]),
    ("target_groups", _("Target groups"), ["target_groups"]),
    (
        "esf",
        _("ESF+ entry data"),
        [
            "employment_status",
            "isced_level",
            "disability",
            "minority_roma",
            "foreign_background",
            "homeless_or_housing_exclusion",
            "rural_area",
        ],
    ),
    ("registration", _("Registration"), ["unit"]),
]
PERSON_FORM_FIELDS = [name for _key, _title, names in PERSON_SECTIONS for name in names]

# Fields generated from the model (labels, choices, lengths), then adjusted below.
_PersonModelFields = type(
    "_PersonModelFields",
    (forms.Form,),
    fields_for_model(
        Beneficiary,
        fields=PERSON_FORM_FIELDS,
        widgets={"birth_date": DateInput(), "permit_expiry": DateInput()},
    ),
)

# Which kind of card the permit number is, by residence status (for its format check).
PERMIT_KIND = {
    ResidenceStatus.ASYLUM_SEEKER: "dadp",
    ResidenceStatus.INTERNATIONAL_PROTECTION: "adet",
}


class PersonForm(_PersonModelFields):
    """All the fields of a person, in sections. Identifiers are taken as typed (spaces,
    dashes) and checked by the registry, which also answers duplicates."""

    special_category_fields = SPECIAL_CATEGORY_FIELDS

    first_name_latin = forms.CharField(
        label=capfirst(_("first name (Latin)")),
        max_length=100,
        required=False,
        help_text=_("Generated by ELOT 743 when left empty."),
    )
    last_name_latin = forms.CharField(
        label=capfirst(_("last name (Latin)")),
        max_length=100,
        required=False,
        help_text=_("Generated by ELOT 743 when left empty."),
    )
    amka = forms.CharField(label="ΑΜΚΑ", max_length=20, required=False)
    afm = forms.CharField(label="ΑΦΜ", max_length=20, required=False)
    paaypa = forms.CharField(label="ΠΑΑΥΠΑ", max_length=20, required=False)
    personal_number = forms.CharField(
        label=_("Personal Number (Προσωπικός Αριθμός)"), max_length=20, required=False
    )
    permit_number = forms.CharField(
        label=capfirst(_("residence permit / card number")),
        max_length=30,
        required=False,
        help_text=_("ΑΔΕΤ for beneficiaries of international protection, ΔΑΔΠ for asylum seekers."),
    )
    phone = forms.CharField(label=capfirst(_("phone")), max_length=30, required=False)
    languages = forms.CharField(
        label=capfirst(_("languages")),
        max_length=100,
        required=False,
        help_text=_("Language codes separated by commas, e.g. el, ar, fa."),
    )
    interpreter_language = forms.CharField(
        label=capfirst(_("interpreter language")),
        max_length=8,
        required=False,
        help_text=_("Language code, e.g. ar."),
    )
    target_groups = forms.MultipleChoiceField(
        label=capfirst(_("target groups")),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    municipal_unit = MunicipalUnitChoiceField(
        label=capfirst(_("municipal unit")), queryset=MunicipalUnit.objects.none(), required=False
    )

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any):
        super().__init__(*args, **kwargs)
        municipalities = served_municipalities(actor)
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].empty_label = None if municipalities.count() == 1 else "—"
        self.fields["municipal_unit"].queryset = (
            MunicipalUnit.objects.filter(municipality__in=municipalities)
            .select_related("municipality")
            .order_by("municipality__name", "name")
        )
        self.fields["unit"].queryset = centre_units(actor)
        if not self.is_bound and "unit" not in self.initial and actor.membership.unit_id:
            self.initial["unit"] = actor.membership.unit_id
        for name in SPECIAL_CATEGORY_FIELDS & set(self.fields):
            self.fields[name].widget.attrs["aria-describedby"] = "special-category-note"

    @classmethod
    def initial_for(cls, person: Beneficiary) -> dict[str, Any]:
        initial = {name: getattr(person, name) for name in PERSON_FORM_FIELDS}
        initial["nationality"] = person.nationality.code or ""
        initial["country_of_birth"] = person.country_of_birth.code or ""
        initial["languages"] = ", ".join(person.languages)
        initial["municipality"] = person.municipality_id
        initial["municipal_unit"] = person.municipal_unit_id
        initial["unit"] = person.unit_id
        return initial

    def sections(self) -> list[dict[str, Any]]:
        return [
            {"key": key, "title": title, "fields": [self[name] for name in names]}
            for key, title, names in PERSON_SECTIONS
        ]

    def clean_languages(self) -> list[str]:
        codes = [code.strip().lower() for code in self.cleaned_data["languages"].split(",")]
        codes = [code for code in codes if code]
        if any(len(code) > 8 for code in codes):
            raise forms.ValidationError(_("Write short language codes, e.g. el, ar, fa."))
        return codes

    def clean_interpreter_language(self) -> str:
        return self.cleaned_data["interpreter_language"].strip().lower()

    def clean_paaypa(self) -> str:
        value = self.cleaned_data["paaypa"].strip()
        return validate_paaypa(value) if value else ""

    def clean_personal_number(self) -> str:
        value = self.cleaned_data["personal_number"].strip()
        return validate_personal_number(value) if value else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        number = (data.get("permit_number") or "").strip()
        kind = PERMIT_KIND.get(data.get("residence_status"))
        if number and kind:
            try:
                data["permit_number"] = validate_permit_number(number, kind)
            except forms.ValidationError as error:
                self.add_error("permit_number", error)
        elif number and len(number) > 20:
            self.add_error(
                "permit_number", _("The permit or card number may have at most 20 characters.")
            )
        return data

    def person_data(self) -> dict[str, Any]:
        """The fields as the registry services take them."""
        return {name: self.cleaned_data.get(name) for name in PERSON_FORM_FIELDS}


class PersonRegisterForm(PersonForm):
    confirm_not_duplicate = forms.BooleanField(
        label=_("I checked the records above: this is a different person. Register anyway."),
        required=False,
    )


# --- Consent ------------------------------------------------------------------------------


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Document) -> str:
        return f"{obj.get_doc_type_display()} – {obj.original_name} ({obj.uploaded_at:%d/%m/%Y})"


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=capfirst(_("purpose")), choices=ConsentPurpose.choices)
    legal_basis = forms.ChoiceField(label=capfirst(_("legal basis")), choices=LegalBasis.choices)
    given_on = forms.DateField(label=capfirst(_("date")), widget=DateInput())
    document = DocumentChoiceField(
        label=capfirst(_("signed document")),
        queryset=Document.objects.none(),
        required=False,
        help_text=_("Optional: the signed form, uploaded on the person's documents page."),
    )

    def __init__(self, *args: Any, person: Beneficiary, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = Document.objects.filter(beneficiary=person)
        self.fields["given_on"].initial = timezone.localdate


# --- Household ----------------------------------------------------------------------------


class HouseholdCreateForm(forms.Form):
    address = forms.CharField(
        label=capfirst(_("address")),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the person's address."),
    )
    monthly_income = forms.DecimalField(
        label=_("Monthly income of the head of household (€)"),
        min_value=0,
        max_digits=9,
        decimal_places=2,
        initial=0,
        required=False,
    )


class HouseholdMemberForm(forms.Form):
    """A registered person (picked by search) or someone who is not registered."""

    beneficiary = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=capfirst(_("name")),
        max_length=200,
        required=False,
        help_text=_("For a member who is not registered at the centre."),
    )
    birth_date = forms.DateField(
        label=capfirst(_("date of birth")), required=False, widget=DateInput()
    )
    relation = forms.ChoiceField(label=capfirst(_("relation")))
    monthly_income = forms.DecimalField(
        label=capfirst(_("monthly income (€)")), max_digits=9, decimal_places=2, initial=0
    )
    joined_on = forms.DateField(
        label=capfirst(_("joined")),
        required=False,
        widget=DateInput(),
        help_text=_("Today when left empty."),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["relation"].choices = [
            choice
            for choice in HouseholdMember.Relation.choices
            if choice[0] != HouseholdMember.Relation.HEAD
        ]


class HouseholdLeaveForm(forms.Form):
    left_on = forms.DateField(
        label=capfirst(_("left on")),
        required=False,
        widget=DateInput(),
        help_text=_("Today when left empty."),
    )


# --- Case ---------------------------------------------------------------------------------


class CaseOpenForm(forms.Form):
    unit = forms.ModelChoiceField(label=capfirst(_("unit")), queryset=Unit.objects.none())
    caseworkers = StaffMultipleChoiceField(
        label=capfirst(_("caseworkers")),
        queryset=User.objects.none(),
        required=False,
        help_text=_("You, when none is chosen."),
    )
    opened_on = forms.DateField(label=capfirst(_("opened")), required=False, widget=DateInput())

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = centre_units(actor)
        self.fields["unit"].initial = actor.membership.unit_id
        self.fields["caseworkers"].queryset = centre_staff(actor, caseworkers_only=True)
        self.fields["opened_on"].initial = timezone.localdate


EXIT_FIELD_NAMES = (
    "exit_job_searching",
    "exit_in_education",
    "exit_gained_qualification",
    "exit_employed",
    "employed_after_six_months",
    "improved_after_six_months",
)

_CaseModelFields = type(
    "_CaseModelFields",
    (forms.Form,),
    fields_for_model(
        Case,
        fields=["status", "unit", "closure_reason", "closed_on", *EXIT_FIELD_NAMES],
        widgets={"closed_on": DateInput()},
    ),
)


class CaseEditForm(_CaseModelFields):
    caseworkers = StaffMultipleChoiceField(
        label=capfirst(_("caseworkers")), queryset=User.objects.none(), required=False
    )
    closure_reason = forms.ChoiceField(
        label=capfirst(_("closure reason")),
        required=False,
        help_text=_("Required when the case is closed."),
    )

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = centre_units(actor)
        self.fields["caseworkers"].queryset = centre_staff(actor, caseworkers_only=True)
        self.fields["closure_reason"].choices = [("", "—"), *ClosureReason.choices]
        self.fields["closed_on"].help_text = _("Today when left empty.")

    @classmethod
    def initial_for(cls, case: Case) -> dict[str, Any]:
        initial = {name: getattr(case, name) for name in ("status", "closure_reason", "closed_on")}
        initial.update({name: getattr(case, name) for name in EXIT_FIELD_NAMES})
        initial["unit"] = case.unit_id
        initial["caseworkers"] = [user.pk for user in case.caseworkers.all()]
        return initial

    def exit_fields(self) -> list:
        return [self[name] for name in EXIT_FIELD_NAMES]

    def case_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["caseworkers"] = list(data["caseworkers"])
        return data


# --- Merge --------------------------------------------------------------------------------


class MergeForm(forms.Form):
    KEEP_THIS, KEEP_OTHER = "this", "other"

    other_id = forms.IntegerField(widget=forms.HiddenInput)
    keep = forms.ChoiceField(
        label=_("Which record stays"),
        choices=[(KEEP_THIS, _("Keep this record")), (KEEP_OTHER, _("Keep the other record"))],
        initial=KEEP_THIS,
        widget=forms.RadioSelect,
    )
