"""The pose library's reading rules: what is published, and what a search or filter finds."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from poses import selectors
from poses.models import Category, Difficulty, Rating
from poses.services import rate_pose
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


def test_kind_and_position_filters_find_breathing_practices_and_floor_poses():
    PoseFactory(slug="tree", position="standing")
    PoseFactory(slug="sphinx", category=Category.BACKBEND, position="prone")
    PoseFactory(
        slug="ujjayi",
        kind="pranayama",
        category="",
        position="seated",
        breath_pattern={"inhale": 5, "exhale": 5},
    )

    assert slugs(selectors.pose_library(kind="pranayama")) == ["ujjayi"]
    assert slugs(selectors.pose_library(kind="asana", position="prone")) == ["sphinx"]
    assert slugs(selectors.pose_library(position="seated")) == ["ujjayi"]


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


# --- a practitioner's preferences ------------------------------------------------


@pytest.fixture
def rated(user, other_user):
    """The user likes tree and warrior, dislikes crow; another user's ratings beside them."""
    poses = {
        slug: PoseFactory(slug=slug, name_en=slug.capitalize())
        for slug in ("tree", "warrior", "crow", "boat")
    }
    rate_pose(user=user, pose=poses["tree"], rating="up")
    rate_pose(user=user, pose=poses["crow"], rating="down")
    rate_pose(user=user, pose=poses["warrior"], rating="up")
    rate_pose(user=other_user, pose=poses["boat"], rating="down")
    rate_pose(user=other_user, pose=poses["tree"], rating="down")
    return poses


def test_preferences_of_a_visitor_are_empty_and_cost_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert selectors.practice_preferences(AnonymousUser()) == selectors.PracticePreferences()
        assert selectors.practice_preferences(None) == selectors.PracticePreferences()


def test_preferences_hold_the_avoid_list_its_cautions_and_the_thumbs_in_one_query(
    user, rated, django_assert_num_queries
):
    user.avoid = ["no_inversions", "back_care"]

    with django_assert_num_queries(1):
        preferences = selectors.practice_preferences(user)

    assert preferences == selectors.PracticePreferences(
        avoid=("back_care", "no_inversions"),
        avoid_cautions=frozenset(
            {
                "inversion",
                "head_below_heart",
                "breath_retention",
                "deep_backbend",
                "spinal_flexion",
                "spinal_rotation",
                "neck_load",
                "fall_risk",
                "sacroiliac_load",
            }
        ),
        liked=frozenset({"tree", "warrior"}),
        disliked=frozenset({"crow"}),
    )


def test_rating_for_one_pose(user, other_user, rated):
    assert selectors.rating_for(user, rated["tree"]) == "up"
    assert selectors.rating_for(user, rated["crow"]) == "down"
    assert selectors.rating_for(user, rated["boat"]) is None
    assert selectors.rating_for(AnonymousUser(), rated["tree"]) is None


def test_ratings_for_many_poses_is_one_query(user, rated, django_assert_num_queries):
    poses = list(rated.values())

    with django_assert_num_queries(1):
        ratings = selectors.ratings_for(user, poses)

    assert ratings == {rated["tree"].pk: "up", rated["warrior"].pk: "up", rated["crow"].pk: "down"}
    assert selectors.ratings_for(AnonymousUser(), poses) == {}


def test_rated_poses_lists_the_users_own_most_recent_first(user, other_user, rated):
    rate_pose(user=user, pose=rated["tree"], rating="up")  # touched again: now the latest

    assert slugs(selectors.rated_poses(user, Rating.UP)) == ["tree", "warrior"]
    assert slugs(selectors.rated_poses(user, Rating.DOWN)) == ["crow"]
    assert slugs(selectors.rated_poses(other_user, Rating.DOWN)) == ["tree", "boat"]
    assert slugs(selectors.rated_poses(AnonymousUser(), Rating.UP)) == []


def test_a_pose_rated_before_it_was_unpublished_can_still_be_found_to_clear_it(
    user, other_user, rated
):
    rated["crow"].is_published = False
    rated["crow"].save(update_fields=["is_published"])

    assert selectors.pose_for_rating(user=user, slug="crow") == rated["crow"]
    with pytest.raises(Http404):
        selectors.pose_for_rating(user=other_user, slug="crow")
    with pytest.raises(Http404):
        selectors.pose_for_rating(user=user, slug="no-such-pose")
