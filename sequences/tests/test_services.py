"""The sequence rules, at the services every skin (pages, API, loader) writes through."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from sequences import services
from sequences.models import (
    MAX_POSES_PER_SEQUENCE,
    Favorite,
    Sequence,
    SequencePose,
    Side,
    Visibility,
)
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db


def build(user, poses, **fields):
    fields = {
        "title": "Morning",
        "difficulty": "beginner",
        "focus": "hips",
        "style": "hatha",
        **fields,
    }
    return services.save_sequence(author=user, poses=poses, **fields)


def test_save_sequence_creates_a_private_sequence_with_ordered_poses(user):
    a, b = PoseFactory(), PoseFactory()

    sequence = build(user, [{"pose": a.pk, "duration_seconds": 40}, {"pose": b, "side": "left"}])

    assert sequence.visibility == Visibility.PRIVATE
    assert sequence.author == user
    rows = list(
        sequence.items.order_by("position").values_list(
            "pose_id", "position", "duration_seconds", "side"
        )
    )
    assert rows == [(a.pk, 1, 40, "both"), (b.pk, 2, 30, "left")]
    assert sequence.slug.startswith("morning-")


def test_total_duration_counts_both_sides_of_bilateral_poses(user):
    one_sided = PoseFactory(is_bilateral=True)
    symmetric = PoseFactory(is_bilateral=False)

    sequence = build(
        user,
        [
            {"pose": one_sided, "duration_seconds": 30, "side": Side.BOTH},
            {"pose": one_sided, "duration_seconds": 20, "side": Side.LEFT},
            {"pose": symmetric, "duration_seconds": 60, "side": Side.BOTH},
        ],
    )

    assert sequence.total_duration_seconds == 30 * 2 + 20 + 60
    assert sequence.pose_count == 3


@pytest.mark.parametrize("duration", [0, 4, 601, -5, "30"])
def test_holds_outside_5_to_600_seconds_are_refused(user, duration):
    with pytest.raises(ValidationError) as excinfo:
        build(user, [{"pose": PoseFactory(), "duration_seconds": duration}])

    assert "poses" in excinfo.value.error_dict
    assert not Sequence.objects.exists()


def test_unknown_or_unpublished_poses_are_refused(user):
    hidden = PoseFactory(is_published=False)
    with pytest.raises(ValidationError) as excinfo:
        build(user, [{"pose": 999_999}, {"pose": hidden.pk}])

    messages = excinfo.value.message_dict["poses"]
    assert messages == ["Pose #1: no such published pose.", "Pose #2: no such published pose."]


def test_more_than_the_most_poses_are_refused_and_the_most_are_saved(user):
    pose = PoseFactory()
    with pytest.raises(ValidationError) as excinfo:
        build(user, [{"pose": pose}] * (MAX_POSES_PER_SEQUENCE + 1))
    assert excinfo.value.message_dict["poses"] == [
        f"A sequence can hold at most {MAX_POSES_PER_SEQUENCE} poses."
    ]
    assert not Sequence.objects.exists() and not SequencePose.objects.exists()

    sequence = build(user, [{"pose": pose}] * MAX_POSES_PER_SEQUENCE)

    assert sequence.pose_count == MAX_POSES_PER_SEQUENCE == 150
    assert sequence.items.count() == MAX_POSES_PER_SEQUENCE


def test_duplicate_positions_are_refused(user):
    a, b = PoseFactory(), PoseFactory()
    with pytest.raises(ValidationError):
        build(user, [{"pose": a, "position": 1}, {"pose": b, "position": 1}])


def test_explicit_positions_set_the_order(user):
    a, b = PoseFactory(), PoseFactory()
    sequence = build(user, [{"pose": a, "position": 7}, {"pose": b, "position": 2}])
    assert list(sequence.items.order_by("position").values_list("pose_id", flat=True)) == [
        b.pk,
        a.pk,
    ]


def test_a_failed_update_changes_nothing(user):
    sequence = build(user, [{"pose": PoseFactory(), "duration_seconds": 30}])
    with pytest.raises(ValidationError):
        services.save_sequence(
            author=user,
            sequence=sequence,
            title="",
            poses=[{"pose": PoseFactory(), "duration_seconds": 1}],
        )
    sequence.refresh_from_db()
    assert sequence.title == "Morning"
    assert sequence.items.get().duration_seconds == 30


def test_only_the_author_can_update_delete_or_edit_steps(user, other_user):
    sequence = build(user, [{"pose": PoseFactory()}])
    curated = SequenceFactory()

    for target in (sequence, curated):
        with pytest.raises(Http404):
            services.save_sequence(author=other_user, sequence=target, title="Mine now")
        with pytest.raises(Http404):
            services.delete_sequence(user=other_user, sequence=target)
        with pytest.raises(Http404):
            services.remove_item(user=other_user, sequence=target, position=1)
    assert Sequence.objects.filter(pk=sequence.pk, title="Morning").exists()


def test_builder_steps_add_move_update_and_remove(user):
    a, b, c = PoseFactory(), PoseFactory(), PoseFactory(default_hold_seconds=45)
    sequence = build(user, [{"pose": a}, {"pose": b}])

    services.add_pose(user=user, sequence=sequence, pose=c)
    services.move_item(user=user, sequence=sequence, position=3, offset=-1)
    services.update_item(
        user=user, sequence=sequence, position=1, duration_seconds=90, side="right", cue="Breathe"
    )
    services.remove_item(user=user, sequence=Sequence.objects.get(pk=sequence.pk), position=3)

    rows = list(
        SequencePose.objects.filter(sequence=sequence)
        .order_by("position")
        .values_list("pose_id", "duration_seconds", "side")
    )
    assert rows == [(a.pk, 90, "right"), (c.pk, 45, "both")]
    sequence.refresh_from_db()
    assert sequence.total_duration_seconds == 135


def test_moving_past_the_ends_keeps_the_order(user):
    a, b = PoseFactory(), PoseFactory()
    sequence = build(user, [{"pose": a}, {"pose": b}])
    services.move_item(user=user, sequence=sequence, position=1, offset=-1)
    assert list(sequence.items.order_by("position").values_list("pose_id", flat=True)) == [
        a.pk,
        b.pk,
    ]
    with pytest.raises(ValidationError):
        services.move_item(user=user, sequence=sequence, position=5, offset=1)


def test_duplicate_makes_a_private_copy_of_a_curated_sequence(user):
    source = SequenceFactory(poses=4)

    copy = services.duplicate_sequence(user=user, source=source)

    assert copy.author == user and copy.visibility == Visibility.PRIVATE
    assert copy.copied_from == source
    assert copy.pose_count == 4 and copy.total_duration_seconds == source.total_duration_seconds
    assert list(copy.items.values_list("pose_id", flat=True).order_by("position")) == list(
        source.items.values_list("pose_id", flat=True).order_by("position")
    )


def test_nobody_can_copy_or_favorite_another_users_private_sequence(user, other_user):
    private = SequenceFactory(author=other_user)
    with pytest.raises(Http404):
        services.duplicate_sequence(user=user, source=private)
    with pytest.raises(Http404):
        services.set_favorite(user=user, sequence=private, favorite=True)


def test_favorites_are_idempotent(user):
    sequence = SequenceFactory()
    services.set_favorite(user=user, sequence=sequence, favorite=True)
    services.set_favorite(user=user, sequence=sequence, favorite=True)
    assert Favorite.objects.filter(user=user).count() == 1
    services.set_favorite(user=user, sequence=sequence, favorite=False)
    services.set_favorite(user=user, sequence=sequence, favorite=False)
    assert not Favorite.objects.exists()


def test_deleting_a_sequence_removes_its_poses_and_favorites(user):
    sequence = build(user, [{"pose": PoseFactory()}], visibility="public")
    services.set_favorite(user=UserFactory(), sequence=sequence, favorite=True)

    services.delete_sequence(user=user, sequence=sequence)

    assert not Sequence.objects.exists()
    assert not SequencePose.objects.exists() and not Favorite.objects.exists()


def test_a_pose_becoming_two_sided_updates_the_sequences_using_it(user):
    from poses.services import save_pose

    pose = PoseFactory(is_bilateral=False)
    mine = build(user, [{"pose": pose, "duration_seconds": 40}])
    curated = SequenceFactory(poses=[pose])

    save_pose(pose=pose, is_bilateral=True)

    mine.refresh_from_db()
    curated.refresh_from_db()
    assert mine.total_duration_seconds == 80
    assert curated.total_duration_seconds == 60
