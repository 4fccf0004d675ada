"""The sequence builder pages, black-box through Django's test client.

Every action is a POST form that redirects back to the edit page (PRG); the
same URLs answer JSON to static/js/builder.js (`X-Requested-With: fetch`).
"""

import re

import pytest
from django.urls import reverse

from poses.tests.factories import PoseFactory
from sequences.models import MAX_POSES_PER_SEQUENCE, Sequence, SequencePose
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}
MINE_URL = reverse("sequences:mine")
CREATE_URL = reverse("sequences:create")
DETAILS = {
    "title": "Slow morning hips",
    "description": "Wake the hips up gently.",
    "difficulty": "beginner",
    "focus": "hips",
    "style": "hatha",
    "visibility": "private",
}


@pytest.fixture
def logged_in(client, user):
    client.force_login(user)
    return client


def url(name: str, sequence, position: int | None = None) -> str:
    kwargs = {"slug": sequence.slug}
    if position is not None:
        kwargs["position"] = position
    return reverse(f"sequences:{name}", kwargs=kwargs)


def edit_url(sequence) -> str:
    return url("edit", sequence)


def own_sequence(user, poses=3, **fields) -> Sequence:
    return SequenceFactory(author=user, poses=poses, **fields)


def order(sequence) -> list[str]:
    return list(sequence.items.order_by("position").values_list("pose__name_en", flat=True))


def snapshot() -> tuple:
    """Everything the builder can write, to prove that a refused action wrote nothing."""
    sequences = list(
        Sequence.objects.order_by("pk").values_list(
            "pk",
            "title",
            "description",
            "difficulty",
            "focus",
            "style",
            "visibility",
            "total_duration_seconds",
            "pose_count",
            "updated_at",
        )
    )
    items = list(
        SequencePose.objects.order_by("pk").values_list(
            "pk", "sequence_id", "pose_id", "position", "duration_seconds", "side", "cue"
        )
    )
    return sequences, items


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- the whole journey ------------------------------------------------------------


def test_journey_create_add_reorder_update_remove_delete(logged_in, user):
    mountain = PoseFactory(name_en="Mountain Pose", default_hold_seconds=20)
    warrior = PoseFactory(name_en="Warrior II", is_bilateral=True, default_hold_seconds=30)
    child = PoseFactory(name_en="Child's Pose", default_hold_seconds=60)

    response = logged_in.post(CREATE_URL, DETAILS)
    sequence = Sequence.objects.get(author=user)
    assert response.status_code == 302
    assert response["Location"] == edit_url(sequence) + "#add-pose"
    assert (sequence.title, sequence.visibility, sequence.pose_count) == (
        "Slow morning hips",
        "private",
        0,
    )

    for pose in (mountain, warrior, child):
        response = logged_in.post(url("add_pose", sequence), {"pose": pose.slug})
        assert response.status_code == 302
    assert response["Location"] == edit_url(sequence) + "#item-3"
    assert order(sequence) == ["Mountain Pose", "Warrior II", "Child's Pose"]
    sequence.refresh_from_db()
    assert sequence.total_duration_seconds == 20 + 30 * 2 + 60

    response = logged_in.post(url("move_item", sequence, 3), {"offset": "-1"})
    assert response["Location"] == edit_url(sequence) + "#item-2"
    response = logged_in.post(url("move_item", sequence, 1), {"offset": "1"})
    assert order(sequence) == ["Child's Pose", "Mountain Pose", "Warrior II"]

    response = logged_in.post(
        url("update_item", sequence, 3),
        {"duration_seconds": "45", "side": "left", "cue": "Gaze over the front hand"},
    )
    assert response["Location"] == edit_url(sequence) + "#item-3"
    item = sequence.items.get(position=3)
    assert (item.duration_seconds, item.side, item.cue) == (45, "left", "Gaze over the front hand")
    sequence.refresh_from_db()
    assert sequence.total_duration_seconds == 60 + 20 + 45

    response = logged_in.post(url("remove_item", sequence, 1))
    assert response["Location"] == edit_url(sequence) + "#item-1"
    assert order(sequence) == ["Mountain Pose", "Warrior II"]

    page = logged_in.get(edit_url(sequence))
    assert messages_of(page)[-1] == "Removed Child's Pose."
    assert "1:05" in page.content.decode()  # 20 + 45 seconds

    response = logged_in.post(url("delete", sequence), follow=True)
    assert response.redirect_chain == [(MINE_URL, 302)]
    assert messages_of(response) == ["Deleted “Slow morning hips”."]
    assert not Sequence.objects.filter(pk=sequence.pk).exists()
    assert not SequencePose.objects.exists()


