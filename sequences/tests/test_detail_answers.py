"""Issue 15: a sequence's page, player items and API detail read its steps once, as plain values
(selectors.sequence_with_steps), and answer byte for byte what they answered when they read
full Pose rows (sequence_for_view, steps_for, the page's template as it was, kept in
tests/data/sequence_detail_as_before.html) — for a 100-step sequence of every kind of step,
signed in (with avoid choices) and anonymous — in the same pinned number of queries."""

import re
from dataclasses import replace
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.template import engines
from rest_framework.test import APIClient

from accounts.tests.factories import bearer
from poses.models import Kind
from poses.tests.factories import PoseFactory
from sequences import checks, selectors, services, views
from sequences.models import Side
from sequences.steps import steps_for

pytestmark = pytest.mark.django_db
PAGE_BEFORE = (Path(__file__).parent / "data" / "sequence_detail_as_before.html").read_text()
# Masked CSRF tokens differ on every request: the form field and the player queue's attribute.
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|data-csrf=")[^"]+"')


def library() -> list:
    """Poses of every picture and shape a step can show."""
    return [
        *PoseFactory.create_batch(6, is_bilateral=True),
        *PoseFactory.create_batch(4, is_bilateral=False, name_en="Tree <&> “Vṛkṣāsana”"),
        PoseFactory(image_urls=["https://img.example/ä b.jpg?x=1&y=2"]),
        PoseFactory(
            image="poses/photo.jpg",
            image_renditions={"960": "poses/photo-960.webp", "480": "poses/photo-480.webp"},
        ),
        PoseFactory(image="poses/bare.jpg"),
        PoseFactory(
            kind=Kind.PRANAYAMA,
            category="",
            position="seated",
            is_bilateral=False,
            breath_pattern={"inhale": 4, "exhale": 6},
            props=["blanket"],
        ),
        PoseFactory(figure={}),  # no figure: an unversioned address
    ]


def long_sequence(author, steps: int = 100):
    poses = library()
    return services.save_sequence(
        author=author,
        title="Long flow <&>",
        visibility="public",
        poses=[
            {
                "pose": poses[n % len(poses)],
                "side": Side.values[n % 3],
                "duration_seconds": 20 + n % 40,
                "cue": "" if n % 4 else f"Breathe {n} “in” & <out>",
            }
            for n in range(steps)
        ],
    )


def page_as_before(monkeypatch):
    """The detail view as it was: full Pose rows prefetched, checks over steps_for, and the
    page's template of then."""
    findings_for = checks.findings_for

    def sequence_for_view(*, user, slug):
        sequence = selectors.sequence_for_view(user=user, slug=slug, page=True)
        sequence.steps = None  # read by nothing then
        return sequence

    monkeypatch.setattr(views.selectors, "sequence_with_steps", sequence_for_view)
    monkeypatch.setattr(
        views.checks,
        "findings_for",
        lambda sequence, *, avoid, steps=None: findings_for(sequence, avoid=avoid),
    )
    template = engines["django"].from_string(PAGE_BEFORE)
    monkeypatch.setattr(
        views,
        "render",
        lambda request, name, context: HttpResponse(template.render(context, request)),
    )


def body(response) -> str:
    assert response.status_code == 200
    return CSRF.sub(r"\1CSRF", response.content.decode())


@pytest.mark.parametrize("signed_in", [True, False])
def test_the_100_step_page_is_the_page_it_was_byte_for_byte(monkeypatch, client, user, signed_in):
    user.avoid = ["no_inversions", "knee_friendly"]
    user.save()
    sequence = long_sequence(user)
    if signed_in:
        client.force_login(user)

    now = body(client.get(sequence.get_absolute_url()))
    with monkeypatch.context() as patch:
        page_as_before(patch)
        before = body(client.get(sequence.get_absolute_url()))

    assert now == before
    assert now.count('<li class="storyboard__step"') == 100


