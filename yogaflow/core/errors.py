"""Page-level 404 and 500 handlers: friendly HTML for people, the error shape for /api/."""

from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from yogaflow.core.api.errors import error_response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    if _is_api(request):
        return error_response(404, "No such API endpoint or object.")
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    if _is_api(request):
        return error_response(
            500, "An unexpected error occurred. It has been logged; please try again."
        )
    return render(request, "500.html", status=500)
