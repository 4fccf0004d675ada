"""The page frame (templates/base.html) with its `{% memo %}` parts writes, on every page, signed
in and not, the same HTML as the frame before them (kept in tests/data/frame_before_memo), on a
first request (the parts rendered) and on the next ones (read back); and pages keep their query
counts (the session read by plain SQL, yogaflow.core.sessions)."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import UserFactory
from poses.tests.factories import PoseFactory
from practice.tests.factories import PracticeSessionFactory
from sequences.tests.factories import FavoriteFactory, SequenceFactory

BEFORE = Path(__file__).parent / "data" / "frame_before_memo"
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|data-csrf=")[^"]+"')

# The log form's start time is read from the clock (half an hour ago, to five minutes): the
# renderings compared here must all see the same minute.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 6, 10, 12, 3, 59, tzinfo=UTC), tick=False),
]


@pytest.fixture
def world(settings):
    # Every page computed: no cached answer stands in for a rendering.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    member = UserFactory(display_name="Asha Patel")
    pose = PoseFactory()
    sequence = SequenceFactory()
    FavoriteFactory(user=member, sequence=sequence)
    own = SequenceFactory(author=member)
    session = PracticeSessionFactory(user=member, sequence=sequence)
    return {"member": member, "pose": pose, "sequence": sequence, "own": own, "session": session}


def paths(world) -> list[str]:
    """A page for every current mark of the navigation, and pages that mark nothing."""
    return [
        "/",
        "/poses/",
        f"/poses/{world['pose'].slug}/",
        "/sequences/",
        f"/sequences/{world['sequence'].slug}/",
        "/sequences/favorites/",
        "/sequences/mine/",
        f"/sequences/{world['own'].slug}/edit/",
        "/practice/sessions/",
        "/practice/sessions/new/",
        f"/practice/sessions/{world['session'].pk}/",
        f"/practice/sessions/{world['session'].pk}/delete/",
        "/practice/stats/",
        "/badges/",
        "/accounts/profile/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/no/such/page/",
    ]


def html(response) -> str:
    return CSRF.sub(r"\1CSRF", response.content.decode())


def pages(clients, world) -> dict:
    return {
        (who, path): (response.status_code, html(response))
        for who, client in clients.items()
        for path in paths(world)
        for response in [client.get(path)]
    }


def test_every_page_writes_the_frame_it_wrote_before_the_memo_parts(world, settings):
    member = Client()
    member.force_login(world["member"])
    clients = {"member": member, "visitor": Client()}

    first = pages(clients, world)  # the memo parts rendered
    again = pages(clients, world)  # ... and read back
    settings.TEMPLATES = [
        {**django_settings.TEMPLATES[0], "DIRS": [BEFORE, *django_settings.TEMPLATES[0]["DIRS"]]}
    ]
    before = pages(clients, world)

    assert {key: status for key, (status, _) in before.items()} == {
        key: status for key, (status, _) in first.items()
    }
    for key, (_, page) in before.items():
        assert first[key][1] == page, key
        assert again[key][1] == page, key
    # The checks see both shapes of the frame, and current marks in each.
    assert any('<li class="site-nav__who">Hi, Asha' in page for _, page in first.values())
    assert sum('aria-current="page"' in page for _, page in first.values()) >= 14


def test_one_visitors_frame_never_shows_in_anothers(world):
    other = UserFactory(display_name="Ravi Kumar")
    asha, ravi, visitor = Client(), Client(), Client()
    asha.force_login(world["member"])
    ravi.force_login(other)

    for _ in range(2):
        asha_page, ravi_page, anonymous = (
            c.get("/poses/").content.decode() for c in (asha, ravi, visitor)
        )
        assert "Hi, Asha" in asha_page and "Ravi" not in asha_page
        assert "Hi, Ravi" in ravi_page and "Asha" not in ravi_page
        assert f'data-owner="{other.pk}"' in ravi_page
        assert "Hi," not in anonymous and "Log out" not in anonymous and "Log in" in anonymous


@pytest.mark.urls("yogaflow.tests.frame_urls")
def test_the_frame_costs_a_signed_in_page_two_queries_and_a_visitors_none(world):
    member, visitor = Client(), Client()
    member.force_login(world["member"])
    for client, expected in ((member, 2), (visitor, 0)):  # the session and the user
        client.get("/frame/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/frame/").status_code == 200
        assert len(queries.captured_queries) == expected, queries.captured_queries
