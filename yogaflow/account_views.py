"""'Your data' pages: download one's data, delete one's account (yogaflow.account_data)."""

import json
from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from yogaflow import account_data
from yogaflow.account_forms import DeleteAccountForm
from yogaflow.core.forms import REFUSALS, add_refusal, add_service_errors


def _attachment(chunks: Iterator[str], content_type: str, filename: str) -> HttpResponseBase:
    """A download streamed as it is read: a worker never holds a whole history in memory."""
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@login_required
@never_cache
@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    body = account_data.export_user_data_json(request.user, dumps=_dumps, indent=2)
    filename = account_data.export_filename(request.user, "json")
    return _attachment(body, "application/json; charset=utf-8", filename)


@login_required
@never_cache
@require_GET
def sessions_csv(request: HttpRequest) -> HttpResponse:
    body = account_data.sessions_csv_chunks(request.user)
    filename = account_data.export_filename(request.user, "csv").replace("data-", "sessions-")
    return _attachment(body, "text/csv; charset=utf-8", filename)


@sensitive_post_parameters("password")
@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form, status = DeleteAccountForm(request.POST if request.method == "POST" else None), 200
    if form.is_valid():
        try:
            account_data.delete_account(
                request=request, user=request.user, password=form.cleaned_data["password"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except REFUSALS as error:  # locked out by failed password checks, or cannot count them
            status = add_refusal(form, error)
        else:
            logout(request)
            messages.success(request, "Your account and all your data have been deleted.")
            return redirect("home")
    return render(request, "accounts/account_delete.html", {"form": form}, status=status)