# --- My sequences -------------------------------------------------------------------


def test_mine_lists_only_the_users_own_sequences_newest_change_first(logged_in, user, other_user):
    older = own_sequence(user, title="Older flow", visibility="public", poses=4)
    newer = own_sequence(user, title="Newer flow", poses=1)
    SequenceFactory(author=other_user, title="Someone else's")
    SequenceFactory(title="Curated flow")

    response = logged_in.get(MINE_URL)

    assert response.status_code == 200
    assert [s.title for s in response.context["page_obj"]] == ["Newer flow", "Older flow"]
    html = response.content.decode()
    assert "Someone else's" not in html and "Curated flow" not in html
    assert edit_url(newer) in html and url("delete", newer) in html
    assert 'builder-badge--public">Public' in html and 'builder-badge--private">Private' in html
    assert "1 pose<" in html and "4 poses<" in html
    assert ">0:30<" in html and ">2:00<" in html  # total durations as m:ss
    assert reverse("sequences:create") in html

    logged_in.post(url("move_item", older, 1), {"offset": "1"})
    response = logged_in.get(MINE_URL)
    assert [s.title for s in response.context["page_obj"]] == ["Older flow", "Newer flow"]


def test_mine_without_sequences_offers_to_build_or_copy_one(logged_in):
    html = logged_in.get(MINE_URL).content.decode()

    assert "You have not built a sequence yet" in html
    assert reverse("sequences:catalog") in html


# --- create -----------------------------------------------------------------------


def test_create_form_defaults_to_private_and_explains_public(logged_in):
    response = logged_in.get(CREATE_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<input type="radio" name="visibility" value="private"[^>]* checked', html)
    assert not re.search(r'<input type="radio" name="visibility" value="public"[^>]* checked', html)
    assert "everyone can view it, practise it and make their own copy" in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Give your sequence a title."),
        ("title", "x" * 121, "Ensure this value has at most 120 characters"),
        ("difficulty", "expert", "is not a valid choice"),
        ("visibility", "friends", "is not a valid choice"),
    ],
)
def test_create_with_bad_details_shows_the_error_and_writes_nothing(
    logged_in, field, value, message
):
    response = logged_in.post(CREATE_URL, {**DETAILS, field: value})

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert response.content.decode().count("Please check the form") == 1
    assert not Sequence.objects.exists()


# --- edit: the details form ---------------------------------------------------------


def test_edit_shows_the_rows_with_their_forms_and_the_total(logged_in, user):
    warrior = PoseFactory(name_en="Warrior II", name_sa="Vīrabhadrāsana II", is_bilateral=True)
    sequence = own_sequence(user, poses=[warrior, PoseFactory(name_en="Mountain Pose")])

    response = logged_in.get(edit_url(sequence))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Vīrabhadrāsana II" in html
    assert 'id="item-1"' in html and 'id="item-2"' in html
    assert url("update_item", sequence, 2) in html
    assert url("move_item", sequence, 1) in html and url("remove_item", sequence, 2) in html
    assert "data-total>1:30<" in html  # 30 s each side + 30 s
    assert "data-count>2<" in html
    assert 'type="module"' in html and "js/builder.js" in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_edit_details_saves_and_redirects_to_the_details(logged_in, user):
    sequence = own_sequence(user)

    response = logged_in.post(edit_url(sequence), {**DETAILS, "visibility": "public"})

    assert response.status_code == 302
    assert response["Location"] == edit_url(sequence) + "#details"
    sequence.refresh_from_db()
    assert (sequence.title, sequence.visibility, sequence.focus) == (
        "Slow morning hips",
        "public",
        "hips",
    )
    assert sequence.pose_count == 3  # the poses are untouched


