"""The sequence and favorite API, black-box through DRF's test client with real JWTs.

Who may do what (anonymous, owner, another user, staff) is one table below,
run for every action; another user's private sequence is 404 everywhere.
"""

import pytest
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory, bearer
from poses.tests.factories import PoseFactory
from sequences.models import (
    MAX_CUE_LENGTH,
    MAX_POSES_PER_SEQUENCE,
    Favorite,
    Sequence,
    SequencePose,
    Visibility,
)
from sequences.services import save_sequence
from sequences.tests.factories import FavoriteFactory, SequenceFactory
from yogaflow.core.testing.api import ERROR_KEYS, assert_error
from yogaflow.core.testing.openapi import assert_documented, openapi_schema

pytestmark = pytest.mark.django_db

SEQUENCES = "/api/v1/sequences"
FAVORITES = "/api/v1/favorites"
PAGE_KEYS = {"count", "next", "previous", "results"}
ITEM_KEYS = {
    "id",
    "slug",
    "title",
    "description",
    "difficulty",
    "focus",
    "style",
    "visibility",
    "author",
    "is_curated",
    "total_duration_seconds",
    "pose_count",
    "is_favorite",
    "created_at",
    "updated_at",
}
DETAIL_KEYS = ITEM_KEYS | {"poses", "checks"}
POSE_ITEM_KEYS = {"position", "pose", "duration_seconds", "side", "cue"}
POSE_CARD_KEYS = {
    "id",
    "slug",
    "name_en",
    "name_sa",
    "image_src",
    "figure_url",
    "figure_left_url",
    "is_bilateral",
}


def url(slug: str, *rest: str) -> str:
    return "/".join([SEQUENCES, slug, *rest])


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def body_for(pose_objects=(), **fields) -> dict:
    return {
        "title": "Evening unwind",
        "description": "Slow hips and a long rest.",
        "difficulty": "beginner",
        "focus": "hips",
        "style": "yin",
        "poses": [{"pose": pose.pk, "duration_seconds": 60} for pose in pose_objects],
        **fields,
    }


def snapshot() -> tuple:
    """Everything a refused write must leave as it was."""
    return (
        list(
            Sequence.objects.order_by("pk").values_list("pk", "title", "pose_count", "updated_at")
        ),
        list(SequencePose.objects.order_by("pk").values_list("pk", "pose_id", "duration_seconds")),
        list(Favorite.objects.order_by("pk").values_list("pk")),
    )


@pytest.fixture
def poses():
    return PoseFactory.create_batch(3)


# --- the catalogue -------------------------------------------------------------


def test_anonymous_catalogue_is_curated_and_public_sequences(api_client, user, other_user):
    SequenceFactory(title="Curated")
    SequenceFactory(title="Shared", author=other_user, visibility=Visibility.PUBLIC)
    SequenceFactory(title="Hidden", author=other_user, visibility=Visibility.PRIVATE)

    response = api_client.get(SEQUENCES)

    assert titles(response) == ["Curated", "Shared"]
    body = response.json()
    assert set(body) == PAGE_KEYS
    assert set(body["results"][0]) == ITEM_KEYS
    curated, shared = body["results"]
    assert curated["author"] is None and curated["is_curated"] is True
    assert shared["author"] == {"id": other_user.pk, "display_name": other_user.display_name}
    assert shared["is_curated"] is False and shared["is_favorite"] is False


def test_with_a_token_the_catalogue_adds_ones_own_private_sequences(auth_api_client, user):
    SequenceFactory(title="Curated")
    SequenceFactory(title="Mine", author=user, visibility=Visibility.PRIVATE)
    SequenceFactory(title="Theirs", author=UserFactory(), visibility=Visibility.PRIVATE)

    assert titles(auth_api_client.get(SEQUENCES)) == ["Curated", "Mine"]


def test_catalogue_flags_the_callers_favorites(auth_api_client, user):
    liked = SequenceFactory(title="Liked")
    SequenceFactory(title="Other")
    FavoriteFactory(user=user, sequence=liked)
    FavoriteFactory(sequence=SequenceFactory(title="Liked by someone else"))

    results = auth_api_client.get(SEQUENCES).json()["results"]

    assert {item["title"]: item["is_favorite"] for item in results} == {
        "Liked": True,
        "Liked by someone else": False,
        "Other": False,
    }


