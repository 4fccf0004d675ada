"""Pose model rules: accent-blind search text, vocabularies, hold range, image fallback."""

import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import Avoidance
from poses.library import POSES_FILE, read_rows
from poses.models import (
    AVOIDANCE_CAUTIONS,
    NEW_POSE_FIGURE,
    Category,
    Caution,
    Pose,
    PoseRating,
    Rating,
    categories_avoided,
    cautions_avoided,
    fold_for_search,
)
from poses.services import save_pose
from poses.tests.factories import BOX_BREATHING, PoseFactory, PoseRatingFactory

STATIC_IMAGES = Path(settings.BASE_DIR) / "static" / "img"


def test_fold_for_search_drops_accents_and_case():
    assert fold_for_search("Adho Mukha Śvānāsana") == "adho mukha svanasana"
    assert fold_for_search("") == ""


@pytest.mark.django_db
def test_search_text_follows_both_names_even_with_update_fields():
    pose = PoseFactory(name_en="Tree Pose", name_sa="Vṛkṣāsana")
    assert pose.search_text == "tree pose vrksasana"

    pose.name_sa = "Vrikshasana"
    pose.save(update_fields=["name_sa"])

    pose.refresh_from_db()
    assert pose.search_text == "tree pose vrikshasana"


@pytest.mark.django_db
def test_image_src_prefers_the_photo_then_image_urls_then_the_figure():
    pose = PoseFactory(slug="pigeon", category=Category.HIP_OPENER)
    assert pose.image_src == f"/poses/pigeon/figure.svg?v={pose.figure_version}"
    assert not pose.has_own_image

    pose.image_urls = ["https://images.example.com/pigeon.jpg"]
    assert pose.image_src == "https://images.example.com/pigeon.jpg"

    pose.image = "poses/pigeon-1a2b3c4d.jpg"
    assert pose.image_src == "/media/poses/pigeon-1a2b3c4d.jpg"  # no renditions yet
    pose.image_renditions = {"960": "poses/pigeon-1a2b3c4d-960.webp", "480": "p-480.webp"}
    assert pose.image_src == "/media/poses/pigeon-1a2b3c4d-960.webp"
    assert pose.photo_srcset == "/media/p-480.webp 480w, /media/poses/pigeon-1a2b3c4d-960.webp 960w"
    assert pose.has_own_image


def test_no_category_placeholder_is_left_to_show():
    assert not (STATIC_IMAGES / "poses").exists()


@pytest.mark.django_db
def test_the_figure_url_changes_with_the_figure_and_the_name_and_is_the_same_for_both_sides():
    pose = PoseFactory(slug="tree", name_en="Tree")
    first = pose.figure_version
    assert pose.figure_src == f"/poses/tree/figure.svg?v={first}"
    assert pose.figure_left_src == f"/poses/tree/figure-left.svg?v={first}"

    pose.figure = {**pose.figure, "angles": {"hip_r": 40}}
    pose.save()
    assert pose.figure_version != first
    assert (
        Pose.objects.get(pk=pose.pk).figure_src == f"/poses/tree/figure.svg?v={pose.figure_version}"
    )
    renamed = PoseFactory(slug="tree-2", name_en="Tree Pose", figure=pose.figure)
    assert renamed.figure_version != pose.figure_version


def test_the_figure_version_ignores_the_order_of_keys():
    figure = {"view": "side", "angles": {"hip_r": 90, "knee_r": 45}}
    reordered = {"angles": {"knee_r": 45, "hip_r": 90}, "view": "side"}

    assert Pose(name_en="A", figure=figure).current_figure_version() == (
        Pose(name_en="A", figure=reordered).current_figure_version()
    )


def test_a_pose_card_without_a_slug_or_photo_has_nothing_to_show():
    # The generator's cards build a Pose from a few fields: without the slug, no figure URL.
    assert Pose(category="standing").image_src == ""


