"""The guided player's page, the JSON endpoint it records to, and the summary it lands on."""

import json
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from poses.pictures import transition_url, transition_version
from poses.tests.factories import PoseFactory
from practice import player_views
from practice.models import MAX_STEPS, PracticeSession
from practice.tests.factories import PracticeSessionFactory
from sequences.models import MAX_POSES_PER_SEQUENCE, Visibility
from sequences.selectors import sequence_for_view
from sequences.services import save_sequence
from sequences.steps import steps_for
from sequences.tests.factories import SequenceFactory
from sequences.tests.test_detail_answers import CSRF, long_sequence

pytestmark = pytest.mark.django_db
RECORD_URL = "/practice/record/"


def player_url(sequence) -> str:
    return reverse("practice:player", kwargs={"slug": sequence.slug})


def player_items(response) -> list[dict]:
    html = response.content.decode()
    start = html.index('<script id="player-items" type="application/json">')
    body = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(body)


def payload(sequence, **overrides) -> dict:
    ended = timezone.now() - timedelta(seconds=5)
    data = {
        "client_id": str(uuid.uuid4()),
        "sequence": sequence.slug,
        "started_at": (ended - timedelta(minutes=2)).isoformat().replace("+00:00", "Z"),
        "ended_at": ended.isoformat().replace("+00:00", "Z"),
        "duration_seconds": 100,
        "completed": True,
        "poses_completed": sequence.pose_count,
    }
    data.update(overrides)
    return data


def post(client, data):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(RECORD_URL, body, content_type="application/json")


@pytest.fixture
def sequence():
    return SequenceFactory(poses=2)


# --- the player page --------------------------------------------------------


def test_player_sends_anonymous_visitors_to_log_in(client, sequence):
    response = client.get(player_url(sequence))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("kind", ["curated", "own private", "someone's public"])
def test_player_opens_every_sequence_the_user_may_see(client, user, other_user, kind):
    author = {"curated": None, "own private": user, "someone's public": other_user}[kind]
    sequence = SequenceFactory(author=author, poses=2)
    if kind == "someone's public":
        sequence.visibility = Visibility.PUBLIC
        sequence.save()
    client.force_login(user)

    response = client.get(player_url(sequence))

    assert response.status_code == 200
    assert len(player_items(response)) == 2


def test_player_hides_another_users_private_sequence(client, user, other_user):
    private = SequenceFactory(author=other_user, poses=2)
    client.force_login(user)

    assert client.get(player_url(private)).status_code == 404


def test_player_page_carries_the_ordered_items_the_record_url_and_a_csrf_token(client, user):
    plank = PoseFactory(name_en="Plank", name_sa="Phalakasana")
    warrior = PoseFactory(name_en="Warrior II", name_sa="Virabhadrasana II", is_bilateral=True)
    sequence = SequenceFactory(poses=0)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[
            {"pose": warrior, "duration_seconds": 30, "side": "both", "cue": "Gaze forward."},
            {"pose": plank, "duration_seconds": 5, "side": "both"},
        ],
    )
    client.force_login(user)

    response = client.get(player_url(sequence))

    assert player_items(response) == [
        {
            "position": 1,
            "name_en": "Warrior II",
            "name_sa": "Virabhadrasana II",
            "image_src": warrior.image_src,
            "cue": "Gaze forward.",
            "duration_seconds": 30,
            "side": "both",
            "is_bilateral": True,
            "image_left_src": warrior.figure_left_src,
            "is_photo": False,
            "transition_src": "",
        },
        {
            "position": 2,
            "name_en": "Plank",
            "name_sa": "Phalakasana",
            "image_src": plank.image_src,
            "cue": "",
            "duration_seconds": 5,
            "side": "both",
            "is_bilateral": False,
            "image_left_src": plank.figure_left_src,
            "is_photo": False,
            # From Warrior II's last side (left) into Plank (drawn as described, right).
            "transition_src": transition_url(
                warrior.slug,
                plank.slug,
                sides=("left", "right"),
                version=transition_version(warrior.figure_version, plank.figure_version),
            ),
        },
    ]
    html = response.content.decode()
    assert f'data-record-url="{RECORD_URL}"' in html
    assert 'data-csrf="' in html
    assert 'aria-live="polite"' in html
    assert "js/player.js" in html


@pytest.mark.parametrize("pose_count", [2, 20])
def test_player_page_runs_a_bounded_number_of_queries(
    client, user, pose_count, django_assert_max_num_queries
):
    sequence = SequenceFactory(poses=pose_count)
    client.force_login(user)

    with django_assert_max_num_queries(6):
        response = client.get(player_url(sequence))

    assert response.status_code == 200
    assert all(item["transition_src"] for item in player_items(response)[1:])


