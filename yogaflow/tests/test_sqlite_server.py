"""The default install (`make run`: runserver, threaded, on a SQLite file) under parallel writes.

A real server on a temporary SQLite file, the requests sent at once from threads: no answer
in the 5xx range ("database is locked"), and every practice stored. The settings configure
SQLite for a web server (WAL, a busy timeout, immediate write transactions).
"""

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from yogaflow.core.testing.servers import app_env, app_server, at_once, http, manage

pytestmark = pytest.mark.servers

PASSWORD = "Lotus-Flow-2024"


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite-server") / "db.sqlite3"
    env = app_env(DEBUG="true", DATABASE_URL=f"sqlite:///{path}")
    manage(env, "migrate", "--noinput", "-v", "0")
    with app_server(env, server="runserver") as server:
        yield server, path


def _register(url: str, email: str) -> dict:
    answer = http(
        "POST",
        f"{url}/api/v1/auth/register",
        body={"email": email, "password": PASSWORD},
    )
    assert answer.status == 201, answer.body
    return answer.json()


def _practice(client_id: str) -> dict:
    end = datetime.now(UTC) - timedelta(minutes=5)
    return {
        "client_id": client_id,
        "title": "Morning flow",
        "style": "hatha",
        "started_at": (end - timedelta(minutes=20)).isoformat(),
        "ended_at": end.isoformat(),
        "duration_seconds": 20 * 60,
    }


def _record(url: str, access: str, client_id: str):
    return lambda: http(
        "POST",
        f"{url}/api/v1/sessions",
        body=_practice(client_id),
        headers={"Authorization": f"Bearer {access}"},
    )


def _statuses(answers) -> list:
    return sorted(a.status if hasattr(a, "status") else repr(a) for a in answers)


def _count(path, sql: str, *params) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchone()[0]


def test_ten_refreshes_of_one_token_at_once_answer_one_200_and_nine_401(sqlite_app):
    server, _path = sqlite_app
    refresh = _register(server.url, "refresh@example.com")["refresh"]

    answers = at_once(
        [
            lambda: http("POST", f"{server.url}/api/v1/auth/refresh", body={"refresh": refresh})
            for _ in range(10)
        ]
    )

    assert _statuses(answers) == [200] + [401] * 9, server.log()


def test_eight_recordings_with_one_client_id_store_one_practice(sqlite_app):
    server, path = sqlite_app
    user = _register(server.url, "retry@example.com")
    client_id = str(uuid.uuid4())

    answers = at_once([_record(server.url, user["access"], client_id) for _ in range(8)])

    assert _statuses(answers) == [200] * 7 + [201], server.log()
    assert {a.json()["id"] for a in answers} == {answers[0].json()["id"]}
    stored = "SELECT count(*) FROM practice_practicesession WHERE client_id = ?"
    assert _count(path, stored, client_id.replace("-", "")) == 1


def test_first_practices_of_four_people_at_once_are_all_stored_with_their_badge(sqlite_app):
    server, path = sqlite_app
    users = [_register(server.url, f"first{n}@example.com") for n in range(4)]

    answers = at_once([_record(server.url, u["access"], str(uuid.uuid4())) for u in users])

    assert _statuses(answers) == [201] * 4, server.log()
    assert all("first-practice" in [b["code"] for b in a.json()["awarded"]] for a in answers)
    for user in users:
        sessions = "SELECT count(*) FROM practice_practicesession WHERE user_id = ?"
        assert _count(path, sessions, user["user"]["id"]) == 1


def test_four_practices_of_one_person_at_once_are_all_stored_and_badged_once(sqlite_app):
    server, path = sqlite_app
    user = _register(server.url, "busy@example.com")

    answers = at_once([_record(server.url, user["access"], str(uuid.uuid4())) for _ in range(4)])

    assert _statuses(answers) == [201] * 4, server.log()
    user_id = user["user"]["id"]
    assert (
        _count(path, "SELECT count(*) FROM practice_practicesession WHERE user_id = ?", user_id)
        == 4
    )
    awarded = [b["code"] for a in answers for b in a.json()["awarded"]]
    assert awarded.count("first-practice") == 1
