"""The pose pages, black-box through Django's test client."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from poses import selectors
from poses.models import Category, Difficulty, Pose, PoseRating
from poses.services import rate_pose
from poses.tests.factories import BOX_BREATHING, PoseFactory
from poses.views import POSES_PER_PAGE

pytestmark = pytest.mark.django_db

LIBRARY_URL = reverse("poses:library")


def html(response) -> str:
    return response.content.decode()


def shown_names(response) -> list[str]:
    return [pose.name_en for pose in response.context["page_obj"]]


def detail_url(pose) -> str:
    return reverse("poses:detail", kwargs={"slug": pose.slug})


# --- library ------------------------------------------------------------------


def test_library_shows_published_poses_as_cards_with_names_and_tags(client):
    PoseFactory(
        name_en="Downward-Facing Dog",
        name_sa="Adho Mukha Śvānāsana",
        category=Category.INVERSION,
        difficulty=Difficulty.BEGINNER,
    )
    PoseFactory(name_en="Secret draft", is_published=False)

    response = client.get(LIBRARY_URL)

    assert response.status_code == 200
    page = html(response)
    assert "Downward-Facing Dog" in page
    assert "Adho Mukha Śvānāsana" in page
    assert "Inversion" in page and "Beginner" in page
    assert "Secret draft" not in page
    assert "1 pose" in page


def test_a_card_without_a_photo_shows_its_own_figure_named_by_alt_text(client):
    pose = PoseFactory(slug="bound-angle", name_en="Bound Angle", image_urls=[])

    page = html(client.get(LIBRARY_URL))

    src = re.escape(f"/poses/bound-angle/figure.svg?v={pose.figure_version}")
    assert re.search(rf'<img[^>]+src="{src}"[^>]+alt="Bound Angle"', page)
    assert "/static/img/poses/" not in page


def test_a_card_with_an_image_url_uses_it(client):
    PoseFactory(name_en="Tree", image_urls=["https://images.example.com/tree.jpg"])

    assert 'src="https://images.example.com/tree.jpg"' in html(client.get(LIBRARY_URL))


def test_library_search_is_accent_blind_through_the_page(client):
    PoseFactory(name_en="Downward-Facing Dog", name_sa="Adho Mukha Śvānāsana")
    PoseFactory(name_en="Cat", name_sa="Marjaryasana")

    response = client.get(LIBRARY_URL, {"q": "svanasana"})

    assert shown_names(response) == ["Downward-Facing Dog"]
    assert 'value="svanasana"' in html(response)


def test_library_filters_by_category_difficulty_and_target_area(client):
    PoseFactory(
        name_en="Crow", category="balance", difficulty="intermediate", target_areas=["arms"]
    )
    PoseFactory(name_en="Tree", category="balance", difficulty="beginner", target_areas=["hips"])
    PoseFactory(name_en="Boat", category="core", difficulty="intermediate", target_areas=["core"])

    assert shown_names(client.get(LIBRARY_URL, {"category": "balance"})) == ["Crow", "Tree"]
    assert shown_names(client.get(LIBRARY_URL, {"difficulty": "intermediate"})) == ["Boat", "Crow"]
    assert shown_names(client.get(LIBRARY_URL, {"target_area": "hips"})) == ["Tree"]
    both = client.get(LIBRARY_URL, {"category": "balance", "difficulty": "intermediate"})
    assert shown_names(both) == ["Crow"]


@pytest.mark.parametrize(
    "query",
    [{"difficulty": "expert"}, {"category": "flying"}, {"target_area": "aura"}, {"q": "x" * 101}],
)
def test_invalid_filters_answer_200_with_the_error_on_the_form(client, query):
    PoseFactory()

    response = client.get(LIBRARY_URL, query)

    assert response.status_code == 200
    (field,) = query
    assert response.context["form"].errors[field]
    page = html(response)
    assert 'role="alert"' in page
    assert 'aria-invalid="true"' in page
    assert response.context["page_obj"] is None


def test_library_shows_an_empty_state_with_a_way_back(client):
    PoseFactory(name_en="Tree")

    response = client.get(LIBRARY_URL, {"q": "handstand"})

    assert "No poses match these filters." in html(response)
    assert f'href="{LIBRARY_URL}"' in html(response)


def test_library_pages_hold_24_poses_and_page_links_keep_the_filters(client):
    PoseFactory.create_batch(POSES_PER_PAGE + 2, category="twist")
    PoseFactory(category="core")

    first = client.get(LIBRARY_URL, {"category": "twist"})
    second = client.get(LIBRARY_URL, {"category": "twist", "page": 2})

    assert len(first.context["page_obj"]) == POSES_PER_PAGE == 24
    assert len(second.context["page_obj"]) == 2
    assert 'href="?category=twist&amp;page=2"' in html(first)
    assert "26 poses, page 1 of 2" in html(first)


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("99", 2), ("-1", 2)])
def test_library_answers_a_bad_page_number_like_paginator_get_page(client, page, expected):
    PoseFactory.create_batch(POSES_PER_PAGE + 1)

    response = client.get(LIBRARY_URL, {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


@pytest.mark.parametrize("count", [10, 500])
def test_library_runs_a_constant_number_of_queries(
    client, user, django_assert_max_num_queries, count
):
    PoseFactory.create_batch(count)
    client.force_login(user)

    with django_assert_max_num_queries(4):  # session, user, count, page (a later page)
        response = client.get(LIBRARY_URL, {"q": "pose", "page": 2})

    assert response.status_code == 200


def test_library_cards_read_each_figure_version_kept_beside_the_figure(client, user, monkeypatch):
    """No figure is digested while the page is drawn, nor even read: the cards address each
    picture by the version saved with its figure (Pose.figure_version)."""
    poses = PoseFactory.create_batch(3)

    def refused(*args, **kwargs):
        raise AssertionError("a figure digested on a library page")

    monkeypatch.setattr("poses.models.figure_version", refused)
    monkeypatch.setattr("poses.templatetags.pose_figures.figure_version", refused)
    client.force_login(user)
    response = client.get(LIBRARY_URL)

    for pose in poses:
        assert f'src="/poses/{pose.slug}/figure.svg?v={pose.figure_version}"' in html(response)
    assert all("figure" in card.get_deferred_fields() for card in response.context["page_obj"])


def test_library_cards_show_photos_and_figures_in_exactly_four_queries(
    client, user, django_assert_num_queries
):
    """The cards read only the fields they show (selectors.CARD_FIELDS): a field left out
    would cost a query per card."""
    PoseFactory(
        name_en="A photo", image="poses/a.png", image_renditions={"480": "poses/a-480.webp"}
    )
    PoseFactory(name_en="An address", image_urls=["https://img.example/b.png"])
    PoseFactory(name_en="A figure", name_sa="Citra")
    client.force_login(user)

    # The first page reads its count with its rows (yogaflow.core.paging.WindowPaginator)
    with django_assert_num_queries(3):  # session, user, the page and its count
        response = client.get(LIBRARY_URL)

    html = response.content.decode()
    assert 'src="/media/poses/a-480.webp" srcset="/media/poses/a-480.webp 480w"' in html
    assert 'src="https://img.example/b.png"' in html
    assert "/figure.svg?v=" in html
    assert '<p class="pose-card__sanskrit" lang="sa-Latn">Citra</p>' in html


def test_library_answers_post_with_405(client):
    assert client.post(LIBRARY_URL).status_code == 405


# --- detail -------------------------------------------------------------------


@pytest.fixture
def triangle(db):
    return PoseFactory(
        slug="triangle",
        name_en="Triangle",
        name_sa="Utthita Trikoṇāsana",
        category=Category.STANDING,
        difficulty=Difficulty.BEGINNER,
        description="A wide-legged side stretch.",
        instructions=["Step the feet wide.", "Reach forward and tilt.", "Breathe and return."],
        benefits=["Stretches the hamstrings", "Opens the chest"],
        target_areas=["hamstrings", "lower_back"],
        cautions=["knee_load"],
        contraindications="Keep the gaze down with neck problems.",
        modifications="Rest the bottom hand on a block.",
        default_hold_seconds=45,
        is_bilateral=True,
        position="standing",
        intensity=3,
        hold_min_seconds=15,
        hold_max_seconds=90,
        props=["block"],
    )


def test_pose_detail_shows_everything_about_the_pose(client, triangle):
    response = client.get(detail_url(triangle))

    assert response.status_code == 200
    page = html(response)
    for text in [
        "<h1",
        "Triangle",
        "Utthita Trikoṇāsana",
        "Standing",
        "Beginner",
        "A wide-legged side stretch.",
        "Stretches the hamstrings",
        "Hamstrings, Lower back",
        "Cautions",
        "Weight on the knees or a deep knee bend",
        "Keep the gaze down with neck problems.",
        "Rest the bottom hand on a block.",
        "0:45</time> each side (0:15 to 1:30)",
        "<dt>Position</dt><dd>Standing</dd>",
        "<dt>Intensity</dt><dd>Moderate (3 of 5), active</dd>",
        "<dt>Props</dt><dd>Block</dd>",
        'alt="Triangle"',
    ]:
        assert text in page, text
    steps = re.search(r'<ol class="steps">(.*?)</ol>', page, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", steps) == triangle.instructions


def test_pose_page_shows_the_figure_large_and_the_left_side_of_a_two_sided_pose(client, triangle):
    page = html(client.get(detail_url(triangle)))

    version = triangle.figure_version
    right = re.search(r'<img class="pose-picture pose-picture--large[^>]*>', page).group(0)
    assert f'src="/poses/triangle/figure.svg?v={version}"' in right
    assert 'alt="Triangle"' in right and "loading=" not in right  # the page's main picture
    assert f'src="/poses/triangle/figure-left.svg?v={version}" alt="Triangle, left side"' in page
    assert ">Left side</figcaption>" in page


def test_a_one_sided_pose_page_shows_one_figure(client):
    pose = PoseFactory(is_bilateral=False)

    page = html(client.get(detail_url(pose)))

    assert page.count("/figure.svg?v=") == 1
    assert "figure-left.svg" not in page


def test_a_breathing_practice_shows_its_count_and_its_kind(client):
    pose = PoseFactory(name_en="Box Breathing", **BOX_BREATHING)

    page = html(client.get(detail_url(pose)))

    assert '<li class="tag">Breathing (pranayama)</li>' in page
    assert "<dt>Breath count</dt><dd>in 4 · hold 4 · out 4 · hold 4 (seconds)</dd>" in page
    assert "<dt>Usual length</dt>" in page
    assert "<dt>Intensity</dt><dd>Restful (1 of 5), passive</dd>" in page


def test_a_one_sided_pose_does_not_say_each_side(client):
    pose = PoseFactory(is_bilateral=False, default_hold_seconds=60)

    page = html(client.get(detail_url(pose)))

    assert "1:00</time>" in page
    assert "each side" not in page


def test_unpublished_pose_is_404_for_practitioners_but_staff_can_preview_it(
    client, user, staff_user
):
    draft = PoseFactory(is_published=False)

    assert client.get(detail_url(draft)).status_code == 404
    client.force_login(user)
    assert client.get(detail_url(draft)).status_code == 404
    client.force_login(staff_user)
    assert client.get(detail_url(draft)).status_code == 200


@pytest.mark.parametrize("count", [10, 500])
def test_pose_detail_runs_a_constant_number_of_queries(
    client, user, django_assert_max_num_queries, count
):
    poses = Pose.objects.bulk_create(PoseFactory.build_batch(count))
    client.force_login(user)

    # session, user, pose, the user's rating, the sequences panel
    with django_assert_max_num_queries(5):
        response = client.get(detail_url(poses[0]))

    assert response.status_code == 200


def test_unknown_pose_is_404(client):
    assert client.get(reverse("poses:detail", kwargs={"slug": "levitation"})).status_code == 404


# --- your take: thumbs up / down ---------------------------------------------------


def rate_url(pose) -> str:
    return reverse("poses:rate", kwargs={"slug": pose.slug})


def rating_buttons(page: str) -> dict[str, tuple[str, str]]:
    """{button text: (value it posts, aria-pressed)} of the page's rating forms."""
    buttons = re.findall(
        r'<button type="submit" name="rating" value="(\w*)"[^>]*aria-pressed="(true|false)">'
        r"<span aria-hidden=\"true\">[^<]+</span> ([^<]+)</button>",
        page,
    )
    return {text: (value, pressed) for value, pressed, text in buttons}