def valid_fields(**changes):
    return {
        "slug": "chair",
        "name_en": "Chair Pose",
        "name_sa": "Utkaṭāsana",
        "category": "standing",
        "difficulty": "beginner",
        "description": "A powerful squat.",
        "instructions": ["Stand.", "Sit back.", "Reach up."],
        "target_areas": ["quadriceps"],
        "position": "standing",
        "intensity": 3,
        "effort": "active",
        "hold_min_seconds": 5,
        "hold_max_seconds": 60,
        "figure": copy.deepcopy(NEW_POSE_FIGURE),
        **changes,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"target_areas": ["aura"]}, "target_areas", "Unknown target areas: aura."),
        ({"cautions": ["spicy"]}, "cautions", "Unknown cautions: spicy."),
        ({"target_areas": "hips"}, "target_areas", "target areas must be a list of strings."),
        ({"instructions": ["Stand.", " "]}, "instructions", "Must be a list of non-empty texts."),
        ({"default_hold_seconds": 4}, "default_hold_seconds", None),
        ({"default_hold_seconds": 601}, "default_hold_seconds", None),
        ({"category": "flying"}, "category", "Value 'flying' is not a valid choice."),
        ({"slug": "not a slug"}, "slug", None),
        ({"position": "floating"}, "position", "Value 'floating' is not a valid choice."),
        ({"intensity": 0}, "intensity", None),
        ({"intensity": 6}, "intensity", None),
        ({"effort": "lazy"}, "effort", None),
        ({"props": ["cushion"]}, "props", "Unknown props: cushion."),
        ({"figure": {}}, "figure", "Every pose needs a figure: a view and its joint angles."),
        (
            {"figure": {"view": "above"}},
            "figure",
            "\"view\" must be one of side, front, top, not 'above'.",
        ),
        (
            {"figure": {"view": "side", "angles": {"knee_r": 200}}},
            "figure",
            'Angle "knee_r" is 200°, outside its range 0..180° in a side view.',
        ),
        (
            {"hold_min_seconds": 40, "hold_max_seconds": 30},
            "hold_max_seconds",
            "The longest hold must not be shorter than the shortest.",
        ),
        (
            {"default_hold_seconds": 90},
            "default_hold_seconds",
            "The usual hold must lie between the shortest and the longest hold.",
        ),
        (
            {"long_hold_min_seconds": 120},
            "long_hold_max_seconds",
            "Give both the shortest and the longest long hold, or neither.",
        ),
        (
            {"long_hold_min_seconds": 300, "long_hold_max_seconds": 120},
            "long_hold_max_seconds",
            "The longest long hold must not be shorter than the shortest.",
        ),
        ({"category": ""}, "category", "An asana needs a category."),
        (
            {"kind": "pranayama"},
            "category",
            "Breathing and meditation practices have no category.",
        ),
        (
            {"breath_pattern": {"inhale": 4, "exhale": 4}},
            "breath_pattern",
            "Only breathing practices have a breath pattern.",
        ),
        (
            {"kind": "pranayama", "category": "", "breath_pattern": {"inhale": 4, "sigh": 2}},
            "breath_pattern",
            "Unknown breath phase: sigh; use inhale, hold, exhale, hold_empty.",
        ),
        (
            {"kind": "pranayama", "category": "", "breath_pattern": {"inhale": 4}},
            "breath_pattern",
            "A breath pattern needs an inhale and an exhale.",
        ),
        (
            {"kind": "pranayama", "category": "", "breath_pattern": {"inhale": 4, "exhale": 21}},
            "breath_pattern",
            "exhale must be 0 to 20 seconds.",
        ),
    ],
)
def test_save_pose_refuses_invalid_fields_keyed_by_field(changes, field, message):
    with pytest.raises(ValidationError) as error:
        save_pose(**valid_fields(**changes))

    assert field in error.value.message_dict
    if message:
        assert message in error.value.message_dict[field]
    assert not Pose.objects.exists()


@pytest.mark.django_db
def test_save_pose_refuses_a_slug_in_use():
    PoseFactory(slug="chair")

    with pytest.raises(ValidationError) as error:
        save_pose(**valid_fields())

    assert "slug" in error.value.message_dict


