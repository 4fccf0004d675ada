"""The builder's forms check shape only; the rules (ranges, choices, limits) stay in services."""

import pytest

from poses.tests.factories import PoseFactory
from sequences.forms import AddPoseForm, ItemForm, MoveForm, SequenceDetailsForm
from sequences.tests.factories import SequenceFactory

DETAILS = {
    "title": "Evening unwind",
    "description": "",
    "difficulty": "beginner",
    "focus": "relaxation",
    "style": "yin",
    "visibility": "private",
}


def test_details_form_offers_private_first_and_starts_there():
    form = SequenceDetailsForm()

    assert [value for value, _ in form.fields["visibility"].widget.choices] == [
        "private",
        "public",
    ]
    assert form["visibility"].value() == "private"


def test_details_form_needs_a_title_with_a_friendly_message():
    form = SequenceDetailsForm({**DETAILS, "title": "  "})

    assert not form.is_valid()
    assert form.errors["title"] == ["Give your sequence a title."]


def test_details_form_leaves_choice_values_to_the_service():
    """An unknown style passes the form: save_sequence (full_clean) refuses it, once."""
    form = SequenceDetailsForm({**DETAILS, "style": "acro"})

    assert form.is_valid()
    assert form.cleaned_data["style"] == "acro"


@pytest.mark.django_db
def test_details_form_for_a_sequence_starts_from_its_stored_values(user):
    sequence = SequenceFactory(author=user, title="Hips", focus="hips", visibility="public")

    form = SequenceDetailsForm.for_sequence(sequence)

    assert form["title"].value() == "Hips"
    assert form["focus"].value() == "hips"
    assert form["visibility"].value() == "public"


@pytest.mark.parametrize("hold", ["", "ten", "4.5"])
def test_item_form_needs_a_whole_number_of_seconds(hold):
    form = ItemForm({"duration_seconds": hold, "side": "both"})

    assert not form.is_valid()
    assert "duration_seconds" in form.errors


def test_item_form_leaves_the_hold_range_to_the_service():
    form = ItemForm({"duration_seconds": "0", "side": "both"})

    assert form.is_valid()
    assert form.cleaned_data == {"duration_seconds": 0, "side": "both", "cue": ""}


def test_item_form_ids_carry_the_position_so_rows_do_not_clash():
    html = str(ItemForm(auto_id="item-3-%s")["duration_seconds"])

    assert 'id="item-3-duration_seconds"' in html
    assert 'min="5"' in html and 'max="600"' in html


@pytest.mark.django_db
def test_add_pose_form_finds_a_published_pose_by_slug_and_defaults_the_side():
    pose = PoseFactory(slug="warrior-ii")

    form = AddPoseForm({"pose": "warrior-ii"})

    assert form.is_valid()
    assert form.service_kwargs() == {"pose": pose, "duration_seconds": None, "side": "both"}


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["no-such-pose", "hidden", ""])
def test_add_pose_form_refuses_unknown_and_unpublished_poses(slug):
    PoseFactory(slug="hidden", is_published=False)

    form = AddPoseForm({"pose": slug})

    assert not form.is_valid()
    assert form.errors["pose"] in (["That pose is not in the library."], ["Choose a pose to add."])


@pytest.mark.parametrize(
    ("offset", "valid"), [("-1", True), ("1", True), ("2", False), ("", False)]
)
def test_move_form_moves_one_place_at_a_time(offset, valid):
    form = MoveForm({"offset": offset})

    assert form.is_valid() is valid
    if valid:
        assert form.cleaned_data["offset"] == int(offset)
