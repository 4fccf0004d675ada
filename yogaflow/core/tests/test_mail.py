"""The one mail task: idempotent by key, retried with back-off, refusals and an absent broker
logged, never raised into the caller. (With a real worker and SMTP server:
yogaflow/tests/test_background.py.)"""

import smtplib
import time

import pytest
from django.core import mail
from hypothesis import given
from hypothesis import strategies as st

from yogaflow.core import mail as outgoing
from yogaflow.core.models import SentMail
from yogaflow.core.tasks import is_permanent, retry_delay, send_email

pytestmark = pytest.mark.django_db


def send(key="test:1", **overrides):
    message = {"key": key, "to": ["asha@example.com"], "subject": "Hello", "body": "Namaste"}
    return outgoing.send_mail(**{**message, **overrides})


def test_a_message_goes_out_once_per_key():
    assert send(key="welcome:7") and send(key="welcome:7")
    send(key="welcome:8")

    assert [message.body for message in mail.outbox] == ["Namaste", "Namaste"]
    assert SentMail.objects.filter(key__in=["welcome:7", "welcome:8"]).count() == 2


def test_headers_travel_with_the_message():
    send(headers={"List-Unsubscribe": "<https://yogaflow.test/u/>"})

    assert mail.outbox[0].extra_headers == {"List-Unsubscribe": "<https://yogaflow.test/u/>"}


def test_a_permanent_refusal_is_logged_once_and_not_retried(monkeypatch):
    calls = []

    def refuse(self, fail_silently=False):
        calls.append(1)
        raise smtplib.SMTPRecipientsRefused({"asha@example.com": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    result = send_email.apply(
        kwargs={"key": "k:refused", "to": ["asha@example.com"], "subject": "s", "body": "b"}
    )

    assert result.get() == "refused"
    assert calls == [1]
    assert not SentMail.objects.filter(key="k:refused").exists()


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (ConnectionRefusedError(111, "Connection refused"), False),
        (smtplib.SMTPServerDisconnected("gone"), False),
        (smtplib.SMTPResponseException(421, b"Try later"), False),
        (smtplib.SMTPResponseException(451, b"Greylisted"), False),
        (smtplib.SMTPSenderRefused(550, b"No", "x@y"), True),
        (smtplib.SMTPRecipientsRefused({"a@b": (550, b"No")}), True),
        (smtplib.SMTPRecipientsRefused({"a@b": (550, b"No"), "c@d": (451, b"Later")}), False),
    ],
)
def test_which_errors_are_worth_retrying(error, permanent):
    assert is_permanent(error) is permanent


@given(retries=st.integers(min_value=0, max_value=40))
def test_the_back_off_doubles_with_jitter_up_to_its_cap(retries):
    from django.conf import settings

    expected = min(settings.MAIL_RETRY_BASE_SECONDS * 2**retries, settings.MAIL_RETRY_MAX_SECONDS)
    delay = retry_delay(retries)
    assert 0.8 * expected <= delay <= 1.2 * expected


@pytest.fixture
def unreachable_broker(broker_at):
    """The Celery app pointed at a port where nothing listens (not eager), then restored."""
    from yogaflow.core.testing.servers import free_port

    broker_at(f"redis://127.0.0.1:{free_port()}/0")


def test_without_a_broker_queuing_gives_up_quickly_and_says_so(unreachable_broker, caplog):
    started = time.monotonic()
    queued = send(key="k:no-broker")

    assert queued is False
    assert time.monotonic() - started < 5
    assert mail.outbox == []
    assert "mail_enqueue_failed" in caplog.text


def test_a_reset_request_answers_202_while_the_broker_is_away(unreachable_broker, client):
    started = time.monotonic()
    response = client.post(
        "/api/v1/auth/password-reset", {"email": "a@example.com"}, content_type="application/json"
    )

    assert response.status_code == 202
    assert time.monotonic() - started < 5
