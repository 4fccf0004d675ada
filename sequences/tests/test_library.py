"""`manage.py load_library`: the curated content, its idempotency and the staff-edit rule."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.tests.factories import UserFactory
from poses.library import FIGURES_FILE, POSES_FILE
from poses.models import NEW_POSE_FIGURE, Caution, Difficulty, Pose, Prop, TargetArea
from poses.services import save_pose
from poses.tests.test_admin import form_data
from sequences.library import SEQUENCES_FILE
from sequences.models import Sequence, SequencePose, Visibility, practice_seconds
from sequences.services import save_sequence
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db

POSE_ROWS = json.loads(POSES_FILE.read_text(encoding="utf-8"))
SEQUENCE_ROWS = json.loads(SEQUENCES_FILE.read_text(encoding="utf-8"))
FIGURES = json.loads(FIGURES_FILE.read_text(encoding="utf-8"))


def load(*args, **options) -> str:
    out = StringIO()
    call_command("load_library", *args, stdout=out, **options)
    return out.getvalue()


def write(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def loaded():
    load()


def snapshot():
    return (
        dict(Pose.objects.values_list("slug", "updated_at")),
        dict(Sequence.objects.values_list("slug", "updated_at")),
        sorted(SequencePose.objects.values_list("pk", flat=True)),
    )


# --- loading the real files -------------------------------------------------


def test_load_creates_the_curated_library_from_the_content_files():
    output = load()

    assert Pose.objects.count() == len(POSE_ROWS) >= 60
    assert Sequence.objects.count() == len(SEQUENCE_ROWS) >= 12
    assert f"Poses: {len(POSE_ROWS)} created, 0 updated, 0 unchanged." in output
    assert f"Sequences: {len(SEQUENCE_ROWS)} created, 0 updated, 0 unchanged." in output
    curated = Sequence.objects.all()
    assert all(s.author_id is None and s.visibility == Visibility.PUBLIC for s in curated)
    assert all(len(s.library_fingerprint) == 64 for s in curated)


def test_loaded_pose_keeps_every_field_of_the_file(loaded):
    row = next(row for row in POSE_ROWS if row["slug"] == "warrior-ii")
    pose = Pose.objects.get(slug="warrior-ii")

    for key, value in row.items():
        assert getattr(pose, key) == value, key


def test_every_loaded_pose_has_its_own_figure_from_the_figures_file(loaded):
    stored = dict(Pose.objects.values_list("slug", "figure"))

    assert stored == {row["slug"]: FIGURES[row["slug"]] for row in POSE_ROWS}


# --- figures -------------------------------------------------------------------


def figures_with(tmp_path, **changes):
    return write(tmp_path, "figures.json", {**FIGURES, **changes})


def test_a_changed_figure_updates_a_pose_nobody_edited(tmp_path, loaded):
    tree = {**FIGURES["tree"], "angles": {**FIGURES["tree"]["angles"], "knee_r": 100}}

    output = load(figures_file=figures_with(tmp_path, tree=tree))

    assert Pose.objects.get(slug="tree").figure == tree
    assert f"Poses: 0 created, 1 updated, {len(POSE_ROWS) - 1} unchanged." in output


def test_a_staff_edit_of_a_figure_is_kept_and_reported(tmp_path, loaded):
    pose = Pose.objects.get(slug="tree")
    ours = {**pose.figure, "angles": {**pose.figure["angles"], "knee_r": 90}}
    save_pose(pose=pose, figure=ours)
    newer = {**FIGURES["tree"], "angles": {**FIGURES["tree"]["angles"], "knee_r": 100}}

    output = load(figures_file=figures_with(tmp_path, tree=newer))

    assert Pose.objects.get(slug="tree").figure == ours
    assert "kept staff edit: pose tree" in output


def test_a_pose_without_a_figure_is_refused_naming_the_file_and_slug(tmp_path):
    figures = {slug: figure for slug, figure in FIGURES.items() if slug != "crow"}

    with pytest.raises(CommandError) as failure:
        load(figures_file=write(tmp_path, "figures.json", figures))

    assert "poses.json: pose 'crow': figure: none in figures.json; every pose needs one." in str(
        failure.value
    )
    assert Pose.objects.count() == 0


def test_a_bad_figure_is_refused_with_the_models_message(tmp_path):
    crow = {**FIGURES["crow"], "angles": {"knee_r": 200}}

    with pytest.raises(CommandError) as failure:
        load(figures_file=figures_with(tmp_path, crow=crow))

    assert "pose 'crow': figure: Angle \"knee_r\" is 200°, outside its range 0..180°" in str(
        failure.value
    )
    assert Pose.objects.count() == 0


def test_a_figures_file_that_is_not_an_object_is_refused(tmp_path):
    with pytest.raises(CommandError, match="figures.json: expected an object of figures"):
        load(figures_file=write(tmp_path, "figures.json", [FIGURES["crow"]]))


def test_a_pose_row_may_carry_its_own_figure(tmp_path):
    rows = copy.deepcopy(POSE_ROWS)
    crow = next(row for row in rows if row["slug"] == "crow")
    crow["figure"] = NEW_POSE_FIGURE

    load(poses_file=write(tmp_path, "poses.json", rows))

    assert Pose.objects.get(slug="crow").figure == NEW_POSE_FIGURE


def test_the_figures_migration_keeps_unedited_rows_following_the_library(loaded):
    """Rows loaded before figures existed: signed again with their figure, not seen as edits."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("poses.migrations.0005_figures_and_renditions")
    before = dict.fromkeys(migration.CONTENT_FIELDS)
    edited = Pose.objects.get(slug="tree")
    for pose in Pose.objects.all():
        content = {name: getattr(pose, name) for name in before}
        fingerprint = migration.fingerprint(content)
        Pose.objects.filter(pk=pose.pk).update(figure={}, library_fingerprint=fingerprint)
    Pose.objects.filter(slug="tree").update(description="Our studio's words.")  # a staff edit

    migration.give_every_pose_a_figure(apps, None)

    assert not Pose.objects.filter(figure={}).exists()
    output = load()
    assert "kept staff edit: pose tree" in output
    assert f"Poses: 0 created, 0 updated, {len(POSE_ROWS) - 1} unchanged" in output
    tree = Pose.objects.get(slug="tree")
    assert tree.figure == edited.figure and tree.description == "Our studio's words."