# --- pictures -----------------------------------------------------------------


def _saved(poses):
    sequence = SequenceFactory(poses=0)
    save_sequence(author=None, sequence=sequence, poses=poses)
    return sequence


def _moving(before, after, sides) -> str:
    version = transition_version(before.figure_version, after.figure_version)
    return transition_url(before.slug, after.slug, sides=sides, version=version)


def test_items_carry_the_figure_of_each_side_and_the_transition_into_them(client, user):
    lunge = PoseFactory(is_bilateral=True)
    dog = PoseFactory()
    twist = PoseFactory(is_bilateral=True)
    sequence = _saved(
        [
            {"pose": lunge, "duration_seconds": 30, "side": "both"},  # right, then left
            {"pose": dog, "duration_seconds": 30},
            {"pose": twist, "duration_seconds": 30, "side": "left"},
            {"pose": twist, "duration_seconds": 30, "side": "right"},
        ]
    )
    client.force_login(user)

    items = player_items(client.get(player_url(sequence)))

    pictures = [(item["image_src"], item["image_left_src"], item["is_photo"]) for item in items]
    assert pictures == [
        (pose.figure_src, pose.figure_left_src, False) for pose in (lunge, dog, twist, twist)
    ]
    for item in items:
        assert "?v=" in item["image_src"] and "?v=" in item["image_left_src"]
    assert [item["transition_src"] for item in items] == [
        "",
        _moving(lunge, dog, ("left", "right")),  # from the lunge's left side
        _moving(dog, twist, ("right", "left")),  # into the twist's left side
        "",  # the same pose on its other side: the figure is simply mirrored
    ]


def test_a_first_step_on_the_left_opens_on_the_mirrored_figure(client, user):
    twist = PoseFactory(is_bilateral=True)
    client.force_login(user)

    response = client.get(player_url(_saved([{"pose": twist, "side": "left"}])))

    page = response.content.decode()
    assert f'id="player-image" src="{twist.figure_left_src}"' in page
    assert 'id="player-next-image"' in page and 'id="player-next"' in page
    assert 'data-transition-ms="1000"' in page


def test_a_pose_shown_by_a_photo_is_flipped_on_the_left_and_never_morphed(client, user):
    photo = "https://images.example.com/warrior.jpg"
    warrior = PoseFactory(is_bilateral=True, image_urls=[photo])
    dog = PoseFactory()
    sequence = _saved(
        [
            {"pose": dog, "duration_seconds": 30},
            {"pose": warrior, "duration_seconds": 30, "side": "left"},
            {"pose": dog, "duration_seconds": 30},
        ]
    )
    client.force_login(user)

    items = player_items(client.get(player_url(sequence)))

    assert (items[1]["image_src"], items[1]["image_left_src"]) == (photo, photo)
    assert items[1]["is_photo"] is True
    assert [item["transition_src"] for item in items] == ["", "", ""]


# --- recording ----------------------------------------------------------------


def test_record_creates_the_session_then_answers_200_for_the_same_client_id(client, user, sequence):
    client.force_login(user)
    data = payload(sequence)

    first = post(client, data)
    second = post(client, data)

    assert first.status_code == 201
    assert second.status_code == 200
    session = PracticeSession.objects.get(user=user)
    assert (
        first.json()
        == second.json()
        == {
            "session": session.pk,
            "summary_url": reverse("practice:summary", args=[session.pk]),
        }
    )
    assert (session.source, session.sequence, session.completed) == ("player", sequence, True)
    assert (session.duration_seconds, session.poses_completed) == (100, 2)


def test_a_retry_after_the_sequence_was_made_private_still_answers_200(client, user, other_user):
    sequence = SequenceFactory(author=other_user, visibility="public", poses=2)
    client.force_login(user)
    data = payload(sequence)
    first = post(client, data)
    sequence.visibility = "private"
    sequence.save()

    retry = post(client, data)

    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.json() == first.json()


def test_record_keeps_a_practice_ended_early(client, user, sequence):
    client.force_login(user)

    response = post(
        client, payload(sequence, completed=False, poses_completed=1, duration_seconds=10)
    )

    assert response.status_code == 201
    assert PracticeSession.objects.get(user=user).completed is False


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"started_at": "2099-01-01T07:00:00Z", "ended_at": "2099-01-01T07:10:00Z"}, "started_at"),
        ({"duration_seconds": 125}, "duration_seconds"),
        ({"duration_seconds": 6 * 3600 + 1}, "duration_seconds"),
        ({"duration_seconds": 0}, "duration_seconds"),
        ({"poses_completed": 3}, "poses_completed"),
        ({"client_id": "not-a-uuid"}, "client_id"),
        ({"duration_seconds": "long"}, "duration_seconds"),
        ({"started_at": "yesterday"}, "started_at"),
    ],
)
def test_record_rejects_invalid_practice_with_field_errors(client, user, sequence, change, field):
    client.force_login(user)

    response = post(client, payload(sequence, **change))

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not PracticeSession.objects.exists()


