"""The account pages in a real Chromium: journeys, keyboard use, and axe-core checks."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD, UserFactory
from yogaflow.core.testing.browser import assert_accessible, log_in

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Warrior-Two-2025"


def test_journey_sign_up_log_out_log_in_greets_the_user(page):
    page.goto("/")
    page.get_by_role("link", name="Create your free account").click()
    page.get_by_label("Email address").fill("asha@example.com")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_label("Display name").fill("Asha")
    page.get_by_label("Time zone").select_option("Asia/Kolkata")
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("status")).to_contain_text("Welcome to YogaFlow, Asha!")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your practice starts here, Asha")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("status")).to_contain_text("You have logged out")
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)

    page.get_by_role("navigation").get_by_role("link", name="Log in").click()
    page.get_by_label("Email address").fill("ASHA@example.com")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Remember me").check()
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your practice starts here, Asha")
    expect(page.get_by_role("navigation")).to_contain_text("Hi, Asha")


def test_failed_login_shows_its_message_and_keeps_the_email(page, user):
    log_in(page, user.email, password="Wrong-Password-1")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Email or password is incorrect.")
    expect(page).to_have_title(re.compile(r"^Error: Log in"))
    expect(page.get_by_label("Email address")).to_have_value(user.email)
    expect(page.get_by_label("Password", exact=True)).to_have_value("")


def test_keyboard_only_login(page, user):
    page.goto("/accounts/login/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Email address")).to_be_focused()
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Remember me")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Log in")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Your practice starts here, {user.get_short_name()}"
    )


# --- accessibility: axe-core on every page of the account area --------------------


def reset_link_path(user) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/accounts/reset/{uidb64}/{default_token_generator.make_token(user)}/"


def open_login_with_errors(page, user):
    log_in(page, user.email, password="Wrong-Password-1")


def open_signup_with_errors(page, user):
    page.goto("/accounts/signup/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()


def open_reset_sent(page, user):
    page.goto("/accounts/password/reset/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_role("button", name="Send reset link").click()


def open_reset_set_password(page, user):
    page.goto(reset_link_path(user))
    expect(page).to_have_url(re.compile(r"/set-password/$"))


def open_reminders_unsubscribed(page, user):
    from accounts.services import reminder_unsubscribe_token

    page.goto(f"/accounts/reminders/unsubscribe/{reminder_unsubscribe_token(user)}/")


def logged_in_at(path: str):
    def open_page(page, user):
        log_in(page, user.email)
        page.goto(path)

    return open_page


def at(path: str):
    return lambda page, user: page.goto(path)


PAGES = {
    "home": at("/"),
    "home-logged-in": logged_in_at("/"),
    "signup": at("/accounts/signup/"),
    "signup-with-errors": open_signup_with_errors,
    "login": at("/accounts/login/"),
    "login-with-errors": open_login_with_errors,
    "password-reset-request": at("/accounts/password/reset/"),
    "password-reset-sent": open_reset_sent,
    "password-reset-set-password": open_reset_set_password,
    "password-reset-invalid": at("/accounts/reset/MQ/not-a-token/"),
    "password-reset-complete": at("/accounts/reset/done/"),
    "password-change": logged_in_at("/accounts/password/change/"),
    "profile": logged_in_at("/accounts/profile/"),
    "reminders-unsubscribed": open_reminders_unsubscribed,
    "reminders-unsubscribe-invalid": at("/accounts/reminders/unsubscribe/not-a-token/"),
    "404": at("/no-such-pose/"),
}


@pytest.mark.parametrize("open_page", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violations(page, open_page):
    user = UserFactory()
    open_page(page, user)
    expect(page.locator("main#main")).to_be_visible()

    assert_accessible(page)
