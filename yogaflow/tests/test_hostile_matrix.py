"""A matrix of hostile input over every API operation and the pages' forms and filters.

For each operation of the OpenAPI schema (path parameters filled with real objects) and each
kind of hostile body or query — too deep, too long, not text, not a number, NUL characters,
numbers beyond any column, the wrong JSON type, the wrong media type — and for each page form
and list filter likewise: no answer in the 5xx range, every API error in the error shape, and
no row written by a request that was refused. Run on SQLite and on PostgreSQL (which refuses
NUL characters and out-of-range integers where SQLite does not).
"""

import json
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.test import Client
from rest_framework.test import APIClient

from accounts.api.tokens import AccessToken
from poses.tests.factories import PoseFactory
from practice.tests.factories import PracticeSessionFactory
from sequences.tests.factories import SequenceFactory
from yogaflow.core.testing.openapi import openapi_schema

pytestmark = pytest.mark.django_db

# Every field name the API or the forms take; a hostile body sets all of them at once.
FIELDS = (  # noqa: SIM905 (a list of words reads best as words)
    "title description difficulty focus style visibility poses pose duration_seconds side cue "
    "position email password remember_me refresh current_password new_password "
    "new_password_confirm uid token display_name experience_level timezone "
    "preferred_session_minutes avoid notes mood_before mood_after energy_before energy_after "
    "client_id sequence generated started_at ended_at completed poses_completed minutes level "
    "avoid_poses seed rating slug name_en name_sa kind category instructions benefits "
    "target_areas cautions contraindications modifications default_hold_seconds min_hold_seconds "
    "max_hold_seconds props breath_pattern image_urls is_published is_bilateral intensity effort "
    "date start_time duration_minutes confirm username q page page_size sort min_minutes "
    "max_minutes date_from date_to day month offset"
).split()

HUGE = 10**30
VALUES = {
    "NUL characters": "yoga\x00flow",
    "text over every limit": "x" * 20_000,
    "numbers beyond any column": HUGE,
    "negative numbers beyond any column": -HUGE,
    "a float where an integer goes": 1e308,
    "nested objects": {"a": {"b": {"c": [1, 2, {"d": None}]}}},
    "lists of everything": [None, True, 1, "x", [], {}],
    "emoji and right-to-left text": "🧘\u200d♀️\u202eevil\u202c" * 50,
    "booleans": True,
    "nulls": None,
    "a date from before the calendar": "0000-00-00T00:00:00Z",
    "a date after the last year": "99999-12-31T23:59:59+99:99",
    "an impossible time zone": "Mars/Olympus_Mons",
}
RAW_BODIES = {
    "JSON nested 5,000 levels": "[" * 5000 + "]" * 5000,
    "JSON objects nested 50 levels": '{"a":' * 50 + "1" + "}" * 50,
    "NaN": '{"duration_seconds": NaN, "seed": Infinity}',
    "an unpaired surrogate": '{"title": "\\udc00", "\\ud800": "x"}',
    "5,000 digits": '{"seed": ' + "9" * 5000 + "}",
    "a JSON string": '"hello"',
    "a JSON array": "[1, 2, 3]",
    "null": "null",
    "nothing": "",
    "not UTF-8": b'{"title": "\xff\xfe"}',
    "truncated JSON": '{"title": "x", ',
}
QUERY_VALUES = {
    "NUL": "a%00b",
    "huge": "9" * 40,
    "negative": "-99999999999999999999",
    "long": "x" * 5000,
    "float": "1e308",
    "nan": "NaN",
    "date": "99999-99-99",
    "unicode": "%F0%9F%A7%98",
    "not utf-8": "%FF%FE",
    "repeated": "1&{name}=2",
}
# Every filter, sort and page parameter the lists and pages read, all hostile at once.
QUERY_NAMES = (  # noqa: SIM905 (a list of words reads best as words)
    "q page page_size sort min_minutes max_minutes date_from date_to day style difficulty "
    "category kind position focus month minutes level avoid seed target_area effort"
).split()


