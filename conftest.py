"""Fixtures shared by every app's tests.

Browser tests (marker `browser`) drive Debian's Chromium through Playwright
against pytest-django's live server; everything else uses Django's and DRF's
test clients.
"""

import os
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from accounts.tests.factories import PASSWORD, UserFactory
from yogaflow.core import chromium


@pytest.fixture(autouse=True)
def _fast_tests(settings):
    """A fast hasher (the production one is asserted in accounts/tests) and empty caches."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


DB_FIXTURES = ("db", "transactional_db", "live_server", "django_db_reset_sequences")


@pytest.fixture(autouse=True)
def _launch_badges(request):
    """The launch badges come from a data migration; a transactional test's flush (live
    server, threads) empties the table for every test after it, so put them back."""
    uses_db = request.node.get_closest_marker("django_db") or any(
        name in request.fixturenames for name in DB_FIXTURES
    )
    if not uses_db:
        return
    request.getfixturevalue("_django_db_helper")
    import importlib

    from django.apps import apps

    from achievements.models import Achievement

    if not Achievement.objects.exists():
        importlib.import_module("achievements.migrations.0003_seed_badges").seed(apps, None)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def staff_user(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def auth_api_client(user):
    """An API client presenting a real access token for `user`."""
    from accounts.api.tokens import AccessToken

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.fixture
def member_client(client, user):
    """The test client, signed in as `user`."""
    client.force_login(user)
    return client


@pytest.fixture
def curated_library(db):
    """The curated poses and sequences, loaded as `make run` loads them."""
    from django.core.management import call_command

    call_command("load_library", verbosity=0)


@pytest.fixture
def live_curated_library(transactional_db):
    """The curated library for browser tests (a live server sees only committed rows)."""
    from django.core.management import call_command

    call_command("load_library", verbosity=0)


# --- real browser -----------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(chromium.PATH):
        pytest.fail(
            f"Chromium not found at {chromium.PATH}: `apt-get install -y chromium` (make test does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (own cookies) whose relative URLs resolve against the live server.
    Service workers are off (page.route sees every request); offline tests allow them."""
    context = browser.new_context(base_url=live_server.url, service_workers="block")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


# --- browser helpers shared by the apps' browser tests ----------------------------------

# The two widths every page family is tried at: a laptop and a phone.
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(params=list(WIDTHS))
def width(request, page) -> int:
    """The test runs once per width of WIDTHS, the page's viewport set to it."""
    page.set_viewport_size({"width": WIDTHS[request.param], "height": 900})
    return WIDTHS[request.param]


@pytest.fixture
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: a temporary folder, or the one BROWSER_SHOTS names."""
    folder = os.environ.get("BROWSER_SHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("shots")


# --- the queue ---------------------------------------------------------------------------


@pytest.fixture
def broker_at(settings):
    """`broker_at(url)` points the Celery app at that broker for one test (not eager); the
    app's broker and eagerness come back afterwards."""
    from kombu import pools

    from yogaflow.celery import app

    def drop_connections() -> None:
        # The pools keep the URL they were made with: the next call must use the new one.
        pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    saved = (app.conf.broker_url, app.conf.task_always_eager)

    def point(url: str) -> None:
        settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = url, False
        app.conf.broker_url, app.conf.task_always_eager = url, False
        drop_connections()

    yield point
    app.conf.broker_url, app.conf.task_always_eager = saved
    drop_connections()