@pytest.mark.django_db
def test_save_pose_updates_only_the_given_fields():
    pose = save_pose(**valid_fields())

    save_pose(pose=pose, difficulty="intermediate")

    pose.refresh_from_db()
    assert (pose.difficulty, pose.name_en) == ("intermediate", "Chair Pose")


def test_save_pose_refuses_fields_it_does_not_manage():
    with pytest.raises(TypeError, match="library_fingerprint"):
        save_pose(library_fingerprint="x")


@pytest.mark.django_db
def test_a_breathing_practice_has_a_pattern_and_no_category():
    pose = save_pose(
        **valid_fields(slug="box-breathing", **BOX_BREATHING, cautions=["breath_retention"])
    )

    assert pose.is_breathing and pose.category == ""
    assert pose.hold_range == (60, 600) and pose.long_hold_range is None


@pytest.mark.django_db
def test_the_database_refuses_a_hold_out_of_range():
    pose = PoseFactory()

    with pytest.raises(IntegrityError):
        Pose.objects.filter(pk=pose.pk).update(default_hold_seconds=0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {"hold_min_seconds": 45},  # above the usual hold of 30
        {"hold_max_seconds": 20},  # below it
        {"hold_max_seconds": 601},
        {"long_hold_min_seconds": 120},  # without its longest
        {"long_hold_min_seconds": 300, "long_hold_max_seconds": 120},
        {"intensity": 6},
        {"position": "floating"},
        {"effort": "lazy"},
        {"kind": "pranayama"},  # with a category
        {"category": ""},  # an asana without one
    ],
)
def test_the_database_holds_the_sequencing_attributes(changes):
    pose = PoseFactory()

    with pytest.raises(IntegrityError):
        Pose.objects.filter(pk=pose.pk).update(**changes)


# --- practitioners' cautions and ratings -----------------------------------------


def test_every_avoidance_maps_to_known_pose_cautions():
    assert set(AVOIDANCE_CAUTIONS) == set(Avoidance.values)
    assert all(
        cautions and cautions <= set(Caution.values) for cautions in AVOIDANCE_CAUTIONS.values()
    )


@pytest.mark.parametrize(
    ("avoid", "cautions"),
    [
        ([], set()),
        (["no_inversions"], {"inversion", "head_below_heart", "breath_retention"}),
        (["knee_friendly"], {"knee_load"}),
        (["wrist_friendly"], {"wrist_load"}),
        (
            ["pregnancy_safe"],
            {
                "not_in_pregnancy",
                "belly_pressure",
                "closed_twist",
                "long_supine",
                "deep_backbend",
                "inversion",
                "breath_retention",
                "fall_risk",
            },
        ),
        (
            ["back_care"],
            {
                "deep_backbend",
                "spinal_flexion",
                "spinal_rotation",
                "neck_load",
                "fall_risk",
                "sacroiliac_load",
            },
        ),
        (
            ["osteoporosis_safe"],
            {
                "spinal_flexion",
                "spinal_rounding",
                "spinal_rotation",
                "end_range_twist",
                "neck_load",
                "fall_risk",
                "unsupported_balance",
                "deep_backbend",
                "sacroiliac_load",
            },
        ),
        (
            ["no_inversions", "back_care"],
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
            },
        ),
        (["no_such_thing"], set()),
    ],
)
def test_cautions_avoided_is_the_union_of_each_avoidances_cautions(avoid, cautions):
    assert cautions_avoided(avoid) == cautions


def test_no_inversions_also_leaves_out_the_inversion_category_whole():
    assert categories_avoided(["no_inversions", "knee_friendly"]) == {Category.INVERSION}
    assert categories_avoided(["knee_friendly"]) == set()


def test_every_curated_inversion_carries_the_inversion_caution():
    """So a filter on cautions alone (JSON or SQL) leaves out every inversion-category pose."""
    rows = read_rows(POSES_FILE, kind="pose")
    inversions = [row for row in rows if row["category"] == Category.INVERSION]

    assert inversions
    assert [row["slug"] for row in inversions if "inversion" not in row.get("cautions", [])] == []


