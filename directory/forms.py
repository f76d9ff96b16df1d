"""Forms of the directory pages: search, and one service with its organization."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Service, Status, TaxonomyTerm
from directory.services import SERVICE_FIELDS, Area
from geography.models import Municipality, Region, RegionalUnit

LANGUAGES = [
    ("", _("Any language")),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("ku", "Kurmancî"),
    ("ur", "اردو"),
    ("fr", "Français"),
    ("sq", "Shqip"),
    ("ru", "Русский"),
    ("uk", "Українська"),
]


class TermChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: TaxonomyTerm) -> str:
        return f"— {obj.name}" if obj.parent_id else obj.name


def _terms():
    return TaxonomyTerm.objects.order_by("code")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("What is needed"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
        help_text=_("Greek words, with or without accents; a few letters are enough."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Person's municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        help_text=_("Services covering it are listed first."),
    )
    only_covering = forms.BooleanField(label=_("Only services covering it"), required=False)
    term = TermChoiceField(label=_("Category"), queryset=_terms(), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES, required=False)
    age = forms.IntegerField(label=_("Person's age"), min_value=0, max_value=120, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Active"))] + [(v, label) for v, label in Status.choices if v != "active"],
        required=False,
    )

    def __init__(self, *args: Any, default_municipality=None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = _terms()
        self.fields["municipality"].initial = default_municipality
        if default_municipality is not None:
            # The municipalities around the centre: a list of all 325 is slow to render
            # and rarely what staff need (people live where the centre serves).
            self.fields["municipality"].queryset = Municipality.objects.filter(
                regional_unit_id=default_municipality.regional_unit_id
            )
        self.default_municipality = default_municipality

    def has_filters(self) -> bool:
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return any(data.get(name) for name in ("term", "language", "age", "status"))

    def search_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "municipality": data.get("municipality") or self.default_municipality,
            "only_covering": bool(data.get("only_covering")),
            "taxonomy_term_ids": [t.pk for t in data.get("term") or []],
            "language": data.get("language") or "",
            "age": data.get("age"),
            "statuses": [data.get("status") or Status.ACTIVE],
        }


class ServiceForm(forms.ModelForm):
    """A service, its categories, area, languages and phone; the organization by choice."""

    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False
    )
    new_organization = forms.CharField(
        label=_("…or a new organization"),
        max_length=300,
        required=False,
        help_text=_("Name of the organization, if it is not in the list."),
    )
    terms = TermChoiceField(label=_("Categories"), queryset=_terms(), required=False)
    area_scope = forms.ChoiceField(
        label=_("Area covered"),
        choices=[
            ("national", _("Whole country")),
            ("region", _("Region")),
            ("regional_unit", _("Regional unit")),
            ("municipality", _("Municipality")),
        ],
    )
    area_region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False
    )
    area_regional_unit = forms.ModelChoiceField(
        label=_("Regional unit"), queryset=RegionalUnit.objects.all(), required=False
    )
    area_municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), required=False
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        initial="el",
        help_text=_("ISO 639 codes separated by commas, e.g. el, en, ar."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)

    class Meta:
        model = Service
        fields = [
            "name",
            "description",
            "status",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "application_process",
            "fees_description",
            "url",
            "email",
        ]

    def __init__(self, *args: Any, organizations=None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["terms"].queryset = _terms()
        self.fields["status"].initial = Status.ACTIVE
        if not self.instance._state.adding:
            self.fields.pop("organization")
            self.fields.pop("new_organization")

    def clean_languages(self) -> list[str]:
        codes = [c.strip().lower() for c in self.cleaned_data["languages"].split(",") if c.strip()]
        for code in codes:
            if not code.isalpha() or not 2 <= len(code) <= 3:
                raise forms.ValidationError(
                    _("“%(code)s” is not a language code.") % {"code": code}
                )
        return codes

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            self.instance._state.adding
            and not data.get("organization")
            and not data.get("new_organization")
        ):
            self.add_error("organization", _("Choose an organization or name a new one."))
        scope = data.get("area_scope")
        if scope and scope != "national" and not data.get(f"area_{scope}"):
            self.add_error(f"area_{scope}", _("Choose the area the service covers."))
        return data

    def service_data(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in self.Meta.fields if name in SERVICE_FIELDS
        }

    def area(self) -> Area:
        scope = self.cleaned_data["area_scope"]
        return Area(scope, None if scope == "national" else self.cleaned_data[f"area_{scope}"])


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the directory editors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
