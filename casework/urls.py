"""Casework pages on a centre's host (namespace `casework`)."""

from casework.web import people, work

app_name = "casework"
urlpatterns = people.urlpatterns + work.urlpatterns
