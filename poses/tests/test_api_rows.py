"""Issue 15: the pose API's library and detail answer plain dicts (serializers.pose_rows,
pose_detail_row) that are, byte for byte, what PoseSummarySerializer and PoseSerializer
answered — for any pose (kinds, photos and renditions, image URLs, breath patterns, long holds,
any names and texts: hypothesis), anonymous or with a token, and with the same pagination
links, filters, errors, ETags and 304s."""

import contextlib
import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from accounts.tests.factories import bearer
from poses import selectors
from poses.api import serializers
from poses.models import NEW_POSE_FIGURE, Category, Effort, Kind, Position, Prop, TargetArea
from poses.tests.factories import PoseFactory
from yogaflow.core.testing.api import assert_same_answers as same_answers

pytestmark = pytest.mark.django_db
POSES = "/api/v1/poses"

text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30)
words = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1)


@contextlib.contextmanager
def answered_by_the_serializers(monkeypatch):
    """The views as they were: the whole row read, DRF's serializers writing the answer."""
    with monkeypatch.context() as patch:
        patch.setattr(selectors, "pose_api_cards", selectors.pose_library)
        patch.setattr(
            serializers,
            "pose_rows",
            lambda poses, request: (
                serializers.PoseSummarySerializer(
                    poses, many=True, context={"request": request}
                ).data
            ),
        )
        patch.setattr(
            serializers,
            "pose_detail_row",
            lambda pose, request: (
                serializers.PoseSerializer(pose, context={"request": request}).data
            ),
        )
        yield


def assert_same_answers(monkeypatch, client, path, **headers):
    """The answer now and the serializers' answer, byte for byte (testing.api)."""
    return same_answers(
        monkeypatch, client, path, answered_before=answered_by_the_serializers, **headers
    )


def make_pose(fields):
    kind, photo, image_urls, breath, long_hold, angle, names, published = fields
    extra = {}
    if kind != Kind.ASANA:
        extra = {"category": "", "effort": Effort.PASSIVE, "default_hold_seconds": 120}
        extra |= {"hold_min_seconds": 60, "hold_max_seconds": 600}
    if photo:
        extra["image"] = f"poses/{names[0][:8]}.jpg"
        extra["image_renditions"] = {"960": "poses/p-960.webp", "480": "poses/p-480.webp"}
    if long_hold:
        extra |= {"long_hold_min_seconds": 60, "long_hold_max_seconds": 300}
    figure = copy.deepcopy(NEW_POSE_FIGURE)
    figure.setdefault("angles", {})["torso"] = angle
    return PoseFactory(
        kind=kind,
        name_en=names[0] or "Pose",
        name_sa=names[1],
        description=names[2],
        instructions=[names[0], names[2]],
        benefits=[names[1]],
        contraindications=names[2],
        modifications=names[1],
        target_areas=[TargetArea.HIPS, TargetArea.SPINE][: len(names[0]) % 3],
        props=[Prop.BLOCK] if photo else [],
        cautions=["knees"] if long_hold else [],
        image_urls=image_urls,
        breath_pattern=breath if kind == Kind.PRANAYAMA else {},
        figure=figure,
        is_published=published,
        **extra,
    )


poses = st.lists(
    st.tuples(
        st.sampled_from([Kind.ASANA, Kind.PRANAYAMA, "meditation"]),
        st.booleans(),  # a photo with renditions
        st.lists(st.sampled_from(["https://example.com/a.jpg", "http://x.test/é.png"]), max_size=2),
        st.sampled_from([{}, {"inhale": 4, "exhale": 6}, {"inhale": 4, "hold": 7, "exhale": 8}]),
        st.booleans(),  # long holds for yin
        st.floats(-170, 170, allow_nan=False),
        st.tuples(text, text, text),
        st.booleans(),  # published
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=poses, signed_in=st.booleans())
def test_the_library_and_details_are_the_serializers_answers_byte_for_byte(
    monkeypatch, staff_user, user, rows, signed_in
):
    made = [make_pose(fields) for fields in rows]
    client = bearer(user) if signed_in else APIClient()
    staff = bearer(staff_user)

    for path in (POSES, f"{POSES}?page_size=2", f"{POSES}?page_size=2&page=2&kind=pranayama"):
        assert_same_answers(monkeypatch, client, path)
    for pose in made:
        detail = assert_same_answers(monkeypatch, client, f"{POSES}/{pose.slug}")
        assert detail.status_code == (200 if pose.is_published else 404)
        assert assert_same_answers(monkeypatch, staff, f"{POSES}/{pose.slug}").status_code == 200


def test_list_rows_are_the_serializers_rows_for_any_pose_built_alone(rf):
    """The functions themselves, without a request too (relative URLs), on any kind of pose."""
    made = [
        make_pose(
            (Kind.ASANA, True, ["https://example.com/a.jpg"], {}, True, 12.5, ("Ä", "", ""), True)
        ),
        make_pose((Kind.PRANAYAMA, False, [], {"inhale": 4}, False, 0.0, ("B", "ś", "“x”"), True)),
    ]
    for request in (None, rf.get("/api/v1/poses", secure=True)):
        context = {"request": request}
        assert (
            serializers.pose_rows(made, request)
            == serializers.PoseSummarySerializer(made, many=True, context=context).data
        )
        for pose in made:
            assert (
                serializers.pose_detail_row(pose, request)
                == serializers.PoseSerializer(pose, context=context).data
            )


@pytest.mark.parametrize(
    "query",
    [
        "?q=tree",
        "?category=balance&difficulty=beginner",
        f"?target_area={TargetArea.HIPS}&position={Position.STANDING}",
        "?page=2",
        "?page=9",
        "?page_size=abc",
        "?category=nonsense",
    ],
)
def test_filters_pages_and_errors_answer_as_before(monkeypatch, user, query):
    PoseFactory.create_batch(3, name_en="Tree", category=Category.BALANCE)
    PoseFactory.create_batch(22, target_areas=[TargetArea.HIPS])
    for client in (APIClient(), bearer(user)):
        assert_same_answers(monkeypatch, client, POSES + query)


def test_anonymous_revalidation_answers_the_same_etag_and_304(monkeypatch):
    PoseFactory.create_batch(3)
    first = assert_same_answers(monkeypatch, APIClient(), POSES)
    etag = first.headers["ETag"]

    again = APIClient().get(POSES, HTTP_IF_NONE_MATCH=etag)
    with answered_by_the_serializers(monkeypatch):
        before = APIClient().get(POSES, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == before.status_code == 304
    assert again.content == before.content == b""
