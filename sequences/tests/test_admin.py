"""Staff sequence screens: the list, inline pose edits keeping totals right, read-only favorites."""

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from sequences.admin import format_duration
from sequences.models import MAX_POSES_PER_SEQUENCE, Sequence, Visibility
from sequences.tests.factories import FavoriteFactory, SequenceFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:sequences_sequence_changelist")
ADD = reverse("admin:sequences_sequence_add")


def change_url(sequence):
    return reverse("admin:sequences_sequence_change", args=[sequence.pk])


def sequence_data(sequence: Sequence | None = None, **fields) -> dict:
    data = {
        "title": sequence.title if sequence else "Evening Unwind",
        "slug": sequence.slug if sequence else "evening-unwind",
        "description": sequence.description if sequence else "",
        "difficulty": sequence.difficulty if sequence else "beginner",
        "focus": sequence.focus if sequence else "relaxation",
        "style": sequence.style if sequence else "yin",
        "visibility": sequence.visibility if sequence else "public",
        **fields,
    }
    return data


def inline_data(rows: list[dict], *, initial: int = 0) -> dict:
    """The POST fields of the SequencePose inline (prefix "items")."""
    data = {
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": str(initial),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": str(MAX_POSES_PER_SEQUENCE),
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"items-{index}-{key}"] = "" if value is None else value
    return data


def existing_rows(sequence: Sequence) -> list[dict]:
    return [
        {
            "id": item.pk,
            "sequence": sequence.pk,
            "position": item.position,
            "pose": item.pose_id,
            "duration_seconds": item.duration_seconds,
            "side": item.side,
            "cue": item.cue,
        }
        for item in sequence.items.order_by("position")
    ]


def post_inline(client, sequence, rows):
    data = {**sequence_data(sequence), **inline_data(rows, initial=sequence.items.count())}
    return client.post(change_url(sequence), data)


def form_errors(response):
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    return (
        response.context["adminform"].form.errors,
        [formset.errors for formset in formsets],
        [formset.non_form_errors() for formset in formsets],
    )


# --- list -----------------------------------------------------------------------


def test_format_duration_is_minutes_and_seconds():
    assert [format_duration(s) for s in (0, 5, 65, 3600, 4530)] == [
        "0:00",
        "0:05",
        "1:05",
        "60:00",
        "75:30",
    ]


def test_changelist_shows_author_or_curated_pose_count_and_duration(admin_client):
    SequenceFactory(title="Sun A", poses=[PoseFactory(), PoseFactory()])  # 2 × 30 s
    SequenceFactory(title="Mine", author=UserFactory(email="asha@example.com"))

    response = admin_client.get(CHANGELIST)

    content = response.content.decode()
    assert "Curated" in content
    assert "asha@example.com" in content
    assert '<td class="field-duration">1:00</td>' in content
    assert '<td class="field-pose_count">2</td>' in content


@pytest.mark.parametrize("rows", [10, 500])
def test_changelist_runs_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries, rows
):
    poses = PoseFactory.create_batch(3)
    authors = UserFactory.create_batch(3)
    for index in range(rows):
        SequenceFactory(poses=poses, author=authors[index % 3] if index % 2 else None)

    with django_assert_max_num_queries(6):
        response = admin_client.get(CHANGELIST)

    assert response.status_code == 200


def test_changelist_filters_curated_and_searches_titles(admin_client):
    SequenceFactory(title="Morning Flow")
    SequenceFactory(title="Morning Mine", author=UserFactory())

    response = admin_client.get(CHANGELIST, {"source": "curated", "q": "morning"})

    assert [s.title for s in response.context["cl"].result_list] == ["Morning Flow"]


# --- change and add pages ------------------------------------------------------


@pytest.mark.parametrize("pose_count", [3, 60])
def test_change_page_with_its_poses_runs_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries, pose_count
):
    sequence = SequenceFactory(poses=pose_count)

    with django_assert_max_num_queries(7):
        response = admin_client.get(change_url(sequence))

    assert response.status_code == 200
    assert response.content.count(b'name="items-') >= pose_count * 5
    first = sequence.items.get(position=1).pose
    assert f'<option value="{first.pk}" selected>{first.name_en}</option>'.encode() in (
        response.content
    )