def test_pose_page_offers_members_both_thumbs_none_pressed(client, user, triangle):
    client.force_login(user)

    page = html(client.get(detail_url(triangle)))

    assert "Your take" in page
    assert rating_buttons(page) == {
        "More like this": ("up", "false"),
        "Leave out of my practices": ("down", "false"),
    }
    assert page.count(f'action="{rate_url(triangle)}"') == 2
    assert page.count("csrfmiddlewaretoken") >= 2
    assert f'name="next" value="{detail_url(triangle)}"' in page


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        ("up", {"More like this": ("", "true"), "Leave out of my practices": ("down", "false")}),
        ("down", {"More like this": ("up", "false"), "Leave out of my practices": ("", "true")}),
    ],
)
def test_the_current_thumb_is_pressed_and_pressing_it_again_clears_it(
    client, user, triangle, rating, expected
):
    rate_pose(user=user, pose=triangle, rating=rating)
    client.force_login(user)

    assert rating_buttons(html(client.get(detail_url(triangle)))) == expected


def test_thumbs_down_from_the_pose_page_saves_it_and_comes_back_with_a_message(
    client, user, triangle
):
    client.force_login(user)

    response = client.post(
        rate_url(triangle), {"rating": "down", "next": detail_url(triangle)}, follow=True
    )

    assert response.redirect_chain == [(detail_url(triangle), 302)]
    assert selectors.rating_for(user, triangle) == "down"
    page = html(response)
    assert "“Triangle” will be left out of practices made for you." in page
    assert rating_buttons(page)["Leave out of my practices"] == ("", "true")


