"""URLs of the public portal (the bare base domain): ministry, support desk, operators."""

from django.contrib import admin
from django.urls import include, path

from accounts import views as account_views
from kentro import views

urlpatterns = [
    path("", views.public_home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("staff/invite/", account_views.invite, name="invite"),
    path("invitations/<str:token>/", account_views.accept_invitation, name="accept_invitation"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("directory/", include("directory.urls_public")),
    path("hsds/", include("directory.hsds.urls")),
]
