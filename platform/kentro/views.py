from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import membership_for_request
from kentro.selectors import centre_overview, public_centres


def public_home(request: HttpRequest) -> HttpResponse:
    return render(request, "kentro/public_home.html", {"centres": public_centres()})


def tenant_home(request: HttpRequest) -> HttpResponse:
    overview = centre_overview(tenant=request.tenant, membership=membership_for_request(request))
    return render(request, "kentro/tenant_home.html", {"overview": overview})
