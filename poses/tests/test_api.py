"""The pose API, black-box through DRF's test client with real JWTs (DESIGN.md §4)."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from rest_framework.test import APIClient

from accounts.tests.factories import bearer
from poses.models import Category, Pose, PoseRating
from poses.selectors import rating_for
from poses.services import rate_pose
from poses.tests.factories import PoseFactory
from yogaflow.core.testing.api import assert_error
from yogaflow.core.testing.openapi import assert_documented, openapi_schema

pytestmark = pytest.mark.django_db

POSES = "/api/v1/poses"
PAGE_KEYS = {"count", "next", "previous", "results"}
CARD_KEYS = {
    "id",
    "slug",
    "name_en",
    "name_sa",
    "category",
    "difficulty",
    "description",
    "target_areas",
    "default_hold_seconds",
    "is_bilateral",
    "image_src",
    "image_renditions",
    "figure_url",
    "figure_left_url",
    "kind",
    "position",
    "intensity",
    "effort",
    "props",
}
DETAIL_KEYS = CARD_KEYS | {
    "figure",
    "hold_min_seconds",
    "hold_max_seconds",
    "long_hold_min_seconds",
    "long_hold_max_seconds",
    "breath_pattern",
    "instructions",
    "benefits",
    "cautions",
    "contraindications",
    "modifications",
    "image",
    "image_urls",
    "is_published",
    "created_at",
    "updated_at",
}
EAGLE = {
    "view": "front",
    "angles": {"shoulder_r": 30, "elbow_r": 120, "hip_r": 20, "knee_r": 40},
    "contacts": ["toe_l"],
}
NEW_POSE = {
    "slug": "eagle",
    "name_en": "Eagle",
    "name_sa": "Garudasana",
    "category": "balance",
    "difficulty": "intermediate",
    "description": "Wrap arms and legs, sink the hips.",
    "instructions": ["Bend both knees.", "Cross the right thigh over the left.", "Wrap the arms."],
    "benefits": ["Balance", "Shoulder release"],
    "target_areas": ["shoulders", "ankles"],
    "cautions": ["knee_load"],
    "contraindications": "Knee injuries.",
    "modifications": "Rest the top foot's toes on the floor.",
    "default_hold_seconds": 30,
    "is_bilateral": True,
    "position": "standing",
    "intensity": 3,
    "effort": "active",
    "hold_min_seconds": 10,
    "hold_max_seconds": 60,
    "image_urls": ["https://images.example.com/eagle.jpg"],
    "is_published": True,
    "figure": EAGLE,
}


def pose_url(slug: str, *rest: str) -> str:
    return "/".join([POSES, slug, *rest])


@pytest.fixture
def staff_client(staff_user) -> APIClient:
    return bearer(staff_user)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png_upload(size=(300, 300), name="pose.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 120, 90)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def names(response) -> list[str]:
    return [pose["name_en"] for pose in response.json()["results"]]


# --- reading the library -------------------------------------------------------


def test_library_lists_published_poses_by_name_to_anyone(api_client):
    PoseFactory(name_en="Tree")
    PoseFactory(name_en="Boat")
    PoseFactory(name_en="Secret", is_published=False)

    response = api_client.get(POSES)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == PAGE_KEYS
    assert body["count"] == 2
    assert body["next"] is None and body["previous"] is None
    assert names(response) == ["Boat", "Tree"]
    assert set(body["results"][0]) == CARD_KEYS


def test_library_pages_with_absolute_links(api_client):
    PoseFactory.create_batch(5)

    first = api_client.get(POSES, {"page_size": 2}).json()
    last = api_client.get(POSES, {"page_size": 2, "page": 3}).json()

    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["next"].startswith("http://testserver/api/v1/poses?")
    assert "page=2" in first["next"]
    assert len(last["results"]) == 1 and last["next"] is None and "page=2" in last["previous"]


def test_page_size_is_capped_at_100(api_client):
    PoseFactory.create_batch(101)

    response = api_client.get(POSES, {"page_size": 1000})

    assert len(response.json()["results"]) == 100


def test_a_page_past_the_end_answers_404_in_the_error_shape(api_client):
    PoseFactory()

    assert_error(api_client.get(POSES, {"page": 9}), 404)


@pytest.mark.parametrize(
    "params", [{"page": ""}, {"page": "0"}, {"page": "last"}, {"page_size": "x"}]
)
def test_a_page_or_page_size_that_is_not_a_whole_number_answers_400(api_client, params):
    PoseFactory()

    assert_error(api_client.get(POSES, params), 400, "query", *params)


def test_search_looks_at_both_names_and_ignores_accents(api_client):
    PoseFactory(name_en="Downward-Facing Dog", name_sa="Adho Mukha Śvānāsana")
    PoseFactory(name_en="Corpse", name_sa="Śavāsana")
    PoseFactory(name_en="Mountain", name_sa="Tāḍāsana")

    assert names(api_client.get(POSES, {"q": "svanasana"})) == ["Downward-Facing Dog"]
    assert names(api_client.get(POSES, {"q": "dog mukha"})) == ["Downward-Facing Dog"]
    assert names(api_client.get(POSES, {"q": "CORPSE"})) == ["Corpse"]


def test_filters_by_category_difficulty_and_target_area(api_client):
    PoseFactory(name_en="Crow", category=Category.BALANCE, difficulty="advanced")
    PoseFactory(name_en="Tree", category=Category.BALANCE, target_areas=["ankles", "hips"])
    PoseFactory(name_en="Pigeon", category=Category.HIP_OPENER, target_areas=["hips"])

    assert names(api_client.get(POSES, {"category": "balance"})) == ["Crow", "Tree"]
    assert names(api_client.get(POSES, {"category": "balance", "difficulty": "advanced"})) == [
        "Crow"
    ]
    assert names(api_client.get(POSES, {"target_area": "hips"})) == ["Pigeon", "Tree"]
    assert len(api_client.get(POSES, {"category": ""}).json()["results"]) == 3


def test_filters_by_kind_and_position(api_client):
    PoseFactory(name_en="Tree", category=Category.BALANCE, position="standing")
    PoseFactory(name_en="Sphinx", category=Category.BACKBEND, position="prone")
    PoseFactory(
        name_en="Box Breathing",
        kind="pranayama",
        category="",
        position="seated",
        breath_pattern={"inhale": 4, "exhale": 4},
    )

    assert names(api_client.get(POSES, {"kind": "pranayama"})) == ["Box Breathing"]
    assert names(api_client.get(POSES, {"kind": "asana"})) == ["Sphinx", "Tree"]
    assert names(api_client.get(POSES, {"position": "prone"})) == ["Sphinx"]
    detail = api_client.get(pose_url(PoseFactory._meta.model.objects.get(kind="pranayama").slug))
    assert detail.json()["breath_pattern"] == {"inhale": 4, "hold": 0, "exhale": 4, "hold_empty": 0}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "dance"}, "kind"),
        ({"position": "floating"}, "position"),
        ({"category": "flying"}, "category"),
        ({"difficulty": "impossible"}, "difficulty"),
        ({"target_area": "elbows"}, "target_area"),
        ({"q": "x" * 101}, "q"),
        ({"q": "tree\x00"}, "q"),
    ],
)
def test_an_unknown_filter_value_answers_400_located_in_the_query(api_client, params, field):
    body = assert_error(api_client.get(POSES, params), 400, "query", field)

    assert body["error"] == "Validation Error"


def test_detail_shows_the_whole_pose(api_client):
    pose = PoseFactory(
        slug="tree",
        name_en="Tree",
        category=Category.BALANCE,
        instructions=["Stand.", "Place the foot.", "Breathe."],
        benefits=["Balance"],
        target_areas=["ankles"],
        cautions=["knee_load"],
        contraindications="Low blood pressure.",
        modifications="Foot on the calf.",
        default_hold_seconds=45,
        is_bilateral=True,
    )

    response = api_client.get(pose_url("tree"))

    assert response.status_code == 200
    body = response.json()
    assert set(body) == DETAIL_KEYS
    assert body["id"] == pose.pk
    assert body["instructions"] == ["Stand.", "Place the foot.", "Breathe."]
    assert body["cautions"] == ["knee_load"]
    assert body["default_hold_seconds"] == 45 and body["is_bilateral"] is True
    assert body["image"] is None and body["image_renditions"] == []
    version = pose.figure_version
    assert body["image_src"] == f"http://testserver/poses/tree/figure.svg?v={version}"
    assert body["figure_url"] == body["image_src"]
    assert body["figure_left_url"] == f"http://testserver/poses/tree/figure-left.svg?v={version}"
    assert body["figure"] == pose.figure


def test_the_figure_urls_answer_the_svg_and_304_to_its_etag(api_client):
    PoseFactory(slug="tree", name_en="Tree")
    body = api_client.get(pose_url("tree")).json()

    for key, title in (("figure_url", "Tree"), ("figure_left_url", "Tree, left side")):
        url = body[key].removeprefix("http://testserver")
        first = api_client.get(url)
        assert first.status_code == 200 and first["Content-Type"] == "image/svg+xml"
        assert f"<title>{title}</title>" in first.content.decode()
        again = api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again["ETag"] == first["ETag"]


def test_detail_answers_with_or_without_a_trailing_slash(api_client):
    PoseFactory(slug="tree")

    assert api_client.get(pose_url("tree") + "/").status_code == 200
    assert api_client.get(POSES + "/").status_code == 200


def test_unknown_pose_answers_404_in_the_error_shape(api_client):
    assert_error(api_client.get(pose_url("no-such-pose")), 404)


def test_unpublished_pose_is_404_for_users_and_visible_to_staff(
    api_client, auth_api_client, staff_client
):
    PoseFactory(slug="draft", is_published=False)

    assert_error(api_client.get(pose_url("draft")), 404)
    assert_error(auth_api_client.get(pose_url("draft")), 404)
    response = staff_client.get(pose_url("draft"))
    assert response.status_code == 200
    assert response.json()["is_published"] is False


def test_a_bad_token_is_refused_even_where_anonymous_reads_are_allowed():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    assert_error(client.get(POSES), 401)


# --- staff writes --------------------------------------------------------------


def test_staff_create_a_pose(staff_client):
    response = staff_client.post(POSES, NEW_POSE, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == DETAIL_KEYS
    assert body["slug"] == "eagle"
    assert body["image_src"] == "https://images.example.com/eagle.jpg"
    assert body["figure"] == EAGLE and "/poses/eagle/figure.svg?v=" in body["figure_url"]
    pose = Pose.objects.get(slug="eagle")
    assert pose.name_sa == "Garudasana"
    assert pose.instructions == NEW_POSE["instructions"]
    assert pose.target_areas == ["shoulders", "ankles"]


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"slug": "taken"}, ["body", "slug"]),
        ({"category": "flying"}, ["body", "category"]),
        ({"name_en": ""}, ["body", "name_en"]),
        ({"instructions": []}, ["body", "instructions"]),
        ({"instructions": "Stand."}, ["body", "instructions"]),
        ({"target_areas": ["elbows"]}, ["body", "target_areas", 0]),
        ({"default_hold_seconds": 3}, ["body", "default_hold_seconds"]),
        ({"default_hold_seconds": 100_000}, ["body", "default_hold_seconds"]),
        ({"default_hold_seconds": "30"}, ["body", "default_hold_seconds"]),
        ({"is_bilateral": "yes"}, ["body", "is_bilateral"]),
        ({"image_urls": ["not a url"]}, ["body", "image_urls", 0]),
        ({"figure": {}}, ["body", "figure"]),
        ({"figure": {"view": "side", "angles": {"knee_r": 200}}}, ["body", "figure"]),
        ({"figure": "standing"}, ["body", "figure"]),
    ],
)
def test_invalid_pose_is_refused_and_nothing_is_written(staff_client, change, loc):
    PoseFactory(slug="taken")

    response = staff_client.post(POSES, {**NEW_POSE, **change}, format="json")

    assert_error(response, 400, *loc)
    assert Pose.objects.count() == 1


def test_missing_required_fields_are_each_named(staff_client):
    response = staff_client.post(POSES, {}, format="json")

    body = assert_error(response, 400)
    missing = {item["loc"][1] for item in body["detail"] if item["type"] == "required"}
    assert missing == {
        "slug",
        "name_en",
        "difficulty",
        "description",
        "instructions",
        "position",
        "intensity",
        "hold_min_seconds",
        "hold_max_seconds",
        "figure",
    }


def test_a_figure_is_refused_with_the_message_the_admin_shows(staff_client):
    bent = {"view": "side", "angles": {"knee_r": 200}}

    body = assert_error(staff_client.post(POSES, {**NEW_POSE, "figure": bent}, format="json"), 400)

    assert body["detail"] == [
        {
            "loc": ["body", "figure"],
            "msg": 'Angle "knee_r" is 200°, outside its range 0..180° in a side view.',
            "type": "angle_out_of_range",
        }
    ]


def test_staff_change_a_figure_and_its_url_follows(staff_client):
    pose = PoseFactory(slug="tree")
    before = staff_client.get(pose_url("tree")).json()["figure_url"]

    response = staff_client.patch(pose_url("tree"), {"figure": EAGLE}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["figure"] == EAGLE
    assert response.json()["figure_url"] != before
    pose.refresh_from_db()
    assert pose.figure == EAGLE


def test_an_asana_without_a_category_is_refused_by_the_models_rule(staff_client):
    response = staff_client.post(POSES, {**NEW_POSE, "category": ""}, format="json")

    body = assert_error(response, 400)
    assert {
        "loc": ["body", "category"],
        "msg": "An asana needs a category.",
        "type": "required",
    } in (body["detail"])


def test_staff_change_only_the_fields_sent(staff_client):
    pose = PoseFactory(slug="tree", name_en="Tree", default_hold_seconds=30)

    response = staff_client.patch(
        pose_url("tree"), {"default_hold_seconds": 60, "is_published": False}, format="json"
    )

    assert response.status_code == 200, response.content
    pose.refresh_from_db()
    assert (pose.name_en, pose.default_hold_seconds, pose.is_published) == ("Tree", 60, False)
    assert response.json()["is_published"] is False


def test_invalid_change_leaves_the_pose_as_it_was(staff_client):
    pose = PoseFactory(slug="tree", name_en="Tree")

    response = staff_client.patch(
        pose_url("tree"), {"name_en": "Vrksasana", "difficulty": "expert"}, format="json"
    )

    assert_error(response, 400, "body", "difficulty")
    pose.refresh_from_db()
    assert pose.name_en == "Tree"


def test_staff_change_an_unpublished_pose_and_unknown_slugs_are_404(staff_client):
    PoseFactory(slug="draft", is_published=False)

    response = staff_client.patch(pose_url("draft"), {"is_published": True}, format="json")

    assert response.status_code == 200
    assert_error(staff_client.patch(pose_url("nope"), {"name_en": "X"}, format="json"), 404)


def _write(client, method: str, slug: str):
    if method == "create":
        return client.post(POSES, {**NEW_POSE, "slug": "new-one"}, format="json")
    if method == "update":
        return client.patch(pose_url(slug), {"name_en": "Renamed"}, format="json")
    if method == "upload":
        return client.post(pose_url(slug, "image"), {"image": png_upload()}, format="multipart")
    return client.delete(pose_url(slug, "image"))


@pytest.mark.parametrize("method", ["create", "update", "upload", "delete_image"])
@pytest.mark.parametrize(("actor", "status"), [("anonymous", 401), ("user", 403), ("staff", 2)])
def test_only_staff_change_poses(media_root, user, staff_user, method, actor, status):
    pose = PoseFactory(name_en="Tree")
    client = {"anonymous": APIClient(), "user": bearer(user), "staff": bearer(staff_user)}[actor]

    response = _write(client, method, pose.slug)

    if status == 2:
        assert response.status_code in (200, 201), response.content
    else:
        body = assert_error(response, status)
        pose.refresh_from_db()
        assert pose.name_en == "Tree" and not pose.image
        assert not Pose.objects.filter(slug="new-one").exists()
        if status == 403:
            assert body["message"] == "Only staff may change poses."


# --- images --------------------------------------------------------------------


def test_staff_upload_an_image_shown_by_absolute_url(staff_client, media_root):
    PoseFactory(slug="tree")

    response = staff_client.post(
        pose_url("tree", "image"), {"image": png_upload(name="../../evil.png")}, format="multipart"
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["image"].startswith("http://testserver/media/poses/tree-")
    assert body["image"].endswith(".png")
    # Clients show the resized copies, never the original.
    stem = body["image"].removesuffix(".png")
    assert body["image_renditions"] == [{"width": 300, "url": f"{stem}-300.webp"}]
    assert body["image_src"] == f"{stem}-300.webp"
    stored = Pose.objects.get(slug="tree").image
    assert os.path.exists(stored.path) and str(media_root) in stored.path


def test_deleting_the_image_brings_back_the_figure(staff_client, media_root):
    PoseFactory(slug="tree", category=Category.BALANCE)
    staff_client.post(pose_url("tree", "image"), {"image": png_upload()}, format="multipart")

    response = staff_client.delete(pose_url("tree", "image"))

    assert response.status_code == 200
    assert response.json()["image"] is None and response.json()["image_renditions"] == []
    assert response.json()["image_src"] == response.json()["figure_url"]
    assert not Pose.objects.get(slug="tree").image


def _noise_png(side: int) -> bytes:
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, "PNG")
    return buffer.getvalue()


BAD_UPLOADS = {
    "not-an-image": (
        lambda: SimpleUploadedFile("pose.png", b"%PDF-1.4 not an image", "image/png"),
        "invalid_image",
    ),
    # Random pixels do not compress: a real 1400×1400 PNG of about 5.6 MB.
    "over-5-MB": (
        lambda: SimpleUploadedFile("big.png", _noise_png(1400), "image/png"),
        "image_file_too_large",
    ),
    "too-small": (lambda: png_upload(size=(50, 50)), "image_too_small"),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_a_bad_upload_is_refused_and_the_pose_keeps_no_image(staff_client, media_root, case):
    make_upload, code = BAD_UPLOADS[case]
    upload = make_upload()
    PoseFactory(slug="tree")

    response = staff_client.post(pose_url("tree", "image"), {"image": upload}, format="multipart")

    if case == "over-5-MB":
        assert upload.size > 5 * 1024 * 1024

    body = assert_error(response, 400, "body", "image")
    assert body["detail"][0]["type"] == code
    assert not Pose.objects.get(slug="tree").image
    assert not any(media_root.rglob("*.*"))


def test_image_upload_without_a_file_or_as_json_is_refused(staff_client):
    PoseFactory(slug="tree")

    assert_error(staff_client.post(pose_url("tree", "image"), {}, format="multipart"), 400)
    assert_error(staff_client.post(pose_url("tree", "image"), {"image": "x"}, format="json"), 415)


# --- queries -------------------------------------------------------------------


@pytest.fixture(params=[10, 500], ids=["10-poses", "500-poses"])
def big_library(request):
    """N poses, written in bulk (with sequences using them: sequences/tests/test_pose_panel.py)."""
    return Pose.objects.bulk_create(PoseFactory.build_batch(request.param))


def test_library_query_count_does_not_grow(big_library, auth_api_client, django_assert_num_queries):
    # user + token blacklist lookup, count, page: pinned exactly (issue 15)
    with django_assert_num_queries(4):
        response = auth_api_client.get(POSES, {"page_size": 100})

    assert len(response.json()["results"]) == min(100, len(big_library))


def test_detail_query_count_does_not_grow(big_library, auth_api_client, django_assert_num_queries):
    # user + token blacklist lookup, the pose: pinned exactly (issue 15)
    with django_assert_num_queries(3):
        response = auth_api_client.get(pose_url(big_library[0].slug))

    assert response.status_code == 200


# --- the schema ----------------------------------------------------------------

# (path, method) → operation id, documented statuses, whether a token is optional.
SCHEMA_OPERATIONS = {
    ("/api/v1/poses", "get"): ("poses_list", {"200", "304", "400", "401", "404"}, True),
    ("/api/v1/poses", "post"): ("poses_create", {"201", "400", "401", "403", "415"}, False),
    ("/api/v1/poses/{slug}", "get"): ("poses_retrieve", {"200", "304", "401", "404"}, True),
    ("/api/v1/poses/{slug}", "patch"): (
        "poses_partial_update",
        {"200", "400", "401", "403", "404", "415"},
        False,
    ),
    ("/api/v1/poses/{slug}/image", "post"): (
        "poses_image_upload",
        {"200", "400", "401", "403", "404", "415"},
        False,
    ),
    ("/api/v1/poses/{slug}/image", "delete"): (
        "poses_image_delete",
        {"200", "401", "403", "404"},
        False,
    ),
    ("/api/v1/poses/{slug}/rating", "put"): (
        "poses_rating_set",
        {"200", "400", "401", "404", "415"},
        False,
    ),
    ("/api/v1/poses/{slug}/rating", "delete"): ("poses_rating_clear", {"204", "401", "404"}, False),
    ("/api/v1/poses/ratings", "get"): (
        "poses_ratings_list",
        {"200", "400", "401", "404"},
        False,
    ),
}


@pytest.fixture(scope="module")
def schema() -> dict:
    return openapi_schema()


@pytest.mark.parametrize(("path", "method"), sorted(SCHEMA_OPERATIONS))
def test_each_operation_is_documented_with_its_errors(path, method):
    assert_documented(path, method, *SCHEMA_OPERATIONS[path, method])


def test_schema_documents_the_library_filters_and_the_upload(schema):
    parameters = {
        item["name"]: item["schema"]
        for item in schema["paths"]["/api/v1/poses"]["get"]["parameters"]
    }
    upload = schema["paths"]["/api/v1/poses/{slug}/image"]["post"]["requestBody"]["content"]

    assert parameters["category"]["enum"] == Category.values
    assert parameters["kind"]["enum"] == ["asana", "pranayama", "meditation"]
    assert parameters["q"] == {"type": "string", "pattern": "^[^\\x00]*$", "maxLength": 100}
    assert list(upload) == ["multipart/form-data"]
    assert schema["components"]["schemas"]["Pose"]["properties"]["image"]["type"] == [
        "string",
        "null",
    ]


def test_schema_documents_the_figure_and_its_urls(schema):
    pose = schema["components"]["schemas"]["Pose"]["properties"]
    card = schema["components"]["schemas"]["PoseSummary"]["properties"]
    write = schema["components"]["schemas"]["PoseWriteRequest"]

    assert pose["figure"]["properties"]["view"]["enum"] == ["side", "front", "top"]
    assert pose["figure"]["required"] == ["view"]
    assert "angles" in pose["figure"]["properties"] and "props" in pose["figure"]["properties"]
    for key in ("figure_url", "figure_left_url", "image_src"):
        assert card[key]["format"] == "uri", key
    assert card["image_renditions"]["type"] == "array"
    assert "figure" in write["required"]
    assert write["properties"]["figure"]["properties"]["view"]["enum"] == ["side", "front", "top"]


def test_a_method_the_endpoint_lacks_answers_405_not_403(auth_api_client):
    PoseFactory(slug="tree")

    assert_error(auth_api_client.delete(POSES), 405)
    assert_error(auth_api_client.put(pose_url("tree"), {}, format="json"), 405)


# --- a practitioner's ratings ---------------------------------------------------

RATINGS = f"{POSES}/ratings"
RATING_KEYS = {"pose", "name_en", "rating", "updated_at"}


@pytest.fixture
def tree(db):
    return PoseFactory(slug="tree", name_en="Tree")


def test_put_rating_answers_the_pose_and_its_rating_and_stores_it(auth_api_client, user, tree):
    response = auth_api_client.put(pose_url("tree", "rating"), {"rating": "up"}, format="json")

    assert response.status_code == 200, response.content
    assert response.json() == {"pose": "tree", "rating": "up"}
    assert rating_for(user, tree) == "up"


def test_put_rating_again_replaces_it(auth_api_client, user, tree):
    auth_api_client.put(pose_url("tree", "rating"), {"rating": "up"}, format="json")

    response = auth_api_client.put(pose_url("tree", "rating"), {"rating": "down"}, format="json")

    assert response.json() == {"pose": "tree", "rating": "down"}
    assert PoseRating.objects.filter(user=user).count() == 1
    assert rating_for(user, tree) == "down"


def test_delete_rating_answers_204_whether_or_not_there_was_one(auth_api_client, user, tree):
    rate_pose(user=user, pose=tree, rating="down")

    for _ in range(2):
        response = auth_api_client.delete(pose_url("tree", "rating"))
        assert response.status_code == 204
        assert response.content == b""
    assert rating_for(user, tree) is None


@pytest.mark.parametrize("body", [{"rating": "meh"}, {"rating": None}, {"rating": 1}, {}])
def test_put_rating_refuses_anything_but_up_or_down_in_the_error_shape(
    auth_api_client, user, tree, body
):
    response = auth_api_client.put(pose_url("tree", "rating"), body, format="json")

    assert_error(response, 400, "body", "rating")
    assert not PoseRating.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete"])
def test_rating_an_unknown_or_unpublished_pose_is_404_in_the_error_shape(auth_api_client, method):
    PoseFactory(slug="draft", is_published=False)

    for slug in ("levitation", "draft"):
        response = getattr(auth_api_client, method)(
            pose_url(slug, "rating"), {"rating": "up"}, format="json"
        )
        assert_error(response, 404)


@pytest.mark.parametrize(
    ("method", "url"),
    [("put", f"{POSES}/tree/rating"), ("delete", f"{POSES}/tree/rating"), ("get", RATINGS)],
)
def test_ratings_need_a_token(api_client, tree, method, url):
    response = getattr(api_client, method)(url, {"rating": "up"}, format="json")

    body = assert_error(response, 401)
    assert body["error"] == "Unauthorized"
    assert not PoseRating.objects.exists()


def test_ratings_list_is_ones_own_newest_first_and_paginated(auth_api_client, user, other_user):
    poses = [PoseFactory(slug=f"pose-{index}", name_en=f"Pose {index}") for index in range(3)]
    for pose in poses:
        rate_pose(user=user, pose=pose, rating="up")
    rate_pose(user=user, pose=poses[0], rating="down")  # changed last
    rate_pose(user=other_user, pose=poses[1], rating="down")

    response = auth_api_client.get(RATINGS, {"page_size": 2})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == PAGE_KEYS
    assert body["count"] == 3 and body["next"] is not None
    assert all(set(item) == RATING_KEYS for item in body["results"])
    assert [(item["pose"], item["rating"]) for item in body["results"]] == [
        ("pose-0", "down"),
        ("pose-2", "up"),
    ]
    assert body["results"][0]["name_en"] == "Pose 0"
    second = auth_api_client.get(RATINGS, {"page_size": 2, "page": 2}).json()
    assert [(item["pose"], item["rating"]) for item in second["results"]] == [("pose-1", "up")]


def test_ratings_is_not_taken_for_a_pose_slug(auth_api_client):
    response = auth_api_client.get(RATINGS)

    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("count", [3, 30])
def test_ratings_list_query_count_does_not_grow(
    auth_api_client, user, django_assert_max_num_queries, count
):
    for pose in PoseFactory.create_batch(count):
        rate_pose(user=user, pose=pose, rating="down")

    # the token's user and blacklist, the count, the page with its poses
    with django_assert_max_num_queries(4):
        response = auth_api_client.get(RATINGS, {"page_size": 100})

    assert len(response.json()["results"]) == count