@pytest.mark.django_db
def test_one_rating_per_user_and_pose_in_the_database():
    rating = PoseRatingFactory(rating=Rating.UP)

    with pytest.raises(IntegrityError):
        PoseRating.objects.create(user=rating.user, pose=rating.pose, rating=Rating.DOWN)


@pytest.mark.django_db
def test_a_rating_is_up_or_down_in_the_database():
    rating = PoseRatingFactory()

    with pytest.raises(IntegrityError):
        PoseRating.objects.filter(pk=rating.pk).update(rating="meh")


@pytest.mark.django_db
def test_ratings_go_with_their_pose():
    rating = PoseRatingFactory()

    rating.pose.delete()

    assert not PoseRating.objects.exists()


@pytest.mark.django_db
def test_no_pose_may_take_a_slug_the_api_uses_beside_pose_slugs():
    with pytest.raises(ValidationError) as excinfo:
        save_pose(**valid_fields(slug="ratings"))

    assert excinfo.value.error_dict["slug"][0].code == "reserved"
    assert not Pose.objects.filter(slug="ratings").exists()


# --- the figure's version, kept beside it ----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["save", "update_fields", "service"])
@pytest.mark.parametrize("change", ["figure", "name_en"])
def test_the_kept_figure_version_follows_every_save_of_the_figure_or_name(how, change):
    pose = PoseFactory(slug="tree", name_en="Tree")
    before = pose.figure_src
    value = {**pose.figure, "angles": {"hip_r": 40}} if change == "figure" else "Tree Pose"
    if how == "service":
        save_pose(pose=pose, **{change: value})
    else:
        setattr(pose, change, value)
        pose.save(**({"update_fields": [change]} if how == "update_fields" else {}))

    stored = Pose.objects.get(pk=pose.pk)
    assert stored.figure_version == stored.current_figure_version() == pose.figure_version
    assert stored.figure_src != before
    assert stored.figure_src == f"/poses/tree/figure.svg?v={stored.current_figure_version()}"


@pytest.mark.django_db
def test_saving_other_fields_keeps_the_figure_address():
    pose = PoseFactory(slug="tree", name_en="Tree")
    before = (pose.figure_version, pose.figure_src, pose.figure_left_src)
    pose.name_sa = "Vrksasana"
    pose.description = "Stand on one leg."
    pose.save()
    pose.save(update_fields=["name_sa"])

    stored = Pose.objects.get(pk=pose.pk)
    assert (stored.figure_version, stored.figure_src, stored.figure_left_src) == before


def test_an_unsaved_pose_is_addressed_by_the_version_its_figure_has_now():
    pose = PoseFactory.build(slug="tree", name_en="Tree")
    assert pose.figure_version == ""
    assert pose.figure_src == f"/poses/tree/figure.svg?v={pose.current_figure_version()}"


@pytest.mark.django_db
def test_refreshing_brings_a_stale_version_in_line_and_leaves_current_ones(monkeypatch):
    """What `migrate` does after a renderer change (poses.apps) and what migration 0007 did."""
    from poses import pictures
    from poses.services import refresh_figure_versions

    tree, crow = PoseFactory(slug="tree"), PoseFactory(slug="crow")
    Pose.objects.filter(pk=tree.pk).update(figure_version="stale")
    assert refresh_figure_versions() == 1
    assert Pose.objects.get(pk=tree.pk).figure_version == tree.figure_version
    assert refresh_figure_versions() == 0

    # A changed renderer changes every figure's address.
    monkeypatch.setattr(pictures, "RENDERER_DIGEST", "another renderer")
    assert refresh_figure_versions() == 2
    for pose in (tree, crow):
        stored = Pose.objects.get(pk=pose.pk)
        assert stored.figure_version == stored.current_figure_version() != pose.figure_version


@pytest.mark.django_db(transaction=True)
def test_migrate_refreshes_the_kept_versions():
    from django.core.management import call_command

    pose = PoseFactory(slug="tree")
    Pose.objects.filter(pk=pose.pk).update(figure_version="stale")
    call_command("migrate", verbosity=0)
    assert Pose.objects.get(pk=pose.pk).figure_version == pose.figure_version
