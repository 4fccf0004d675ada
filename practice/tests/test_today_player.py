"""The guided player over a generated practice (unsaved), and recording it."""

import json
import re
import uuid
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone

from poses.models import Pose
from poses.pictures import transition_url, transition_version
from practice import selectors
from practice.models import PracticeSession
from sequences.models import Sequence

pytestmark = pytest.mark.django_db

TODAY_URL = reverse("sequences:today")
PLAY_URL = reverse("practice:play_today")
CHOICES = {"minutes": 20, "level": "beginner", "style": "hatha", "focus": "hips", "seed": 11}


def html(response) -> str:
    return response.content.decode()


def test_practise_now_plays_the_practice_unsaved(curated_library, member_client):
    preview = member_client.get(TODAY_URL, CHOICES).context["practice"]

    response = member_client.get(PLAY_URL, CHOICES)
    page = html(response)
    items = json.loads(
        re.search(r'id="player-items" type="application/json">(.*?)</script>', page)[1]
    )

    assert response.status_code == 200
    assert [item["cue"] for item in items] == [step.reason for step in preview.steps]
    assert [(item["duration_seconds"], item["side"]) for item in items] == [
        (step.duration_seconds, step.side) for step in preview.steps
    ]
    assert "data-generated=" in page
    assert not Sequence.objects.filter(author__isnull=False).exists()


def _items(response) -> list[dict]:
    page = html(response)
    return json.loads(
        re.search(r'id="player-items" type="application/json">(.*?)</script>', page)[1]
    )


def test_the_generated_practice_plays_with_versioned_figures_and_transitions(
    curated_library, member_client
):
    steps = member_client.get(TODAY_URL, CHOICES).context["practice"].steps
    poses = {pose.slug: pose for pose in Pose.objects.filter(slug__in={s.pose.slug for s in steps})}

    items = _items(member_client.get(PLAY_URL, CHOICES))

    for step, item in zip(steps, items, strict=True):
        pose = poses[step.pose.slug]
        assert (item["image_src"], item["image_left_src"]) == (
            pose.figure_src,
            pose.figure_left_src,
        )
    pairs = list(zip(steps, steps[1:]))
    expected = [""] + [
        ""
        if before.pose.slug == after.pose.slug
        else transition_url(
            before.pose.slug,
            after.pose.slug,
            sides=(before.last_side, after.first_side),
            version=transition_version(
                poses[before.pose.slug].figure_version, poses[after.pose.slug].figure_version
            ),
        )
        for before, after in pairs
    ]
    assert [item["transition_src"] for item in items] == expected
    assert sum(1 for src in expected if src) >= len(steps) // 2


def test_the_player_of_a_generated_practice_runs_the_same_five_queries_however_long(
    curated_library, member_client, django_assert_num_queries
):
    # Session, user, the library, the pose ratings, the figures of the practice's poses.
    with django_assert_num_queries(5):
        short = _items(member_client.get(PLAY_URL, {**CHOICES, "minutes": 10}))
    with django_assert_num_queries(5):
        long = _items(member_client.get(PLAY_URL, {**CHOICES, "minutes": 90}))

    assert len(long) > 2 * len(short)


def test_the_player_needs_an_account(curated_library, client):
    response = client.get(PLAY_URL, CHOICES)

    assert response.status_code == 302


def _record(client, **changes):
    now = timezone.now()
    payload = {
        "client_id": str(uuid.uuid4()),
        "generated": {**CHOICES, "focus": ["hips"], "avoid": []},
        "started_at": (now - timedelta(minutes=21)).isoformat(),
        "ended_at": now.isoformat(),
        "duration_seconds": 1200,
        "completed": True,
        "poses_completed": 3,
        **changes,
    }
    return client.post(reverse("practice:record"), payload, content_type="application/json")


def test_a_generated_practice_is_recorded_under_its_title(curated_library, member_client, user):
    title = member_client.get(TODAY_URL, CHOICES).context["practice"].title

    response = _record(member_client)

    session = PracticeSession.objects.get(user=user)
    assert response.status_code == 201
    assert session.sequence is None
    assert (session.sequence_title, session.style, session.focus) == (title, "hatha", "hips")
    assert session.poses_completed == 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"poses_completed": 500}, "poses_completed"),
        ({"generated": {"minutes": 500}}, "generated"),
        ({"generated": None}, "sequence"),
    ],
)
def test_a_generated_practice_with_bad_choices_is_not_recorded(
    curated_library, member_client, changes, field
):
    response = _record(member_client, **changes)

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not PracticeSession.objects.exists()


def _steps_done(count: int) -> list[dict]:
    """The first `count` steps of the practice, each held 30 seconds (the player's shape)."""
    return [{"position": n, "side": "", "seconds": 30} for n in range(1, count + 1)]


def test_the_summary_of_a_generated_practice_offers_its_poses_to_rate(
    curated_library, member_client, user
):
    steps = member_client.get(TODAY_URL, CHOICES).context["practice"].steps
    summary_url = _record(member_client, steps=_steps_done(len(steps))).json()["summary_url"]

    listed = [pose.slug for pose, _ in member_client.get(summary_url).context["pose_ratings"]]
    first = steps[0].pose.slug
    rated = member_client.post(
        reverse("poses:rate", args=[first]), {"rating": "down", "next": summary_url}
    )
    again = member_client.get(summary_url).context["pose_ratings"]

    assert listed == list(dict.fromkeys(step.pose.slug for step in steps))
    assert rated["Location"] == summary_url
    assert again[0][0].slug == first, "the pose stays listed after its thumbs down"
    assert again[0][1] == "down"


def test_the_summary_of_a_generated_practice_reads_its_stored_steps_not_the_address(
    curated_library, member_client, user
):
    steps = member_client.get(TODAY_URL, CHOICES).context["practice"].steps
    done = list(dict.fromkeys(step.pose.slug for step in steps[:2]))
    summary_url = _record(member_client, steps=_steps_done(2)).json()["summary_url"]
    others = Pose.objects.exclude(slug__in=done).values_list("slug", flat=True)[:5]
    lying = f"{summary_url}?{urlencode({'poses': ','.join(others)})}"

    listed = [pose.slug for pose, _ in member_client.get(lying).context["pose_ratings"]]

    assert "?" not in summary_url  # nothing about the poses travels in the address
    assert listed == done


def test_a_generated_practice_recorded_without_steps_offers_no_poses_to_rate(
    curated_library, member_client, user
):
    summary_url = _record(member_client).json()["summary_url"]

    page = member_client.get(f"{summary_url}?poses=corpse,mountain")

    assert page.context["pose_ratings"] == []
    assert "How were the poses?" not in html(page)


def test_the_summary_lists_poses_in_two_queries_however_many(
    curated_library, member_client, user, django_assert_num_queries
):
    _record(member_client, steps=_steps_done(2))
    few_session = PracticeSession.objects.get(user=user)
    long_choices = {**CHOICES, "minutes": 90}
    length = len(member_client.get(TODAY_URL, long_choices).context["practice"].steps)
    _record(
        member_client,
        generated={**long_choices, "focus": ["hips"], "avoid": []},
        steps=_steps_done(length),
        duration_seconds=90 * 60,
        started_at=(timezone.now() - timedelta(minutes=91)).isoformat(),
    )
    many_session = PracticeSession.objects.exclude(pk=few_session.pk).get(user=user)

    with django_assert_num_queries(2):
        few = selectors.session_pose_ratings(few_session, user)
    with django_assert_num_queries(2):
        many = selectors.session_pose_ratings(many_session, user)

    assert 1 <= len(few) <= 2
    assert len(many) > 2 * len(few)