def test_posting_an_empty_rating_clears_it(client, user, triangle):
    rate_pose(user=user, pose=triangle, rating="up")
    client.force_login(user)

    response = client.post(rate_url(triangle), {"rating": ""})

    assert response.status_code == 302
    assert response.url == detail_url(triangle)  # no next: back to the pose
    assert selectors.rating_for(user, triangle) is None


def test_rating_goes_back_only_to_a_page_of_this_site(client, user, triangle):
    client.force_login(user)

    response = client.post(
        rate_url(triangle), {"rating": "up", "next": "https://evil.example.com/"}
    )

    assert response.url == detail_url(triangle)


def test_a_rating_that_is_not_up_or_down_is_400_and_saves_nothing(client, user, triangle):
    client.force_login(user)

    response = client.post(rate_url(triangle), {"rating": "meh"})

    assert response.status_code == 400
    assert selectors.rating_for(user, triangle) is None


def test_rating_an_unknown_or_unpublished_pose_is_404(client, user):
    client.force_login(user)
    draft = PoseFactory(is_published=False)

    assert client.post(rate_url(draft), {"rating": "up"}).status_code == 404
    assert client.post("/poses/levitation/rating/", {"rating": "up"}).status_code == 404


def test_rating_needs_a_post_and_a_login(client, user, triangle):
    response = client.post(rate_url(triangle), {"rating": "up", "next": detail_url(triangle)})

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={detail_url(triangle)}"
    client.force_login(user)
    assert client.get(rate_url(triangle)).status_code == 405
    assert not PoseRating.objects.exists()


