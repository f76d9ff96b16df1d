"""Forms of the daily-work pages. They only shape input: the rules live in the services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import Role
from casework.models import NeedsAssessment, NeedScore, PlanStep
from casework.models.choices import (
    ContactChannel,
    DocumentType,
    NeedDomain,
    NoteKind,
    RequestCategory,
    RequestOutcome,
    ServiceKind,
)
from geography.models import Municipality
from tenants.models import Tenant, Unit

# Languages the centres meet most often (ISO 639 codes; Romani and Kurmanji have no
# two-letter code). The people behind the counter pick from this short list.
LANGUAGE_CHOICES = [
    ("", "—"),
    ("el", _("Greek")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Farsi")),
    ("prs", _("Dari")),
    ("kmr", _("Kurmanji")),
    ("ckb", _("Sorani")),
    ("ps", _("Pashto")),
    ("ur", _("Urdu")),
    ("fr", _("French")),
    ("sq", _("Albanian")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("bg", _("Bulgarian")),
    ("ro", _("Romanian")),
    ("tr", _("Turkish")),
    ("rom", _("Romani")),
]

SEVERITY_CHOICES = [
    (str(value), format_lazy("{} – {}", value, label))
    for value, label in NeedScore.SEVERITY_LABELS.items()
]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _blank(choices) -> list[tuple[str, str]]:
    return [("", "—"), *choices]


def staff_of(tenant: Tenant, *, roles: set[str] | None = None) -> QuerySet[User]:
    """Active members of the centre (optionally of some roles), by name."""
    memberships = {"memberships__tenant": tenant, "memberships__is_active": True}
    if roles:
        memberships["memberships__role__in"] = sorted(roles)
    return User.objects.filter(**memberships).distinct().order_by("first_name", "last_name")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.email


class _PlaceMixin:
    """Unit (and municipality) choices limited to the actor's centre and reach."""

    def limit_place(self, *, tenant: Tenant, municipality_id: int | None) -> None:
        units = Unit.objects.filter(tenant=tenant)
        if municipality_id is not None:
            units = units.filter(municipalities__id=municipality_id)
        self.fields["unit"].queryset = units.distinct()
        if "municipality" in self.fields:
            served = tenant.municipalities.order_by("name")
            if municipality_id is not None:
                served = served.filter(pk=municipality_id)
            self.fields["municipality"].queryset = served


# --- Reception ------------------------------------------------------------------------------


class ContactForm(_PlaceMixin, forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"), choices=ContactChannel.choices, initial=ContactChannel.WALK_IN
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    occurred_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    mediator = StaffChoiceField(
        label=_("Mediator or interpreter"),
        queryset=User.objects.none(),
        required=False,
        empty_label="—",
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=0, max_value=600, initial=15
    )
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, tenant: Tenant, municipality_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_place(tenant=tenant, municipality_id=municipality_id)
        self.fields["mediator"].queryset = staff_of(tenant, roles={Role.INTERCULTURAL_MEDIATOR})

    def clean_occurred_at(self):
        occurred_at = self.cleaned_data["occurred_at"]
        # A few minutes of clock difference are fine; a contact next week is a typing error.
        if occurred_at > timezone.now() + timedelta(minutes=10):
            raise forms.ValidationError(_("The contact cannot be in the future."))
        return occurred_at


class RequestForm(forms.Form):
    category = forms.ChoiceField(label=_("Request"), choices=_blank(RequestCategory.choices))
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=RequestOutcome.choices, initial=RequestOutcome.PENDING
    )
    description = forms.CharField(label=_("Details"), max_length=500, required=False)


# A contact records one request at least; more rows are added with htmx.
RequestFormSet = forms.formset_factory(
    RequestForm, extra=0, min_num=1, validate_min=True, max_num=20, validate_max=True
)
REQUESTS_PREFIX = "requests"


