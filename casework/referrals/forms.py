"""Forms of the referral pages. They only shape input: the rules live in the services."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models import Beneficiary, Case, Document
from casework.models.referrals import ReferralOutcome, ReferralUrgency
from casework.referrals.lifecycle import Transition


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReferralForm(forms.Form):
    service = forms.UUIDField(
        label=_("Service"),
        widget=forms.HiddenInput,
        error_messages={"required": _("Choose a service from the directory.")},
    )
    reason = forms.CharField(
        label=_("Reason for the referral"), widget=forms.Textarea(attrs={"rows": 4})
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=ReferralUrgency.choices)
    follow_up_on = forms.DateField(label=_("Follow up on"), widget=_date_input())
    case = forms.ModelChoiceField(label=_("Case"), queryset=Case.objects.none(), required=False)
    documents = forms.ModelMultipleChoiceField(
        label=_("Documents to attach"),
        queryset=Document.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, person: Beneficiary, **kwargs) -> None:
        kwargs.setdefault("initial", {"follow_up_on": timezone.localdate() + timedelta(days=14)})
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = Case.objects.filter(beneficiary=person)
        self.fields["documents"].queryset = Document.objects.filter(beneficiary=person)


class SendForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reason for sending without recorded consent"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnswerForm(forms.Form):
    transition = forms.ChoiceField(choices=[(t.value, t.value) for t in Transition])
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *ReferralOutcome.choices], required=False
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)


class FollowUpForm(forms.Form):
    follow_up_on = forms.DateField(label=_("Follow up on"), widget=_date_input())