def test_rating_refuses_a_post_without_the_csrf_token(user, triangle):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)

    assert strict.post(rate_url(triangle), {"rating": "up"}).status_code == 403


def test_visitors_see_no_thumbs_and_no_members_rating_leaks_into_the_cached_page(
    client, user, triangle
):
    anonymous = html(client.get(detail_url(triangle)))  # stored in the shared cache
    member = Client()
    member.force_login(user)
    member.post(rate_url(triangle), {"rating": "down"})

    member_page = member.get(detail_url(triangle))
    again = client.get(detail_url(triangle))

    for page in (anonymous, html(again)):
        assert "Your take" not in page
        assert rating_buttons(page) == {}
        assert rate_url(triangle) not in page
    assert again.has_header("ETag")  # the visitor's copy did come from the cache
    assert not member_page.has_header("ETag")  # the member's never does
    assert rating_buttons(html(member_page))["Leave out of my practices"] == ("", "true")


# --- the profile's rated poses (pose_tags.rated_pose_lists) ---------------------------

PROFILE_URL = reverse("accounts:profile")


def profile_list(page: str, title: str) -> str:
    """The part of the profile after the heading `title` and before the next heading."""
    return re.search(
        rf"<h3[^>]*>{re.escape(title)}</h3>(.*?)(?=<h[23]|</section>)", page, re.S
    ).group(1)


