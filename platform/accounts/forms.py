from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.roles import PUBLIC_ROLES, TENANT_ROLES, Role
from geography.models import Municipality
from tenants.models import Tenant, Unit


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"))
    tenant = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Tenant.objects.none(),
        required=False,
        help_text=_("Leave empty for a role on the public portal."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Limited to municipality"),
        queryset=Municipality.objects.none(),
        required=False,
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, tenant: Tenant | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_tenant = tenant
        if tenant is not None:
            # On a centre's host the invitation is for this centre only.
            del self.fields["tenant"]
            roles = [(r.value, r.label) for r in Role if r in TENANT_ROLES]
            self.fields["municipality"].queryset = tenant.municipalities.order_by("name")
            self.fields["unit"].queryset = tenant.units.all()
        else:
            roles = [(r.value, r.label) for r in Role if r in TENANT_ROLES | PUBLIC_ROLES]
            self.fields["tenant"].queryset = Tenant.objects.filter(is_active=True)
            self.fields["municipality"].queryset = Municipality.objects.filter(
                centres__isnull=False
            ).distinct()
            self.fields["unit"].queryset = Unit.objects.all()
        self.fields["role"].choices = roles

    def chosen_tenant(self) -> Tenant | None:
        return self.fixed_tenant or self.cleaned_data.get("tenant")


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(
        label=_("Password (again)"), widget=forms.PasswordInput, strip=False, required=False
    )

    def __init__(self, *args, existing_account: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_account = existing_account
        if existing_account:
            for name in ("first_name", "last_name", "password_again"):
                del self.fields[name]
            self.fields["password"].label = _("Your current Kentro password")

    def clean(self):
        data = super().clean()
        if not self.existing_account and data.get("password") != data.get("password_again"):
            raise forms.ValidationError(_("The two passwords differ."))
        return data
