"""Error reports: Sentry only with SENTRY_DSN, and scrubbed by the logs' rule before they leave.

A fake transport stands in for the network: what it receives is what Sentry would have.
"""

import json

import pytest
import sentry_sdk
from django.test import Client
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sentry_sdk.transport import Transport

from yogaflow.sentry import before_breadcrumb, before_send, init_sentry
from yogaflow.tests.test_settings import manage

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjo0Mn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
PASSWORD = "Secret-Password-42"
RESET = "/accounts/reset/MTI/cb7x2k-0a1b2c3d4e5f/"
SECRETS = [JWT, PASSWORD, "MTI/cb7x2k", "cb7x2k-0a1b2c3d4e5f", "s3ss10n-c00kie", "refresh-abc"]


class CapturingTransport(Transport):
    """Keeps every envelope instead of sending it."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)

    def payloads(self) -> list[str]:
        return [
            item.payload.get_bytes().decode()
            for envelope in self.envelopes
            for item in envelope.items
        ]


@pytest.fixture
def sentry():
    transport = CapturingTransport()
    init_sentry(dsn="https://public@sentry.invalid/1", transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.init(dsn=None)


def test_it_scrubs_an_event_of_every_secret():
    event = {
        "message": f"reset link http://testserver{RESET} sent, token {JWT}",
        "request": {
            "url": f"http://testserver{RESET}",
            "query_string": "token=refresh-abc&page=2",
            "headers": {"Authorization": f"Bearer {JWT}", "Cookie": "sessionid=s3ss10n-c00kie"},
            "cookies": {"sessionid": "s3ss10n-c00kie"},
            "data": {"email": "a@example.com", "password": PASSWORD, "refresh": "refresh-abc"},
        },
        "exception": {
            "values": [{"stacktrace": {"frames": [{"vars": {"new_password": PASSWORD}}]}}]
        },
        "extra": {"note": f"?access={JWT}"},
    }

    scrubbed = json.dumps(before_send(event, {}))

    assert [secret for secret in SECRETS if secret in scrubbed] == []
    assert "a@example.com" in scrubbed and "page=2" in scrubbed


def test_it_scrubs_breadcrumbs():
    crumb = {"category": "log", "message": f"login with {JWT}", "data": {"password": PASSWORD}}

    scrubbed = json.dumps(before_breadcrumb(crumb, {}))

    assert JWT not in scrubbed and PASSWORD not in scrubbed


@pytest.mark.django_db
def test_a_crash_reaches_sentry_without_the_requests_secrets(settings, sentry):
    settings.ROOT_URLCONF = "yogaflow.tests.crash_urls"
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {JWT}")
    client.cookies["sessionid"] = "s3ss10n-c00kie"

    response = client.post(
        f"/crash/?token=refresh-abc&next={RESET}", {"password": PASSWORD, "email": "a@b.example"}
    )
    sentry_sdk.flush()

    assert response.status_code == 500
    payloads = sentry.payloads()
    assert any("ZeroDivisionError" in payload for payload in payloads)
    assert [secret for payload in payloads for secret in SECRETS if secret in payload] == []


def test_sentry_is_off_without_a_dsn_and_on_with_one():
    show = "import sentry_sdk; print(sentry_sdk.get_client().is_active())"

    assert manage("shell", "-c", show).stdout.strip().splitlines()[-1] == "False"
    on = manage("shell", "-c", show, SENTRY_DSN="https://public@sentry.invalid/1")
    assert on.stdout.strip().splitlines()[-1] == "True", on.stderr


# --- whatever shape an event takes -----------------------------------------------------------

SENSITIVE_KEYS = ["password", "new_password", "Authorization", "cookies", "refresh", "token"]
plain_text = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ./:-_", max_size=20)
plain_keys = st.sampled_from(["message", "data", "extra", "vars", "headers", "url", "frames"])
secret = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=12, max_size=24).map(
    lambda core: f"Zq{core}"  # never a substring of anything else in the event
)


def _events(secret_value: str):
    """Events of any nesting where the secret sits under a sensitive key, as a JWT in a
    string, in a reset link or in a query string."""
    leaves = st.one_of(
        plain_text,
        st.just(f"token eyJ{secret_value}.eyJ{secret_value}.sig{secret_value}"),
        st.just(f"https://site.example/accounts/reset/MQ/{secret_value}/"),
        st.just(f"/api/v1/x?refresh={secret_value}&page=2"),
    )
    sensitive = st.dictionaries(
        st.sampled_from(SENSITIVE_KEYS), st.just(secret_value), min_size=1, max_size=2
    )
    return st.recursive(
        st.one_of(leaves, sensitive),
        lambda children: st.one_of(
            st.lists(children, max_size=3),
            st.dictionaries(plain_keys, children, max_size=3),
        ),
        max_leaves=12,
    )


@hypothesis_settings(max_examples=200, deadline=None)
@given(data=st.data(), secret_value=secret)
def test_no_secret_survives_scrubbing_whatever_the_event_looks_like(data, secret_value):
    event = {"event_id": "x", "extra": data.draw(_events(secret_value))}

    assert secret_value not in json.dumps(before_send(event, {}))
    assert secret_value not in json.dumps(before_breadcrumb({"data": event}, {}))