def test_loaded_sequence_keeps_its_poses_in_file_order(loaded):
    row = SEQUENCE_ROWS[0]
    sequence = Sequence.objects.get(slug=row["slug"])

    stored = list(
        sequence.items.order_by("position").values_list(
            "pose__slug", "duration_seconds", "side", "cue"
        )
    )
    assert stored == [
        (item["pose"], item["duration_seconds"], item["side"], item["cue"]) for item in row["poses"]
    ]
    assert (sequence.title, sequence.focus, sequence.style) == (
        row["title"],
        row["focus"],
        row["style"],
    )


def test_curated_sequences_have_totals_counted_from_their_poses(loaded):
    bilateral = dict(Pose.objects.values_list("slug", "is_bilateral"))
    for row in SEQUENCE_ROWS:
        sequence = Sequence.objects.get(slug=row["slug"])
        expected = sum(
            practice_seconds(
                duration_seconds=item["duration_seconds"],
                side=item["side"],
                is_bilateral=bilateral[item["pose"]],
            )
            for item in row["poses"]
        )
        assert sequence.total_duration_seconds == expected, row["slug"]
        assert sequence.pose_count == len(row["poses"]), row["slug"]


def test_second_run_changes_nothing(loaded):
    before = snapshot()

    output = load()

    assert snapshot() == before
    assert f"Poses: 0 created, 0 updated, {len(POSE_ROWS)} unchanged." in output
    assert f"Sequences: 0 created, 0 updated, {len(SEQUENCE_ROWS)} unchanged." in output


