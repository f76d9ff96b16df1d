"""URLs of a centre's host (<slug>.<base domain>)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from accounts import views as account_views
from kentro import api, views

api_v1 = [
    path("me/", api.MeView.as_view(), name="api-me"),
    path("centre/", api.CentreView.as_view(), name="api-centre"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("", include("casework.api.urls")),
    path("", include("casework.referrals.api_urls")),
    path("transfers/", include("transfers.api_urls")),
]

urlpatterns = [
    path("", views.tenant_home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("accounts/api-token/", account_views.api_token, name="api_token"),
    path("staff/invite/", account_views.invite, name="invite"),
    path("invitations/<str:token>/", account_views.accept_invitation, name="accept_invitation"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(api_v1)),
    path("", include("casework.urls")),
    path("referrals/", include("casework.referrals.urls")),
    path("transfers/", include("transfers.urls")),
    path("directory/", include("directory.urls")),
    path("hsds/", include("directory.hsds.urls")),
]