def test_add_page_offers_an_empty_pose_row(admin_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = admin_client.get(ADD)

    assert response.status_code == 200
    assert b'name="items-0-pose"' in response.content
    assert response.context["adminform"].form.initial["visibility"] == Visibility.PUBLIC


def test_staff_create_a_curated_sequence_with_its_poses(admin_client):
    one_sided = PoseFactory(is_bilateral=True)
    symmetric = PoseFactory()
    data = {
        **sequence_data(),
        **inline_data(
            [
                {"position": 2, "pose": symmetric.pk, "duration_seconds": 60, "side": "both"},
                {"position": 1, "pose": one_sided.pk, "duration_seconds": 30, "side": "both"},
            ]
        ),
    }

    response = admin_client.post(ADD, data)

    assert response.status_code == 302, form_errors(response)
    sequence = Sequence.objects.get(slug="evening-unwind")
    assert sequence.author is None
    assert sequence.visibility == Visibility.PUBLIC
    assert list(sequence.items.values_list("pose_id", "position")) == [
        (one_sided.pk, 1),
        (symmetric.pk, 2),
    ]
    assert (sequence.pose_count, sequence.total_duration_seconds) == (2, 30 * 2 + 60)


def test_a_form_post_may_carry_every_row_of_the_longest_sequence():
    # 8 fields a row (id, sequence, position, pose, hold, side, cue, delete), a blank row more,
    # the sequence's own fields and the management form.
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS >= (MAX_POSES_PER_SEQUENCE + 1) * 8 + 50


def test_staff_save_a_sequence_of_the_most_poses_and_not_one_more(admin_client):
    pose = PoseFactory()
    rows = [
        {"position": n, "pose": pose.pk, "duration_seconds": 30, "side": "both"}
        for n in range(1, MAX_POSES_PER_SEQUENCE + 2)
    ]

    refused = admin_client.post(ADD, {**sequence_data(), **inline_data(rows)})

    assert refused.status_code == 200
    assert not Sequence.objects.exists()

    response = admin_client.post(ADD, {**sequence_data(), **inline_data(rows[:-1])})

    assert response.status_code == 302, form_errors(response)
    sequence = Sequence.objects.get(slug="evening-unwind")
    assert sequence.pose_count == sequence.items.count() == MAX_POSES_PER_SEQUENCE == 150
    assert admin_client.get(change_url(sequence)).status_code == 200
    # Saved again from its change page, every row as the browser posts it (7 fields a row).
    edited = post_inline(admin_client, sequence, existing_rows(sequence))
    assert edited.status_code == 302, form_errors(edited)


# --- inline edits keep the totals right ------------------------------------------


def test_changing_a_hold_in_the_inline_recomputes_the_total(admin_client):
    sequence = SequenceFactory(poses=3)  # 3 × 30 s
    rows = existing_rows(sequence)
    rows[1]["duration_seconds"] = 90

    response = post_inline(admin_client, sequence, rows)

    assert response.status_code == 302, form_errors(response)
    sequence.refresh_from_db()
    assert sequence.total_duration_seconds == 30 + 90 + 30
    assert sequence.pose_count == 3


def test_swapping_positions_reorders_the_poses(admin_client):
    first, second, third = PoseFactory.create_batch(3)
    sequence = SequenceFactory(poses=[first, second, third])
    rows = existing_rows(sequence)
    rows[0]["position"], rows[2]["position"] = 3, 1

    response = post_inline(admin_client, sequence, rows)

    assert response.status_code == 302, form_errors(response)
    order = list(sequence.items.order_by("position").values_list("pose_id", "position"))
    assert order == [(third.pk, 1), (second.pk, 2), (first.pk, 3)]


def test_deleting_and_adding_rows_renumbers_and_recounts(admin_client):
    sequence = SequenceFactory(poses=3)
    added = PoseFactory(is_bilateral=True)
    rows = existing_rows(sequence)
    rows[0]["DELETE"] = "on"
    rows.append({"position": None, "pose": added.pk, "duration_seconds": 45, "side": "both"})

    response = post_inline(admin_client, sequence, rows)

    assert response.status_code == 302, form_errors(response)
    sequence.refresh_from_db()
    items = list(sequence.items.order_by("position").values_list("pose_id", "position"))
    assert items == [(rows[1]["pose"], 1), (rows[2]["pose"], 2), (added.pk, 3)]
    assert (sequence.pose_count, sequence.total_duration_seconds) == (3, 30 + 30 + 45 * 2)


def test_an_unpublished_pose_is_refused_and_nothing_changes(admin_client):
    sequence = SequenceFactory(poses=2)
    hidden = PoseFactory(is_published=False)
    rows = existing_rows(sequence)
    rows[0]["pose"] = hidden.pk
    before = list(sequence.items.values_list("pk", "pose_id"))

    response = post_inline(admin_client, sequence, rows)

    assert response.status_code == 200
    assert "Pose #1: no such published pose." in response.content.decode()
    assert list(sequence.items.values_list("pk", "pose_id")) == before


def test_a_hold_out_of_range_is_refused_on_its_row(admin_client):
    sequence = SequenceFactory(poses=2)
    rows = existing_rows(sequence)
    rows[1]["duration_seconds"] = 4

    response = post_inline(admin_client, sequence, rows)

    assert response.status_code == 200
    _, inline_errors, _ = form_errors(response)
    assert "duration_seconds" in inline_errors[0][1]
    sequence.refresh_from_db()
    assert sequence.total_duration_seconds == 60


def test_a_duplicate_position_is_refused(admin_client):
    sequence = SequenceFactory(poses=2)
    rows = existing_rows(sequence)
    rows[1]["position"] = rows[0]["position"]

    response = post_inline(admin_client, sequence, rows)

    assert response.status_code == 200
    assert "Please correct the duplicate data" in response.content.decode()


def test_editing_only_the_title_leaves_the_poses_alone(admin_client):
    sequence = SequenceFactory(poses=2)
    rows = existing_rows(sequence)
    before = list(sequence.items.values_list("pk", flat=True))
    data = {
        **sequence_data(sequence, title="Renamed"),
        **inline_data(rows, initial=2),
    }

    response = admin_client.post(change_url(sequence), data)

    assert response.status_code == 302, form_errors(response)
    sequence.refresh_from_db()
    assert sequence.title == "Renamed"
    assert list(sequence.items.values_list("pk", flat=True)) == before


# --- favorites ------------------------------------------------------------------


def test_favorites_are_read_only_for_staff(admin_client):
    favorite = FavoriteFactory()

    listing = admin_client.get(reverse("admin:sequences_favorite_changelist"))
    add = admin_client.get(reverse("admin:sequences_favorite_add"))
    change = admin_client.post(
        reverse("admin:sequences_favorite_change", args=[favorite.pk]), {"user": favorite.user_id}
    )
    delete = admin_client.post(
        reverse("admin:sequences_favorite_delete", args=[favorite.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    assert favorite.user.email in listing.content.decode()
    assert add.status_code == 403
    assert change.status_code == 403
    assert delete.status_code == 403
    assert favorite.__class__.objects.filter(pk=favorite.pk).exists()


def test_favorites_admin_has_no_add_permission():
    from django.contrib import admin
    from django.test import RequestFactory

    from sequences.models import Favorite

    request = RequestFactory().get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    model_admin = admin.site._registry[Favorite]

    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
    assert model_admin.has_delete_permission(request) is False
    assert model_admin.has_view_permission(request) is True


@pytest.mark.parametrize("rows", [10, 500])
def test_favorites_changelist_runs_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries, rows
):
    sequence = SequenceFactory()
    for user in UserFactory.create_batch(rows):
        FavoriteFactory(user=user, sequence=sequence)

    with django_assert_max_num_queries(8):
        response = admin_client.get(reverse("admin:sequences_favorite_changelist"))

    assert response.status_code == 200
