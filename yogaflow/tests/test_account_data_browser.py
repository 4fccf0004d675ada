"""'Your data' in a real Chromium: the profile's section and the account deletion journey."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_profile_offers_downloads_and_the_json_file_downloads(page):
    user = UserFactory()
    log_in_and_wait(page, user.email)
    page.goto("/accounts/profile/")

    expect(page.get_by_role("heading", name="Your data")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all my data (JSON)").click()

    assert download.value.suggested_filename.startswith("yogaflow-data-")
    assert_accessible(page)


def test_journey_delete_account_with_password_and_confirmation(page):
    user = UserFactory()
    log_in_and_wait(page, user.email)
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Delete my account…").click()
    assert_accessible(page)

    page.get_by_label("Your password").fill("Wrong-Password-1")
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Your password is incorrect.").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()

    expect(page.get_by_text("Your account and all your data have been deleted.")).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Log in")).to_be_visible()
    assert not User.objects.filter(pk=user.pk).exists()
