"""Writes of practitioners' pose ratings: rate, change, clear, refuse what is not a rating."""

import pytest
from django.core.exceptions import ValidationError

from poses.models import PoseRating, Rating
from poses.services import rate_pose
from poses.tests.factories import PoseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pose():
    return PoseFactory(slug="tree")


def stored(user) -> list[tuple[str, str]]:
    return list(PoseRating.objects.filter(user=user).values_list("pose__slug", "rating"))


def test_rate_pose_stores_a_thumbs_up(user, pose):
    rating = rate_pose(user=user, pose=pose, rating="up")

    assert (rating.user, rating.pose, rating.rating) == (user, pose, Rating.UP)
    assert stored(user) == [("tree", "up")]


def test_rating_again_changes_the_one_rating(user, pose):
    first = rate_pose(user=user, pose=pose, rating="up")

    second = rate_pose(user=user, pose=pose, rating="down")

    assert second.pk == first.pk
    assert second.updated_at >= first.updated_at
    assert stored(user) == [("tree", "down")]


def test_rating_none_clears_it_and_clearing_nothing_is_fine(user, pose):
    rate_pose(user=user, pose=pose, rating="down")

    assert rate_pose(user=user, pose=pose, rating=None) is None
    assert stored(user) == []
    assert rate_pose(user=user, pose=pose, rating=None) is None


@pytest.mark.parametrize("value", ["meh", "", "UP", 1])
def test_rate_pose_refuses_anything_but_up_or_down_at_rating(user, pose, value):
    with pytest.raises(ValidationError) as excinfo:
        rate_pose(user=user, pose=pose, rating=value)

    assert list(excinfo.value.error_dict) == ["rating"]
    assert stored(user) == []


def test_ratings_are_each_users_own(user, other_user, pose):
    rate_pose(user=user, pose=pose, rating="up")
    rate_pose(user=other_user, pose=pose, rating="down")

    rate_pose(user=other_user, pose=pose, rating=None)

    assert stored(user) == [("tree", "up")]
    assert stored(other_user) == []
