"""The badges page's tags (achievements/templatetags/badges.py) write, byte for byte, what the
page's loops wrote (the former template, kept in tests/data): for any names, icons and
descriptions, earning times and time zones, progress and thresholds (zero too), and units."""

import datetime as dt
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from achievements.models import Achievement, Rule, Unit

_PAGE = (Path(__file__).parent / "data" / "badges_as_template.html").read_text()


def _loop(name: str) -> str:
    start = _PAGE.index(f"{{% for item in {name} %}}")
    return _PAGE[start : _PAGE.index("{% endfor %}", start) + len("{% endfor %}")]


EARNED_AS_TEMPLATE = Template("{% load tz %}" + _loop("earned"))
EARNED_AS_TAG = Template("{% load badges %}{% earned_badges earned %}")
LOCKED_AS_TEMPLATE = Template(_loop("locked"))
LOCKED_AS_TAG = Template("{% load badges %}{% locked_badges locked %}")

texts = st.text(alphabet=st.sampled_from("aZ <>&\"'é-.🧘 "), max_size=15)
zones = st.sampled_from(["Europe/Berlin", "Pacific/Chatham", "America/St_Johns", "UTC"])
moments = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 1, 1), timezones=st.just(dt.UTC)
)


@st.composite
def items(draw):
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        threshold = draw(st.integers(min_value=0, max_value=10_000))
        achievement = Achievement(
            code="c",
            name=draw(texts),
            description=draw(texts),
            icon=draw(texts),
            rule=Rule.STREAK_DAYS,
        )
        out.append(
            {
                "achievement": achievement,
                "earned_at": draw(moments),
                "progress": draw(st.integers(min_value=0, max_value=threshold)),
                "threshold": threshold,
                "unit": draw(st.sampled_from(Unit)),
            }
        )
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(earned=items(), zone=zones)
def test_the_earned_badges_tag_writes_what_the_loop_wrote(earned, zone):
    context = {"earned": earned, "user": User(timezone=zone)}
    assert EARNED_AS_TAG.render(Context(context)) == EARNED_AS_TEMPLATE.render(Context(context))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(locked=items())
def test_the_locked_badges_tag_writes_what_the_loop_wrote(locked):
    context = {"locked": locked}
    assert LOCKED_AS_TAG.render(Context(context)) == LOCKED_AS_TEMPLATE.render(Context(context))


def test_an_earned_badge_is_dated_in_the_practitioners_zone():
    earned_at = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    badge = {"achievement": Achievement(name="Dawn", icon="🌅"), "earned_at": earned_at}
    html = EARNED_AS_TAG.render(Context({"earned": [badge], "user": User(timezone="Asia/Tokyo")}))
    assert '<time datetime="2026-03-02T08:30:00+09:00">2 March 2026</time>' in html


@pytest.mark.django_db
def test_the_badges_page_runs_exactly_five_queries(member_client, user, django_assert_num_queries):
    # session, user, earned badges, progress (one query), active badges
    with django_assert_num_queries(5):
        response = member_client.get(reverse("achievements:badges"))
    assert response.status_code == 200
