"""Template contexts for tests that render a template as a page request would."""

from django.template import Context
from django.test import RequestFactory


def context_for(visit: dict, **values) -> Context:
    """A Context as a page gives its template: `visit` holds the `user`, the request `path`
    and the `csrf_token` ("" for none); `values` are the template's own."""
    request = RequestFactory().get(visit["path"])
    request.user = visit["user"]
    context = {"user": visit["user"], "request": request, **values}
    if visit["csrf_token"]:
        context["csrf_token"] = visit["csrf_token"]
    return Context(context)
