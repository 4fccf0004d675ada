"""An empty page in the site's frame (base.html and nothing of its own), beside the app's routes,
for yogaflow/tests/test_frame.py: what every page pays before its content."""

from django.shortcuts import render
from django.urls import include, path


def empty(request):
    return render(request, "base.html")


urlpatterns = [path("frame/", empty), path("", include("yogaflow.urls"))]
