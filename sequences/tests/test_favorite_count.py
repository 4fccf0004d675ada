"""Issue 15: `sort=popular` orders by a kept favorite count (Sequence.favorite_count) instead of
counting every visible sequence's favorites per request. The count stays the number of
favorites through favorites and unfavorites, a practitioner's account deleted, a sequence
deleted (cascades) and edits of a sequence loaded before; the order is the one the per-request
count gave."""

import importlib

import pytest
from django.apps import apps
from django.db.models import Count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from sequences import selectors, services
from sequences.models import Favorite, Sequence, Visibility
from sequences.tests.factories import FavoriteFactory, SequenceFactory

pytestmark = pytest.mark.django_db


def counted_as_before(user) -> list[str]:
    """The order `sort=popular` gave before: favorites counted per request."""
    sequences = selectors.visible_sequences(user).annotate(favorites_now=Count("favorites"))
    return list(sequences.order_by("-favorites_now", "title", "pk").values_list("slug", flat=True))


def assert_counts_true():
    kept = dict(Sequence.objects.values_list("pk", "favorite_count"))
    counted = dict(Sequence.objects.annotate(n=Count("favorites")).values_list("pk", "n"))
    assert kept == counted


operations = st.lists(
    st.tuples(
        st.sampled_from(["favorite", "unfavorite", "delete user", "delete sequence", "edit"]),
        st.integers(0, 3),  # a practitioner
        st.integers(0, 5),  # a sequence
    ),
    max_size=25,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=operations)
def test_the_kept_count_is_the_number_of_favorites_after_anything(steps):
    users = UserFactory.create_batch(4)
    # Titles that tie, so the order's tie-breaks (title, then id) are compared as well.
    sequences = [
        SequenceFactory(title="Flow", poses=1),
        SequenceFactory(title="Flow", poses=1),
        SequenceFactory(title="Calm", poses=1),
        SequenceFactory(author=users[0], visibility=Visibility.PUBLIC, poses=1),
        SequenceFactory(author=users[1], visibility=Visibility.PRIVATE, poses=1),
        SequenceFactory(author=users[2], visibility=Visibility.PUBLIC, title="Calm", poses=1),
    ]
    # Loaded before any favorite: an edit of it must not write its count of 0 back.
    stale = {sequence.pk: Sequence.objects.get(pk=sequence.pk) for sequence in sequences}
    for action, who, which in steps:
        user, sequence = users[who], sequences[which]
        alive = Sequence.objects.filter(pk=sequence.pk).exists()
        if action in ("favorite", "unfavorite"):
            if user.pk and alive and selectors.is_visible_to(sequence, user):
                services.set_favorite(user=user, sequence=sequence, favorite=action == "favorite")
        elif action == "delete user" and user.pk:
            user.delete()  # as delete_account ends: its favorites and own sequences cascade
        elif action == "delete sequence" and alive:
            if sequence.author_id is None:
                sequence.delete()  # staff remove a curated one
            else:
                services.delete_sequence(user=sequence.author, sequence=sequence)
        elif action == "edit" and alive:
            services.save_sequence(
                author=stale[sequence.pk].author, sequence=stale[sequence.pk], title="Edited"
            )
        assert_counts_true()
        for viewer in [*filter(lambda u: u.pk, users), None]:
            popular = selectors.catalog(user=viewer, sort="popular")
            assert [s.slug for s in popular] == counted_as_before(viewer)


def test_favorite_unfavorite_and_again_count_once_each(user, other_user):
    sequence = SequenceFactory()
    for favorite in (True, True, False, False, True):  # idempotent both ways
        services.set_favorite(user=user, sequence=sequence, favorite=favorite)
    services.set_favorite(user=other_user, sequence=sequence, favorite=True)

    sequence.refresh_from_db()
    assert sequence.favorite_count == 2


def test_an_edit_of_a_sequence_loaded_before_a_favorite_keeps_the_count(user, other_user):
    mine = SequenceFactory(author=user, visibility=Visibility.PUBLIC)
    loaded = selectors.own_sequence(user=user, slug=mine.slug)
    services.set_favorite(user=other_user, sequence=mine, favorite=True)

    services.save_sequence(author=user, sequence=loaded, title="Renamed", poses=[])

    mine.refresh_from_db()
    assert (mine.title, mine.favorite_count) == ("Renamed", 1)


def test_deleting_an_account_takes_its_favorites_off_the_counts(user, other_user):
    curated, theirs = SequenceFactory(), SequenceFactory(author=other_user, visibility="public")
    for fan in (user, other_user):
        services.set_favorite(user=fan, sequence=curated, favorite=True)
    services.set_favorite(user=user, sequence=theirs, favorite=True)

    user.delete()

    assert Sequence.objects.get(pk=curated.pk).favorite_count == 1
    assert Sequence.objects.get(pk=theirs.pk).favorite_count == 0


def test_recount_and_the_migration_fill_the_counts_from_favorites(user, other_user):
    a, b = SequenceFactory(), SequenceFactory()
    Favorite.objects.bulk_create([Favorite(user=fan, sequence=a) for fan in (user, other_user)])
    FavoriteFactory(user=user, sequence=b)
    Sequence.objects.update(favorite_count=7)  # what bulk writes may leave

    assert services.recount_favorites() == 2
    assert_counts_true()

    Sequence.objects.update(favorite_count=0)  # the column as the migration adds it
    migration = importlib.import_module("sequences.migrations.0003_favorite_count")
    migration.count_favorites(apps, None)
    assert_counts_true()
    assert Sequence.objects.get(pk=a.pk).favorite_count == 2
