"""The sequence reading rules: who sees what, what each catalogue filter and sort does."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from poses.models import Pose
from poses.services import save_pose
from poses.tests.factories import PoseFactory
from sequences import selectors
from sequences.models import Favorite, Sequence, Visibility
from sequences.tests.factories import FavoriteFactory, SequenceFactory

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


def slugs(sequences) -> list[str]:
    return [sequence.slug for sequence in sequences]


@pytest.fixture
def library(user, other_user):
    """One of each kind: curated; the user's private and public; another user's likewise."""
    return {
        "curated": SequenceFactory(slug="curated", poses=1),
        "mine-private": SequenceFactory(slug="mine-private", author=user, poses=1),
        "mine-public": SequenceFactory(
            slug="mine-public", author=user, visibility=Visibility.PUBLIC, poses=1
        ),
        "theirs-private": SequenceFactory(slug="theirs-private", author=other_user, poses=1),
        "theirs-public": SequenceFactory(
            slug="theirs-public", author=other_user, visibility=Visibility.PUBLIC, poses=1
        ),
    }


# --- visibility ---------------------------------------------------------------


def test_anonymous_visitors_see_curated_and_public_sequences_only(library):
    assert sorted(slugs(selectors.visible_sequences(ANONYMOUS))) == [
        "curated",
        "mine-public",
        "theirs-public",
    ]


def test_a_user_also_sees_their_own_private_sequences_never_anyone_elses(library, user):
    assert sorted(slugs(selectors.visible_sequences(user))) == [
        "curated",
        "mine-private",
        "mine-public",
        "theirs-public",
    ]


def test_staff_get_no_peek_at_private_sequences(library, staff_user):
    assert "theirs-private" not in slugs(selectors.visible_sequences(staff_user))
    assert "mine-private" not in slugs(selectors.visible_sequences(staff_user))


def test_is_visible_to_agrees_with_visible_sequences(library, user, other_user, staff_user):
    for viewer in (ANONYMOUS, user, other_user, staff_user):
        visible = set(slugs(selectors.visible_sequences(viewer)))
        for slug, sequence in library.items():
            assert selectors.is_visible_to(sequence, viewer) == (slug in visible), (viewer, slug)


def test_sequence_for_view_is_404_for_another_users_private_sequence(library, user, other_user):
    assert selectors.sequence_for_view(user=user, slug="mine-private").slug == "mine-private"
    with pytest.raises(Http404):
        selectors.sequence_for_view(user=other_user, slug="mine-private")
    with pytest.raises(Http404):
        selectors.sequence_for_view(user=ANONYMOUS, slug="mine-private")


def test_sequence_for_view_brings_the_poses_in_order(user):
    first, second, third = PoseFactory.create_batch(3)
    sequence = SequenceFactory(poses=[third, first, second])

    shown = selectors.sequence_for_view(user=user, slug=sequence.slug)

    assert [item.pose for item in shown.items.all()] == [third, first, second]
    assert [item.position for item in shown.items.all()] == [1, 2, 3]


# --- catalogue: scope, filters, sorts -----------------------------------------


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("all", ["curated", "mine-private", "mine-public", "theirs-public"]),
        ("curated", ["curated"]),
        ("mine", ["mine-private", "mine-public"]),
        ("community", ["mine-public", "theirs-public"]),
    ],
)
def test_catalog_scopes(library, user, scope, expected):
    assert slugs(selectors.catalog(user=user, scope=scope, sort="title")) == sorted(
        expected, key=lambda slug: library[slug].title
    )


def test_catalog_scope_mine_is_empty_for_anonymous_visitors(library):
    assert slugs(selectors.catalog(user=ANONYMOUS, scope="mine")) == []


def test_catalog_search_looks_at_title_and_description_every_word(user):
    SequenceFactory(slug="morning", title="Morning wake-up", description="Gentle energy")
    SequenceFactory(slug="bedtime", title="Bedtime yin", description="Slow, gentle, quiet")
    SequenceFactory(slug="power", title="Power core", description="Strong")

    assert slugs(selectors.catalog(user=user, search="gentle")) == ["bedtime", "morning"]
    assert slugs(selectors.catalog(user=user, search="GENTLE morning")) == ["morning"]
    assert slugs(selectors.catalog(user=user, search="nothing like it")) == []


@pytest.mark.parametrize(
    ("field", "value", "other"),
    [("difficulty", "advanced", "beginner"), ("focus", "hips", "core"), ("style", "yin", "power")],
)
def test_catalog_filters_by_each_choice(user, field, value, other):
    SequenceFactory(slug="match", **{field: value})
    SequenceFactory(slug="other", **{field: other})

    assert slugs(selectors.catalog(user=user, **{field: value})) == ["match"]


def sequence_of_minutes(slug: str, minutes: float, **fields) -> Sequence:
    """A sequence of 30-second holds lasting `minutes` (a multiple of half a minute)."""
    return SequenceFactory(slug=slug, poses=int(minutes * 2), **fields)


def test_catalog_duration_range_is_inclusive_in_minutes(user):
    sequence_of_minutes("five", 5)
    sequence_of_minutes("ten", 10)
    sequence_of_minutes("ten-and-a-half", 10.5)
    sequence_of_minutes("twenty", 20)

    assert slugs(selectors.catalog(user=user, min_minutes=10, sort="shortest")) == [
        "ten",
        "ten-and-a-half",
        "twenty",
    ]
    assert slugs(selectors.catalog(user=user, max_minutes=10, sort="shortest")) == ["five", "ten"]
    assert slugs(selectors.catalog(user=user, min_minutes=6, max_minutes=15)) == [
        "ten",
        "ten-and-a-half",
    ]


def test_catalog_sorts(user, other_user):
    a = sequence_of_minutes("a", 3, title="Alpha")
    b = sequence_of_minutes("b", 1, title="Bravo")
    c = sequence_of_minutes("c", 2, title="Charlie")
    Sequence.objects.filter(pk=a.pk).update(created_at=timezone.now() - timedelta(days=2))
    Sequence.objects.filter(pk=b.pk).update(created_at=timezone.now() - timedelta(days=1))
    FavoriteFactory(sequence=c, user=user)
    FavoriteFactory(sequence=c, user=other_user)
    FavoriteFactory(sequence=b, user=user)

    def order(sort):
        return slugs(selectors.catalog(user=user, sort=sort))

    assert order("title") == ["a", "b", "c"]
    assert order("shortest") == ["b", "c", "a"]
    assert order("longest") == ["a", "c", "b"]
    assert order("newest") == ["c", "b", "a"]
    assert order("popular") == ["c", "b", "a"]
    assert order("no-such-sort") == order("title")


def test_catalog_marks_the_users_favorites(library, user, other_user):
    FavoriteFactory(user=user, sequence=library["curated"])
    FavoriteFactory(user=other_user, sequence=library["theirs-public"])

    flags = {s.slug: s.is_favorite for s in selectors.catalog(user=user)}
    anonymous_flags = {s.slug: s.is_favorite for s in selectors.catalog(user=ANONYMOUS)}

    assert flags == {
        "curated": True,
        "mine-private": False,
        "mine-public": False,
        "theirs-public": False,
    }
    assert set(anonymous_flags.values()) == {False}


def test_catalog_counts_each_sequence_once_when_sorted_by_popularity(user, other_user):
    popular = SequenceFactory()
    for fan in (user, other_user):
        FavoriteFactory(user=fan, sequence=popular)

    assert slugs(selectors.catalog(user=user, sort="popular")) == [popular.slug]


# --- favorites ------------------------------------------------------------------


def test_favorites_come_most_recently_favorited_first(user, other_user):
    first, second, third = SequenceFactory.create_batch(3, poses=1)
    for sequence in (second, first, third):
        Favorite.objects.create(user=user, sequence=sequence)
    # Another user's favorites neither show nor reorder this user's list.
    Favorite.objects.create(user=other_user, sequence=second)

    favorites = selectors.favorite_sequences(user)

    assert slugs(favorites) == [third.slug, first.slug, second.slug]
    assert all(sequence.is_favorite for sequence in favorites)


def test_a_favorite_that_became_private_drops_out_of_the_list(user, other_user):
    shared = SequenceFactory(author=other_user, visibility=Visibility.PUBLIC, poses=1)
    FavoriteFactory(user=user, sequence=shared)
    Sequence.objects.filter(pk=shared.pk).update(visibility=Visibility.PRIVATE)

    assert slugs(selectors.favorite_sequences(user)) == []


# --- sequences using a pose ----------------------------------------------------


def test_sequences_using_pose_respects_visibility_and_lists_each_once(library, user, other_user):
    pose = PoseFactory()
    for slug in library:
        # Twice in each sequence: still listed once.
        SequenceFactory(
            slug=f"{slug}-with-pose",
            title=f"With pose: {slug}",
            author=library[slug].author,
            visibility=library[slug].visibility,
            poses=[pose, PoseFactory(), pose],
        )

    def found(viewer):
        return slugs(selectors.sequences_using_pose(pose=pose, user=viewer))

    assert found(ANONYMOUS) == [
        "curated-with-pose",
        "mine-public-with-pose",
        "theirs-public-with-pose",
    ]
    assert found(user) == [
        "curated-with-pose",
        "mine-private-with-pose",
        "mine-public-with-pose",
        "theirs-public-with-pose",
    ]
    assert "mine-private-with-pose" not in found(other_user)


def test_sequences_using_pose_lists_curated_sequences_first_and_stops_at_the_limit(user):
    pose = PoseFactory()
    SequenceFactory(slug="community", title="Aaa community", author=user, poses=[pose])
    SequenceFactory(slug="curated", title="Zzz curated", poses=[pose])
    SequenceFactory(slug="without", poses=1)

    assert slugs(selectors.sequences_using_pose(pose=pose, user=user)) == [
        "curated",
        "community",
    ]
    assert slugs(selectors.sequences_using_pose(pose=pose, user=user, limit=1)) == ["curated"]


# --- today's practice ------------------------------------------------------------


def card_names() -> dict[str, str]:
    return {card.slug: card.name for card in selectors.library_cards()}


@pytest.mark.django_db(transaction=True)
def test_library_cards_are_kept_until_staff_change_a_pose_and_then_read_at_once(
    django_assert_num_queries,
):
    tree = PoseFactory(slug="tree", name_en="Tree Pose")
    crow = PoseFactory(slug="crow", name_en="Crow Pose")
    assert card_names() == {"tree": "Tree Pose", "crow": "Crow Pose"}
    with django_assert_num_queries(0):
        assert card_names() == {"tree": "Tree Pose", "crow": "Crow Pose"}

    save_pose(pose=tree, name_en="Tree")  # a staff edit, committed: the next read shows it
    assert card_names() == {"tree": "Tree", "crow": "Crow Pose"}
    save_pose(pose=crow, is_published=False)
    assert card_names() == {"tree": "Tree"}
    PoseFactory(slug="lotus", name_en="Lotus")
    assert card_names() == {"tree": "Tree", "lotus": "Lotus"}
    tree.delete()
    assert card_names() == {"lotus": "Lotus"}
    with django_assert_num_queries(0):
        assert card_names() == {"lotus": "Lotus"}


@pytest.mark.django_db(transaction=True)
def test_library_cards_inside_a_transaction_are_its_own_and_gone_when_it_rolls_back(
    django_assert_num_queries,
):
    PoseFactory(slug="tree", name_en="Tree Pose")
    assert card_names() == {"tree": "Tree Pose"}  # kept
    with transaction.atomic():  # a POST request's transaction
        with django_assert_num_queries(0):
            assert card_names() == {"tree": "Tree Pose"}
        PoseFactory(slug="crow", name_en="Crow Pose")  # no version bump until the commit
        assert card_names() == {"tree": "Tree Pose", "crow": "Crow Pose"}
        transaction.set_rollback(True)
    assert card_names() == {"tree": "Tree Pose"}


@pytest.mark.django_db(transaction=True)
def test_library_cards_are_read_afresh_while_the_cache_is_down(monkeypatch):
    monkeypatch.setattr(selectors, "library_version", lambda: None)
    PoseFactory(slug="tree", name_en="Tree Pose")
    assert card_names() == {"tree": "Tree Pose"}
    PoseFactory(slug="crow", name_en="Crow Pose")
    assert card_names() == {"tree": "Tree Pose", "crow": "Crow Pose"}


@pytest.mark.django_db(transaction=True)
def test_a_staff_edit_shows_in_the_next_generated_practice(django_assert_num_queries):
    """The library's cards are kept in process while the library version stands: the next
    practice reads no pose row when nothing changed, and one after a staff edit is made of
    the edited pose (its new name in its step) with no wait."""
    call_command("load_library", verbosity=0)
    choices = {"user": None, "minutes": 30, "level": "beginner", "style": "hatha", "seed": 5}
    first = selectors.todays_practice(**choices)
    with django_assert_num_queries(0):  # anonymous: no ratings; the cards kept
        assert selectors.todays_practice(**choices) == first
    peak = first.peak.pose
    save_pose(pose=Pose.objects.get(slug=peak.slug), name_en=f"{peak.name} (edited)")
    edited = selectors.todays_practice(**choices)
    assert edited.peak.pose.slug == peak.slug
    assert edited.peak.pose.name == f"{peak.name} (edited)"


def test_todays_practice_reads_the_library_and_the_ratings_once_each(
    user, django_assert_num_queries
):
    call_command("load_library", verbosity=0)
    with django_assert_num_queries(2):
        practice = selectors.todays_practice(
            user=user, minutes=60, level="intermediate", style="vinyasa", focus=["back"]
        )
    assert len(practice.steps) > 10


def test_todays_practice_is_the_same_all_day_and_new_the_next(user, time_machine):
    call_command("load_library", verbosity=0)
    choices = {"user": user, "minutes": 30, "level": "beginner", "style": "hatha"}

    time_machine.move_to("2026-11-27T07:00:00Z")
    morning = selectors.todays_practice(**choices)
    time_machine.move_to("2026-11-27T21:00:00Z")
    evening = selectors.todays_practice(**choices)
    time_machine.move_to("2026-11-28T07:00:00Z")
    tomorrow = selectors.todays_practice(**choices)

    assert morning.seed == evening.seed
    assert morning.steps == evening.steps
    assert tomorrow.seed != morning.seed


def test_todays_practice_refuses_an_unknown_pose_to_avoid(user):
    with pytest.raises(ValidationError) as caught:
        selectors.todays_practice(
            user=user, minutes=30, level="beginner", style="hatha", avoid_poses=["nope"]
        )
    assert caught.value.message_dict == {"avoid_poses": ["No such published pose: nope."]}
