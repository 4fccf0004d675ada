"""Issue 13, the player's promises: completed means practised (one rule for player, API, manual
log and badges), and the steps done are kept and used by stats, history and export."""

import csv
import io
import json
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from poses.tests.factories import PoseFactory
from practice import services
from practice.models import PracticeSession, PracticeStep, Source
from practice.stats import practice_stats
from sequences.services import save_sequence
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
RECORD_URL = reverse("practice:record")
API_URL = "/api/v1/sessions"
TODAY_CHOICES = {"minutes": 20, "level": "beginner", "style": "hatha", "focus": ["hips"]}


@pytest.fixture
def twenty_minutes():
    """A 20-minute sequence of 12 poses of 100 s each."""
    sequence = SequenceFactory(poses=0)
    poses = PoseFactory.create_batch(12)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[{"pose": pose, "duration_seconds": 100} for pose in poses],
    )
    sequence.refresh_from_db()
    assert sequence.total_duration_seconds == 1200
    return sequence


def player_body(sequence, *, seconds, **changes):
    ended = timezone.now() - timedelta(seconds=2)
    return {
        "client_id": str(uuid.uuid4()),
        "sequence": sequence.slug,
        "started_at": (ended - timedelta(seconds=seconds + 5)).isoformat(),
        "ended_at": ended.isoformat(),
        "sent_at": timezone.now().isoformat(),
        "duration_seconds": seconds,
        "completed": True,
        "poses_completed": sequence.pose_count,
        **changes,
    }


def post(client, body):
    return client.post(RECORD_URL, json.dumps(body), content_type="application/json")


def test_skipping_every_pose_is_not_completed_and_earns_no_finisher(client, user, twenty_minutes):
    client.force_login(user)
    # The player skipped through all 12 poses in 1:45, each a few seconds.
    steps = [{"position": n, "side": "", "seconds": 8} for n in range(1, 13)]
    for _ in range(10):
        response = post(client, player_body(twenty_minutes, seconds=105, steps=steps))
        assert response.status_code == 201, response.json()

    session = PracticeSession.objects.filter(user=user).first()
    assert session.completed is False
    # The badge app is above this one: read the user's awards through the relation.
    assert not user.achievements.filter(achievement__code="finisher-10").exists()


def test_a_practice_held_for_most_of_its_time_is_completed(client, user, twenty_minutes):
    client.force_login(user)
    steps = [{"position": n, "side": "", "seconds": 100} for n in range(1, 8)]  # 700 of 1200 s

    response = post(client, player_body(twenty_minutes, seconds=700, steps=steps))

    session = PracticeSession.objects.get(pk=response.json()["session"])
    assert session.completed is True
    assert session.poses_completed == 7
    assert list(session.steps.values_list("position", "seconds_held")) == [
        (n, 100) for n in range(1, 8)
    ]


def test_without_steps_the_time_practised_decides(client, user, twenty_minutes):
    client.force_login(user)
    short = post(client, player_body(twenty_minutes, seconds=105))
    long = post(client, player_body(twenty_minutes, seconds=1100, completed=False))

    assert PracticeSession.objects.get(pk=short.json()["session"]).completed is False
    assert PracticeSession.objects.get(pk=long.json()["session"]).completed is True


