"""The staff pose screens: search by either name, filters, the figure with its live preview,
image preview and validated uploads."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from poses.models import NEW_POSE_FIGURE, Pose
from poses.services import set_pose_image
from poses.tests.factories import PoseFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:poses_pose_changelist")
ADD = reverse("admin:poses_pose_add")
PREVIEW = reverse("admin:poses_pose_figure_preview")
CROW = {"view": "side", "angles": {"hip_r": 120, "knee_r": 150, "hip_l": 120, "knee_l": 150}}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(size=(400, 300), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (61, 107, 88)).save(buffer, format=fmt)
    return SimpleUploadedFile(f"pose.{fmt.lower()}", buffer.getvalue(), content_type="image/png")


def text_named_jpg():
    return SimpleUploadedFile("fake.jpg", b"plain text" * 50, content_type="image/jpeg")


def form_data(pose: Pose, **changes) -> dict:
    data = {
        "name_en": pose.name_en,
        "name_sa": pose.name_sa,
        "slug": pose.slug,
        "is_published": "on" if pose.is_published else "",
        "category": pose.category,
        "difficulty": pose.difficulty,
        "target_areas": pose.target_areas,
        "cautions": pose.cautions,
        "default_hold_seconds": pose.default_hold_seconds,
        "kind": pose.kind,
        "position": pose.position,
        "intensity": pose.intensity,
        "effort": pose.effort,
        "hold_min_seconds": pose.hold_min_seconds,
        "hold_max_seconds": pose.hold_max_seconds,
        "long_hold_min_seconds": pose.long_hold_min_seconds or "",
        "long_hold_max_seconds": pose.long_hold_max_seconds or "",
        "props": pose.props,
        "breath_pattern": json.dumps(pose.breath_pattern),
        "description": pose.description,
        "instructions": "\n".join(pose.instructions),
        "benefits": "\n".join(pose.benefits),
        "contraindications": pose.contraindications,
        "modifications": pose.modifications,
        "image_urls": "[]",
        "figure": json.dumps(pose.figure or NEW_POSE_FIGURE),
        **changes,
    }
    return {key: value for key, value in data.items() if value != ""}


def test_non_staff_cannot_open_the_pose_admin(client, user):
    client.force_login(user)

    response = client.get(CHANGELIST)

    assert response.status_code == 302


@pytest.mark.parametrize("rows", [10, 500])
def test_changelist_runs_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries, rows
):
    PoseFactory.create_batch(rows)

    with django_assert_max_num_queries(6):
        response = admin_client.get(CHANGELIST)

    assert response.status_code == 200


def test_changelist_shows_a_thumbnail_falling_back_to_the_figure(admin_client):
    pose = PoseFactory(slug="crow", name_en="Crow Pose", category="balance")

    response = admin_client.get(CHANGELIST)

    assert f'src="/poses/crow/figure.svg?v={pose.figure_version}"'.encode() in response.content


@pytest.mark.parametrize("term", ["Tāḍāsana", "tadasana", "TADA", "mountain", "mountain-pose"])
def test_search_finds_a_pose_by_either_name_or_slug_accents_optional(admin_client, term):
    PoseFactory(slug="mountain-pose", name_en="Mountain Pose", name_sa="Tāḍāsana")
    PoseFactory(slug="crow", name_en="Crow Pose", name_sa="Bakāsana")

    response = admin_client.get(CHANGELIST, {"q": term})

    names = [pose.name_en for pose in response.context["cl"].result_list]
    assert names == ["Mountain Pose"]


def test_filters_narrow_by_category_difficulty_and_published(admin_client):
    PoseFactory(name_en="Crow Pose", category="balance", difficulty="intermediate")
    PoseFactory(name_en="Tree Pose", category="balance", difficulty="beginner")
    PoseFactory(name_en="Hidden Pose", category="balance", is_published=False)

    response = admin_client.get(
        CHANGELIST, {"category": "balance", "difficulty": "beginner", "is_published__exact": "1"}
    )

    assert [pose.name_en for pose in response.context["cl"].result_list] == ["Tree Pose"]


def test_change_page_edits_the_figure_beside_its_preview_and_hides_the_fingerprint(
    admin_client,
):
    pose = PoseFactory(category="twist", figure=CROW, library_fingerprint="f" * 64)

    response = admin_client.get(reverse("admin:poses_pose_change", args=[pose.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    form = response.context["adminform"].form
    assert json.loads(form["figure"].value()) == CROW
    assert "\n    &quot;hip_r&quot;: 120," in page  # indented JSON, one key a line
    assert page.count('data-figure-side="') == 2  # both sides, drawn from the stored figure
    assert page.count('src="data:image/svg+xml;charset=utf-8,%3Csvg') == 2
    assert f'data-url="{PREVIEW}"' in page and "js/figure-preview.js" in page
    assert "The figure above: no photo is uploaded." in page
    assert "library_fingerprint" not in page and "f" * 64 not in page


def test_change_page_previews_an_uploaded_photo_by_its_resized_copy(admin_client, media):
    pose = PoseFactory()
    set_pose_image(pose=pose, upload=png())

    response = admin_client.get(reverse("admin:poses_pose_change", args=[pose.pk]))

    assert f'src="/media/{pose.image_renditions["400"]}"'.encode() in response.content


def test_add_page_starts_from_a_figure_standing_at_ease(admin_client):
    response = admin_client.get(ADD)

    assert response.status_code == 200
    assert b'name="instructions"' in response.content
    assert json.loads(response.context["adminform"].form["figure"].value()) == NEW_POSE_FIGURE


def test_a_pose_saved_without_a_figure_is_refused(admin_client):
    pose = PoseFactory()

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]), form_data(pose, figure="{}")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["figure"] == [
        "Every pose needs a figure: a view and its joint angles."
    ]


def test_a_figure_out_of_range_is_refused_with_a_message_to_act_on(admin_client):
    pose = PoseFactory()
    bent = json.dumps({"view": "side", "angles": {"knee_r": 200}})

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]), form_data(pose, figure=bent)
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["figure"]
    assert errors == ['Angle "knee_r" is 200°, outside its range 0..180° in a side view.']
    assert "outside its range" in response.content.decode()  # the preview says it too, no 500


def test_staff_edit_a_figure_and_the_figure_url_changes(admin_client):
    pose = PoseFactory()
    before = pose.figure_src

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]),
        form_data(pose, figure=json.dumps(CROW)),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    pose.refresh_from_db()
    assert pose.figure == CROW
    assert pose.figure_src != before


# --- the live preview ---------------------------------------------------------


def test_the_preview_draws_both_sides_of_a_typed_figure(admin_client):
    response = admin_client.post(PREVIEW, {"figure": json.dumps(CROW), "name": "Crow Pose"})

    assert response.status_code == 200
    right, left = response.json()["right"], response.json()["left"]
    assert right.startswith("<svg") and "<title>Crow Pose</title>" in right
    assert "<title>Crow Pose, left side</title>" in left


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ('{"view": "side",', "Not valid JSON yet"),
        ('{"view": "above"}', '"view" must be one of side, front, top'),
        ('{"view": "side", "angles": {"knee_r": 200}}', "outside its range 0..180°"),
    ],
)
def test_the_preview_answers_what_is_wrong_with_a_figure(admin_client, figure, message):
    response = admin_client.post(PREVIEW, {"figure": figure, "name": "Crow"})

    assert response.status_code == 400
    assert message in response.json()["error"]


def test_the_preview_is_for_staff_only(client, user):
    client.force_login(user)

    response = client.post(PREVIEW, {"figure": json.dumps(CROW)})

    assert response.status_code == 302  # to the admin's login
    assert "login" in response["Location"]


def test_the_preview_needs_the_csrf_token(admin_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post(PREVIEW, {"figure": json.dumps(CROW)})

    assert response.status_code == 403


def test_the_preview_answers_only_posts(admin_client):
    assert admin_client.get(PREVIEW).status_code == 405


def test_staff_create_a_pose_with_lines_and_checkboxes(admin_client):
    draft = Pose(
        slug="side-crow",
        name_en="Side Crow",
        name_sa="Pārśva Bakāsana",
        category="balance",
        difficulty="advanced",
        description="An arm balance with a twist.",
        instructions=["Squat.", "Twist.", "Lean and lift."],
        benefits=["Strengthens the arms"],
        target_areas=["arms", "core"],
        cautions=["wrist_load"],
        position="arm_balance",
        intensity=5,
        hold_min_seconds=5,
        hold_max_seconds=30,
        default_hold_seconds=15,
        props=["block"],
        figure=CROW,
    )

    response = admin_client.post(ADD, form_data(draft))

    assert response.status_code == 302, response.context["adminform"].form.errors
    pose = Pose.objects.get(slug="side-crow")
    assert pose.instructions == ["Squat.", "Twist.", "Lean and lift."]
    assert pose.target_areas == ["arms", "core"]
    assert pose.cautions == ["wrist_load"]
    assert (pose.position, pose.intensity, pose.hold_range) == ("arm_balance", 5, (5, 30))
    assert pose.props == ["block"]
    assert pose.figure == CROW
    assert pose.search_text == "side crow parsva bakasana"


def test_upload_through_the_admin_is_validated_and_stored_under_a_safe_name(admin_client, media):
    pose = PoseFactory(slug="crow")

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]), form_data(pose, image=png())
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    pose.refresh_from_db()
    assert pose.image.name.startswith("poses/crow-") and pose.image.name.endswith(".png")
    assert (media / pose.image.name).exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (text_named_jpg, "Upload a valid image"),  # Django's ImageField check speaks first
        (lambda: png(size=(50, 50)), "at least 200×200 pixels"),
        (lambda: png(fmt="GIF"), "Upload a JPEG, PNG or WebP image."),
    ],
)
def test_a_bad_upload_is_shown_on_the_form_and_nothing_is_stored(
    admin_client, media, upload, message
):
    pose = PoseFactory()

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]), form_data(pose, image=upload())
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image"]
    assert any(message in error for error in errors)
    pose.refresh_from_db()
    assert not pose.image
    assert not (media / "poses").exists()


def test_clearing_the_image_in_the_admin_removes_it(
    admin_client, media, django_capture_on_commit_callbacks
):
    pose = PoseFactory()
    set_pose_image(pose=pose, upload=png())
    stored = media / pose.image.name

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:poses_pose_change", args=[pose.pk]),
            form_data(pose, **{"image-clear": "on"}),
        )

    assert response.status_code == 302
    pose.refresh_from_db()
    assert not pose.image
    assert not stored.exists()


def test_an_admin_edit_goes_through_the_model_rules(admin_client):
    pose = PoseFactory()

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]),
        form_data(pose, default_hold_seconds=601),
    )

    assert response.status_code == 200
    assert "default_hold_seconds" in response.context["adminform"].form.errors


def test_unpublish_from_the_list(admin_client):
    pose = PoseFactory()

    response = admin_client.post(
        CHANGELIST,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": pose.pk,
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    pose.refresh_from_db()
    assert pose.is_published is False


def test_pose_autocomplete_for_sequences_offers_published_poses_only(admin_client):
    PoseFactory(name_en="Downward-Facing Dog", name_sa="Adho Mukha Śvānāsana")
    PoseFactory(name_en="Upward-Facing Dog", name_sa="Ūrdhva Mukha Śvānāsana", is_published=False)

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "svanasana",
            "app_label": "sequences",
            "model_name": "sequencepose",
            "field_name": "pose",
        },
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Downward-Facing Dog"]


def test_a_pose_whose_tags_disagree_with_its_text_is_saved_with_a_warning(admin_client):
    pose = PoseFactory(contraindications="Avoid with a knee injury.", cautions=[])

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]), form_data(pose), follow=True
    )

    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("knee" in warning for warning in warnings), warnings
    page = admin_client.get(reverse("admin:poses_pose_change", args=[pose.pk])).content.decode()
    assert "Cautions check" in page and "knee" in page


def test_a_pose_whose_tags_agree_is_saved_without_a_warning(admin_client):
    pose = PoseFactory(contraindications="Avoid with a knee injury.", cautions=["knee_load"])

    response = admin_client.post(
        reverse("admin:poses_pose_change", args=[pose.pk]), form_data(pose), follow=True
    )

    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]
    page = admin_client.get(reverse("admin:poses_pose_change", args=[pose.pk])).content.decode()
    assert "The caution tags agree with the contraindications" in page
