"""Views wrapped in cache_anonymous, for yogaflow/tests/test_caching.py."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from yogaflow.core.caching import cache_anonymous

CALLS = []


@cache_anonymous
def counted(request):
    CALLS.append(request.get_full_path())
    return HttpResponse(f"rendered {len(CALLS)}")


@cache_anonymous
def with_form(request):
    CALLS.append("form")
    return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')


def flash(request):
    messages.info(request, "Saved")
    return HttpResponse("ok")


urlpatterns = [
    path("counted/", counted),
    path("form/", with_form),
    path("flash/", flash),
]
