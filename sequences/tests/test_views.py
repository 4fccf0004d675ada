"""The sequence pages (catalogue, detail, favorite toggle, favorites), through the test client."""

import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from sequences.models import Favorite, Sequence, SequencePose, Side, Visibility
from sequences.services import save_sequence
from sequences.tests.factories import FavoriteFactory, SequenceFactory
from sequences.views import SEQUENCES_PER_PAGE

pytestmark = pytest.mark.django_db

CATALOG_URL = reverse("sequences:catalog")
FAVORITES_URL = reverse("sequences:favorites")
LOGIN_URL = reverse("accounts:login")


def html(response) -> str:
    return response.content.decode()


def shown(response) -> list[str]:
    return [sequence.slug for sequence in response.context["page_obj"]]


def detail_url(sequence) -> str:
    return reverse("sequences:detail", kwargs={"slug": sequence.slug})


def favorite_url(sequence) -> str:
    return reverse("sequences:favorite", kwargs={"slug": sequence.slug})


def flash(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def bulk_sequences(count: int, *, pose, author=None, **fields) -> list[Sequence]:
    """Many public sequences of 3 holds of `pose` in a few queries (the query-bound tests' rows)."""
    sequences = Sequence.objects.bulk_create(
        Sequence(
            slug=f"bulk-{author and author.pk}-{index}",
            title=f"Bulk flow {index:04d}",
            author=author,
            visibility=Visibility.PUBLIC,
            pose_count=3,
            total_duration_seconds=90,
            **fields,
        )
        for index in range(count)
    )
    SequencePose.objects.bulk_create(
        SequencePose(sequence=sequence, pose=pose, position=position, duration_seconds=30)
        for sequence in sequences
        for position in (1, 2, 3)
    )
    return sequences


# --- catalogue ----------------------------------------------------------------


def test_catalogue_shows_curated_and_public_sequences_to_visitors(client, user, other_user):
    SequenceFactory(slug="curated", title="Sun Salutation A")
    SequenceFactory(slug="shared", author=other_user, visibility=Visibility.PUBLIC)
    SequenceFactory(slug="secret", author=other_user)

    response = client.get(CATALOG_URL)

    assert response.status_code == 200
    assert sorted(shown(response)) == ["curated", "shared"]
    assert "Sun Salutation A" in html(response)


def test_catalogue_adds_the_users_own_private_sequences_never_anyone_elses(
    member_client, user, other_user
):
    SequenceFactory(slug="mine", author=user)
    SequenceFactory(slug="theirs", author=other_user)

    assert shown(member_client.get(CATALOG_URL)) == ["mine"]


def test_catalogue_card_shows_the_facts_and_who_made_it(member_client, user, other_user):
    other_user.display_name = "Priya"
    other_user.save()
    SequenceFactory(title="Curated flow", style="yin", difficulty="advanced", focus="hips", poses=4)
    SequenceFactory(title="Shared flow", author=other_user, visibility=Visibility.PUBLIC)
    SequenceFactory(title="My flow", author=user)

    page = html(member_client.get(CATALOG_URL))

    curated = re.search(
        r'<li class="sequence-card[^"]*">(?:(?!</li>\s*<li).)*Curated flow.*?</dl>', page, re.S
    )
    card = curated.group(0)
    for text in ["Yin", "by YogaFlow", "2 min", "<dd>4</dd>", "Advanced", "Hips"]:
        assert text in card, text
    assert "by Priya" in page
    assert "by You" in page
    assert other_user.email not in page


def test_a_nameless_author_is_never_shown_by_email(client, other_user):
    other_user.display_name = ""
    other_user.save()
    SequenceFactory(author=other_user, visibility=Visibility.PUBLIC)

    page = html(client.get(CATALOG_URL))

    assert "by A YogaFlow member" in page
    assert other_user.email.split("@")[0] not in page


def test_catalogue_cards_show_the_favorite_state(member_client, user):
    loved = SequenceFactory(title="Loved")
    SequenceFactory(title="Not yet")
    FavoriteFactory(user=user, sequence=loved)

    page = html(member_client.get(CATALOG_URL))

    assert 'aria-label="Favorite: Loved"' in page
    assert re.search(r'aria-pressed="true" aria-label="Favorite: Loved"', page)
    assert re.search(r'aria-pressed="false" aria-label="Favorite: Not yet"', page)


def test_visitors_get_no_favorite_forms_on_the_catalogue(client):
    SequenceFactory()

    page = html(client.get(CATALOG_URL))

    assert "csrfmiddlewaretoken" not in page
    assert "aria-pressed" not in page


def test_catalogue_filters_through_the_query_string(client):
    SequenceFactory(slug="yin-hips", title="Yin hips", style="yin", focus="hips", poses=20)
    SequenceFactory(slug="power-core", title="Power core", style="power", focus="core", poses=4)
    SequenceFactory(
        slug="yin-back", title="Yin back", style="yin", focus="back", difficulty="advanced"
    )

    assert shown(client.get(CATALOG_URL, {"style": "yin"})) == ["yin-back", "yin-hips"]
    assert shown(client.get(CATALOG_URL, {"focus": "core"})) == ["power-core"]
    assert shown(client.get(CATALOG_URL, {"difficulty": "advanced"})) == ["yin-back"]
    assert shown(client.get(CATALOG_URL, {"q": "hips"})) == ["yin-hips"]
    assert shown(client.get(CATALOG_URL, {"min_minutes": 5})) == ["yin-hips"]
    assert shown(client.get(CATALOG_URL, {"max_minutes": 2})) == ["power-core", "yin-back"]
    assert shown(client.get(CATALOG_URL, {"sort": "longest"})) == [
        "yin-hips",
        "power-core",
        "yin-back",
    ]


def test_catalogue_scope_mine_and_curated(member_client, user, other_user):
    SequenceFactory(slug="curated")
    SequenceFactory(slug="mine", author=user)
    SequenceFactory(slug="shared", author=other_user, visibility=Visibility.PUBLIC)

    assert shown(member_client.get(CATALOG_URL, {"scope": "mine"})) == ["mine"]
    assert shown(member_client.get(CATALOG_URL, {"scope": "curated"})) == ["curated"]
    assert shown(member_client.get(CATALOG_URL, {"scope": "community"})) == ["shared"]


def test_scope_mine_invites_visitors_to_log_in(client):
    SequenceFactory()

    response = client.get(CATALOG_URL, {"scope": "mine"})

    assert shown(response) == []
    assert f'href="{LOGIN_URL}?next=' in html(response)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"style": "aerial"}, "style"),
        ({"difficulty": "expert"}, "difficulty"),
        ({"focus": "aura"}, "focus"),
        ({"min_minutes": "ten"}, "min_minutes"),
        ({"max_minutes": "-5"}, "max_minutes"),
        ({"min_minutes": "30", "max_minutes": "10"}, "max_minutes"),
        ({"scope": "everyone"}, "scope"),
        ({"sort": "random"}, "sort"),
    ],
)
def test_invalid_catalogue_filters_answer_200_with_the_error_on_the_form(client, query, field):
    SequenceFactory()

    response = client.get(CATALOG_URL, query)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert response.context["page_obj"] is None
    assert 'role="alert"' in html(response)
    assert html(response).count('aria-invalid="true"') == 1


