"""The daily clean-ups on the worker's schedule: expired sessions, expired refresh tokens and old
sent-mail keys go; live ones stay."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from yogaflow.core.models import SentMail
from yogaflow.tasks import daily_clean_ups

pytestmark = pytest.mark.django_db


def test_the_daily_clean_ups_drop_only_what_has_expired(user):
    now = timezone.now()
    Session.objects.create(session_key="old" * 10, session_data="", expire_date=now - timedelta(1))
    Session.objects.create(session_key="new" * 10, session_data="", expire_date=now + timedelta(1))
    for jti, expires in (("expired", now - timedelta(1)), ("live", now + timedelta(1))):
        OutstandingToken.objects.create(user=user, jti=jti, token=jti, expires_at=expires)
    SentMail.objects.create(key="old")
    SentMail.objects.filter(key="old").update(sent_at=now - timedelta(days=31))
    SentMail.objects.create(key="recent")

    daily_clean_ups()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["new" * 10]
    assert list(OutstandingToken.objects.values_list("jti", flat=True)) == ["live"]
    assert list(SentMail.objects.values_list("key", flat=True)) == ["recent"]


def test_they_are_on_the_schedule_with_the_reminders():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert tasks == {"yogaflow.daily_clean_ups", "practice.send_due_reminders"}
