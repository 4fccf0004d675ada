"""A URLconf with a view that crashes, for the 500 handler tests."""

from django.urls import path

from yogaflow.urls import handler404, handler500  # noqa: F401


def crash(request):
    return 1 / 0


urlpatterns = [path("crash/", crash)]