def test_catalogue_pages_hold_20_and_page_links_keep_the_filters(client):
    pose = PoseFactory()
    bulk_sequences(SEQUENCES_PER_PAGE + 5, pose=pose, style="yin")
    bulk_sequences(3, pose=pose, author=UserFactory(), style="power")

    first = client.get(CATALOG_URL, {"style": "yin", "sort": "newest"})
    second = client.get(CATALOG_URL, {"style": "yin", "sort": "newest", "page": "2"})

    assert len(first.context["page_obj"]) == SEQUENCES_PER_PAGE == 20
    assert len(second.context["page_obj"]) == 5
    assert 'href="?style=yin&amp;sort=newest&amp;page=2"' in html(first)
    assert 'href="?style=yin&amp;sort=newest&amp;page=1"' in html(second)
    assert "25 sequences, page 1 of 2" in html(first)


def test_catalogue_out_of_range_page_shows_the_last_page(client):
    bulk_sequences(SEQUENCES_PER_PAGE + 1, pose=PoseFactory())

    response = client.get(CATALOG_URL, {"page": "7"})

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2


@pytest.mark.parametrize("count", [10, 500])
@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_catalogue_runs_a_constant_number_of_queries(
    client, user, django_assert_num_queries, count, logged_in
):
    pose = PoseFactory()
    sequences = bulk_sequences(count, pose=pose)
    bulk_sequences(count // 2, pose=pose, author=UserFactory())
    Favorite.objects.bulk_create(Favorite(user=user, sequence=s) for s in sequences[::2])
    if logged_in:
        client.force_login(user)

    # Exactly: a card reading a field its query left out would add one per card. The first
    # page reads its count with its rows (yogaflow.core.paging.WindowPaginator).
    with django_assert_num_queries(3 if logged_in else 1):  # (session, user,) page and count
        response = client.get(CATALOG_URL, {"sort": "popular"})

    assert response.status_code == 200
    assert len(response.context["page_obj"]) == min(SEQUENCES_PER_PAGE, count * 3 // 2)


# --- detail -------------------------------------------------------------------


@pytest.fixture
def flow(user):
    """The user's private sequence: a bilateral pose on both sides, one left side, one symmetric."""
    lizard = PoseFactory(name_en="Lizard", is_bilateral=True)
    pigeon = PoseFactory(name_en="Pigeon", is_bilateral=True)
    child = PoseFactory(name_en="Child's Pose", is_bilateral=False)
    return save_sequence(
        author=user,
        title="Hip opener",
        description="Slow and deep.",
        style="yin",
        focus="hips",
        poses=[
            {"pose": lizard, "duration_seconds": 65, "side": Side.BOTH, "cue": "Sink the hips"},
            {"pose": pigeon, "duration_seconds": 120, "side": Side.LEFT},
            {"pose": child, "duration_seconds": 30, "side": Side.BOTH},
        ],
    )


def test_detail_lists_the_poses_in_order_with_holds_sides_and_cues(member_client, flow):
    response = member_client.get(detail_url(flow))

    assert response.status_code == 200
    page = html(response)
    steps = re.findall(r'<li class="storyboard__step"[^>]*>(.*?)</li>', page, re.S)
    assert len(steps) == 3
    assert "Lizard" in steps[0] and "1:05</time>" in steps[0] and "each side" in steps[0]
    assert "Sink the hips" in steps[0]
    assert "Pigeon" in steps[1] and "2:00</time>" in steps[1] and "left side" in steps[1]
    assert "Child&#x27;s Pose" in steps[2] and "0:30</time>" in steps[2]
    assert "side" not in re.sub(r"<[^>]+>", "", steps[2])
    for item in flow.items.all():
        assert f'href="{item.pose.get_absolute_url()}"' in page
    # 65 × 2 + 120 + 30 = 280 s
    assert '<time datetime="PT4M40S">4:40</time>' in page


def test_detail_is_a_storyboard_of_figures_mirrored_for_a_left_step(member_client, flow):
    page = html(member_client.get(detail_url(flow)))

    lizard, pigeon, child = (item.pose for item in flow.items.all())
    pictures = re.findall(r'<img class="pose-picture pose-picture--step[^"]*" src="([^"]+)"', page)
    assert pictures == [
        lizard.figure_src,  # both sides: drawn on the right, "each side" beside it
        pigeon.figure_left_src,  # the left side: the mirror image
        child.figure_src,
    ]
    steps = re.findall(r'<li class="storyboard__step"[^>]*data-side="(\w+)"', page)
    assert steps == ["both", "left", "both"]
    assert "/static/img/poses/" not in page


def test_detail_offers_the_printable_sheet(member_client, flow):
    page = html(member_client.get(detail_url(flow)))

    assert f'href="{reverse("sequences:print", args=[flow.slug])}"' in page
    assert "Print this sequence" in page


def test_detail_start_practice_links_to_the_guided_player(client, flow):
    flow.visibility = Visibility.PUBLIC
    flow.save()

    page = html(client.get(detail_url(flow)))

    link = re.search(r'<a[^>]*id="start-practice"[^>]*>(.*?)</a>', page, re.S)
    assert link and "Start practice" in link.group(1)
    assert f'href="{reverse("practice:player", args=[flow.slug])}"' in link.group(0)
    assert "coming soon" not in page


def test_detail_actions_depend_on_who_is_looking(client, user, other_user, flow):
    flow.visibility = Visibility.PUBLIC
    flow.save()
    edit_url = reverse("sequences:edit", kwargs={"slug": flow.slug})
    duplicate_url = reverse("sequences:duplicate", kwargs={"slug": flow.slug})

    anonymous = html(client.get(detail_url(flow)))
    client.force_login(other_user)
    stranger = html(client.get(detail_url(flow)))
    client.force_login(user)
    owner = html(client.get(detail_url(flow)))

    assert f'action="{favorite_url(flow)}"' not in anonymous
    assert f'href="{LOGIN_URL}?next=' in anonymous
    assert duplicate_url not in anonymous and edit_url not in anonymous
    assert f'action="{favorite_url(flow)}"' in stranger
    assert f'action="{duplicate_url}"' in stranger
    assert edit_url not in stranger
    assert f'href="{edit_url}"' in owner and f'action="{duplicate_url}"' in owner


@pytest.mark.parametrize(
    ("viewer", "status"),
    [("anonymous", 404), ("owner", 200), ("other", 404), ("staff", 404)],
)
def test_detail_of_a_private_sequence_by_viewer(
    client, user, other_user, staff_user, viewer, status
):
    sequence = SequenceFactory(author=user, visibility=Visibility.PRIVATE)
    people = {"owner": user, "other": other_user, "staff": staff_user}
    if viewer in people:
        client.force_login(people[viewer])

    assert client.get(detail_url(sequence)).status_code == status


@pytest.mark.parametrize("viewer", ["anonymous", "owner", "other", "staff"])
def test_public_and_curated_sequences_are_open_to_everyone(
    client, user, other_user, staff_user, viewer
):
    shared = SequenceFactory(author=user, visibility=Visibility.PUBLIC)
    curated = SequenceFactory()
    people = {"owner": user, "other": other_user, "staff": staff_user}
    if viewer in people:
        client.force_login(people[viewer])

    assert client.get(detail_url(shared)).status_code == 200
    assert client.get(detail_url(curated)).status_code == 200


def test_unknown_sequence_is_404(client):
    assert client.get(reverse("sequences:detail", kwargs={"slug": "nope"})).status_code == 404


@pytest.mark.parametrize("pose_count", [5, 100])
@pytest.mark.parametrize("sequence_count", [10, 500])
def test_detail_runs_a_constant_number_of_queries(
    member_client, user, django_assert_num_queries, pose_count, sequence_count
):
    pose = PoseFactory()
    bulk_sequences(sequence_count, pose=pose)
    sequence = SequenceFactory(author=user, poses=PoseFactory.create_batch(pose_count))

    with django_assert_num_queries(4):  # session, user, sequence, its poses
        response = member_client.get(detail_url(sequence))

    assert html(response).count('<li class="storyboard__step"') == pose_count
    assert html(response).count('class="pose-picture pose-picture--step') == pose_count


# --- the printable sheet ----------------------------------------------------------


def print_url(sequence) -> str:
    return reverse("sequences:print", kwargs={"slug": sequence.slug})


def test_the_sheet_draws_every_figure_into_the_page_with_names_holds_sides_and_cues(
    member_client, flow
):
    response = member_client.get(print_url(flow))

    assert response.status_code == 200
    page = html(response)
    steps = re.findall(r'<li class="storyboard__step"[^>]*>(.*?)</li>', page, re.S)
    assert len(steps) == 3
    assert all(step.count("<svg") == 1 for step in steps)  # inline: nothing left to load
    assert "<title>Pigeon, left side</title>" in steps[1] and "left side" in steps[1]
    assert "each side" in steps[0] and "Sink the hips" in steps[0]
    assert "<a " not in "".join(steps)  # paper has no links
    assert "Hip opener" in page and "4:40" in page and "3 poses" in page
    assert 'class="print-sheet"' in page and "storyboard--compact" not in page
    assert "js/print-sheet.js" in page


def test_a_long_sequence_prints_in_the_dense_layout(member_client, user):
    sequence = SequenceFactory(author=user, poses=PoseFactory.create_batch(30))

    page = html(member_client.get(print_url(sequence)))

    assert "print-sheet--compact" in page and "storyboard--compact" in page
    assert page.count("<svg") == 30


def test_the_sheet_is_for_whoever_may_see_the_sequence(client, other_user, flow):
    assert client.get(print_url(flow)).status_code == 404  # private to its author
    client.force_login(other_user)
    assert client.get(print_url(flow)).status_code == 404
    flow.visibility = Visibility.PUBLIC
    flow.save()
    assert client.get(print_url(flow)).status_code == 200


@pytest.mark.parametrize("pose_count", [5, 100])
def test_the_sheet_runs_a_constant_number_of_queries(
    member_client, user, django_assert_max_num_queries, pose_count
):
    sequence = SequenceFactory(author=user, poses=PoseFactory.create_batch(pose_count))

    with django_assert_max_num_queries(4):  # session, user, sequence, its poses
        response = member_client.get(print_url(sequence))

    assert html(response).count("<svg") == pose_count


# --- favorite toggle ------------------------------------------------------------


def test_favoriting_marks_it_says_so_and_goes_back_to_the_page(member_client, user):
    sequence = SequenceFactory(title="Evening calm")

    response = member_client.post(
        favorite_url(sequence), {"favorite": "1", "next": f"{CATALOG_URL}?style=yin"}
    )

    assert response.status_code == 302
    assert response.url == f"{CATALOG_URL}?style=yin"
    assert Favorite.objects.filter(user=user, sequence=sequence).exists()
    assert flash(response) == ["Added “Evening calm” to your favorites."]


def test_favoriting_twice_keeps_one_favorite(member_client, user):
    sequence = SequenceFactory()

    member_client.post(favorite_url(sequence), {"favorite": "1"})
    member_client.post(favorite_url(sequence), {"favorite": "1"})

    assert Favorite.objects.filter(user=user, sequence=sequence).count() == 1


def test_unfavoriting_removes_only_this_users_favorite(member_client, user, other_user):
    sequence = SequenceFactory(title="Evening calm")
    FavoriteFactory(user=user, sequence=sequence)
    FavoriteFactory(user=other_user, sequence=sequence)

    response = member_client.post(favorite_url(sequence), {"favorite": "0"})

    assert response.url == detail_url(sequence)
    assert list(Favorite.objects.values_list("user", flat=True)) == [other_user.pk]
    assert flash(response) == ["Removed “Evening calm” from your favorites."]


@pytest.mark.parametrize(
    "next_url", ["https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)", ""]
)
def test_favorite_never_redirects_off_site(member_client, next_url):
    sequence = SequenceFactory()

    response = member_client.post(favorite_url(sequence), {"favorite": "1", "next": next_url})

    assert response.url == detail_url(sequence)


@pytest.mark.parametrize("value", ["", "yes", "2", "true"])
def test_favorite_with_a_value_other_than_1_or_0_is_a_bad_request(member_client, value):
    sequence = SequenceFactory()

    response = member_client.post(favorite_url(sequence), {"favorite": value})

    assert response.status_code == 400
    assert not Favorite.objects.exists()


def test_anonymous_favorite_goes_to_login_and_back_to_the_sequence(client):
    sequence = SequenceFactory()

    response = client.post(favorite_url(sequence), {"favorite": "1"})

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next={detail_url(sequence)}"
    assert not Favorite.objects.exists()


def test_favorite_answers_get_with_405(member_client):
    sequence = SequenceFactory()

    assert member_client.get(favorite_url(sequence)).status_code == 405
    assert not Favorite.objects.exists()


@pytest.mark.parametrize(
    ("viewer", "status"),
    [("owner", 302), ("other", 404), ("staff", 404)],
)
def test_favorite_of_a_private_sequence_by_viewer(
    client, user, other_user, staff_user, viewer, status
):
    sequence = SequenceFactory(author=user)
    person = {"owner": user, "other": other_user, "staff": staff_user}[viewer]
    client.force_login(person)

    response = client.post(favorite_url(sequence), {"favorite": "1"})

    assert response.status_code == status
    assert Favorite.objects.filter(user=person).exists() == (status == 302)


def test_favorite_needs_a_csrf_token(user):
    sequence = SequenceFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(favorite_url(sequence), {"favorite": "1"})

    assert response.status_code == 403
    assert not Favorite.objects.exists()


def test_favorite_form_on_the_detail_page_round_trips(member_client, user):
    sequence = SequenceFactory()
    page = html(member_client.get(detail_url(sequence)))
    assert 'name="favorite" value="1"' in page and 'aria-pressed="false"' in page

    member_client.post(favorite_url(sequence), {"favorite": "1", "next": detail_url(sequence)})
    page = html(member_client.get(detail_url(sequence)))

    assert 'name="favorite" value="0"' in page and 'aria-pressed="true"' in page
    assert "Added “" in page  # the message shows on the page it went back to


# --- my favorites ---------------------------------------------------------------


def test_favorites_needs_a_login(client):
    response = client.get(FAVORITES_URL)

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next={FAVORITES_URL}"


def test_favorites_lists_the_users_favorites_most_recent_first(member_client, user, other_user):
    older, newer, not_mine = SequenceFactory.create_batch(3)
    FavoriteFactory(user=user, sequence=older)
    FavoriteFactory(user=user, sequence=newer)
    FavoriteFactory(user=other_user, sequence=not_mine)

    response = member_client.get(FAVORITES_URL)

    assert shown(response) == [newer.slug, older.slug]
    assert "2 favorites" in html(response)
    assert html(response).count('aria-pressed="true"') == 2


def test_favorites_empty_state_points_to_the_catalogue(member_client):
    page = html(member_client.get(FAVORITES_URL))

    assert "No favorites yet." in page
    assert f'href="{CATALOG_URL}"' in page


def test_favorites_are_paginated(member_client, user):
    sequences = bulk_sequences(SEQUENCES_PER_PAGE + 3, pose=PoseFactory())
    Favorite.objects.bulk_create(Favorite(user=user, sequence=s) for s in sequences)

    response = member_client.get(FAVORITES_URL, {"page": 2})

    assert len(response.context["page_obj"]) == 3
    assert 'href="?page=1"' in html(response)


@pytest.mark.parametrize("count", [10, 500])
def test_favorites_runs_a_constant_number_of_queries(
    member_client, user, django_assert_num_queries, count
):
    sequences = bulk_sequences(count, pose=PoseFactory())
    Favorite.objects.bulk_create(Favorite(user=user, sequence=s) for s in sequences)

    with django_assert_num_queries(3):  # session, user, the page and its count
        response = member_client.get(FAVORITES_URL)

    assert len(response.context["page_obj"]) == min(count, SEQUENCES_PER_PAGE)


# --- navigation -----------------------------------------------------------------


def test_navigation_links_to_the_library_for_everyone_and_to_members_pages(client, user):
    anonymous = html(client.get("/"))
    client.force_login(user)
    member = html(client.get(CATALOG_URL))

    for url in (reverse("poses:library"), CATALOG_URL):
        assert f'href="{url}"' in anonymous
    assert f'href="{FAVORITES_URL}"' not in anonymous
    assert f'href="{FAVORITES_URL}"' in member
    assert f'href="{reverse("sequences:mine")}"' in member
    assert f'<a href="{CATALOG_URL}" aria-current="page">Sequences</a>' in member