@pytest.mark.parametrize(
    ("field", "value"), [("title", ""), ("style", "acro"), ("visibility", "friends")]
)
def test_edit_details_refused_keeps_the_stored_sequence(logged_in, user, field, value):
    sequence = own_sequence(user, title="My flow")
    before = snapshot()

    response = logged_in.post(edit_url(sequence), {**DETAILS, field: value})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert response.context["sequence"].title == "My flow"
    assert "<h1>My flow</h1>" in response.content.decode()
    assert snapshot() == before


# --- edit: adding poses ---------------------------------------------------------------


def test_add_pose_appends_it_with_its_default_hold_and_keeps_the_search(logged_in, user):
    sequence = own_sequence(user, poses=1)
    pigeon = PoseFactory(name_en="Pigeon", default_hold_seconds=90, is_bilateral=True)

    response = logged_in.post(
        url("add_pose", sequence) + "?q=pig&category=hip_opener&evil=1", {"pose": pigeon.slug}
    )

    assert response["Location"] == edit_url(sequence) + "?q=pig&category=hip_opener#item-2"
    item = sequence.items.get(position=2)
    assert (item.pose, item.duration_seconds, item.side) == (pigeon, 90, "both")
    page = logged_in.get(response["Location"])
    assert messages_of(page) == ["Added Pigeon at position 2."]


def test_add_pose_takes_an_optional_hold_and_side(logged_in, user):
    sequence = own_sequence(user, poses=0)
    pose = PoseFactory(is_bilateral=True)

    logged_in.post(
        url("add_pose", sequence), {"pose": pose.slug, "duration_seconds": "40", "side": "right"}
    )

    item = sequence.items.get()
    assert (item.duration_seconds, item.side) == (40, "right")
    sequence.refresh_from_db()
    assert sequence.total_duration_seconds == 40


@pytest.mark.parametrize("slug", ["no-such-pose", "unpublished", ""])
def test_add_an_unknown_pose_shows_an_error_and_writes_nothing(logged_in, user, slug):
    PoseFactory(slug="unpublished", is_published=False)
    sequence = own_sequence(user)
    before = snapshot()

    response = logged_in.post(url("add_pose", sequence), {"pose": slug})

    assert response.status_code == 200
    assert "That pose was not added" in response.content.decode()
    assert response.context["add_form"].errors["pose"]
    assert snapshot() == before


@pytest.mark.parametrize(("hold", "side"), [("0", ""), ("601", ""), ("30", "sideways")])
def test_add_a_pose_with_a_bad_hold_or_side_writes_nothing(logged_in, user, hold, side):
    sequence = own_sequence(user)
    pose = PoseFactory()
    before = snapshot()

    response = logged_in.post(
        url("add_pose", sequence), {"pose": pose.slug, "duration_seconds": hold, "side": side}
    )

    assert response.status_code == 200
    assert response.context["add_form"].errors
    assert snapshot() == before


def test_adding_a_pose_beyond_the_limit_is_refused(logged_in, user):
    pose = PoseFactory()
    sequence = own_sequence(user, poses=[pose] * MAX_POSES_PER_SEQUENCE)
    before = snapshot()

    response = logged_in.post(url("add_pose", sequence), {"pose": pose.slug})

    assert response.status_code == 200
    assert f"at most {MAX_POSES_PER_SEQUENCE} poses" in response.content.decode()
    assert snapshot() == before