def _hostile_query(value: str) -> str:
    return "&".join(f"{name}={value.format(name=name)}" for name in QUERY_NAMES)


def _body(value) -> dict:
    return dict.fromkeys(FIELDS, value)


@pytest.fixture
def world(user, staff_user):
    """Real objects to aim at, and clients: anonymous, member, staff."""
    pose = PoseFactory()
    own = SequenceFactory(author=user, poses=2, visibility="public")
    session = PracticeSessionFactory(user=user)
    member, staff = APIClient(), APIClient()
    member.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    staff.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(staff_user)}")
    page_member = Client(raise_request_exception=False)
    page_member.force_login(user)
    for client in (member, staff):
        client.raise_request_exception = False
    anonymous = APIClient(raise_request_exception=False)
    return {
        "params": {"slug": own.slug, "id": session.pk, "pose": pose.slug},
        "pose": pose,
        "sequence": own,
        "session": session,
        "clients": {"anonymous": anonymous, "member": member, "staff": staff},
        "page": page_member,
        "visitor": Client(raise_request_exception=False),
    }


def _operations() -> Iterator[tuple[str, str]]:
    for path, item in openapi_schema()["paths"].items():
        for method in item:
            if method in {"get", "post", "put", "patch", "delete"}:
                yield method, path


def _url(path: str, params: dict) -> str:
    if "/poses/{slug}" in path:
        return path.replace("{slug}", params["pose"])
    return path.replace("{slug}", params["slug"]).replace("{id}", str(params["id"]))


def _counts() -> dict:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"accounts", "poses", "sequences", "practice", "achievements", "token_blacklist"}
    }


def _check(response, *, api: bool, before: dict, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code} {response.content[:300]}"
    if response.status_code >= 400:
        if api and response.status_code != 405:
            body = json.loads(response.content)
            assert set(body) == {"error", "message", "detail"}, what
        assert _counts() == before, f"{what}: a refused request wrote something"


def _send(client, method: str, url: str, body, content_type: str = "application/json"):
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return getattr(client, method)(url, data, content_type=content_type)


OPERATIONS = sorted(_operations())
WRITES = [(m, p) for m, p in OPERATIONS if m != "get"]
READS = [(m, p) for m, p in OPERATIONS if m == "get"]


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_hostile_bodies_on_every_api_write_answer_4xx_and_write_nothing(world, method, path):
    url = _url(path, world["params"])
    for who, client in world["clients"].items():
        for name, value in VALUES.items():
            before = _counts()
            response = _send(client, method, url, _body(value))
            _check(response, api=True, before=before, what=f"{who} {method} {url}: {name}")
        for name, raw in RAW_BODIES.items():
            before = _counts()
            response = _send(client, method, url, raw)
            _check(response, api=True, before=before, what=f"{who} {method} {url}: {name}")
        for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/mixed"):
            before = _counts()
            response = _send(client, method, url, "title=x", content_type=content_type)
            _check(response, api=True, before=before, what=f"{who} {method} {url}: {content_type}")


@pytest.mark.parametrize(("method", "path"), READS)
def test_hostile_queries_on_every_api_read_answer_below_500(world, method, path):
    url = _url(path, world["params"])
    for who, client in world["clients"].items():
        for label, value in QUERY_VALUES.items():
            for query in (_hostile_query(value), f"page={value.format(name='page')}"):
                response = client.get(f"{url}?{query}")
                assert response.status_code < 500, f"{who} GET {url}?{query[:200]}: {label}"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/sessions/99999999999999999999999999",
        "/api/v1/sessions/-1",
        "/api/v1/sequences/%00",
        "/api/v1/sequences/" + "a" * 5000,
        "/api/v1/poses/%F0%9F%A7%98",
        "/sequences/" + "a" * 5000 + "/",
        "/practice/sessions/99999999999999999999999999/",
        "/practice/sessions/99999999999999999999999999/summary/",
        "/accounts/reset/" + "A" * 500 + "/set-password/",
        "/accounts/reset/MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODk/abc-def/",
    ],
)
def test_hostile_paths_answer_below_500(world, path):
    for client in (world["clients"]["member"], world["page"], world["visitor"]):
        response = client.get(path)
        assert response.status_code < 500, f"GET {path}: {response.status_code}"