def test_the_api_applies_the_same_rule(auth_api_client, user, twenty_minutes):
    ended = timezone.now() - timedelta(seconds=2)
    response = auth_api_client.post(
        API_URL,
        {
            "sequence": twenty_minutes.slug,
            "started_at": (ended - timedelta(minutes=2)).isoformat(),
            "ended_at": ended.isoformat(),
            "duration_seconds": 105,
            "completed": True,
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["completed"] is False


def test_a_manual_log_counts_as_completed_everywhere(member_client, user):
    start = timezone.localtime(timezone.now() - timedelta(hours=3))
    response = member_client.post(
        reverse("practice:log"),
        {
            "date": start.date().isoformat(),
            "start_time": start.strftime("%H:%M"),
            "duration_minutes": "60",
            "style": "hatha",
        },
    )
    session = PracticeSession.objects.get(user=user)

    assert response.status_code == 302
    assert session.completed is True
    detail = member_client.get(reverse("practice:session", args=[session.pk])).content.decode()
    assert "Ended early" not in detail
    exported = b"".join(member_client.get("/accounts/data/sessions.csv").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[1][rows[0].index("completed")] == "yes"


def test_steps_by_pose_from_the_api_count_in_most_practised_poses(auth_api_client, user):
    poses = PoseFactory.create_batch(2)
    ended = timezone.now() - timedelta(seconds=2)
    response = auth_api_client.post(
        API_URL,
        {
            "started_at": (ended - timedelta(minutes=5)).isoformat(),
            "ended_at": ended.isoformat(),
            "duration_seconds": 300,
            "title": "Park",
            "steps": [
                {"pose": poses[0].slug, "side": "right", "seconds": 60},
                {"pose": poses[0].slug, "side": "left", "seconds": 60},
                {"pose": poses[1].slug, "seconds": 90},
            ],
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert [step["pose"] for step in body["steps"]] == [poses[0].slug] * 2 + [poses[1].slug]
    assert body["poses_completed"] == 2
    top = practice_stats(user)["top_poses"]
    assert {row["slug"]: row["times"] for row in top} == {poses[0].slug: 1, poses[1].slug: 1}


@pytest.mark.parametrize(
    "steps",
    [
        [{"position": 1, "pose": "x", "seconds": 5}],
        [{"seconds": 5}],
        [{"pose": "no-such-pose", "seconds": 5}],
        [{"position": 1, "seconds": 5}],  # no sequence to count positions in
        [{"pose": "{slug}", "seconds": 400}],  # more than the practice lasted
        [{"pose": "{slug}", "seconds": -1}],
    ],
)
def test_bad_steps_are_a_400(auth_api_client, user, steps):
    pose = PoseFactory()
    steps = json.loads(json.dumps(steps).replace("{slug}", pose.slug))
    ended = timezone.now() - timedelta(seconds=2)
    response = auth_api_client.post(
        API_URL,
        {
            "started_at": (ended - timedelta(minutes=5)).isoformat(),
            "ended_at": ended.isoformat(),
            "duration_seconds": 300,
            "steps": steps,
        },
        format="json",
    )

    assert response.status_code == 400, response.json()
    assert not PracticeSession.objects.filter(user=user).exists()


def test_todays_practice_keeps_its_steps_and_they_count_by_pose(
    curated_library, member_client, user
):
    practice = member_client.get(reverse("sequences:today"), {**TODAY_CHOICES, "seed": 11})
    practice = practice.context["practice"]
    now = timezone.now()
    steps = [{"position": n, "side": "", "seconds": 5} for n in range(1, 4)]

    response = member_client.post(
        RECORD_URL,
        {
            "client_id": str(uuid.uuid4()),
            "generated": {**TODAY_CHOICES, "seed": 11, "avoid": []},
            "started_at": (now - timedelta(minutes=1)).isoformat(),
            "ended_at": now.isoformat(),
            "duration_seconds": 15,
            "steps": steps,
        },
        content_type="application/json",
    )

    assert response.status_code == 201, response.json()
    slugs = [step.pose.slug for step in practice.steps[:3]]
    assert [row.pose_slug for row in PracticeStep.objects.order_by("position")] == slugs
    top = {row["slug"] for row in practice_stats(user)["top_poses"]}
    assert set(slugs) <= top


def test_the_steps_outlive_a_deleted_sequence_in_history_stats_and_export(
    client, user, twenty_minutes
):
    client.force_login(user)
    names = [item.pose.name_en for item in twenty_minutes.items.order_by("position")]
    steps = [{"position": n, "side": "", "seconds": 100} for n in (1, 2)]
    response = post(client, player_body(twenty_minutes, seconds=200, steps=steps))
    session_pk = response.json()["session"]
    twenty_minutes.delete()

    detail = client.get(reverse("practice:session", args=[session_pk])).content.decode()
    assert names[0] in detail and names[1] in detail
    top = practice_stats(user)["top_poses"]
    assert {row["name"] for row in top} == set(names[:2])
    exported = json.loads(b"".join(client.get("/accounts/data/export.json").streaming_content))
    assert [step["name"] for step in exported["practice_sessions"][0]["steps"]] == names[:2]


def test_record_practice_refuses_steps_holding_more_than_was_practised(user, twenty_minutes):
    from django.core.exceptions import ValidationError

    now = timezone.now()
    with pytest.raises(ValidationError) as refused:
        services.record_practice(
            user=user,
            started_at=now - timedelta(minutes=5),
            ended_at=now,
            duration_seconds=60,
            sequence=twenty_minutes,
            steps=[{"position": 1, "seconds": 100}],
            source=Source.PLAYER,
        )
    assert "steps" in refused.value.message_dict


def test_the_manual_log_is_filled_in_from_a_practice_kept_on_the_device(member_client):
    query = {"date": "2026-01-05", "start_time": "07:00", "duration_minutes": "10", "x": "y"}
    page = member_client.get(reverse("practice:log"), query).content.decode()

    assert 'value="2026-01-05"' in page
    assert 'value="07:00"' in page
    assert 'value="10"' in page


def test_existing_sessions_are_brought_under_the_one_rule(user, twenty_minutes):
    import importlib

    from django.apps import apps

    from practice.tests.factories import PracticeSessionFactory

    manual = PracticeSessionFactory(user=user, source="manual", completed=False)
    skipped = PracticeSessionFactory(
        user=user, source="player", sequence=twenty_minutes, duration_seconds=105, completed=True
    )
    held = PracticeSessionFactory(
        user=user, source="api", sequence=twenty_minutes, duration_seconds=900, completed=False
    )
    unknown = PracticeSessionFactory(user=user, source="player", completed=True)

    migration = importlib.import_module("practice.migrations.0004_completed_means_practised")
    migration.apply_the_rule(apps, None)

    for session, expected in ((manual, True), (skipped, False), (held, True), (unknown, True)):
        session.refresh_from_db()
        assert session.completed is expected, session.source