def test_profile_lists_thumbed_down_and_up_poses_with_links_and_undo_buttons(
    client, user, other_user
):
    crow, tree, boat = (
        PoseFactory(slug=s, name_en=s.capitalize()) for s in ("crow", "tree", "boat")
    )
    rate_pose(user=user, pose=crow, rating="down")
    rate_pose(user=user, pose=tree, rating="up")
    rate_pose(user=other_user, pose=boat, rating="down")
    client.force_login(user)

    page = html(client.get(PROFILE_URL))

    left_out = profile_list(page, "Poses you've asked to leave out")
    liked = profile_list(page, "Poses you like")
    assert f'<a href="{detail_url(crow)}">Crow</a>' in left_out and "Tree" not in left_out
    assert f'<a href="{detail_url(tree)}">Tree</a>' in liked and "Crow" not in liked
    assert "Boat" not in page
    for pose, part in ((crow, left_out), (tree, liked)):
        assert f'action="{rate_url(pose)}"' in part
        assert f'name="next" value="{PROFILE_URL}"' in part
        assert re.search(
            rf'name="rating" value=""[^>]*aria-label="Undo: {pose.name_en}">Undo</button>', part
        )


def test_profile_says_when_no_pose_is_rated_yet(client, user):
    client.force_login(user)

    page = html(client.get(PROFILE_URL))

    assert "None yet: press “Leave out of my practices” on a pose’s page." in page
    assert "None yet: press “More like this” on a pose’s page." in page


def test_undo_on_the_profile_clears_the_rating_and_comes_back(client, user):
    crow = PoseFactory(slug="crow", name_en="Crow")
    rate_pose(user=user, pose=crow, rating="down")
    client.force_login(user)

    response = client.post(rate_url(crow), {"rating": "", "next": PROFILE_URL}, follow=True)

    assert response.redirect_chain == [(PROFILE_URL, 302)]
    assert selectors.rating_for(user, crow) is None
    page = html(response)
    assert "Your take on “Crow” is cleared." in page
    assert "Crow" not in profile_list(page, "Poses you've asked to leave out")


def test_a_rating_of_a_pose_unpublished_since_can_still_be_undone(client, user):
    crow = PoseFactory(slug="crow", name_en="Crow")
    rate_pose(user=user, pose=crow, rating="down")
    crow.is_published = False
    crow.save(update_fields=["is_published"])
    client.force_login(user)

    left_out = profile_list(html(client.get(PROFILE_URL)), "Poses you've asked to leave out")
    assert "<span>Crow</span>" in left_out and "<a href" not in left_out

    assert client.post(rate_url(crow), {"rating": "", "next": PROFILE_URL}).status_code == 302
    assert selectors.rating_for(user, crow) is None


