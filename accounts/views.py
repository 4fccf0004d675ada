"""Account pages: thin views over accounts.services, which the JSON API calls too.

Each view parses its form, calls one service, and either redirects or renders
the form again with the service's errors on it (forms.add_service_errors).
"""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from accounts import services
from accounts.exceptions import InvalidCredentials
from accounts.forms import (
    LoginForm,
    PasswordChangeForm,
    PasswordResetRequestForm,
    ProfileForm,
    SetPasswordForm,
    SignupForm,
)
from yogaflow.core.forms import REFUSALS, add_refusal, add_service_errors
from yogaflow.core.http import safe_next

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
# Like Django's PasswordResetConfirmView: the token moves from the emailed URL
# into the session, so the page holding the form never has it in its address.
RESET_TOKEN_SESSION_KEY = "_password_reset_token"
RESET_URL_TOKEN = "set-password"

get_or_post = require_http_methods(["GET", "POST"])


def _form_data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


@sensitive_post_parameters("password")
@never_cache
@get_or_post
def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(_form_data(request))
    if form.is_valid():
        try:
            user = services.register_user(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                **form.profile(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, user, backend=MODEL_BACKEND)
            messages.success(request, f"Welcome to YogaFlow, {user.get_short_name()}!")
            return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


@sensitive_post_parameters("password")
@never_cache
@get_or_post
def login_view(request: HttpRequest) -> HttpResponse:
    form, status = LoginForm(_form_data(request)), 200
    if form.is_valid():
        try:
            user = services.authenticate_user(
                request=request,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        except InvalidCredentials as error:
            form.add_error(None, error.message)
        except REFUSALS as error:  # locked out (429), or the lockout cannot count (503)
            status = add_refusal(form, error)
        else:
            login(request, user)
            # 0: the session cookie dies with the browser; None: SESSION_COOKIE_AGE.
            request.session.set_expiry(None if form.cleaned_data["remember_me"] else 0)
            return redirect(safe_next(request) or settings.LOGIN_REDIRECT_URL)
    context = {"form": form, "next": safe_next(request)}
    return render(request, "accounts/login.html", context, status=status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You have logged out. See you on the mat soon.")
    return redirect(settings.LOGOUT_REDIRECT_URL)


@sensitive_post_parameters("current_password", "new_password", "new_password_confirm")
@login_required
@get_or_post
def password_change(request: HttpRequest) -> HttpResponse:
    form, status = PasswordChangeForm(_form_data(request)), 200
    if form.is_valid():
        try:
            user = services.change_password(
                request=request,
                user=request.user,
                current_password=form.cleaned_data["current_password"],
                new_password=form.cleaned_data["new_password"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except REFUSALS as error:
            status = add_refusal(form, error)
        else:
            update_session_auth_hash(request, user)  # this session survives the change
            messages.success(request, "Your password has been changed.")
            return redirect("accounts:profile")
    return render(request, "accounts/password_change.html", {"form": form}, status=status)


@get_or_post
def password_reset_request(request: HttpRequest) -> HttpResponse:
    form, status = PasswordResetRequestForm(_form_data(request)), 200
    if form.is_valid():
        link_for = partial(_reset_link, request)
        try:
            services.request_password_reset(email=form.cleaned_data["email"], link_for=link_for)
        except REFUSALS as error:  # the reset allowance cannot be counted right now
            status = add_refusal(form, error)
        else:
            return redirect("accounts:password_reset_sent")
    context = {"form": form}
    return render(request, "accounts/password_reset_request.html", context, status=status)


def _reset_link(request: HttpRequest, uidb64: str, token: str) -> str:
    """Absolute, so it works from an email; the host was checked against ALLOWED_HOSTS."""
    url = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uidb64, "token": token})
    return request.build_absolute_uri(url)


def _invalid_reset_link(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password_reset_invalid.html")


@never_cache
def password_reset_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The emailed link: check it, stash its token in the session, move on to a clean URL."""
    if services.user_for_reset_link(uidb64=uidb64, token=token) is None:
        return _invalid_reset_link(request)
    request.session[RESET_TOKEN_SESSION_KEY] = token
    return redirect("accounts:password_reset_set", uidb64=uidb64)


@sensitive_post_parameters("new_password", "new_password_confirm")
@never_cache
@get_or_post
def password_reset_set(request: HttpRequest, uidb64: str) -> HttpResponse:
    token = request.session.get(RESET_TOKEN_SESSION_KEY, "")
    reset_user = services.user_for_reset_link(uidb64=uidb64, token=token)
    if reset_user is None:
        return _invalid_reset_link(request)
    form = SetPasswordForm(_form_data(request))
    if form.is_valid():
        try:
            services.reset_password(
                uidb64=uidb64, token=token, new_password=form.cleaned_data["new_password"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            del request.session[RESET_TOKEN_SESSION_KEY]
            return redirect("accounts:password_reset_complete")
    context = {"form": form, "reset_user": reset_user}
    return render(request, "accounts/password_reset_set.html", context)


@login_required
@get_or_post
def profile(request: HttpRequest) -> HttpResponse:
    initial = model_to_dict(request.user, fields=services.PROFILE_FIELDS)
    form = ProfileForm(_form_data(request), initial=initial)
    if form.is_valid():
        try:
            services.update_profile(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your profile has been saved.")
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@csrf_exempt  # the signed token is the credential; mail clients POST it (RFC 8058)
@never_cache
@get_or_post
def reminders_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The reminder mail's one-click link: opening it switches reminders off, no login needed.
    The mail's List-Unsubscribe-Post header lets a mail client do the same with a POST."""
    try:
        services.unsubscribe_from_reminders(token=token)
    except ValidationError:
        return render(request, "accounts/reminders_unsubscribe_invalid.html", status=400)
    return render(request, "accounts/reminders_unsubscribed.html")
