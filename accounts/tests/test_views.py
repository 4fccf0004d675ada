"""The account pages, black-box through Django's test client."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import Avoidance, User
from accounts.tests.factories import PASSWORD, UserFactory
from yogaflow.core.errors import server_error

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Warrior-Two-2025"
LOGIN_URL = reverse("accounts:login")
SIGNUP_URL = reverse("accounts:signup")
LOGOUT_URL = reverse("accounts:logout")
PROFILE_URL = reverse("accounts:profile")
PASSWORD_CHANGE_URL = reverse("accounts:password_change")
RESET_URL = reverse("accounts:password_reset")


@pytest.fixture
def logged_in(client, user):
    client.force_login(user)
    return client


def logged_in_user_id(client) -> str | None:
    return client.session.get(SESSION_KEY)


def form_errors(response, field: str) -> list[str]:
    return response.context["form"].errors.get(field, [])


def log_in(client, email: str, password: str = PASSWORD, **extra):
    return client.post(LOGIN_URL, {"email": email, "password": password, **extra})


def reset_link_from_outbox() -> str:
    (message,) = mail.outbox
    return re.search(r"https?://\S+", message.body).group(0)


def request_reset(client, email: str):
    return client.post(RESET_URL, {"email": email}, follow=True)


def set_new_password(client, link: str, password: str = NEW_PASSWORD):
    response = client.get(link)
    if response.status_code != 302:
        return response
    return client.post(
        response.url,
        {"new_password": password, "new_password_confirm": password},
        follow=True,
    )


def assert_invalid_link_page(response):
    assert response.status_code == 200
    assert "accounts/password_reset_invalid.html" in [t.name for t in response.templates]
    assert f'href="{RESET_URL}"' in response.content.decode()


# --- sign up ----------------------------------------------------------------


def test_signup_page_lists_the_password_rules(client):
    response = client.get(SIGNUP_URL)

    assert response.status_code == 200
    body = response.content.decode()
    assert "at least 8 characters" in body
    assert "upper-case letter" in body
    assert 'autocomplete="new-password"' in body
    assert 'autocomplete="email"' in body


def test_signup_creates_the_user_and_logs_them_in(client):
    response = client.post(
        SIGNUP_URL,
        {
            "email": "New.Yogi@Example.com",
            "password": NEW_PASSWORD,
            "display_name": "Asha",
            "experience_level": "intermediate",
            "timezone": "Asia/Kolkata",
        },
        follow=True,
    )

    user = User.objects.get()
    assert user.email == "new.yogi@example.com"
    assert (user.display_name, user.experience_level, user.timezone) == (
        "Asha",
        "intermediate",
        "Asia/Kolkata",
    )
    assert response.redirect_chain == [(reverse("home"), 302)]
    assert logged_in_user_id(client) == str(user.pk)
    assert "Welcome to YogaFlow, Asha!" in response.content.decode()


def test_signup_with_only_email_and_password_uses_profile_defaults(client):
    client.post(SIGNUP_URL, {"email": "min@example.com", "password": NEW_PASSWORD})

    user = User.objects.get()
    assert (user.display_name, user.experience_level, user.timezone) == ("", "beginner", "UTC")


def test_signup_refuses_an_email_that_differs_only_in_case(client):
    UserFactory(email="yogi@example.com")

    response = client.post(SIGNUP_URL, {"email": "YOGI@Example.com", "password": NEW_PASSWORD})

    assert response.status_code == 200
    assert form_errors(response, "email") == ["An account with this email address already exists."]
    assert User.objects.count() == 1
    assert logged_in_user_id(client) is None


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab1defg", "This password is too short. It must contain at least 8 characters."),
        ("lotusflow2024", "This password must contain at least one upper-case letter (A–Z)."),
        ("LOTUSFLOW2024", "This password must contain at least one lower-case letter (a–z)."),
        ("LotusFlowYoga", "This password must contain at least one digit (0–9)."),
        ("Password1", "This password is too common."),
        ("Sunsalutation1", "The password is too similar to the email address."),
    ],
    ids=["too-short", "no-upper", "no-lower", "no-digit", "common", "similar-to-email"],
)
def test_signup_shows_each_password_rule_message(client, password, message):
    response = client.post(SIGNUP_URL, {"email": "sunsalutation@example.com", "password": password})

    assert message in form_errors(response, "password")
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_signup_errors_are_announced_and_tied_to_their_field(client):
    response = client.post(SIGNUP_URL, {"email": "not-an-email", "password": "short"})

    body = response.content.decode()
    (email_input,) = [tag for tag in re.findall(r"<input[^>]*>", body) if 'id="id_email"' in tag]
    assert 'aria-invalid="true"' in email_input
    assert re.search(r'aria-describedby="[^"]*\bid_email_error\b', email_input)
    assert '<ul class="errorlist" id="id_email_error">' in body
    assert re.search(r'<div class="error-summary" role="alert"[^>]*>', body)
    assert '<a href="#id_email">' in body
    assert response.context["form"].errors.keys() == {"email"}  # shape error stops the service


# --- log in / log out -------------------------------------------------------


def test_login_with_right_password_logs_in_and_goes_home(client, user):
    response = log_in(client, user.email)

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert logged_in_user_id(client) == str(user.pk)


def test_login_email_is_case_insensitive(client, user):
    log_in(client, user.email.upper())

    assert logged_in_user_id(client) == str(user.pk)


def test_login_without_remember_me_expires_at_browser_close(client, user):
    log_in(client, user.email)

    assert client.session.get_expire_at_browser_close() is True


def test_login_with_remember_me_keeps_session_for_cookie_age(client, user):
    log_in(client, user.email, remember_me="on")

    assert client.session.get_expire_at_browser_close() is False
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_login_follows_a_safe_next(client, user):
    response = log_in(client, user.email, next=PROFILE_URL)

    assert response.url == PROFILE_URL


def test_login_ignores_a_next_on_another_site(client, user):
    response = log_in(client, user.email, next="https://evil.example.com/")

    assert response.url == reverse("home")


def test_login_page_carries_next_into_its_form(client):
    response = client.get(LOGIN_URL, {"next": PROFILE_URL})

    assert f'name="next" value="{PROFILE_URL}"' in response.content.decode()


@pytest.mark.parametrize("email_of", [lambda user: user.email, lambda user: "nobody@example.com"])
def test_login_with_wrong_credentials_shows_the_same_message(client, user, email_of):
    response = log_in(client, email_of(user), password="Wrong-Password-1")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Email or password is incorrect."]
    assert "Email or password is incorrect." in response.content.decode()
    assert logged_in_user_id(client) is None


def test_login_is_locked_after_five_failures_even_with_right_password(client, user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, user.email, password="Wrong-Password-1")

    response = log_in(client, user.email)

    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
    assert logged_in_user_id(client) is None


def test_login_still_works_after_fewer_failures_than_the_limit(client, user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        log_in(client, user.email, password="Wrong-Password-1")

    response = log_in(client, user.email)

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


def test_logout_refuses_get(logged_in, user):
    response = logged_in.get(LOGOUT_URL)

    assert response.status_code == 405
    assert logged_in_user_id(logged_in) == str(user.pk)


def test_logout_by_post_ends_the_session_with_a_message(logged_in):
    response = logged_in.post(LOGOUT_URL, follow=True)

    assert logged_in_user_id(logged_in) is None
    assert "You have logged out" in response.content.decode()


def test_nav_shows_logout_button_form_only_when_logged_in(client, user):
    anonymous = client.get(reverse("home")).content.decode()
    client.force_login(user)
    member = client.get(reverse("home")).content.decode()

    assert f'action="{LOGOUT_URL}"' not in anonymous
    assert f'action="{LOGOUT_URL}"' in member
    assert f"Your practice starts here, {user.get_short_name()}" in member


# --- password change ----------------------------------------------------------


def change_password(client, current: str, new: str = NEW_PASSWORD, confirm: str | None = None):
    return client.post(
        PASSWORD_CHANGE_URL,
        {"current_password": current, "new_password": new, "new_password_confirm": confirm or new},
    )


def test_password_change_page_lists_the_password_rules(logged_in):
    body = logged_in.get(PASSWORD_CHANGE_URL).content.decode()

    assert "at least one digit (0–9)" in body
    assert 'autocomplete="current-password"' in body


def test_password_change_sets_the_password_and_keeps_you_logged_in(logged_in, user):
    response = change_password(logged_in, PASSWORD)

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert logged_in.get(PROFILE_URL).status_code == 200  # session hash updated


def test_password_change_with_wrong_current_password_shows_error(logged_in, user):
    response = change_password(logged_in, "Not-My-Password-1")

    assert form_errors(response, "current_password") == ["Your current password is incorrect."]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_with_mismatched_confirmation_shows_error(logged_in, user):
    response = change_password(logged_in, PASSWORD, confirm="Something-Else-9")

    assert form_errors(response, "new_password_confirm") == ["The two new passwords do not match."]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_applies_the_password_rules(logged_in):
    response = change_password(logged_in, PASSWORD, new="weakpassword")

    assert "This password must contain at least one digit (0–9)." in form_errors(
        response, "new_password"
    )


# --- password reset -----------------------------------------------------------


def test_password_reset_answers_the_same_for_unknown_and_known_email(client, user):
    unknown = request_reset(client, "nobody@example.com")
    known = request_reset(client, user.email)

    assert unknown.redirect_chain == known.redirect_chain
    assert unknown.redirect_chain == [(reverse("accounts:password_reset_sent"), 302)]
    assert unknown.content == known.content


def test_password_reset_for_known_email_sends_one_email_with_a_link(client, user):
    request_reset(client, user.email.upper())

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert reset_link_from_outbox().startswith("http://testserver/accounts/reset/")


def test_password_reset_page_sends_one_account_at_most_three_links_an_hour(client, user):
    answers = [request_reset(client, user.email) for _ in range(5)]

    assert len(mail.outbox) == 3
    # The fourth and fifth asks look the same as the first: nothing to learn from them.
    assert {answer.content for answer in answers} == {answers[0].content}


def test_password_reset_for_unknown_email_sends_nothing(client):
    request_reset(client, "nobody@example.com")

    assert mail.outbox == []


def test_password_reset_link_moves_the_token_out_of_the_url(client, user):
    request_reset(client, user.email)
    link = reset_link_from_outbox()
    token = link.rstrip("/").rsplit("/", 1)[-1]

    response = client.get(link)

    assert response.status_code == 302
    assert response.url.endswith("/set-password/")
    assert token not in response.url
    page = client.get(response.url)
    assert page.status_code == 200
    assert user.email in page.content.decode()
    assert "at least one upper-case letter" in page.content.decode()  # the rules are listed


def test_password_reset_link_lets_you_set_a_new_password_and_log_in(client, user):
    request_reset(client, user.email)

    response = set_new_password(client, reset_link_from_outbox())

    assert response.redirect_chain == [(reverse("accounts:password_reset_complete"), 302)]
    assert "Your new password is set" in response.content.decode()
    assert log_in(client, user.email, password=NEW_PASSWORD).status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


def test_password_reset_applies_the_password_rules(client, user):
    request_reset(client, user.email)
    response = client.get(reset_link_from_outbox())

    response = client.post(response.url, {"new_password": "short", "new_password_confirm": "short"})

    assert "This password is too short. It must contain at least 8 characters." in form_errors(
        response, "new_password"
    )
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_link_works_only_once(client, user):
    request_reset(client, user.email)
    link = reset_link_from_outbox()
    set_new_password(client, link)

    second = client.get(link)

    assert_invalid_link_page(second)


def test_password_reset_link_expires_after_one_hour(client, user):
    request_reset(client, user.email)
    link = reset_link_from_outbox()

    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        response = client.get(link)

    assert_invalid_link_page(response)


def test_password_reset_link_is_still_valid_within_the_hour(client, user):
    request_reset(client, user.email)
    link = reset_link_from_outbox()

    with time_machine.travel(timezone.now() + timedelta(minutes=55)):
        response = client.get(link)

    assert response.status_code == 302


def test_password_reset_set_page_without_a_stashed_token_is_refused(client, user):
    request_reset(client, user.email)
    uidb64 = reset_link_from_outbox().split("/reset/")[1].split("/")[0]

    response = client.get(reverse("accounts:password_reset_set", kwargs={"uidb64": uidb64}))

    assert_invalid_link_page(response)


def test_password_reset_tampered_link_shows_the_friendly_page(client, user):
    request_reset(client, user.email)

    response = client.get(reset_link_from_outbox().rstrip("/") + "x/")

    assert_invalid_link_page(response)


# --- profile ------------------------------------------------------------------


def profile_data(**overrides) -> dict:
    data = {
        "display_name": "Mira",
        "experience_level": "advanced",
        "timezone": "America/New_York",
        "preferred_session_minutes": "45",
    }
    return {**data, **overrides}


def test_profile_shows_email_date_joined_and_password_link(logged_in, user):
    body = logged_in.get(PROFILE_URL).content.decode()

    assert user.email in body
    assert "Member since" in body
    assert f'href="{PASSWORD_CHANGE_URL}"' in body
    assert '<option value="Europe/Paris" selected>' in body


def test_profile_update_saves_the_changes(logged_in, user):
    response = logged_in.post(PROFILE_URL, profile_data(), follow=True)

    user.refresh_from_db()
    assert (
        user.display_name,
        user.experience_level,
        user.timezone,
        user.preferred_session_minutes,
    ) == ("Mira", "advanced", "America/New_York", 45)
    assert "Your profile has been saved." in response.content.decode()


def test_profile_with_unknown_timezone_shows_error_and_saves_nothing(logged_in, user):
    response = logged_in.post(PROFILE_URL, profile_data(timezone="Mars/Olympus_Mons"))

    assert response.status_code == 200
    assert "is not a known time zone" in form_errors(response, "timezone")[0]
    user.refresh_from_db()
    assert (user.display_name, user.timezone) != ("Mira", "Mars/Olympus_Mons")
    header = response.content.decode().split("<main")[0]
    assert f"Hi, {user.display_name}" in header  # not the refused "Mira"


def test_profile_with_session_length_out_of_range_shows_error(logged_in):
    response = logged_in.post(PROFILE_URL, profile_data(preferred_session_minutes="500"))

    assert form_errors(response, "preferred_session_minutes") == [
        "Ensure this value is less than or equal to 180."
    ]


def test_profile_offers_each_caution_to_avoid_as_a_described_checkbox_in_a_fieldset(logged_in):
    body = logged_in.get(PROFILE_URL).content.decode()

    fieldset = re.search(r"<fieldset[^>]*>.*?</fieldset>", body, re.S).group(0)
    assert "<legend>Poses to avoid</legend>" in fieldset
    for value, label in Avoidance.choices:
        box = re.search(rf'<input type="checkbox" name="avoid" value="{value}"[^>]*>', fieldset)
        assert box, value
        box_id = re.search(r'id="([^"]+)"', box.group(0)).group(1)
        assert f'<label for="{box_id}">{label}</label>' in fieldset
        assert f'aria-describedby="{box_id}_hint"' in box.group(0)
        assert re.search(rf'id="{box_id}_hint">Leaves out ', fieldset)
    assert "Leaves out poses with the hips and legs above the head." in fieldset
    assert "checked" not in fieldset


def test_profile_saves_the_ticked_cautions_and_shows_them_ticked(logged_in, user):
    data = profile_data(avoid=["wrist_friendly", "no_inversions"])

    response = logged_in.post(PROFILE_URL, data, follow=True)

    user.refresh_from_db()
    assert user.avoid == ["no_inversions", "wrist_friendly"]
    body = response.content.decode()
    assert "Your profile has been saved." in body
    ticked = re.findall(r'<input type="checkbox" name="avoid" value="(\w+)"[^>]* checked>', body)
    assert ticked == ["no_inversions", "wrist_friendly"]


def test_profile_unticking_every_caution_clears_the_list(logged_in, user):
    user.avoid = ["back_care"]
    user.save(update_fields=["avoid"])

    logged_in.post(PROFILE_URL, profile_data())

    user.refresh_from_db()
    assert user.avoid == []


def test_profile_refuses_an_unknown_caution_and_saves_nothing(logged_in, user):
    response = logged_in.post(PROFILE_URL, profile_data(avoid=["no_twists"]))

    assert response.status_code == 200
    assert form_errors(response, "avoid")
    user.refresh_from_db()
    assert user.avoid == []
    assert user.display_name != "Mira"
    assert 'href="#id_avoid"' in response.content.decode()  # the summary links to the fieldset


# --- access rules -------------------------------------------------------------


@pytest.mark.parametrize("url", [PROFILE_URL, PASSWORD_CHANGE_URL])
def test_login_required_pages_send_anonymous_users_to_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next={url}"


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (LOGIN_URL, {"email": "yogi0@example.com", "password": PASSWORD}),
        (SIGNUP_URL, {"email": "csrf@example.com", "password": NEW_PASSWORD}),
        (RESET_URL, {"email": "yogi0@example.com"}),
        (LOGOUT_URL, {}),
    ],
)
def test_forms_refuse_posts_without_csrf_token(url, data):
    client = Client(enforce_csrf_checks=True)

    response = client.post(url, data)

    assert response.status_code == 403


def test_forms_accept_posts_with_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN_URL)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value

    response = log_in(client, user.email, csrfmiddlewaretoken=token)

    assert response.status_code == 302


# --- error pages --------------------------------------------------------------


def test_unknown_page_renders_the_friendly_404(client):
    response = client.get("/no-such-pose/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert "We could not find that page" in response.content.decode()


def test_server_error_page_renders_standalone():
    response = server_error(RequestFactory().get("/boom/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
