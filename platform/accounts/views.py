from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from accounts import services
from accounts.forms import AcceptInvitationForm, InvitationForm
from accounts.models import Invitation, User


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    if not services.may_invite_to(inviter=request.user, tenant=tenant):
        raise Http404
    form = InvitationForm(request.POST or None, tenant=tenant)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite_staff(
                inviter=request.user,
                email=form.cleaned_data["email"],
                tenant=form.chosen_tenant(),
                role=form.cleaned_data["role"],
                municipality=form.cleaned_data.get("municipality"),
                unit=form.cleaned_data.get("unit"),
            )
        except PermissionDenied as error:
            form.add_error("role", str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("invite")
    pending = Invitation.objects.filter(accepted_at__isnull=True, tenant=tenant).order_by(
        "-created_at"
    )[:50]
    return render(request, "accounts/invite.html", {"form": form, "pending": pending})


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = (
        Invitation.objects.select_related("tenant")
        .filter(token=token, tenant=request.tenant)
        .first()
    )
    if invitation is None or not invitation.is_usable:
        return render(request, "accounts/invitation_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).exists()
    form = AcceptInvitationForm(request.POST or None, existing_account=existing)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                invitation=invitation,
                password=form.cleaned_data["password"],
                first_name=form.cleaned_data.get("first_name", ""),
                last_name=form.cleaned_data.get("last_name", ""),
            )
        except ValidationError as error:
            form.add_error("password", error)
        else:
            login(request, user, backend="accounts.backends.MemberAuthenticationBackend")
            messages.success(request, _("Welcome to Kentro."))
            return redirect("home")
    return render(
        request,
        "accounts/accept_invitation.html",
        {"form": form, "invitation": invitation, "existing": existing},
    )


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request: HttpRequest) -> HttpResponse:
    """A member's personal API token; regenerating it revokes the old one."""
    token = Token.objects.filter(user=request.user).first()
    if request.method == "POST":
        if token is not None:
            token.delete()
        token = Token.objects.create(user=request.user)
        messages.success(request, _("A new API token was created; the old one no longer works."))
        return redirect("api_token")
    return render(request, "accounts/api_token.html", {"token": token})