def test_catalogue_filters(auth_api_client, user):
    SequenceFactory(title="Power core", difficulty="advanced", focus="core", style="power")
    SequenceFactory(title="Yin hips", focus="hips", style="yin", description="Long holds")
    SequenceFactory(title="My flow", author=user, style="vinyasa")

    def get(**params):
        return titles(auth_api_client.get(SEQUENCES, params))

    assert get(difficulty="advanced") == ["Power core"]
    assert get(focus="hips", style="yin") == ["Yin hips"]
    assert get(q="long holds") == ["Yin hips"]
    assert get(scope="mine") == ["My flow"]
    assert get(scope="curated") == ["Power core", "Yin hips"]
    assert get(style="", difficulty="") == ["My flow", "Power core", "Yin hips"]


def test_catalogue_filters_and_sorts_by_duration(api_client):
    one_pose, five_poses = PoseFactory.create_batch(1), PoseFactory.create_batch(5)
    SequenceFactory(title="Short", poses=one_pose)  # 30 s
    SequenceFactory(title="Long", poses=five_poses * 4)  # 20 × 30 s = 10 min

    assert titles(api_client.get(SEQUENCES, {"min_minutes": 5})) == ["Long"]
    assert titles(api_client.get(SEQUENCES, {"max_minutes": 5})) == ["Short"]
    assert titles(api_client.get(SEQUENCES, {"sort": "longest"})) == ["Long", "Short"]
    assert titles(api_client.get(SEQUENCES, {"sort": "shortest"})) == ["Short", "Long"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"style": "disco"}, "style"),
        ({"difficulty": "expert"}, "difficulty"),
        ({"focus": "toes"}, "focus"),
        ({"scope": "everyone"}, "scope"),
        ({"sort": "random"}, "sort"),
        ({"min_minutes": "ten"}, "min_minutes"),
        ({"max_minutes": "-1"}, "max_minutes"),
        ({"min_minutes": "30", "max_minutes": "10"}, "max_minutes"),
    ],
)
def test_an_invalid_filter_answers_400_located_in_the_query(api_client, params, field):
    body = assert_error(api_client.get(SEQUENCES, params), 400, "query", field)

    assert body["error"] == "Validation Error"


def test_catalogue_pages(api_client):
    for index in range(5):
        SequenceFactory(title=f"Flow {index}", poses=0)

    first = api_client.get(SEQUENCES, {"page_size": 2}).json()
    second = api_client.get(first["next"]).json()

    assert first["count"] == 5 and first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/sequences?")
    assert [item["title"] for item in second["results"]] == ["Flow 2", "Flow 3"]
    assert second["previous"] is not None
    assert_error(api_client.get(SEQUENCES, {"page": 4, "page_size": 2}), 404)


# --- one sequence --------------------------------------------------------------


def test_detail_lists_the_poses_in_practice_order(api_client):
    first = PoseFactory(name_en="Mountain", is_bilateral=False)
    second = PoseFactory(name_en="Warrior II", is_bilateral=True, category="standing")
    sequence = SequenceFactory(slug="flow", poses=0)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[
            {"pose": second, "position": 2, "duration_seconds": 40, "side": "left", "cue": "Sink"},
            {"pose": first, "position": 1, "duration_seconds": 20},
        ],
    )

    response = api_client.get(url("flow"))

    assert response.status_code == 200
    body = response.json()
    assert set(body) == DETAIL_KEYS
    assert body["pose_count"] == 2 and body["total_duration_seconds"] == 60
    assert [set(item) for item in body["poses"]] == [POSE_ITEM_KEYS] * 2
    assert [(item["position"], item["pose"]["name_en"]) for item in body["poses"]] == [
        (1, "Mountain"),
        (2, "Warrior II"),
    ]
    warrior = body["poses"][1]
    assert set(warrior["pose"]) == POSE_CARD_KEYS
    assert (warrior["duration_seconds"], warrior["side"], warrior["cue"]) == (40, "left", "Sink")
    assert warrior["pose"]["is_bilateral"] is True
    version = second.figure_version
    figure = f"http://testserver/poses/{second.slug}/figure.svg?v={version}"
    assert warrior["pose"]["image_src"] == warrior["pose"]["figure_url"] == figure
    assert warrior["pose"]["figure_left_url"] == figure.replace("figure.svg", "figure-left.svg")


