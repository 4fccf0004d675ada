"""The pose library's reading rules: what is published, and what a search or filter finds."""

import pytest
from django.http import Http404

from poses import selectors
from poses.models import Category, Difficulty
from poses.tests.factories import PoseFactory

pytestmark = pytest.mark.django_db


def slugs(poses) -> list[str]:
    return [pose.slug for pose in poses]


def test_library_holds_only_published_poses_in_name_order():
    PoseFactory(slug="warrior", name_en="Warrior II")
    PoseFactory(slug="boat", name_en="Boat")
    PoseFactory(slug="draft", name_en="Aardvark", is_published=False)

    assert slugs(selectors.pose_library()) == ["boat", "warrior"]


@pytest.mark.parametrize(
    "search",
    ["svanasana", "Śvānāsana", "SVANASANA", "adho mukha", "downward dog", "  dog   downward "],
)
def test_search_finds_a_pose_by_either_name_with_or_without_accents(search):
    PoseFactory(slug="down-dog", name_en="Downward-Facing Dog", name_sa="Adho Mukha Śvānāsana")
    PoseFactory(slug="cat", name_en="Cat", name_sa="Marjaryasana")

    assert slugs(selectors.pose_library(search=search)) == ["down-dog"]


def test_search_needs_every_word_to_match():
    PoseFactory(slug="down-dog", name_en="Downward-Facing Dog", name_sa="Adho Mukha Śvānāsana")
    PoseFactory(slug="up-dog", name_en="Upward-Facing Dog", name_sa="Ūrdhva Mukha Śvānāsana")

    assert slugs(selectors.pose_library(search="dog urdhva")) == ["up-dog"]
    assert slugs(selectors.pose_library(search="dog")) == ["down-dog", "up-dog"]


def test_search_follows_a_renamed_pose():
    pose = PoseFactory(name_en="Old name", name_sa="")
    pose.name_sa = "Tāḍāsana"
    pose.save(update_fields=["name_sa"])

    assert slugs(selectors.pose_library(search="tadasana")) == [pose.slug]


def test_category_and_difficulty_filters_combine():
    PoseFactory(
        slug="crow", name_en="Crow", category=Category.BALANCE, difficulty=Difficulty.INTERMEDIATE
    )
    PoseFactory(
        slug="tree", name_en="Tree", category=Category.BALANCE, difficulty=Difficulty.BEGINNER
    )
    PoseFactory(
        slug="boat", name_en="Boat", category=Category.CORE, difficulty=Difficulty.INTERMEDIATE
    )

    assert slugs(selectors.pose_library(category="balance")) == ["crow", "tree"]
    assert slugs(selectors.pose_library(difficulty="intermediate")) == ["boat", "crow"]
    assert slugs(selectors.pose_library(category="balance", difficulty="intermediate")) == ["crow"]


def test_target_area_filter_matches_whole_codes_only():
    PoseFactory(slug="sphinx", target_areas=["lower_back", "chest"])
    PoseFactory(slug="thread-the-needle", target_areas=["upper_back", "shoulders"])
    PoseFactory(slug="bridge", target_areas=["glutes", "back_of_knees_not_a_code"])

    assert slugs(selectors.pose_library(target_area="lower_back")) == ["sphinx"]
    assert slugs(selectors.pose_library(target_area="upper_back")) == ["thread-the-needle"]
    assert slugs(selectors.pose_library(target_area="chest")) == ["sphinx"]


def test_published_pose_hides_unpublished_ones():
    published = PoseFactory()
    draft = PoseFactory(is_published=False)

    assert selectors.published_pose(published.slug) == published
    with pytest.raises(Http404):
        selectors.published_pose(draft.slug)
