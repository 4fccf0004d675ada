"""The pose page's tags (poses/templatetags/pose_page.py) write, byte for byte, what the
templates they replaced wrote (kept in tests/data): the thumbs up/down include and the facts
list of the former pose page, for any names, holds, breath counts, vocabularies, ratings,
visitors and members, and paths."""

import copy
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from poses.models import (
    BREATH_PHASES,
    NEW_POSE_FIGURE,
    Category,
    Difficulty,
    Effort,
    Kind,
    Pose,
    Position,
    Prop,
    TargetArea,
)
from yogaflow.core.testing.templates import context_for

# Django's own {% csrf_token %} warns when the token is "NOTPROVIDED": its deprecation, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:Calling format_html:DeprecationWarning")

DATA = Path(__file__).parent / "data"
RATING_AS_TEMPLATE = Template(
    "{% with next=request.get_full_path %}"
    + (DATA / "pose_rating_as_template.html").read_text()
    + "{% endwith %}"
)
RATING_AS_TAG = Template("{% load pose_page %}{% pose_rating pose rating %}")
_PAGE = (DATA / "pose_detail_as_template.html").read_text()
FACTS_AS_TEMPLATE = Template(
    "{% load pose_tags durations %}"
    + _PAGE[_PAGE.index('<dl class="facts') : _PAGE.index("</dl>") + len("</dl>")]
)
FACTS_AS_TAG = Template("{% load pose_page %}{% pose_facts pose %}")

texts = st.text(alphabet=st.sampled_from("aZ <>&\"'é-.ā"), max_size=12)
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
seconds = st.integers(min_value=0, max_value=10_000)
MEMBER = User(pk=7, email="me@example.com", display_name="Me")


def some_of(choices) -> st.SearchStrategy:
    return st.lists(st.sampled_from([*choices.values, "not_a_code"]), max_size=3)


@st.composite
def poses(draw):
    long_max = draw(st.none() | seconds)
    return Pose(
        slug=draw(slugs),
        name_en=draw(texts),
        name_sa=draw(texts),
        kind=draw(st.sampled_from([*Kind.values, "other"])),
        category=draw(st.sampled_from(["", *Category.values])),
        difficulty=draw(st.sampled_from(Difficulty.values)),
        default_hold_seconds=draw(seconds),
        hold_min_seconds=draw(seconds),
        hold_max_seconds=draw(seconds),
        long_hold_min_seconds=None if long_max is None else 0,
        long_hold_max_seconds=long_max,
        is_bilateral=draw(st.booleans()),
        breath_pattern=draw(
            st.dictionaries(st.sampled_from(BREATH_PHASES), st.integers(0, 12), max_size=4)
        ),
        position=draw(st.sampled_from([*Position.values, "<odd>"])),
        intensity=draw(st.integers(min_value=0, max_value=6)),
        effort=draw(st.sampled_from([*Effort.values, "Odd&"])),
        props=draw(some_of(Prop)),
        target_areas=draw(some_of(TargetArea)),
        figure=copy.deepcopy(NEW_POSE_FIGURE),
    )


visits = st.fixed_dictionaries(
    {
        "user": st.sampled_from([AnonymousUser(), MEMBER]),
        "path": st.sampled_from(["/poses/tree/", "/poses/tree/?a=<b>&c=\"'", "/practice/5/"]),
        "csrf_token": st.sampled_from(["tok<en>", "NOTPROVIDED", ""]),
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pose=poses(), rating=st.sampled_from(["up", "down", None]), visit=visits)
def test_the_rating_tag_writes_what_the_rating_include_wrote(pose, rating, visit):
    values = {"pose": pose, "rating": rating}
    expected = RATING_AS_TEMPLATE.render(context_for(visit, **values))
    assert RATING_AS_TAG.render(context_for(visit, **values)) == expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pose=poses())
def test_the_facts_tag_writes_what_the_pose_page_wrote(pose):
    context = {"pose": pose}
    assert FACTS_AS_TAG.render(Context(context)) == FACTS_AS_TEMPLATE.render(Context(context))


def test_the_rating_toggles_clear_the_current_rating_and_come_back_to_the_page():
    visit = {"user": MEMBER, "path": "/poses/tree/?x=<1>", "csrf_token": "tok"}
    pose = Pose(slug="tree", name_en="Tree & co")
    html = RATING_AS_TAG.render(context_for(visit, pose=pose, rating="up"))

    assert 'aria-label="Your take on Tree &amp; co"' in html
    assert html.count('action="/poses/tree/rating/"') == 2
    assert html.count('<input type="hidden" name="next" value="/poses/tree/?x=%3C1%3E">') == 2
    assert 'name="rating" value="" ' in html  # pressing "up" again clears it
    assert 'name="rating" value="down" ' in html
    assert (
        RATING_AS_TAG.render(
            context_for({**visit, "user": AnonymousUser()}, pose=pose, rating=None)
        ).strip()
        == ""
    )
