"""The pose cards tag (poses/templatetags/pose_cards.py) writes, byte for byte, what the
library's card include wrote (kept in tests/data/pose_card_as_template.html), for any names,
categories, kinds, difficulties and pictures."""

import copy
from pathlib import Path

import pytest
from django.db.models import Count, Window
from django.template import Context, Template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poses import selectors
from poses.cards import LibraryCard
from poses.cards import cards as cards_of
from poses.models import NEW_POSE_FIGURE, Category, Difficulty, Kind, Pose
from poses.tests.factories import PoseFactory

AS_TEMPLATE = Template(
    "{% for pose in poses %}"
    + (Path(__file__).parent / "data" / "pose_card_as_template.html").read_text()
    + "{% endfor %}"
)
AS_TAG = Template("{% load pose_cards %}{% pose_cards poses %}")

texts = st.text(alphabet=st.sampled_from("aZ <>&\"'é-.ā"), max_size=12)
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)


@st.composite
def poses(draw):
    return [
        Pose(
            slug=draw(slugs),
            name_en=draw(texts),
            name_sa=draw(texts),
            kind=draw(st.sampled_from([*Kind.values, "other"])),
            category=draw(st.sampled_from(["", *Category.values, "<odd>"])),
            difficulty=draw(st.sampled_from([*Difficulty.values, "a&b"])),
            figure=copy.deepcopy(NEW_POSE_FIGURE) if draw(st.booleans()) else None,
            image_urls=["https://img.example/a.png?x=1&y=2"] if draw(st.booleans()) else [],
        )
        for _ in range(draw(st.integers(min_value=0, max_value=5)))
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(poses=poses())
def test_the_cards_tag_writes_what_the_card_include_wrote(poses):
    context = {"poses": poses}
    assert AS_TAG.render(Context(context)) == AS_TEMPLATE.render(Context(context))


def test_a_card_escapes_names_and_links_to_the_pose():
    pose = Pose(slug="tree", name_en="Tree <b>", name_sa="", kind="asana", difficulty="beginner")
    html = AS_TAG.render(Context({"poses": [pose]}))
    assert '<a class="pose-card__link" href="/poses/tree/">Tree &lt;b&gt;</a>' in html
    assert "pose-card__sanskrit" not in html


@pytest.mark.django_db
def test_the_librarys_cards_read_as_values_write_what_pose_rows_write():
    """The library reads its cards as values (poses.cards.LibraryCard): the same HTML as Pose
    rows read with only() the card's fields, for photos (with and without renditions), image
    URLs, figures with and without a kept version, and names, categories and kinds."""
    PoseFactory(
        name_en="A photo <b>", image="poses/a.png", image_renditions={"480": "poses/a-480.webp"}
    )
    PoseFactory(name_en="A bare photo", image="poses/c.png", image_urls=["https://x/c.png"])
    PoseFactory(name_en="An address", name_sa="", image_urls=["https://img.example/b.png?a&b"])
    PoseFactory(name_en="A breath", kind=Kind.PRANAYAMA, category="")
    PoseFactory(name_en="Advanced", difficulty=Difficulty.ADVANCED)
    kept = PoseFactory(name_en="A figure", name_sa="Citra")
    Pose.objects.filter(pk=kept.pk).update(figure_version="")  # no version kept

    cards = cards_of(selectors.pose_cards())
    rows = list(selectors.pose_library().only(*selectors.CARD_FIELDS))

    assert all(isinstance(card, LibraryCard) for card in cards)
    assert [card.slug for card in cards] == [row.slug for row in rows]
    for card, row in zip(cards, rows, strict=True):
        mine = AS_TAG.render(Context({"poses": [card]}))
        assert mine == AS_TAG.render(Context({"poses": [row]}))
        assert mine == AS_TEMPLATE.render(Context({"poses": [row]}))
    paged = cards_of(selectors.pose_cards().annotate(total=Window(Count("*")))[:2])
    assert [card.total for card in paged] == [6, 6]  # what WindowPaginator reads beside a card
