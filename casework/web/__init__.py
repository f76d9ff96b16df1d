"""The casework pages. Thin views: they read the request, call a service, render."""
