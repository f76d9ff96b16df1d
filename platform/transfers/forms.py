"""Forms of the transfer pages. They only shape input: the rules live in transfers.services."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from geography.models import Municipality
from tenants.models import Tenant
from transfers.models import Section, Transfer


class TransferRequestForm(forms.Form):
    # Not required here: the service says what is wrong with a missing or bad choice.
    receiving_tenant = forms.CharField(
        label=_("Receiving centre"), required=False, widget=forms.Select
    )
    scope = forms.MultipleChoiceField(
        label=_("Sections the person agreed to share"),
        required=False,
        choices=Section.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Section.IDENTITY, Section.CONTACT],
        help_text=_("Only these sections are shown to the other centre and copied if it accepts."),
    )

    def __init__(self, *args, centres: QuerySet[Tenant], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receiving_tenant"].widget.choices = [("", "—")] + [
            (centre.slug, centre.name) for centre in centres
        ]


class TransferAcceptForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality where the person now lives"), queryset=Municipality.objects.none()
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("I checked: this is not someone already registered here"), required=False
    )

    def __init__(self, *args, tenant: Tenant, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = tenant.municipalities.order_by("name")
        if not self.is_bound:
            self.initial.setdefault("municipality", tenant.lead_municipality_id)


class TransferRejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", "—"), *Transfer.RejectionReason.choices]
    )