def test_a_sequence_takes_its_last_pose_up_to_the_limit_and_its_pages_open(logged_in, user):
    # A 90-minute flowing class needs up to MAX_POSES_PER_SEQUENCE steps (150): the builder
    # adds the last one, and the edit page and the sequence page show them all.
    pose = PoseFactory()
    sequence = own_sequence(user, poses=[pose] * (MAX_POSES_PER_SEQUENCE - 1))

    response = logged_in.post(url("add_pose", sequence), {"pose": pose.slug})

    assert response.status_code == 302
    assert response["Location"] == edit_url(sequence) + f"#item-{MAX_POSES_PER_SEQUENCE}"
    sequence.refresh_from_db()
    assert sequence.pose_count == sequence.items.count() == MAX_POSES_PER_SEQUENCE == 150
    edit = logged_in.get(edit_url(sequence))
    assert edit.status_code == 200
    assert f'id="item-{MAX_POSES_PER_SEQUENCE}"' in edit.content.decode()
    assert logged_in.get(sequence.get_absolute_url()).status_code == 200


# --- edit: picker -------------------------------------------------------------------


def test_picker_searches_the_library_by_name_and_category(logged_in, user):
    sequence = own_sequence(user, poses=0)
    PoseFactory(name_en="Pigeon", name_sa="Kapotāsana", category="hip_opener")
    PoseFactory(name_en="Happy Baby", category="hip_opener")
    PoseFactory(name_en="Pigeon Twist", category="twist")
    PoseFactory(name_en="Hidden Pigeon", category="hip_opener", is_published=False)

    response = logged_in.get(edit_url(sequence), {"q": "kapot", "category": "hip_opener"})
    assert [p.name_en for p in response.context["results"]] == ["Pigeon"]

    response = logged_in.get(edit_url(sequence), {"q": "pigeon"})
    assert [p.name_en for p in response.context["results"]] == ["Pigeon", "Pigeon Twist"]


def test_picker_shows_at_most_twenty_poses_and_says_there_are_more(logged_in, user):
    sequence = own_sequence(user, poses=0)
    PoseFactory.create_batch(25)

    response = logged_in.get(edit_url(sequence))

    assert len(response.context["results"]) == 20
    assert "Showing the first 20 poses" in response.content.decode()


def test_picker_with_an_unknown_category_shows_the_error_not_a_guess(logged_in, user):
    sequence = own_sequence(user, poses=0)
    PoseFactory()

    response = logged_in.get(edit_url(sequence), {"category": "levitation"})

    assert response.status_code == 200
    assert response.context["results"] == []
    assert response.context["picker"].errors["category"]