def test_the_steps_read_as_values_are_the_steps_read_from_pose_rows(user):
    sequence = long_sequence(user)

    read = selectors.sequence_with_steps(user=user, slug=sequence.slug).steps
    rows = steps_for(selectors.sequence_for_view(user=user, slug=sequence.slug))

    assert read == rows  # every field the checks and pages read (the figure is not compared)
    assert [step.pose.figure for step in read] == [None] * 100
    for now, before in zip(read, rows, strict=True):
        assert now.pose.figure_version == before.pose.figure_version
        assert now.pose.image_renditions == before.pose.image_renditions
        assert now.pose.photo_src == before.pose.photo_src
        assert now.pose.photo_srcset == before.pose.photo_srcset


def test_findings_name_practice_positions_when_stored_positions_have_gaps(user):
    sequence = long_sequence(user, steps=12)
    steps = selectors.sequence_with_steps(user=user, slug=sequence.slug).steps
    gapped = [replace(step, position=step.position * 10) for step in steps]

    assert checks.findings_for(sequence, steps=gapped) == checks.findings_for(
        selectors.sequence_for_view(user=user, slug=sequence.slug)
    )


@pytest.mark.parametrize("steps", [5, 100])
@pytest.mark.parametrize("signed_in", [True, False])
def test_the_page_runs_the_same_queries_at_5_and_100_steps(
    client, user, django_assert_num_queries, steps, signed_in
):
    sequence = long_sequence(user, steps=steps)
    if signed_in:
        client.force_login(user)

    # (session, user,) the sequence, its steps
    with django_assert_num_queries(4 if signed_in else 2):
        response = client.get(sequence.get_absolute_url())

    assert response.content.decode().count('<li class="storyboard__step"') == steps


@pytest.mark.parametrize("steps", [5, 100])
@pytest.mark.parametrize("signed_in", [True, False])
def test_the_api_detail_runs_the_same_queries_at_5_and_100_steps(
    user, django_assert_num_queries, steps, signed_in
):
    sequence = long_sequence(user, steps=steps)
    client = bearer(user) if signed_in else APIClient()

    # (the token's user, its revocation check,) the sequence, its steps
    with django_assert_num_queries(4 if signed_in else 2):
        response = client.get(f"/api/v1/sequences/{sequence.slug}")

    assert len(response.json()["poses"]) == steps


def test_a_pose_changed_by_staff_shows_at_once_though_cards_are_kept(user):
    sequence = long_sequence(user, steps=3)
    first = selectors.sequence_with_steps(user=user, slug=sequence.slug).steps[0].pose
    pose = sequence.items.order_by("position").first().pose
    pose.name_en, pose.cautions = "Renamed", ["wrists"]
    pose.save()

    again = selectors.sequence_with_steps(user=user, slug=sequence.slug).steps[0].pose

    assert (again.name, again.cautions) == ("Renamed", frozenset({"wrists"}))
    assert again.figure_version == pose.figure_version != first.figure_version  # titled by name
    assert selectors.sequence_with_steps(user=user, slug=sequence.slug).steps[0].pose is again


def test_kept_findings_are_those_of_the_steps_level_style_and_avoid_choices_asked(user):
    sequence = long_sequence(user, steps=30)
    steps = selectors.sequence_with_steps(user=user, slug=sequence.slug).steps

    for difficulty, avoid in [("beginner", ()), ("advanced", ()), ("beginner", ["knee_friendly"])]:
        sequence.difficulty = difficulty
        for _ in range(2):  # computed, then kept
            found = checks.findings_for(sequence, avoid=avoid, steps=steps)
            assert found == checks.check_sequence(
                steps, difficulty=difficulty, style=sequence.style, avoid=avoid
            )
        found.clear()  # a caller's list is its own
        assert checks.findings_for(sequence, avoid=avoid, steps=steps)
    held_longer = [replace(steps[0], duration_seconds=steps[0].duration_seconds + 5), *steps[1:]]
    assert checks.findings_for(sequence, avoid=avoid, steps=held_longer) == (
        checks.check_sequence(
            held_longer, difficulty=sequence.difficulty, style=sequence.style, avoid=avoid
        )
    )
