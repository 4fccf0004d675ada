"""The practice summary in a real Chromium: each pose practised, with its figure; axe-core."""

import re

import pytest
from django.conf import settings
from django.test import Client

from poses.tests.factories import PoseFactory
from practice.tests.factories import PracticeSessionFactory
from sequences.models import Side
from sequences.services import save_sequence
from yogaflow.core.testing.browser import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_the_summary_shows_each_pose_with_its_figure(page, live_server, user, width):
    lizard = PoseFactory(slug="lizard", name_en="Lizard", is_bilateral=True)
    child = PoseFactory(slug="child", name_en="Child's Pose")
    sequence = save_sequence(
        author=user,
        title="Hips",
        style="yin",
        focus="hips",
        difficulty="beginner",
        poses=[
            {"pose": lizard, "duration_seconds": 60, "side": Side.LEFT},
            {"pose": child, "duration_seconds": 30},
        ],
    )
    session = PracticeSessionFactory(user=user, sequence=sequence, sequence_title="Hips")
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"/practice/sessions/{session.pk}/summary/")

    selector = ".pose-ratings__item img.pose-picture"
    page.wait_for_function(
        "sel => [...document.querySelectorAll(sel)].every(i => i.complete && i.naturalWidth)",
        arg=selector,
    )
    sources = page.eval_on_selector_all(selector, "images => images.map(i => i.src)")
    assert [re.sub(r"^.*(/poses/[^?]+)\?v=\w+$", r"\1", src) for src in sources] == [
        "/poses/lizard/figure.svg",
        "/poses/child/figure.svg",
    ]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