# --- edit: a row's hold, side and cue -------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"duration_seconds": "0", "side": "both"}, "hold must be 5–600 seconds"),
        ({"duration_seconds": "601", "side": "both"}, "hold must be 5–600 seconds"),
        ({"duration_seconds": "4", "side": "both"}, "hold must be 5–600 seconds"),
        ({"duration_seconds": "thirty", "side": "both"}, "Enter a whole number"),
        ({"duration_seconds": "", "side": "both"}, "This field is required"),
        ({"duration_seconds": "30", "side": "sideways"}, "side must be one of both, left, right"),
        ({"duration_seconds": "30", "side": "both", "cue": "x" * 301}, "at most 300 characters"),
    ],
)
def test_update_item_with_bad_input_shows_the_error_on_its_row_and_writes_nothing(
    logged_in, user, data, message
):
    sequence = own_sequence(user)
    before = snapshot()

    response = logged_in.post(url("update_item", sequence, 2), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'builder-item builder-item--invalid" id="item-2"' in html
    assert re.search(
        r'<(input|select)[^>]* autofocus[^>]* id="item-2-', html
    )  # keyboard lands here
    assert snapshot() == before


@pytest.mark.parametrize("position", [0, 4, 99])
def test_actions_on_a_position_that_does_not_exist_show_an_error_and_write_nothing(
    logged_in, user, position
):
    sequence = own_sequence(user)
    before = snapshot()
    posts = [
        (url("update_item", sequence, position), {"duration_seconds": "30", "side": "both"}),
        (url("move_item", sequence, position), {"offset": "1"}),
        (url("remove_item", sequence, position), {}),
    ]

    for address, data in posts:
        response = logged_in.post(address, data)
        assert response.status_code == 200, address
        assert "No pose at that position." in response.content.decode(), address
        assert "That change was not made" in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("offset", ["2", "-2", "0", "up", ""])
def test_move_by_anything_but_one_place_is_refused(logged_in, user, offset):
    sequence = own_sequence(user)
    before = snapshot()

    response = logged_in.post(url("move_item", sequence, 2), {"offset": offset})

    assert response.status_code == 200
    assert response.context["list_errors"]
    assert snapshot() == before


def test_moving_the_first_pose_up_leaves_the_order_as_it_was(logged_in, user):
    sequence = own_sequence(user)
    names = order(sequence)

    response = logged_in.post(url("move_item", sequence, 1), {"offset": "-1"}, follow=True)

    assert order(sequence) == names
    assert messages_of(response) == [f"Moved {names[0]} to position 1."]


def test_removing_the_last_pose_lands_on_the_empty_list(logged_in, user):
    sequence = own_sequence(user, poses=1)

    response = logged_in.post(url("remove_item", sequence, 1))

    assert response["Location"] == edit_url(sequence) + "#poses"
    sequence.refresh_from_db()
    assert (sequence.pose_count, sequence.total_duration_seconds) == (0, 0)
    assert "No poses yet." in logged_in.get(edit_url(sequence)).content.decode()


def test_item_actions_refuse_get(logged_in, user):
    sequence = own_sequence(user)
    for address in (
        url("add_pose", sequence),
        url("update_item", sequence, 1),
        url("move_item", sequence, 1),
        url("remove_item", sequence, 1),
    ):
        assert logged_in.get(address).status_code == 405, address


# --- the same actions sent by builder.js ---------------------------------------------


def test_fetch_move_answers_the_totals_instead_of_redirecting(logged_in, user):
    sequence = own_sequence(user)
    names = order(sequence)

    response = logged_in.post(url("move_item", sequence, 1), {"offset": "1"}, **FETCH)

    assert response.status_code == 200
    assert response.json() == {
        "total_seconds": 90,
        "pose_count": 3,
        "message": f"Moved {names[0]} to position 2.",
    }
    assert order(sequence) == [names[1], names[0], names[2]]
    assert not messages_of(logged_in.get(edit_url(sequence)))  # no stale flash message later


def test_fetch_remove_and_update_answer_the_new_totals(logged_in, user):
    sequence = own_sequence(user)

    removed = logged_in.post(url("remove_item", sequence, 3), **FETCH)
    updated = logged_in.post(
        url("update_item", sequence, 1), {"duration_seconds": "45", "side": "both"}, **FETCH
    )

    assert removed.json()["total_seconds"] == 60
    assert removed.json()["pose_count"] == 2
    assert updated.json()["total_seconds"] == 75
    assert updated.json()["message"].startswith("Saved ")


def test_fetch_with_bad_input_answers_400_with_the_errors(logged_in, user):
    sequence = own_sequence(user)
    before = snapshot()

    response = logged_in.post(
        url("update_item", sequence, 1), {"duration_seconds": "0", "side": "both"}, **FETCH
    )

    assert response.status_code == 400
    assert response.json() == {"errors": ["Pose #1: hold must be 5–600 seconds."]}
    assert snapshot() == before


# --- duplicate ------------------------------------------------------------------------


def test_duplicate_a_curated_sequence_makes_a_private_copy_to_edit(logged_in, user):
    curated = SequenceFactory(title="Sun Salutation A", poses=4)

    response = logged_in.post(url("duplicate", curated), follow=True)

    copy = Sequence.objects.get(author=user)
    assert response.redirect_chain == [(edit_url(copy) + "#poses", 302)]
    assert messages_of(response) == ["Copied “Sun Salutation A” — make it yours."]
    assert (copy.title, copy.visibility, copy.copied_from) == (
        "Sun Salutation A (my copy)",
        "private",
        curated,
    )
    assert order(copy) == order(curated)
    assert copy.total_duration_seconds == curated.total_duration_seconds


def test_duplicate_another_users_public_sequence(logged_in, user, other_user):
    shared = SequenceFactory(author=other_user, visibility="public")

    response = logged_in.post(url("duplicate", shared))

    assert response.status_code == 302
    assert Sequence.objects.get(author=user).copied_from == shared


def test_duplicate_by_get_asks_first_and_writes_nothing(logged_in):
    curated = SequenceFactory(title="Bedtime Yin")

    response = logged_in.get(url("duplicate", curated))

    assert response.status_code == 200
    assert "Make your own copy of “Bedtime Yin”?" in response.content.decode()
    assert Sequence.objects.count() == 1


def test_duplicate_of_a_sequence_with_an_unpublished_pose_says_why_and_writes_nothing(
    logged_in,
):
    retired = PoseFactory()
    curated = SequenceFactory(poses=[retired, PoseFactory()])
    retired.is_published = False
    retired.save()
    before = snapshot()

    response = logged_in.post(url("duplicate", curated), follow=True)

    assert response.redirect_chain[0][0] == curated.get_absolute_url()
    assert "cannot be copied" in messages_of(response)[0]
    assert snapshot() == before


# --- delete ---------------------------------------------------------------------------


def test_delete_asks_for_confirmation_first(logged_in, user):
    sequence = own_sequence(user, title="Evening wind-down", visibility="public")

    response = logged_in.get(url("delete", sequence))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Delete “Evening wind-down”?" in html
    assert "It is public" in html
    assert Sequence.objects.filter(pk=sequence.pk).exists()


# --- who may do what --------------------------------------------------------------------


def builder_requests(sequence) -> list[tuple[str, str, dict]]:
    """Every builder page and action on one sequence, as (method, url, data)."""
    pose = PoseFactory()
    return [
        ("get", url("edit", sequence), {}),
        ("post", url("edit", sequence), DETAILS),
        ("post", url("add_pose", sequence), {"pose": pose.slug}),
        ("post", url("update_item", sequence, 1), {"duration_seconds": "40", "side": "both"}),
        ("post", url("move_item", sequence, 1), {"offset": "1"}),
        ("post", url("remove_item", sequence, 1), {}),
        ("get", url("delete", sequence), {}),
        ("post", url("delete", sequence), {}),
    ]


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_is_written(client, user):
    sequence = own_sequence(user)
    before = snapshot()
    requests = [
        ("get", MINE_URL, {}),
        ("get", CREATE_URL, {}),
        ("post", CREATE_URL, DETAILS),
        ("post", url("duplicate", sequence), {}),
        *builder_requests(sequence),
    ]

    for method, address, data in requests:
        response = getattr(client, method)(address, data)
        assert response.status_code == 302, (method, address)
        assert response["Location"].startswith(reverse("accounts:login") + "?next="), address
    assert snapshot()[0] == before[0]
    assert SequencePose.objects.count() == 3


@pytest.mark.parametrize("visibility", ["private", "public"])
def test_another_user_gets_404_on_every_builder_action(client, user, other_user, visibility):
    sequence = own_sequence(user, visibility=visibility)
    requests = builder_requests(sequence)
    before = snapshot()
    client.force_login(other_user)

    for method, address, data in requests:
        response = getattr(client, method)(address, data)
        assert response.status_code == 404, (method, address)
    assert snapshot() == before


def test_another_users_private_sequence_cannot_be_duplicated(client, user, other_user):
    sequence = own_sequence(user)
    client.force_login(other_user)

    assert client.get(url("duplicate", sequence)).status_code == 404
    assert client.post(url("duplicate", sequence)).status_code == 404
    assert not Sequence.objects.filter(author=other_user).exists()


def test_staff_are_not_special_here_404_on_a_users_sequence(client, user, staff_user):
    sequence = own_sequence(user)
    requests = builder_requests(sequence)
    before = snapshot()
    client.force_login(staff_user)

    for method, address, data in requests:
        assert getattr(client, method)(address, data).status_code == 404, (method, address)
    assert client.post(url("duplicate", sequence)).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("who", ["user", "staff_user"])
def test_curated_sequences_cannot_be_edited_or_deleted_here(client, request, who):
    curated = SequenceFactory()
    requests = builder_requests(curated)
    before = snapshot()
    client.force_login(request.getfixturevalue(who))

    for method, address, data in requests:
        assert getattr(client, method)(address, data).status_code == 404, (method, address)
    assert snapshot() == before


def test_the_owner_may_duplicate_their_own_private_sequence(logged_in, user):
    sequence = own_sequence(user, title="Mine")

    logged_in.post(url("duplicate", sequence))

    assert Sequence.objects.filter(author=user, title="Mine (my copy)").exists()


# --- queries: constant whatever the number of sequences and poses -------------------------

# session, user, then: count + one page of sequences / the sequence + its poses + the picker.
MINE_QUERIES = 4
EDIT_QUERIES = 5


@pytest.mark.parametrize("count", [10, 500])
def test_mine_runs_a_bounded_number_of_queries(
    logged_in, user, count, django_assert_max_num_queries
):
    SequenceFactory.create_batch(count, author=user, poses=0)

    with django_assert_max_num_queries(MINE_QUERIES):
        response = logged_in.get(MINE_URL)

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == count


@pytest.mark.parametrize(("sequences", "poses"), [(10, 3), (500, 3), (10, 60), (500, 60)])
def test_edit_page_runs_a_bounded_number_of_queries(
    logged_in, user, sequences, poses, django_assert_max_num_queries
):
    SequenceFactory.create_batch(sequences - 1, author=user, poses=0)
    library = PoseFactory.create_batch(poses)
    sequence = own_sequence(user, poses=library)

    with django_assert_max_num_queries(EDIT_QUERIES):
        response = logged_in.get(edit_url(sequence))

    assert response.status_code == 200
    assert len(response.context["rows"]) == poses


# --- figures: each row drawn on the side chosen, and every pose in the picker --------------


def test_each_row_shows_its_figure_on_the_side_chosen_and_both_to_switch_to(logged_in, user):
    tree, pigeon = PoseFactory(is_bilateral=True), PoseFactory(is_bilateral=True)
    sequence = SequenceFactory(author=user, poses=0)
    from sequences.services import save_sequence

    save_sequence(
        author=user,
        sequence=sequence,
        poses=[
            {"pose": tree, "duration_seconds": 30, "side": "both"},
            {"pose": pigeon, "duration_seconds": 30, "side": "left"},
        ],
    )

    page = logged_in.get(edit_url(sequence)).content.decode()

    rows = re.findall(r'<span class="builder-item__figure"([^>]*)><img[^>]+src="([^"]+)"', page)
    assert [src for _, src in rows] == [tree.figure_src, pigeon.figure_left_src]
    for (attributes, _), pose in zip(rows, (tree, pigeon), strict=True):
        assert f'data-right="{pose.figure_src}"' in attributes
        assert f'data-left="{pose.figure_left_src}"' in attributes


def test_the_picker_shows_each_pose_with_its_figure(logged_in, user):
    crow = PoseFactory(name_en="Crow")
    sequence = own_sequence(user, poses=0)

    page = logged_in.get(edit_url(sequence), {"q": "crow"}).content.decode()

    result = re.search(r'<li class="builder-result">(.*?)</li>', page, re.S).group(1)
    assert f'src="{crow.figure_src}"' in result and 'alt=""' in result
