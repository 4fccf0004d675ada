"""Badges as practice is recorded, through each path that records it: the service, the manual
log page and the player (practice.signals.session_recorded, in the same transaction)."""

import json
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from achievements.models import UserAchievement
from achievements.services import evaluate_for
from practice.tests.factories import PracticeSessionFactory, record
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")


# Midday: neither the early-bird nor the night-owl badge comes along, whenever CI runs.
@time_machine.travel(datetime(2026, 3, 10, 12, 0, tzinfo=UTC), tick=False)
def test_first_practice_earns_the_first_badge_once(user):
    first = record(user, start=timezone.now() - timedelta(hours=2))
    second = record(user, start=timezone.now() - timedelta(hours=1))

    assert [badge.code for badge in first.awarded] == ["first-practice"]
    assert "first-practice" not in [badge.code for badge in second.awarded]
    assert (
        UserAchievement.objects.filter(user=user, achievement__code="first-practice").count() == 1
    )


@time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False)
def test_manual_log_mentions_the_badge_it_earned(member_client, user):
    response = member_client.post(
        reverse("practice:log"),
        {"date": "2026-03-01", "start_time": "06:30", "duration_minutes": "45", "style": "hatha"},
    )

    flashed = [str(message) for message in get_messages(response.wsgi_request)]
    earned = UserAchievement.objects.filter(user=user).select_related("achievement")
    assert earned.exists()
    assert any(award.achievement.name in flashed[0] for award in earned)
    assert flashed[0].startswith("Logged your practice. You earned:")


@pytest.mark.parametrize("history", [1, 60])
# Midday: neither the early-bird nor the night-owl badge is new for this session.
@time_machine.travel("2026-03-10 12:00:00Z", tick=True)
def test_the_player_records_in_a_bounded_number_of_queries_whatever_the_history(
    member_client, user, history, django_assert_max_num_queries
):
    sequence = SequenceFactory(poses=2)
    PracticeSessionFactory.create_batch(history, user=user)
    evaluate_for(user)  # badges already earned by the history: none new for this session
    ended = timezone.now() - timedelta(seconds=5)
    body = {
        "client_id": str(uuid.uuid4()),
        "sequence": sequence.slug,
        "started_at": (ended - timedelta(minutes=2)).isoformat(),
        "ended_at": ended.isoformat(),
        "duration_seconds": 100,
        "completed": True,
        "poses_completed": 2,
    }

    # 13, plus the user's row lock taken by the recording and by the badge evaluation, plus the
    # tallies (practice.tallies: day, style/focus, hour, sequence) less the progress reads they
    # replace (3 → 1).
    with django_assert_max_num_queries(17):
        response = member_client.post(
            "/practice/record/", json.dumps(body), content_type="application/json"
        )

    assert response.status_code == 201
