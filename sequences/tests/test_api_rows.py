"""Issue 15: the sequence API's catalogue, favorites and details answer plain dicts
(serializers.sequence_rows, sequence_detail_row) that are, byte for byte, what
SequenceSerializer and SequenceDetailSerializer answered — for any sequence (curated or a
practitioner's, public or private, favorite or not, any titles, names, sides, cues and
pictures: hypothesis), anonymous or with a token, with the same pagination links, filters,
sorts, errors, ETags and 304s, and for the 100-step sequence."""

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory, bearer
from poses.tests.factories import PoseFactory
from sequences import selectors, services
from sequences.api import serializers
from sequences.models import Side, Visibility
from yogaflow.core.testing.api import assert_same_answers as same_answers

pytestmark = pytest.mark.django_db
SEQUENCES = "/api/v1/sequences"
FAVORITES = "/api/v1/favorites"

text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)


@contextlib.contextmanager
def answered_by_the_serializers(monkeypatch):
    """The views as they were: whole rows read, DRF's serializers writing the answers."""
    with monkeypatch.context() as patch:
        patch.setattr(selectors, "catalog_for_api", selectors.catalog)
        patch.setattr(selectors, "favorite_sequences_for_api", selectors.favorite_sequences)
        patch.setattr(
            serializers,
            "sequence_rows",
            lambda sequences: serializers.SequenceSerializer(sequences, many=True).data,
        )
        patch.setattr(
            serializers,
            "sequence_detail_row",
            lambda sequence, request: (
                serializers.SequenceDetailSerializer(sequence, context={"request": request}).data
            ),
        )
        yield


def assert_same_answers(monkeypatch, client, path, **headers):
    """The answer now and the serializers' answer, byte for byte (testing.api)."""
    return same_answers(
        monkeypatch, client, path, answered_before=answered_by_the_serializers, **headers
    )


def make_sequence(fields, authors, viewer):
    owner, public, title, description, steps, favorite = fields
    author = authors[owner]
    poses = []
    for photo, bilateral, side, cue in steps:
        extra = {"image_urls": ["https://example.com/ä.jpg"]} if photo else {}
        poses.append(
            {
                "pose": PoseFactory(is_bilateral=bilateral, name_sa=cue[:5], **extra),
                "side": side,
                "cue": cue[:200],
                "duration_seconds": 30 + len(cue),
            }
        )
    sequence = services.save_sequence(
        author=author,
        title=title.strip() or "Flow",
        description=description,
        visibility=Visibility.PUBLIC if public or author is None else Visibility.PRIVATE,
        difficulty="beginner",
        focus="full_body",
        style="hatha",
        poses=poses,
    )
    if favorite and selectors.is_visible_to(sequence, viewer):
        services.set_favorite(user=viewer, sequence=sequence, favorite=True)
    return sequence


sequences = st.lists(
    st.tuples(
        st.sampled_from(["curated", "viewer", "other"]),
        st.booleans(),  # public
        text,
        text,
        st.lists(
            st.tuples(st.booleans(), st.booleans(), st.sampled_from(Side.values), text),
            max_size=4,
        ),
        st.booleans(),  # the viewer's favorite
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=sequences, name=text)
def test_the_catalogue_favorites_and_details_are_the_serializers_answers_byte_for_byte(
    monkeypatch, user, rows, name
):
    authors = {"curated": None, "viewer": user, "other": UserFactory(display_name=name[:50])}
    made = [make_sequence(fields, authors, user) for fields in rows]
    signed_in, anonymous = bearer(user), APIClient()

    for client in (signed_in, anonymous):
        for query in ("", "?page_size=2", "?page_size=2&page=2&sort=popular", "?scope=mine"):
            assert_same_answers(monkeypatch, client, SEQUENCES + query)
        for sequence in made:
            assert_same_answers(monkeypatch, client, f"{SEQUENCES}/{sequence.slug}")
    assert_same_answers(monkeypatch, signed_in, FAVORITES)


@pytest.mark.parametrize(
    "query",
    [
        "?q=calm&difficulty=beginner",
        "?style=yin&focus=hips",
        "?min_minutes=1&max_minutes=60",
        "?scope=community&sort=longest",
        "?scope=curated&sort=newest",
        "?sort=popular&page=2",
        "?page=9",
        "?sort=sideways",
        "?min_minutes=9&max_minutes=1",
    ],
)
def test_filters_sorts_pages_and_errors_answer_as_before(monkeypatch, user, other_user, query):
    kinds = {"difficulty": "beginner", "focus": "hips", "style": "yin", "visibility": "public"}
    public = [
        services.save_sequence(
            author=other_user, title=f"Calm {n}", poses=[{"pose": PoseFactory()}], **kinds
        )
        for n in range(3)
    ]
    for n in range(22):
        services.save_sequence(
            author=None, title=f"Curated {n}", visibility="public", poses=[{"pose": PoseFactory()}]
        )
    services.set_favorite(user=user, sequence=public[1], favorite=True)
    for client in (APIClient(), bearer(user)):
        assert_same_answers(monkeypatch, client, SEQUENCES + query)


def test_the_100_step_sequence_answers_as_before(monkeypatch, user):
    poses = PoseFactory.create_batch(25, is_bilateral=True)
    steps = [
        {"pose": poses[n % 25], "side": Side.values[n % 3], "cue": f"Breathe {n} “in”"}
        for n in range(100)
    ]
    sequence = services.save_sequence(
        author=user, title="Long flow", visibility="public", poses=steps
    )

    for client in (APIClient(), bearer(user)):
        answer = assert_same_answers(monkeypatch, client, f"{SEQUENCES}/{sequence.slug}")
        assert len(answer.json()["poses"]) == 100 and answer.json()["checks"]


def test_anonymous_revalidation_answers_the_same_etag_and_304(monkeypatch):
    sequence = services.save_sequence(
        author=None, title="Flow", visibility="public", poses=[{"pose": PoseFactory()}]
    )
    for path in (SEQUENCES, f"{SEQUENCES}/{sequence.slug}"):
        etag = assert_same_answers(monkeypatch, APIClient(), path).headers["ETag"]

        again = APIClient().get(path, HTTP_IF_NONE_MATCH=etag)
        with answered_by_the_serializers(monkeypatch):
            before = APIClient().get(path, HTTP_IF_NONE_MATCH=etag)

        assert again.status_code == before.status_code == 304
        assert again.content == before.content == b""


def test_rows_are_the_serializers_rows_without_a_request(user):
    sequence = services.save_sequence(
        author=user, title="Ünïcode ✓", poses=[{"pose": PoseFactory(), "cue": "x"}]
    )
    detail = selectors.sequence_with_steps(user=user, slug=sequence.slug)
    listed = list(selectors.catalog(user=user))

    assert (
        serializers.sequence_rows(listed) == serializers.SequenceSerializer(listed, many=True).data
    )
    assert serializers.sequence_detail_row(detail, None) == (
        serializers.SequenceDetailSerializer(detail).data
    )