PAGE_READS = [
    "/poses/",
    "/sequences/",
    "/sequences/today/",
    "/practice/play/today/",
    "/practice/sessions/",
    "/practice/stats/",
    "/badges/",
]


@pytest.mark.parametrize("path", PAGE_READS)
def test_hostile_filters_on_the_pages_answer_below_500(world, path):
    for client in (world["page"], world["visitor"]):
        for label, value in QUERY_VALUES.items():
            for query in (_hostile_query(value), f"page={value.format(name='page')}"):
                response = client.get(f"{path}?{query}")
                assert response.status_code < 500, f"GET {path}?{query[:200]}: {label}"


def _page_forms(world) -> list[str]:
    slug, pk, pose = world["sequence"].slug, world["session"].pk, world["pose"].slug
    return [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/profile/",
        "/accounts/password/change/",
        "/accounts/password/reset/",
        "/accounts/data/delete/",
        "/practice/sessions/new/",
        f"/practice/sessions/{pk}/",
        "/sequences/new/",
        f"/sequences/{slug}/edit/",
        f"/sequences/{slug}/edit/add/",
        f"/sequences/{slug}/edit/items/1/",
        f"/sequences/{slug}/edit/items/1/move/",
        f"/sequences/{slug}/favorite/",
        f"/sequences/{slug}/duplicate/",
        "/sequences/today/save/",
        f"/poses/{pose}/rating/",
        "/admin/login/",
    ]


def test_hostile_page_forms_answer_below_500_and_write_nothing_when_refused(world):
    page = world["page"]
    for path in _page_forms(world):
        for name, value in VALUES.items():
            if isinstance(value, dict | list) or value is None:
                value = json.dumps(value)
            form = {field: str(value) for field in FIELDS}
            before = _counts()
            response = page.post(path, form)
            _check(response, api=False, before=before, what=f"POST {path}: {name}")


def test_hostile_bodies_on_the_players_record_answer_below_500(world):
    page = world["page"]
    for name, value in VALUES.items():
        before = _counts()
        response = _send(page, "post", "/practice/record/", _body(value))
        _check(response, api=False, before=before, what=f"record: {name}")
    for name, raw in RAW_BODIES.items():
        before = _counts()
        response = _send(page, "post", "/practice/record/", raw)
        _check(response, api=False, before=before, what=f"record: {name}")


@pytest.mark.parametrize(
    "cookie",
    ["abcdefgh\x00ijklmnop", "x" * 5000, "é" * 40, "../../../../etc/passwd", "' OR 1=1 --"],
)
def test_a_hostile_session_cookie_is_no_session_never_a_500(world, cookie):
    visitor = Client(raise_request_exception=False)
    visitor.cookies["sessionid"] = cookie

    for path in [*PAGE_READS, "/", "/accounts/login/", "/api/v1/poses"]:
        response = visitor.get(path)
        assert response.status_code < 500, f"GET {path} with session {cookie[:20]!r}"


def test_hostile_pose_lists_on_a_practice_summary_answer_below_500(world, user):
    generated = PracticeSessionFactory(user=user, sequence=None)
    summary = f"/practice/sessions/{generated.pk}/summary/"

    for value in ["a%00b,crow", "%FF,%FE", ",".join(["x"] * 5000), "🧘,../.."]:
        response = world["page"].get(f"{summary}?poses={value}")
        assert response.status_code < 500, value