def test_unknown_sequence_is_404_in_the_error_shape(api_client):
    assert_error(api_client.get(url("no-such-flow")), 404)


def test_paths_with_a_trailing_slash_answer_too(auth_api_client):
    SequenceFactory(slug="flow")

    assert auth_api_client.get(url("flow") + "/").status_code == 200
    assert auth_api_client.get(SEQUENCES + "/").status_code == 200
    assert auth_api_client.put(url("flow", "favorite") + "/").status_code == 204
    assert auth_api_client.get(FAVORITES + "/").status_code == 200


# --- creating ------------------------------------------------------------------


def test_create_a_sequence_with_its_poses_in_one_request(auth_api_client, user, poses):
    response = auth_api_client.post(SEQUENCES, body_for(poses), format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == DETAIL_KEYS
    assert body["visibility"] == "private" and body["is_favorite"] is False
    assert body["author"] == {"id": user.pk, "display_name": user.display_name}
    assert [item["pose"]["id"] for item in body["poses"]] == [pose.pk for pose in poses]
    assert body["total_duration_seconds"] == 180
    sequence = Sequence.objects.get(slug=body["slug"])
    assert sequence.author == user and sequence.title == "Evening unwind"
    assert list(sequence.items.values_list("pose_id", "position")) == [
        (poses[0].pk, 1),
        (poses[1].pk, 2),
        (poses[2].pk, 3),
    ]


def test_create_and_update_answer_with_the_checks_of_what_was_saved(auth_api_client):
    warrior = PoseFactory(name_en="Warrior II", is_bilateral=True)
    body = {
        "title": "Lopsided",
        "difficulty": "beginner",
        "focus": "hips",
        "style": "hatha",
        "poses": [{"pose": warrior.pk, "side": "right"}],
    }

    created = auth_api_client.post(SEQUENCES, body, format="json")

    assert created.status_code == 201, created.content
    checks = created.json()["checks"]
    assert [(f["code"], f["severity"], f["positions"]) for f in checks] == [
        ("one_sided", "error", [1])
    ]
    slug = created.json()["slug"]
    both_sides = {
        "poses": [{"pose": warrior.pk, "side": "right"}, {"pose": warrior.pk, "side": "left"}]
    }
    updated = auth_api_client.patch(url(slug), both_sides, format="json")
    assert updated.status_code == 200, updated.content
    assert updated.json()["checks"] == []


def test_create_orders_by_the_positions_given_and_fills_defaults(auth_api_client):
    a, b = PoseFactory(default_hold_seconds=45), PoseFactory(is_bilateral=True)
    data = body_for(
        [],
        visibility="public",
        poses=[
            {"pose": a.pk, "position": 7},
            {"pose": b.pk, "position": 3, "duration_seconds": 20},
        ],
    )

    body = auth_api_client.post(SEQUENCES, data, format="json").json()

    assert body["visibility"] == "public"
    assert [(i["position"], i["pose"]["id"], i["duration_seconds"]) for i in body["poses"]] == [
        (1, b.pk, 20),
        (2, a.pk, 45),
    ]
    assert body["poses"][0]["side"] == "both"
    assert body["total_duration_seconds"] == 20 * 2 + 45


def _many(poses, count):
    return [{"pose": poses[index % len(poses)].pk} for index in range(count)]


BAD_SEQUENCES = {
    "unknown pose": (lambda p: {"poses": [{"pose": 999_999}]}, ["body", "poses"]),
    "duplicate position": (
        lambda p: {"poses": [{"pose": p[0].pk, "position": 1}, {"pose": p[1].pk, "position": 1}]},
        ["body", "poses"],
    ),
    "some positions missing": (
        lambda p: {"poses": [{"pose": p[0].pk, "position": 1}, {"pose": p[1].pk}]},
        ["body", "poses"],
    ),
    "zero duration": (
        lambda p: {"poses": [{"pose": p[0].pk, "duration_seconds": 0}]},
        ["body", "poses"],
    ),
    "negative duration": (
        lambda p: {"poses": [{"pose": p[0].pk, "duration_seconds": -30}]},
        ["body", "poses"],
    ),
    "4 s": (lambda p: {"poses": [{"pose": p[0].pk, "duration_seconds": 4}]}, ["body", "poses"]),
    "601 s": (lambda p: {"poses": [{"pose": p[0].pk, "duration_seconds": 601}]}, ["body", "poses"]),
    "huge duration": (
        lambda p: {"poses": [{"pose": p[0].pk, "duration_seconds": 10**12}]},
        ["body", "poses"],
    ),
    "duration as string": (
        lambda p: {"poses": [{"pose": p[0].pk, "duration_seconds": "30"}]},
        ["body", "poses", 0, "duration_seconds"],
    ),
    "pose id as string": (
        lambda p: {"poses": [{"pose": str(p[0].pk)}]},
        ["body", "poses", 0, "pose"],
    ),
    "pose id beyond 64 bits": (
        lambda p: {"poses": [{"pose": 2**64}]},
        ["body", "poses", 0, "pose"],
    ),
    "pose id missing": (
        lambda p: {"poses": [{"duration_seconds": 30}]},
        ["body", "poses", 0, "pose"],
    ),
    "unknown side": (
        lambda p: {"poses": [{"pose": p[0].pk, "side": "up"}]},
        ["body", "poses", 0, "side"],
    ),
    "cue too long": (
        lambda p: {"poses": [{"pose": p[0].pk, "cue": "x" * (MAX_CUE_LENGTH + 1)}]},
        ["body", "poses", 0, "cue"],
    ),
    "one pose over the limit": (
        lambda p: {"poses": _many(p, MAX_POSES_PER_SEQUENCE + 1)},
        ["body", "poses"],
    ),
    "poses not a list": (lambda p: {"poses": {"pose": p[0].pk}}, ["body", "poses"]),
    "poses missing": (lambda p: {"poses": None}, ["body", "poses"]),
    "empty title": (lambda p: {"title": ""}, ["body", "title"]),
    "title too long": (lambda p: {"title": "x" * 121}, ["body", "title"]),
    "title as number": (lambda p: {"title": 42}, ["body", "title"]),
    "unknown style": (lambda p: {"style": "disco"}, ["body", "style"]),
    "unknown visibility": (lambda p: {"visibility": "secret"}, ["body", "visibility"]),
}


@pytest.mark.parametrize("case", BAD_SEQUENCES)
def test_bad_sequence_is_refused_with_400_and_nothing_is_written(auth_api_client, poses, case):
    change, loc = BAD_SEQUENCES[case]
    data = {**body_for(poses), **change(poses)}
    data = {key: value for key, value in data.items() if value is not None}
    before = snapshot()

    response = auth_api_client.post(SEQUENCES, data, format="json")

    body = assert_error(response, 400, *loc)
    assert body["error"] == "Validation Error"
    assert snapshot() == before


def test_an_unpublished_pose_cannot_be_used(auth_api_client, poses):
    draft = PoseFactory(is_published=False)

    response = auth_api_client.post(SEQUENCES, body_for([*poses, draft]), format="json")

    body = assert_error(response, 400, "body", "poses")
    assert body["detail"][0]["msg"] == "Pose #4: no such published pose."
    assert not Sequence.objects.exists()


def test_a_sequence_of_the_most_poses_is_allowed(auth_api_client, poses):
    # A 90-minute flowing class is generated in up to MAX_POSES_PER_SEQUENCE steps, and a saved
    # copy of it must fit.
    assert MAX_POSES_PER_SEQUENCE == 150
    body = body_for(poses=_many(poses, MAX_POSES_PER_SEQUENCE))

    response = auth_api_client.post(SEQUENCES, body, format="json")

    assert response.status_code == 201, response.content
    assert response.json()["pose_count"] == MAX_POSES_PER_SEQUENCE
    slug = response.json()["slug"]
    assert Sequence.objects.get(slug=slug).items.count() == MAX_POSES_PER_SEQUENCE
    answer = auth_api_client.get(f"{SEQUENCES}/{slug}")
    assert answer.status_code == 200
    assert len(answer.json()["poses"]) == MAX_POSES_PER_SEQUENCE


def test_one_pose_over_the_limit_answers_400_naming_the_limit(auth_api_client, poses):
    before = snapshot()
    body = body_for(poses=_many(poses, MAX_POSES_PER_SEQUENCE + 1))

    response = auth_api_client.post(SEQUENCES, body, format="json")

    answer = assert_error(response, 400, "body", "poses")
    assert answer["detail"][0]["msg"] == (
        f"A sequence can hold at most {MAX_POSES_PER_SEQUENCE} poses."
    )
    assert snapshot() == before


def test_an_oversized_list_is_refused_before_any_pose_lookup(
    auth_api_client, django_assert_max_num_queries
):
    # 5,000 ids in one IN (...) is where databases start refusing (PostgreSQL: 65,535).
    data = body_for(poses=[{"pose": pk} for pk in range(1, 5_001)])

    with django_assert_max_num_queries(6) as captured:
        response = auth_api_client.post(SEQUENCES, data, format="json")

    assert_error(response, 400, "body", "poses")
    assert not [query for query in captured.captured_queries if "poses_pose" in query["sql"]]


def test_a_body_that_is_not_json_is_refused(auth_api_client, poses):
    assert_error(auth_api_client.post(SEQUENCES, {"title": "x"}, format="multipart"), 415)
    malformed = auth_api_client.post(SEQUENCES, "{", content_type="application/json")
    assert_error(malformed, 400)
    assert not Sequence.objects.exists()


# --- changing one's own --------------------------------------------------------


@pytest.fixture
def own(user, poses):
    return SequenceFactory(slug="mine", title="Mine", author=user, poses=poses)


def test_put_replaces_the_fields_and_the_pose_list(auth_api_client, own, poses):
    new_pose = PoseFactory()
    data = body_for([new_pose, poses[0]], title="Renamed", visibility="public")

    response = auth_api_client.put(url("mine"), data, format="json")

    assert response.status_code == 200, response.content
    own.refresh_from_db()
    assert (own.title, own.visibility, own.style, own.pose_count) == (
        "Renamed",
        "public",
        "yin",
        2,
    )
    assert [item["pose"]["id"] for item in response.json()["poses"]] == [new_pose.pk, poses[0].pk]


def test_put_needs_the_whole_sequence(auth_api_client, own):
    response = auth_api_client.put(url("mine"), {"title": "Only a title"}, format="json")

    assert_error(response, 400, "body", "poses")
    own.refresh_from_db()
    assert own.title == "Mine"


def test_patch_without_poses_keeps_them(auth_api_client, own, poses):
    response = auth_api_client.patch(url("mine"), {"title": "Renamed"}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Renamed"
    assert [item["pose"]["id"] for item in response.json()["poses"]] == [p.pk for p in poses]
    assert own.items.count() == 3


def test_patch_with_poses_replaces_the_list(auth_api_client, own, poses):
    data = {"poses": [{"pose": poses[2].pk, "duration_seconds": 90, "side": "right"}]}

    response = auth_api_client.patch(url("mine"), data, format="json")

    assert response.status_code == 200, response.content
    own.refresh_from_db()
    assert own.pose_count == 1 and own.total_duration_seconds == 90
    assert list(own.items.values_list("pose_id", "duration_seconds", "side")) == [
        (poses[2].pk, 90, "right")
    ]


def test_a_refused_patch_changes_nothing_at_all(auth_api_client, own, poses):
    before = snapshot()
    data = {"title": "Renamed", "poses": [{"pose": poses[0].pk, "duration_seconds": 1}]}

    response = auth_api_client.patch(url("mine"), data, format="json")

    assert_error(response, 400, "body", "poses")
    assert snapshot() == before


def test_delete_removes_the_sequence_its_poses_and_its_favorites(auth_api_client, own, user):
    FavoriteFactory(user=user, sequence=own)

    response = auth_api_client.delete(url("mine"))

    assert response.status_code == 204
    assert not Sequence.objects.filter(slug="mine").exists()
    assert not SequencePose.objects.filter(sequence_id=own.pk).exists()
    assert not Favorite.objects.exists()


def test_duplicate_makes_a_private_copy_for_the_caller(auth_api_client, user, other_user, poses):
    SequenceFactory(
        slug="shared", title="Shared", author=other_user, visibility="public", poses=poses
    )
    SequencePose.objects.filter(sequence__slug="shared", position=2).update(duration_seconds=45)

    response = auth_api_client.post(url("shared", "duplicate"))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["title"] == "Shared (my copy)" and body["slug"] != "shared"
    assert body["visibility"] == "private"
    assert body["author"]["id"] == user.pk
    assert [(i["pose"]["id"], i["duration_seconds"]) for i in body["poses"]] == [
        (poses[0].pk, 30),
        (poses[1].pk, 45),
        (poses[2].pk, 30),
    ]
    copy = Sequence.objects.get(slug=body["slug"])
    assert copy.author == user and copy.copied_from.slug == "shared"


# --- favorites -----------------------------------------------------------------


def test_favorite_and_unfavorite_are_idempotent(auth_api_client, user):
    SequenceFactory(slug="flow")

    assert auth_api_client.put(url("flow", "favorite")).status_code == 204
    assert auth_api_client.put(url("flow", "favorite")).status_code == 204
    assert Favorite.objects.filter(user=user, sequence__slug="flow").count() == 1
    assert auth_api_client.get(url("flow")).json()["is_favorite"] is True

    assert auth_api_client.delete(url("flow", "favorite")).status_code == 204
    assert auth_api_client.delete(url("flow", "favorite")).status_code == 204
    assert not Favorite.objects.exists()
    assert auth_api_client.get(url("flow")).json()["is_favorite"] is False


def test_favorites_lists_ones_own_most_recent_first(auth_api_client, user, other_user):
    first, second = SequenceFactory(title="First"), SequenceFactory(title="Second")
    auth_api_client.put(url(first.slug, "favorite"))
    auth_api_client.put(url(second.slug, "favorite"))
    FavoriteFactory(user=other_user, sequence=SequenceFactory(title="Someone else's"))

    response = auth_api_client.get(FAVORITES)

    assert titles(response) == ["Second", "First"]
    body = response.json()
    assert set(body) == PAGE_KEYS
    assert set(body["results"][0]) == ITEM_KEYS
    assert all(item["is_favorite"] for item in body["results"])


def test_a_favorite_made_private_by_its_author_drops_out(auth_api_client, user, other_user):
    shared = SequenceFactory(title="Shared", author=other_user, visibility=Visibility.PUBLIC)
    FavoriteFactory(user=user, sequence=shared)
    Sequence.objects.filter(pk=shared.pk).update(visibility=Visibility.PRIVATE)

    assert titles(auth_api_client.get(FAVORITES)) == []


def test_favorites_need_a_token(api_client):
    assert_error(api_client.get(FAVORITES), 401)


# --- who may do what -----------------------------------------------------------

ACTORS = ("anonymous", "owner", "other", "staff")
TARGETS = ("private", "public", "curated")
# action → target → status for (anonymous, owner, other user, staff). "owner" of a
# curated sequence is just a signed-in user: nobody owns the library.
MATRIX = {
    "retrieve": {
        "private": (404, 200, 404, 404),
        "public": (200, 200, 200, 200),
        "curated": (200, 200, 200, 200),
    },
    "update": {
        "private": (401, 200, 404, 404),
        "public": (401, 200, 404, 404),
        "curated": (401, 404, 404, 404),
    },
    "partial_update": {
        "private": (401, 200, 404, 404),
        "public": (401, 200, 404, 404),
        "curated": (401, 404, 404, 404),
    },
    "destroy": {
        "private": (401, 204, 404, 404),
        "public": (401, 204, 404, 404),
        "curated": (401, 404, 404, 404),
    },
    "duplicate": {
        "private": (401, 201, 404, 404),
        "public": (401, 201, 201, 201),
        "curated": (401, 201, 201, 201),
    },
    "favorite": {
        "private": (401, 204, 404, 404),
        "public": (401, 204, 204, 204),
        "curated": (401, 204, 204, 204),
    },
    "unfavorite": {
        "private": (401, 204, 404, 404),
        "public": (401, 204, 204, 204),
        "curated": (401, 204, 204, 204),
    },
}
CASES = [
    (action, target, actor, statuses[ACTORS.index(actor)])
    for action, by_target in MATRIX.items()
    for target, statuses in by_target.items()
    for actor in ACTORS
]


def _act(client, action: str, slug: str, poses):
    if action == "retrieve":
        return client.get(url(slug))
    if action == "update":
        return client.put(url(slug), body_for(poses[:1], title="Taken over"), format="json")
    if action == "partial_update":
        return client.patch(url(slug), {"title": "Taken over"}, format="json")
    if action == "destroy":
        return client.delete(url(slug))
    if action == "duplicate":
        return client.post(url(slug, "duplicate"))
    if action == "favorite":
        return client.put(url(slug, "favorite"))
    return client.delete(url(slug, "favorite"))


@pytest.mark.parametrize(("action", "target", "actor", "status"), CASES)
def test_permission_matrix(user, other_user, staff_user, poses, action, target, actor, status):
    author = None if target == "curated" else user
    visibility = Visibility.PRIVATE if target == "private" else Visibility.PUBLIC
    SequenceFactory(
        slug="target", title="Target", author=author, visibility=visibility, poses=poses
    )
    if action == "unfavorite":
        for fan in (user, other_user, staff_user):
            FavoriteFactory(user=fan, sequence=Sequence.objects.get(slug="target"))
    client = {
        "anonymous": APIClient(),
        "owner": bearer(user),
        "other": bearer(other_user),
        "staff": bearer(staff_user),
    }[actor]
    before = snapshot()

    response = _act(client, action, "target", poses)

    assert response.status_code == status, response.content
    if status >= 400:
        assert set(response.json()) == ERROR_KEYS
        assert snapshot() == before
    elif action == "retrieve":
        assert response.json()["slug"] == "target"


# --- queries -------------------------------------------------------------------


@pytest.fixture(params=[10, 500], ids=["10-sequences", "500-sequences"])
def library(request, user, other_user):
    """N sequences (curated, the user's, another user's, public and private), each with
    three poses, and N favorites of the user: written in bulk, the API must not care."""
    size = request.param
    shared_poses = PoseFactory.create_batch(3)
    authors = [None, user, other_user]
    sequences = Sequence.objects.bulk_create(
        Sequence(
            slug=f"bulk-{index}",
            title=f"Bulk {index:04d}",
            author=authors[index % 3],
            visibility=Visibility.PRIVATE if index % 2 else Visibility.PUBLIC,
            pose_count=3,
            total_duration_seconds=90,
        )
        for index in range(size)
    )
    SequencePose.objects.bulk_create(
        SequencePose(sequence=sequence, pose=pose, position=position, duration_seconds=30)
        for sequence in sequences
        for position, pose in enumerate(shared_poses, start=1)
    )
    Favorite.objects.bulk_create(Favorite(user=user, sequence=sequence) for sequence in sequences)
    return sequences


def test_catalogue_query_count_does_not_grow(
    library, auth_api_client, api_client, django_assert_num_queries
):
    # token blacklist, user, count, page (author joined, favorite flag annotated): pinned
    # exactly (issue 15)
    with django_assert_num_queries(4):
        response = auth_api_client.get(SEQUENCES, {"page_size": 100, "sort": "popular"})
    with django_assert_num_queries(2):
        anonymous = api_client.get(SEQUENCES, {"page_size": 100})

    assert len(response.json()["results"]) == min(100, response.json()["count"])
    assert anonymous.json()["count"] < response.json()["count"]


@pytest.mark.parametrize("pose_count", [3, 60])
def test_detail_query_count_does_not_grow(
    library, user, auth_api_client, pose_count, django_assert_num_queries
):
    poses = PoseFactory.create_batch(pose_count)
    SequenceFactory(slug="measured", author=user, poses=poses)

    # token blacklist, user, sequence (author joined, favorite flag), its poses
    with django_assert_num_queries(4):
        response = auth_api_client.get(url("measured"))

    assert len(response.json()["poses"]) == pose_count


def test_favorites_query_count_does_not_grow(library, auth_api_client, django_assert_num_queries):
    with django_assert_num_queries(4):
        response = auth_api_client.get(FAVORITES, {"page_size": 100})

    body = response.json()
    assert body["count"] > 0 and len(body["results"]) == min(100, body["count"])


# --- the schema ----------------------------------------------------------------

# (path, method) → operation id, documented statuses, whether a token is optional.
SCHEMA_OPERATIONS = {
    ("/api/v1/sequences", "get"): ("sequences_list", {"200", "304", "400", "401", "404"}, True),
    ("/api/v1/sequences", "post"): ("sequences_create", {"201", "400", "401", "415"}, False),
    ("/api/v1/sequences/{slug}", "get"): ("sequences_retrieve", {"200", "304", "401", "404"}, True),
    ("/api/v1/sequences/{slug}", "put"): (
        "sequences_update",
        {"200", "400", "401", "404", "415"},
        False,
    ),
    ("/api/v1/sequences/{slug}", "patch"): (
        "sequences_partial_update",
        {"200", "400", "401", "404", "415"},
        False,
    ),
    ("/api/v1/sequences/{slug}", "delete"): ("sequences_destroy", {"204", "401", "404"}, False),
    ("/api/v1/sequences/{slug}/duplicate", "post"): (
        "sequences_duplicate",
        {"201", "401", "404"},
        False,
    ),
    ("/api/v1/sequences/{slug}/favorite", "put"): (
        "sequences_favorite_add",
        {"204", "401", "404"},
        False,
    ),
    ("/api/v1/sequences/{slug}/favorite", "delete"): (
        "sequences_favorite_remove",
        {"204", "401", "404"},
        False,
    ),
    ("/api/v1/favorites", "get"): ("favorites_list", {"200", "400", "401", "404"}, False),
    ("/api/v1/sequences/{slug}/checks", "get"): (
        "sequences_checks",
        {"200", "304", "401", "404"},
        True,
    ),
    ("/api/v1/sequences/generate", "post"): (
        "sequences_generate",
        {"200", "400", "401", "415"},
        True,
    ),
}


@pytest.fixture(scope="module")
def schema() -> dict:
    return openapi_schema()


@pytest.mark.parametrize(("path", "method"), sorted(SCHEMA_OPERATIONS))
def test_each_operation_is_documented_with_its_errors(path, method):
    assert_documented(path, method, *SCHEMA_OPERATIONS[path, method])


def test_schema_documents_the_catalogue_filters_and_the_write_body(schema):
    parameters = {
        item["name"]: item["schema"]
        for item in schema["paths"]["/api/v1/sequences"]["get"]["parameters"]
    }
    components = schema["components"]["schemas"]
    item = components["SequenceItemInputRequest"]

    assert set(parameters) >= {"q", "difficulty", "focus", "style", "scope", "sort", "page"}
    assert "yin" in parameters["style"]["enum"]
    assert parameters["min_minutes"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 600,
    }
    assert item["required"] == ["pose"]
    assert (
        item["properties"]["duration_seconds"]["minimum"],
        item["properties"]["duration_seconds"]["maximum"],
    ) == (5, 600)
    assert set(components["SequenceWriteRequest"]["required"]) == {
        "title",
        "difficulty",
        "focus",
        "style",
        "poses",
    }
    assert "required" not in components["PatchedSequenceWriteRequest"]
    assert set(components["PaginatedSequenceList"]["required"]) == PAGE_KEYS


def test_every_optional_filter_documents_empty_as_accepted(schema, api_client):
    parameters = {
        item["name"]: item for item in schema["paths"]["/api/v1/sequences"]["get"]["parameters"]
    }

    # Said with allowEmptyValue, not as an enum member generated clients would have to carry.
    for name in ("difficulty", "focus", "style", "scope", "sort", "min_minutes", "max_minutes"):
        assert parameters[name]["allowEmptyValue"] is True, name
        assert "" not in parameters[name]["schema"].get("enum", []), name
    empty = dict.fromkeys(("difficulty", "scope", "sort", "min_minutes", "max_minutes"), "")
    assert api_client.get(SEQUENCES, empty).status_code == 200
