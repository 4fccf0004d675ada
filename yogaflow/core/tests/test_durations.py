"""Durations as the pages print them, for people and for <time datetime>."""

import pytest
from django.template import Context, Template

from yogaflow.core.templatetags.durations import duration, iso_duration


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "0:00"),
        (5, "0:05"),
        (60, "1:00"),
        (245, "4:05"),
        (3599, "59:59"),
        (3600, "1 h"),
        (3720, "1 h 02 min"),
        (5430, "1 h 30 min"),  # 90.5 minutes rounds to 90
        (7199, "2 h"),
        (None, "0:00"),
        ("junk", "0:00"),
        (-10, "0:00"),
    ],
)
def test_duration_reads_like_a_timer_under_an_hour_and_in_hours_above(seconds, shown):
    assert duration(seconds) == shown


@pytest.mark.parametrize(
    ("seconds", "iso"),
    [(0, "PT0S"), (30, "PT30S"), (245, "PT4M5S"), (3600, "PT1H"), (3725, "PT1H2M5S")],
)
def test_iso_duration_is_a_valid_html_duration(seconds, iso):
    assert iso_duration(seconds) == iso


def test_filters_load_in_templates():
    template = Template("{% load durations %}{{ s|duration }} {{ s|iso_duration }}")

    assert template.render(Context({"s": 245})) == "4:05 PT4M5S"