@pytest.mark.parametrize("count", [3, 30])
def test_profile_runs_a_constant_number_of_queries_whatever_the_ratings(
    client, user, django_assert_max_num_queries, count
):
    for index in range(count):
        rate_pose(user=user, pose=PoseFactory(), rating="up" if index % 2 else "down")
    client.force_login(user)

    with django_assert_max_num_queries(4):  # session, user, thumbed down, thumbed up
        response = client.get(PROFILE_URL)

    assert html(response).count(">Undo<") == count


# --- the figure as SVG -------------------------------------------------------------


def figure_url(pose, side="right", version=None) -> str:
    name = "poses:figure" if side == "right" else "poses:figure_left"
    url = reverse(name, kwargs={"slug": pose.slug})
    return url if version is None else f"{url}?v={version}"


@pytest.fixture
def tree(db):
    return PoseFactory(
        slug="tree",
        name_en="Tree",
        figure={
            "view": "front",
            "angles": {"hip_r": 46, "knee_r": 120, "shoulder_r": 168, "shoulder_l": 168},
            "contacts": ["ankle_l", "toe_l"],
        },
    )


def test_the_figure_is_an_svg_under_4_kb_titled_with_the_name(client, tree):
    response = client.get(figure_url(tree, version=tree.figure_version))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg") and "<title>Tree</title>" in svg
    assert len(response.content) < 4096
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"


def test_the_left_figure_is_the_mirror_image_of_the_right(client, tree):
    from poses.figures import render_svg

    left = client.get(figure_url(tree, "left")).content.decode()

    assert left == render_svg(tree.figure, side="left", title="Tree, left side")
    assert left != client.get(figure_url(tree)).content.decode()


def test_at_its_current_version_the_figure_is_cached_for_a_year(client, tree):
    response = client.get(figure_url(tree, version=tree.figure_version))

    cache_control = set(response["Cache-Control"].split(", "))
    assert cache_control == {"public", "max-age=31536000", "immutable"}
    assert response["ETag"] == f'"{tree.figure_version}-right"'


@pytest.mark.parametrize("version", [None, "0123456789abcdef"])
def test_without_the_current_version_the_figure_is_revalidated_each_time(client, tree, version):
    response = client.get(figure_url(tree, version=version))

    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "no-cache"}


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_matching_etag_answers_304_with_no_body(client, tree, side):
    etag = client.get(figure_url(tree, side)).headers["ETag"]

    response = client.get(figure_url(tree, side), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_staff_edit_changes_the_address_and_the_etag(client, tree):
    from poses.services import save_pose

    old_url, old_etag = tree.figure_src, client.get(tree.figure_src)["ETag"]

    save_pose(pose=tree, figure={**tree.figure, "angles": {"hip_r": 60, "knee_r": 130}})

    assert tree.figure_src != old_url
    response = client.get(figure_url(tree), HTTP_IF_NONE_MATCH=old_etag)
    assert response.status_code == 200 and response["ETag"] != old_etag


def test_an_unpublished_pose_figure_is_for_staff_only_and_private(client, staff_user):
    draft = PoseFactory(is_published=False)

    assert client.get(figure_url(draft)).status_code == 404
    client.force_login(staff_user)
    response = client.get(figure_url(draft))
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}


def test_an_unknown_pose_has_no_figure(client):
    assert client.get("/poses/levitation/figure.svg").status_code == 404


def test_the_figure_answers_head_and_refuses_post(client, tree):
    assert client.head(figure_url(tree)).status_code == 200
    assert client.post(figure_url(tree)).status_code == 405


def test_a_published_figure_is_one_query_and_the_same_for_everyone(
    client, tree, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get(figure_url(tree))

    assert "Cookie" not in response.get("Vary", "")