class AnonymousRequestForm(_PlaceMixin, forms.Form):
    """The front desk's fastest form: what was asked and what was answered, nobody named."""

    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=ContactChannel.choices,
        initial=ContactChannel.WALK_IN,
        widget=forms.RadioSelect(attrs={"class": "kentro-inline-choices"}),
    )
    categories = forms.MultipleChoiceField(
        label=_("What was asked"),
        choices=RequestCategory.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "kentro-checks"}),
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=RequestOutcome.choices, initial=RequestOutcome.INFORMED
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none()
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)

    def __init__(self, *args, tenant: Tenant, municipality_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_place(tenant=tenant, municipality_id=municipality_id)


# --- Assessments and histories ----------------------------------------------------------


@dataclass(frozen=True)
class DomainRow:
    domain: str
    label: str
    severity: forms.BoundField
    notes: forms.BoundField
    previous: int | None


class AssessmentForm(forms.Form):
    """Severity 0–4 and notes for each of the ten needs domains; unscored domains are left out."""

    assessed_on = forms.DateField(label=_("Date"), widget=_date_input())
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, previous: NeedsAssessment | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        scores = list(previous.scores.all()) if previous else []
        self.previous = {s.domain: s.severity for s in scores}
        previous_notes = {s.domain: s.notes for s in scores}
        self.fields["assessed_on"].initial = timezone.localdate()
        for domain, label in NeedDomain.choices:
            self.fields[f"severity_{domain}"] = forms.TypedChoiceField(
                label=label,
                choices=_blank(SEVERITY_CHOICES),
                coerce=int,
                empty_value=None,
                required=False,
                initial=self.previous.get(domain),
            )
            self.fields[f"notes_{domain}"] = forms.CharField(
                label=_("Notes on %(domain)s") % {"domain": label},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
                initial=previous_notes.get(domain, ""),
            )

    def rows(self) -> Iterator[DomainRow]:
        for domain, label in NeedDomain.choices:
            yield DomainRow(
                domain=domain,
                label=label,
                severity=self[f"severity_{domain}"],
                notes=self[f"notes_{domain}"],
                previous=self.previous.get(domain),
            )

    def scores(self) -> dict[str, tuple[int, str]]:
        return {
            domain: (severity, self.cleaned_data[f"notes_{domain}"])
            for domain in NeedDomain.values
            if (severity := self.cleaned_data.get(f"severity_{domain}")) is not None
        }


class SocialHistoryForm(forms.Form):
    text = forms.CharField(label=_("Social history"), widget=forms.Textarea(attrs={"rows": 12}))
    review_due = forms.DateField(label=_("Review due"), required=False, widget=_date_input())


class SocialResearchForm(forms.Form):
    requested_by = forms.CharField(
        label=_("Requested by (authority)"),
        max_length=200,
        help_text=_("For example a court, a prosecutor or a public service."),
    )
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}))
    requested_on = forms.DateField(label=_("Requested on"), widget=_date_input())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_on"].initial = timezone.localdate()


class SocialResearchCompleteForm(forms.Form):
    report = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 12}))


# --- Action plan ------------------------------------------------------------------------


class GoalForm(forms.Form):
    need = forms.ChoiceField(label=_("Need addressed"), choices=NeedDomain.choices)
    description = forms.CharField(label=_("Goal"), widget=forms.Textarea(attrs={"rows": 2}))
    target_date = forms.DateField(label=_("Target date"), required=False, widget=_date_input())

    def __init__(self, *args, assessed: dict[str, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if assessed:
            # The most pressing assessed needs come first, with their severity.
            ranked = sorted(NeedDomain.choices, key=lambda c: -assessed.get(c[0], -1))
            self.fields["need"].choices = [
                (value, f"{label} ({assessed[value]}/4)" if value in assessed else label)
                for value, label in ranked
            ]


class StepForm(forms.Form):
    description = forms.CharField(label=_("Step"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ChoiceField(
        label=_("Who does it"),
        choices=PlanStep.Owner.choices,
        initial=PlanStep.Owner.STAFF,
        widget=forms.RadioSelect(attrs={"class": "kentro-inline-choices"}),
    )
    owner_staff = StaffChoiceField(
        label=_("Staff member"), queryset=User.objects.none(), required=False, empty_label="—"
    )
    owner_service = forms.CharField(label=_("Outside service"), max_length=200, required=False)
    due_on = forms.DateField(label=_("Due"), required=False, widget=_date_input())

    def __init__(self, *args, tenant: Tenant, actor_user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_staff"].queryset = staff_of(tenant)
        self.fields["owner_staff"].initial = actor_user.pk


class StepStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=PlanStep.Status.choices)


class PlanReviewForm(forms.Form):
    notes = forms.CharField(
        label=_("What the review found"), widget=forms.Textarea(attrs={"rows": 3})
    )


# --- Services, notes, documents ---------------------------------------------------------


class StepChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PlanStep) -> str:
        return f"{obj.goal.get_need_display()}: {obj.description[:80]}"


class ServiceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Service"), choices=ServiceKind.choices)
    delivered_on = forms.DateField(label=_("Date"), widget=_date_input())
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=0, max_value=600, initial=30
    )
    plan_step = StepChoiceField(
        label=_("Action-plan step"),
        queryset=PlanStep.objects.none(),
        required=False,
        empty_label="—",
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, steps: QuerySet[PlanStep], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delivered_on"].initial = timezone.localdate()
        self.fields["plan_step"].queryset = steps


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NoteKind.choices)
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, NoteKind(k).label) for k in kinds]


class BreakGlassForm(forms.Form):
    kind = forms.ChoiceField(label=_("Notes to open"))
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say why you need these notes now. The coordinator sees every access."),
    )

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, NoteKind(k).label) for k in kinds]


class DocumentForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Document type"), choices=_blank(DocumentType.choices))
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, image or office file."),
        widget=forms.FileInput(
            attrs={"accept": ".pdf,.jpg,.jpeg,.png,.webp,.heic,.doc,.docx,.xls,.xlsx,.odt,.ods"}
        ),
    )
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=_date_input())