def test_record_rejects_a_practice_longer_than_six_hours_of_wall_time(client, user, sequence):
    client.force_login(user)
    ended = timezone.now() - timedelta(minutes=1)
    started = ended - timedelta(hours=7)

    response = post(
        client,
        payload(
            sequence,
            started_at=started.isoformat(),
            ended_at=ended.isoformat(),
            duration_seconds=7 * 3600,
        ),
    )

    assert response.status_code == 400
    assert "duration_seconds" in response.json()["errors"]


@pytest.mark.parametrize("missing", ["client_id", "sequence", "started_at", "duration_seconds"])
def test_record_requires_every_field(client, user, sequence, missing):
    client.force_login(user)
    data = payload(sequence)
    del data[missing]

    response = post(client, data)

    assert response.status_code == 400
    assert missing in response.json()["errors"]


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '"text"'])
def test_record_rejects_a_body_that_is_not_a_json_object(client, user, body):
    client.force_login(user)

    response = post(client, body)

    assert response.status_code == 400
    assert response.json()["errors"]


def test_record_enforces_csrf(user, sequence):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = post(client, payload(sequence))

    assert response.status_code == 403
    assert not PracticeSession.objects.exists()


def test_record_accepts_the_csrf_token_in_the_header(user, sequence):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(player_url(sequence))
    token = client.cookies["csrftoken"].value

    response = client.post(
        RECORD_URL,
        json.dumps(payload(sequence)),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert response.status_code == 201


def test_record_answers_404_for_another_users_private_sequence(client, user, other_user):
    private = SequenceFactory(author=other_user, poses=2)
    client.force_login(user)

    response = post(client, payload(private))

    assert response.status_code == 404
    assert not PracticeSession.objects.exists()


def test_record_needs_a_logged_in_user_and_a_post(client, user, sequence):
    logged_out = post(client, payload(sequence))

    # 401, not a redirect to the login page: the player keeps the practice for later.
    assert logged_out.status_code == 401
    assert logged_out.json() == {"errors": {"__all__": ["You are logged out."]}}
    assert not PracticeSession.objects.exists()
    client.force_login(user)
    assert client.get(RECORD_URL).status_code == 405


# --- the summary ------------------------------------------------------------------


def record_one(client, user, sequence, **overrides) -> PracticeSession:
    client.force_login(user)
    response = post(client, payload(sequence, **overrides))
    return PracticeSession.objects.get(pk=response.json()["session"])


def test_summary_shows_time_poses_streak_and_the_first_badge(client, user, sequence):
    session = record_one(client, user, sequence, duration_seconds=95)

    response = client.get(reverse("practice:summary", args=[session.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "1:35" in html
    assert "2 of 2" in html
    assert "Completed" in html
    assert "1 day" in html
    assert "First steps" in html
    assert "Record your first practice." in html
    assert reverse("practice:player", args=[sequence.slug]) in html
    assert reverse("practice:history") in html
    assert reverse("achievements:badges") in html


def test_summary_offers_no_practise_again_once_the_sequence_went_private(client, user, other_user):
    sequence = SequenceFactory(author=other_user, visibility="public", poses=2)
    session = record_one(client, user, sequence)
    sequence.visibility = "private"
    sequence.save()

    html = client.get(reverse("practice:summary", args=[session.pk])).content.decode()

    assert "Practise again" not in html
    assert reverse("practice:player", args=[sequence.slug]) not in html


def test_summary_shows_no_badge_that_an_earlier_session_earned(client, user, sequence):
    record_one(client, user, sequence)
    second = record_one(
        client, user, sequence, completed=False, poses_completed=1, duration_seconds=10
    )

    html = client.get(reverse("practice:summary", args=[second.pk])).content.decode()

    assert "First steps" not in html
    assert "Ended early" in html
    assert "1 of 2" in html


def test_summary_of_another_users_session_is_404(client, user, other_user, sequence):
    session = record_one(client, other_user, sequence)
    client.force_login(user)

    assert client.get(reverse("practice:summary", args=[session.pk])).status_code == 404


def test_summary_sends_anonymous_visitors_to_log_in(client, user, sequence):
    session = record_one(client, user, sequence)
    client.logout()

    assert client.get(reverse("practice:summary", args=[session.pk])).status_code == 302


@pytest.mark.parametrize("history", [0, 50])
def test_summary_runs_a_bounded_number_of_queries_whatever_the_history(
    client, user, sequence, history, django_assert_max_num_queries
):
    PracticeSessionFactory.create_batch(history, user=user)
    session = record_one(client, user, sequence)

    with django_assert_max_num_queries(7):
        assert client.get(reverse("practice:summary", args=[session.pk])).status_code == 200


def test_someone_elses_badges_never_show_on_a_summary(client, user, sequence):
    other = UserFactory()
    record_one(client, other, sequence)
    session = record_one(client, user, sequence)

    html = client.get(reverse("practice:summary", args=[session.pk])).content.decode()

    assert html.count("First steps") == 1


def test_player_of_an_empty_sequence_says_there_is_nothing_to_practise(client, user):
    empty = SequenceFactory(poses=0)
    client.force_login(user)

    response = client.get(player_url(empty))

    assert response.status_code == 200
    assert player_items(response) == []
    assert "nothing to practise" in response.content.decode()


# --- issue 15: the steps read once, as plain values ------------------------------------------


def _as_before(monkeypatch):
    """The player as it was: the sequence's full Pose rows prefetched, steps_for over them."""

    def with_steps_from_rows(*, user, slug):
        sequence = sequence_for_view(user=user, slug=slug)
        sequence.steps = steps_for(sequence)
        return sequence

    monkeypatch.setattr(player_views, "sequence_with_steps", with_steps_from_rows)


def test_the_100_step_player_is_the_page_it_was_byte_for_byte(monkeypatch, client, user):
    sequence = long_sequence(user)
    client.force_login(user)

    now = client.get(player_url(sequence))
    with monkeypatch.context() as patch:
        _as_before(patch)
        before = client.get(player_url(sequence))

    assert CSRF.sub("", now.content.decode()) == CSRF.sub("", before.content.decode())
    items = player_items(now)
    assert len(items) == 100 and sum(bool(item["transition_src"]) for item in items) > 50


@pytest.mark.parametrize("steps", [5, 100, MAX_POSES_PER_SEQUENCE])
def test_the_player_runs_the_same_queries_at_5_and_100_steps(
    client, user, django_assert_num_queries, steps
):
    sequence = long_sequence(user, steps=steps)
    client.force_login(user)

    with django_assert_num_queries(4):  # session, user, the sequence, its steps
        response = client.get(player_url(sequence))

    assert len(player_items(response)) == steps


# --- the longest sequence: 150 poses, each on both sides ------------------------------------


def _longest(user):
    pose = PoseFactory(is_bilateral=True, default_hold_seconds=20)
    return save_sequence(
        author=user,
        title="Longest flow",
        poses=[{"pose": pose, "duration_seconds": 20}] * MAX_POSES_PER_SEQUENCE,
    )


def _long_practice(sequence, steps) -> dict:
    """A practice of 100 minutes (every step's 20 s) in a wall time of 110."""
    ended = timezone.now() - timedelta(seconds=5)
    started = (ended - timedelta(minutes=110)).isoformat().replace("+00:00", "Z")
    return payload(sequence, steps=steps, started_at=started, duration_seconds=6000)


def _both_sides(count: int) -> list[dict]:
    return [
        {"position": n, "side": side, "seconds": 20}
        for n in range(1, count + 1)
        for side in ("left", "right")
    ]


def test_a_practice_of_the_longest_sequence_keeps_every_side_of_every_pose(client, user):
    sequence = _longest(user)
    client.force_login(user)
    assert MAX_STEPS == 2 * MAX_POSES_PER_SEQUENCE == 300

    response = post(client, _long_practice(sequence, _both_sides(MAX_POSES_PER_SEQUENCE)))

    assert response.status_code == 201, response.content
    session = PracticeSession.objects.get(user=user)
    assert session.steps.count() == MAX_STEPS
    assert session.poses_completed == 1  # one pose, held on every side


def test_a_practice_with_a_step_more_than_the_longest_sequence_is_refused(client, user):
    sequence = _longest(user)
    client.force_login(user)
    steps = [*_both_sides(MAX_POSES_PER_SEQUENCE), {"position": 1, "side": "", "seconds": 5}]

    response = post(client, _long_practice(sequence, steps))

    assert response.status_code == 400
    assert "steps" in response.json()["errors"]
    assert not PracticeSession.objects.exists()
