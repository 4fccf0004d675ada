"""The reset task's retry policy, run eagerly (the retries come at once, in the caller).

The real worker, a real Redis going down and coming back, and the mail arriving:
yogaflow/tests/test_background.py.
"""

from unittest import mock

import pytest
from django.conf import settings
from django.core import mail

from accounts import lockout
from accounts.services import RESET_TOKEN_MARK, RESET_UID_MARK
from accounts.tasks import send_password_reset
from accounts.tests.factories import UserFactory
from yogaflow.core.caching import CountersUnavailable
from yogaflow.core.exceptions import ServiceUnavailable

pytestmark = pytest.mark.django_db

LINK = f"http://testserver/accounts/reset/{RESET_UID_MARK}/{RESET_TOKEN_MARK}/"


def _apply(email: str):
    return send_password_reset.apply(kwargs={"email": email, "link_template": LINK})


def test_a_reset_the_cache_refused_is_retried_and_mailed_once_it_answers():
    user = UserFactory(email="patient@example.com")
    allow = mock.Mock(side_effect=[CountersUnavailable(), CountersUnavailable(), True])
    with mock.patch.object(lockout, "allow_reset_email", allow):
        result = _apply(user.email)
    assert result.successful() and result.result is True
    assert allow.call_count == 3
    (message,) = mail.outbox
    assert message.to == ["patient@example.com"]


def test_a_cache_that_stays_down_is_tried_a_bounded_number_of_times_then_fails():
    user = UserFactory(email="unlucky@example.com")
    allow = mock.Mock(side_effect=CountersUnavailable())
    with mock.patch.object(lockout, "allow_reset_email", allow):
        result = _apply(user.email)
    assert result.failed() and isinstance(result.result, CountersUnavailable)
    assert allow.call_count == settings.RESET_MAX_RETRIES + 1
    assert mail.outbox == []


def test_other_errors_are_not_retried():
    user = UserFactory(email="buggy@example.com")
    allow = mock.Mock(side_effect=ValueError("a bug"))
    with mock.patch.object(lockout, "allow_reset_email", allow):
        result = _apply(user.email)
    assert result.failed() and allow.call_count == 1


def test_the_retry_policy_backs_off_exponentially_within_a_bound():
    assert send_password_reset.autoretry_for == (ServiceUnavailable,)
    assert send_password_reset.retry_backoff == settings.RESET_RETRY_BACKOFF_SECONDS > 0
    assert send_password_reset.retry_backoff_max == settings.RESET_RETRY_BACKOFF_MAX_SECONDS
    assert send_password_reset.max_retries == settings.RESET_MAX_RETRIES > 0
