"""Security headers: CSP without inline code, HSTS staged, Referrer- and Permissions-Policy.

Pages and API answers carry the same headers; no template holds inline script or style
(the policy would block it), and a real Chromium visiting the main pages reports no
Content-Security-Policy violation.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from practice.tests.factories import PracticeSessionFactory
from sequences.tests.factories import SequenceFactory
from yogaflow.tests.test_settings import manage

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def directives(policy: str) -> dict[str, list[str]]:
    parts = [part.strip().split() for part in policy.split(";") if part.strip()]
    return {name: values for name, *values in parts}


def assert_strict_policy(policy: str) -> None:
    found = directives(policy)
    assert found["default-src"] == ["'self'"]
    assert found["script-src"] == ["'self'"]
    assert found["style-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def assert_common_headers(response) -> None:
    assert_strict_policy(response["Content-Security-Policy"])
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    # Over HTTPS (the proxy says so), the staged default: an hour, no subdomains, no preload.
    assert response["Strict-Transport-Security"] == "max-age=3600"


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_a_page(client):
    response = client.get("/", secure=True)

    assert response.status_code == 200
    assert_common_headers(response)


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_an_api_answer(api_client):
    response = api_client.get("/api/v1/poses", secure=True)

    assert response.status_code == 200
    assert_common_headers(response)


@pytest.mark.django_db
def test_it_sends_the_security_headers_on_an_api_error(api_client):
    response = api_client.get("/api/v1/sessions", secure=True)

    assert response.status_code == 401
    assert_strict_policy(response["Content-Security-Policy"])
    assert "Permissions-Policy" in response


@pytest.mark.django_db
def test_a_pose_figure_keeps_its_own_tighter_policy(curated_library):
    from poses.models import Pose

    slug = Pose.objects.values_list("slug", flat=True).first()
    response = Client().get(f"/poses/{slug}/figure.svg", secure=True)

    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none'")


def test_swagger_ui_runs_no_inline_script_and_redoc_only_its_own_styles():
    from yogaflow.core.api.views import (
        DOCS_CONTENT_SECURITY_POLICY,
        REDOC_CONTENT_SECURITY_POLICY,
    )

    assert_strict_policy(DOCS_CONTENT_SECURITY_POLICY)
    redoc = directives(REDOC_CONTENT_SECURITY_POLICY)
    assert redoc["script-src"] == ["'self'"]
    assert redoc["style-src"] == ["'self'", "'unsafe-inline'"]


INLINE_CODE = [
    ("a style attribute", re.compile(r"""\sstyle\s*=""", re.IGNORECASE)),
    ("a <style> element", re.compile(r"<style[\s>]", re.IGNORECASE)),
    ("an event handler attribute", re.compile(r"""<[^>]*\son[a-z]+\s*=""", re.IGNORECASE)),
    ("a javascript: address", re.compile(r"""javascript:""", re.IGNORECASE)),
]
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def test_no_template_holds_inline_script_or_style():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        name = path.relative_to(TEMPLATES)
        found += [f"{name}: {what}" for what, pattern in INLINE_CODE if pattern.search(text)]
        for attributes in SCRIPT_TAG.findall(text):
            # Data blocks (json_script, type="application/json") are never run.
            if "src=" not in attributes and "application/json" not in attributes:
                found.append(f"{name}: an inline <script>")
    assert found == []


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, "3600 False False"),
        (
            {
                "SECURE_HSTS_SECONDS": "31536000",
                "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
                "SECURE_HSTS_PRELOAD": "true",
            },
            "31536000 True True",
        ),
    ],
)
def test_hsts_is_staged_and_check_deploy_stays_clean(overrides, expected):
    shown = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)",
        **overrides,
    )
    assert shown.stdout.strip().splitlines()[-1] == expected, shown.stderr

    checked = manage("check", "--deploy", "--fail-level", "WARNING", **overrides)
    assert checked.returncode == 0, checked.stdout + checked.stderr


# --- in a real browser ---------------------------------------------------------------------


def _violations(page) -> list[str]:
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return seen


@pytest.mark.browser
def test_the_main_pages_break_no_rule_of_the_policy(page, live_curated_library):
    from django.contrib.auth import get_user_model

    from poses.models import Pose
    from yogaflow.core.testing import PASSWORD
    from yogaflow.core.testing.browser import log_in_and_wait

    user = get_user_model().objects.create_user(email="csp@example.com", password=PASSWORD)
    pose = Pose.objects.filter(is_published=True).first()
    curated = SequenceFactory._meta.model.objects.filter(author=None).first()
    own = SequenceFactory(author=user, poses=[pose])
    PracticeSessionFactory(user=user, sequence=curated, duration_seconds=900)
    violations = _violations(page)
    log_in_and_wait(page, user.email)

    for url in [
        "/",
        "/poses/",
        f"/poses/{pose.slug}/",
        "/sequences/",
        f"/sequences/{curated.slug}/",
        f"/sequences/{own.slug}/edit/",
        "/sequences/today/?minutes=20&level=beginner&style=hatha&focus=hips&seed=11",
        f"/practice/play/{curated.slug}/",
        "/practice/stats/",
        "/badges/",
        "/api/v1/docs/",
    ]:
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")

    assert violations == []
    # The sizes the policy keeps out of style attributes are applied by static/js/sizes.js.
    page.goto("/practice/stats/")
    assert page.locator(".share-bars__fill").first.evaluate("e => e.style.width") == "100%"


@pytest.mark.browser
def test_the_admin_pages_staff_use_break_no_rule_of_the_policy(page, live_curated_library):
    from django.contrib.auth import get_user_model

    from poses.models import Pose
    from yogaflow.core.testing import PASSWORD

    get_user_model().objects.create_superuser(email="staff-csp@example.com", password=PASSWORD)
    pose = Pose.objects.first()
    sequence = SequenceFactory._meta.model.objects.first()
    violations = _violations(page)
    page.goto("/admin/login/")
    page.get_by_label("Email").fill("staff-csp@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")

    for url in [
        "/admin/",
        "/admin/poses/pose/",
        f"/admin/poses/pose/{pose.pk}/change/",
        "/admin/sequences/sequence/",
        f"/admin/sequences/sequence/{sequence.pk}/change/",
        "/admin/accounts/user/",
    ]:
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")

    assert violations == []


@pytest.mark.parametrize("name", ["400.html", "500.html", "503.html"])
def test_the_self_contained_error_pages_link_a_stylesheet_that_exists(name):
    from django.contrib.staticfiles import finders
    from django.template import Context, loader

    page = loader.get_template(name).template.render(Context({"status": 400, "message": "x"}))
    links = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)">', page)

    assert links == ["standalone/error-page.css"]
    assert finders.find(links[0])