def test_second_run_is_a_handful_of_queries(loaded, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        load()


# --- staff edits --------------------------------------------------------------


def test_staff_edit_of_a_pose_is_kept_and_reported(loaded):
    pose = Pose.objects.get(slug="warrior-ii")
    save_pose(pose=pose, description="Our studio's own description.")

    output = load()

    pose.refresh_from_db()
    assert pose.description == "Our studio's own description."
    assert "kept staff edit: pose warrior-ii; run with --overwrite-edits to replace" in output
    assert "1 kept (staff edits)" in output


def test_overwrite_edits_replaces_the_staff_version_with_the_file(loaded):
    pose = Pose.objects.get(slug="warrior-ii")
    save_pose(pose=pose, description="Our studio's own description.")

    output = load(overwrite_edits=True)

    pose.refresh_from_db()
    row = next(row for row in POSE_ROWS if row["slug"] == "warrior-ii")
    assert pose.description == row["description"]
    assert "Poses: 0 created, 1 updated" in output
    assert "Poses: 0 created, 0 updated" in load()  # and it counts as unedited again


def test_staff_edit_of_a_sequence_is_kept_and_reported(loaded):
    sequence = Sequence.objects.get(slug="sun-salutation-a")
    save_sequence(author=None, sequence=sequence, title="Sun A, our way")
    before = snapshot()

    output = load()

    assert Sequence.objects.get(slug="sun-salutation-a").title == "Sun A, our way"
    assert "kept staff edit: sequence sun-salutation-a" in output
    assert snapshot() == before


def test_a_staff_edit_matching_the_new_file_is_adopted_as_library_content(tmp_path, loaded):
    pose = Pose.objects.get(slug="tree")
    save_pose(pose=pose, description="The same words as the next content release.")
    rows = copy.deepcopy(POSE_ROWS)
    tree = next(row for row in rows if row["slug"] == "tree")
    tree["description"] = "The same words as the next content release."

    output = load(poses_file=write(tmp_path, "poses.json", rows))

    assert "kept staff edit" not in output
    tree["description"] = "A later release."
    load(poses_file=write(tmp_path, "poses.json", rows))
    assert Pose.objects.get(slug="tree").description == "A later release."


def test_staff_only_fields_survive_a_content_update(tmp_path, loaded):
    pose = Pose.objects.get(slug="mountain")
    save_pose(pose=pose, is_published=False, image_urls=["https://example.com/m.jpg"])
    rows = copy.deepcopy(POSE_ROWS)
    rows[0]["description"] = "A new description from the content team."

    # Unpublishing and adding images are not content edits: the row still follows the file.
    load(poses_file=write(tmp_path, "poses.json", rows))

    pose.refresh_from_db()
    assert pose.description == "A new description from the content team."
    assert pose.is_published is False
    assert pose.image_urls == ["https://example.com/m.jpg"]


def test_staff_created_pose_with_a_library_slug_is_not_overwritten():
    save_pose(
        slug="mountain",
        name_en="Our Mountain",
        category="standing",
        difficulty="beginner",
        description="Written by staff before the library was loaded.",
        instructions=["Stand.", "Breathe.", "Release."],
        position="standing",
        intensity=1,
        hold_min_seconds=10,
        hold_max_seconds=120,
        figure=NEW_POSE_FIGURE,
    )

    output = load()

    assert Pose.objects.get(slug="mountain").name_en == "Our Mountain"
    assert "kept staff edit: pose mountain" in output


# --- content changes in the files ---------------------------------------------


def test_file_changes_update_rows_nobody_edited(tmp_path, loaded):
    poses = copy.deepcopy(POSE_ROWS)
    sequences = copy.deepcopy(SEQUENCE_ROWS)
    mountain = next(row for row in poses if row["slug"] == "mountain")
    mountain["benefits"] = [*mountain["benefits"], "Grounds the whole practice"]
    sun_a = next(row for row in sequences if row["slug"] == "sun-salutation-a")
    sun_a["poses"][0]["duration_seconds"] += 30
    old_total = Sequence.objects.get(slug="sun-salutation-a").total_duration_seconds

    output = load(
        poses_file=write(tmp_path, "poses.json", poses),
        sequences_file=write(tmp_path, "sequences.json", sequences),
    )

    assert "Grounds the whole practice" in Pose.objects.get(slug="mountain").benefits
    assert Sequence.objects.get(slug="sun-salutation-a").total_duration_seconds == old_total + 30
    assert f"Poses: 0 created, 1 updated, {len(poses) - 1} unchanged." in output
    assert f"Sequences: 0 created, 1 updated, {len(sequences) - 1} unchanged." in output


def test_a_pose_turning_two_sided_refreshes_every_sequence_using_it(tmp_path, loaded, user):
    pose = Pose.objects.get(slug="mountain")
    assert not pose.is_bilateral
    own = save_sequence(
        author=user,
        poses=[{"pose": pose, "duration_seconds": 40}],
        title="Mine",
        difficulty="beginner",
        focus="back",
        style="hatha",
    )
    rows = copy.deepcopy(POSE_ROWS)
    next(row for row in rows if row["slug"] == "mountain")["is_bilateral"] = True

    load(poses_file=write(tmp_path, "poses.json", rows))

    own.refresh_from_db()
    assert own.total_duration_seconds == 80
    sun_a = Sequence.objects.get(slug="sun-salutation-a")
    assert sun_a.total_duration_seconds == sum(item.practice_seconds for item in sun_a.items.all())


# --- bad files change nothing ---------------------------------------------------


def _unknown_pose_in_a_sequence(poses, sequences):
    sequences[0]["poses"][1]["pose"] = "levitation"
    return "sequence 'sun-salutation-a': poses: pose #2: unknown pose 'levitation'"


def _zero_hold_in_a_sequence(poses, sequences):
    sequences[0]["poses"][2]["duration_seconds"] = 0
    return "sequence 'sun-salutation-a': poses: Pose #3: hold must be 5–600 seconds"


def _bad_category(poses, sequences):
    poses[0]["category"] = "flying"
    return "pose 'mountain': category: Value 'flying' is not a valid choice"


def _zero_default_hold(poses, sequences):
    poses[1]["default_hold_seconds"] = 0
    return "pose 'upward-salute': default_hold_seconds:"


def _unknown_target_area(poses, sequences):
    poses[0]["target_areas"] = ["aura"]
    return "pose 'mountain': target_areas: Unknown target areas: aura"


def _misspelt_field(poses, sequences):
    poses[0]["instructons"] = poses[0].pop("instructions")
    return "pose 'mountain': instructons: unknown field"


def _bad_sequence_style(poses, sequences):
    sequences[1]["style"] = "acrobatic"
    return "sequence 'sun-salutation-b': style: Value 'acrobatic' is not a valid choice"


@pytest.mark.parametrize(
    "spoil",
    [
        _unknown_pose_in_a_sequence,
        _zero_hold_in_a_sequence,
        _bad_category,
        _zero_default_hold,
        _unknown_target_area,
        _misspelt_field,
        _bad_sequence_style,
    ],
)
def test_a_bad_file_changes_nothing_and_fails_naming_slug_and_field(tmp_path, spoil):
    poses, sequences = copy.deepcopy(POSE_ROWS), copy.deepcopy(SEQUENCE_ROWS)
    # On a loaded library with a pending content change, so a partial write would show.
    load()
    poses[5]["description"] = "Changed in the same bad file."
    expected = spoil(poses, sequences)
    before = snapshot()

    with pytest.raises(CommandError) as failure:
        load(
            poses_file=write(tmp_path, "poses.json", poses),
            sequences_file=write(tmp_path, "sequences.json", sequences),
        )

    assert expected in str(failure.value)
    assert failure.value.returncode == 1
    assert snapshot() == before
    assert Pose.objects.get(slug=poses[5]["slug"]).description != "Changed in the same bad file."


def test_a_bad_file_on_an_empty_database_creates_nothing(tmp_path):
    sequences = copy.deepcopy(SEQUENCE_ROWS)
    sequences[-1]["poses"][0]["duration_seconds"] = 601

    with pytest.raises(CommandError, match="hold must be 5–600 seconds"):
        load(sequences_file=write(tmp_path, "sequences.json", sequences))

    assert Pose.objects.count() == 0
    assert Sequence.objects.count() == 0


def test_invalid_json_is_reported_with_the_file_name(tmp_path):
    path = tmp_path / "poses.json"
    path.write_text("[{", encoding="utf-8")

    with pytest.raises(CommandError, match="poses.json: not valid JSON"):
        load(poses_file=path)


def test_a_practitioners_sequence_holding_a_curated_slug_is_an_error(loaded):
    Sequence.objects.filter(slug="sun-salutation-a").delete()
    SequenceFactory(slug="sun-salutation-a", author=UserFactory())

    with pytest.raises(CommandError, match="already used by a practitioner's own sequence"):
        load()


# --- content a yoga teacher would accept -------------------------------------------


# Modern shapes and practices with no traditional Sanskrit name (none is invented for them).
WITHOUT_SANSKRIT = {
    "deer-yin",
    "toe-squat-yin",
    "legs-on-chair",
    "constructive-rest",
    "box-breathing",
    "body-scan",
    "chair-cat-cow",
    "chair-twist",
    "chair-forward-fold",
    "chair-figure-four",
    "chair-side-bend",
}
# How a curated practice over ten minutes ends: lying in Savasana (on the back or, prenatal, on
# the side), a body scan, or seated meditation where the class stays on chairs.
FINAL_RELAXATIONS = {"corpse", "side-lying-savasana", "body-scan", "seated-meditation"}


def test_every_pose_has_steps_a_sanskrit_name_and_target_areas():
    for row in POSE_ROWS:
        assert 3 <= len(row["instructions"]) <= 8, row["slug"]
        assert bool(row["name_sa"].strip()) is (row["slug"] not in WITHOUT_SANSKRIT), row["slug"]
        assert row["target_areas"], row["slug"]
        assert row["description"].strip() and row["benefits"], row["slug"]


def test_every_sequence_over_ten_minutes_ends_in_a_final_relaxation(loaded):
    for sequence in Sequence.objects.filter(total_duration_seconds__gt=10 * 60):
        last = sequence.items.order_by("-position").select_related("pose").first()
        assert last.pose.slug in FINAL_RELAXATIONS, sequence.slug


def test_no_beginner_sequence_contains_an_advanced_pose(loaded):
    offending = SequencePose.objects.filter(
        sequence__difficulty=Difficulty.BEGINNER, pose__difficulty=Difficulty.ADVANCED
    ).values_list("sequence__slug", "pose__slug")
    assert list(offending) == []


def test_the_library_spans_styles_levels_and_lengths(loaded):
    sequences = Sequence.objects.all()
    assert len({s.style for s in sequences}) >= 5
    assert {s.difficulty for s in sequences} == set(Difficulty.values)
    minutes = sorted(s.total_duration_seconds / 60 for s in sequences)
    assert minutes[0] <= 6 and minutes[-1] >= 55
    assert all(s.pose_count <= 100 for s in sequences)


def test_two_sided_poses_appear_on_both_sides_or_as_both(loaded):
    """A one-sided hold of a two-sided pose needs its other side in the same sequence."""
    for sequence in Sequence.objects.prefetch_related("items__pose"):
        sides = {}
        for item in sequence.items.all():
            if item.pose.is_bilateral and item.side != "both":
                sides.setdefault(item.pose.slug, set()).add(item.side)
        lopsided = {slug for slug, seen in sides.items() if seen != {"left", "right"}}
        assert not lopsided, (sequence.slug, lopsided)


def test_saving_an_untouched_loaded_pose_is_not_a_staff_edit(admin_client):
    call_command("load_library", stdout=StringIO())
    pose = Pose.objects.get(slug="mountain")
    # As a browser sends it: ticked boxes in menu order, text with CRLF line ends.
    data = form_data(
        pose,
        target_areas=[v for v in TargetArea.values if v in pose.target_areas],
        cautions=[v for v in Caution.values if v in pose.cautions],
        props=[v for v in Prop.values if v in pose.props],
        instructions="\r\n".join(pose.instructions),
    )

    response = admin_client.post(reverse("admin:poses_pose_change", args=[pose.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    out = StringIO()
    call_command("load_library", stdout=out)
    assert "kept staff edit" not in out.getvalue()
