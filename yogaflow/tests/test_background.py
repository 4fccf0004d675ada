"""Background work on a real queue, end to end: the app (runserver) and a Celery worker in
subprocesses, a private Redis as the broker, a real SMTP server (aiosmtpd) in the test process,
one SQLite file they share.

Proves what issue 17 asks: reset mail delivered; the reset request answers in the same time
whether or not the address has an account, and does no SMTP itself; retry after a refused
connection; a task that keeps failing logged with its id and no secret; with the worker down
the requests still answer quickly and the mail goes out once it returns; a reminder goes out
through the worker. (Reminder timing across clock changes: practice/tests/test_reminders.py.)
"""

import json
import re
import statistics
import time
import urllib.parse

import pytest

from yogaflow.core.testing.servers import (
    RedisServer,
    SmtpServer,
    Visitor,
    app_env,
    app_server,
    celery_worker,
    free_port,
    http,
    manage,
    redis_server,
    smtp_server,
)

pytestmark = pytest.mark.servers

RESET = "/api/v1/auth/password-reset"


KNOWN = [f"known{i}@example.com" for i in range(8)]
ACCOUNTS = [
    "delivered@example.com",
    "refused@example.com",
    "unlucky@example.com",
    "patient@example.com",
    *KNOWN,
]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """One SQLite file for the module, migrated, with the accounts the tests ask resets for."""
    path = tmp_path_factory.mktemp("background") / "db.sqlite3"
    env = app_env(DATABASE_URL=f"sqlite:///{path}")
    manage(env, "migrate", "--noinput", "-v", "0")
    create_users(env, *ACCOUNTS)
    return path


@pytest.fixture
def broker():
    with redis_server() as redis:
        yield redis


def env_for(database, broker, smtp_url: str, **overrides) -> dict:
    settings = {
        "DATABASE_URL": f"sqlite:///{database}",
        "CELERY_BROKER_URL": broker.url,
        "EMAIL_URL": smtp_url,
        "EMAIL_TIMEOUT": "5",
        "MAIL_RETRY_BASE_SECONDS": "0.5",
        "MAIL_RETRY_MAX_SECONDS": "2",
        "SITE_URL": "http://yogaflow.test",
        # Each request comes from its own address (X-Forwarded-For), so the API's ten reset
        # requests an hour per address do not get in the way of a timing sample.
        "NUM_PROXIES": "1",
        "LOG_FORMAT": "json",
    }
    return app_env(**{**settings, **overrides})


def create_users(env: dict, *emails: str, **fields) -> None:
    """Accounts straight in the shared database (the API's sign-up is rate limited)."""
    code = (
        "import datetime\n"
        "from accounts.models import User\n"
        f"for email in {list(emails)!r}:\n"
        f"    User.objects.create_user(email, 'Lotus-Flow-2024', **{fields!r})\n"
    )
    manage(env, "shell", "-c", code)


_address = iter(range(1, 60000))


def ask_reset(url: str, email: str):
    """POST password-reset from a fresh client address; (answer, seconds)."""
    n = next(_address)
    forwarded = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
    started = time.perf_counter()
    answer = http(
        "POST", url + RESET, body={"email": email}, headers={"X-Forwarded-For": forwarded}
    )
    return answer, time.perf_counter() - started


def reset_link(body: str) -> str:
    return re.search(r"http://\S+/accounts/reset/\S+/\S+/", body).group(0)


def test_reset_mail_is_delivered_by_the_worker_and_its_link_works(database, broker):
    with smtp_server() as smtp:
        env = env_for(database, broker, smtp.url)
        with app_server(env) as app, celery_worker(env):
            answer, _ = ask_reset(app.url, "delivered@example.com")
            assert answer.status == 202
            (message,) = smtp.wait_for(1)
            assert message["To"] == "delivered@example.com"
            assert message["Subject"] == "Reset your YogaFlow password"
            link = reset_link(message.get_payload(decode=True).decode())
            path = urllib.parse.urlsplit(link).path
            opened = http("GET", app.url + path)
            assert opened.status == 302
            assert opened.header("Location").endswith("/set-password/")


def test_worker_down_requests_answer_quickly_and_alike_and_mail_follows_its_return(
    database, broker
):
    known = KNOWN
    with smtp_server() as smtp:
        env = env_for(database, broker, smtp.url)
        with app_server(env) as app:
            ask_reset(app.url, "warm-up@example.com")  # the first request loads the URLconf
            timings = {"known": [], "unknown": []}
            for index, email in enumerate(known):
                for kind, address in (("known", email), ("unknown", f"nobody{index}@example.com")):
                    answer, seconds = ask_reset(app.url, address)
                    assert answer.status == 202, answer.body
                    timings[kind].append(seconds)
            other = http("GET", app.url + "/healthz")
            assert other.status == 200

            # No worker: the requests did no SMTP at all, and all answered quickly.
            assert smtp.connections == 0 and smtp.messages == []
            assert max(timings["known"] + timings["unknown"]) < 2.0, timings
            # The same time either way: medians within a generous factor (plus a few ms).
            known_median = statistics.median(timings["known"])
            unknown_median = statistics.median(timings["unknown"])
            assert known_median < 2 * unknown_median + 0.02, timings
            assert unknown_median < 2 * known_median + 0.02, timings

            with celery_worker(env):
                smtp.wait_for(len(known))
                time.sleep(1)  # nothing more is coming
        assert sorted(message["To"] for message in smtp.messages) == sorted(known)


def test_a_refused_connection_is_retried_until_the_server_accepts(database, broker):
    port = free_port()  # nothing listens there yet: the connection is refused
    smtp = SmtpServer(port)
    env = env_for(database, broker, smtp.url)
    with app_server(env) as app, celery_worker(env) as worker:
        assert ask_reset(app.url, "refused@example.com")[0].status == 202
        retry = worker.wait_for_event("mail_retrying")
        assert retry["error"] == "ConnectionRefusedError" and retry["task_id"]
        smtp.start()
        try:
            (message,) = smtp.wait_for(1, timeout=30)
        finally:
            smtp.stop()
        assert message["To"] == "refused@example.com"
        sent = worker.wait_for_event("mail_sent")
        assert sent["task_id"] == retry["task_id"]


def test_a_reset_asked_while_the_cache_is_down_is_retried_and_mailed_once_it_is_back(
    database, broker
):
    """The task cannot count the reset allowance without the cache (ServiceUnavailable):
    Celery retries it with back-off instead of losing the mail."""
    cache = RedisServer()  # its port is the cache's; nothing listens there yet: the cache is down
    with smtp_server() as smtp:
        env = env_for(
            database,
            broker,
            smtp.url,
            CACHE_URL=cache.url,
            RESET_RETRY_BACKOFF_SECONDS="1",
            RESET_RETRY_BACKOFF_MAX_SECONDS="2",
        )
        try:
            with app_server(env) as app, celery_worker(env) as worker:
                # The page counts nothing in the request (the API's address throttle would
                # answer 503): it is accepted, and the worker meets the outage.
                page = Visitor(app.url).post_form(
                    "/accounts/password/reset/", {"email": "patient@example.com"}
                )
                assert page.status == 302
                retrying = worker.wait_for_event("task_retrying")
                assert "CountersUnavailable" in retrying["reason"]
                time.sleep(2)  # a few more tries against the outage
                assert smtp.messages == []

                cache.start()
                (message,) = smtp.wait_for(1, timeout=30)
                worker.wait_for_event("mail_sent")
                log = worker.log()
        finally:
            cache.stop()
    assert message["To"] == "patient@example.com"
    assert "/accounts/reset/" in message.get_payload(decode=True).decode()
    assert "patient@example.com" not in log  # the retries never log the address


def test_a_mail_that_keeps_failing_is_logged_with_its_task_id_and_no_secret(database, broker):
    env = env_for(
        database,
        broker,
        f"smtp://127.0.0.1:{free_port()}",  # never answers
        MAIL_MAX_RETRIES="2",
        MAIL_RETRY_BASE_SECONDS="0.2",
    )
    with app_server(env) as app, celery_worker(env) as worker:
        assert ask_reset(app.url, "unlucky@example.com")[0].status == 202
        failed = worker.wait_for_event("mail_failed")
        log, events = worker.log(), worker.events()

    assert failed["level"] == "error"
    assert failed["attempts"] == 3 and failed["task_id"]
    assert failed["key"].startswith("password-reset:")
    retries = [e for e in events if e.get("event") == "mail_retrying"]
    assert [e["attempt"] for e in retries] == [1, 2]
    # Every line about it is JSON, and none holds the reset link, its token, or the body.
    assert re.search(r"/reset/(?!\[redacted\])", log) is None
    assert "reset your password" not in log.lower() and "unlucky@example.com" not in log
    assert all(json.loads(line) for line in log.splitlines() if failed["task_id"] in line)


def test_a_due_reminder_goes_out_through_the_worker(database, broker):
    with smtp_server() as smtp:
        env = env_for(database, broker, smtp.url)
        # Due now in a zone where it is about noon (a fixed-offset one, so the local minute
        # is simply UTC's plus whole hours): the job runs within the window, never past midnight.
        now = time.gmtime()
        offset = 12 - now.tm_hour  # Etc/GMT-N is N hours ahead of UTC
        create_users(
            env,
            "reminded@example.com",
            timezone=f"Etc/GMT{-offset:+d}" if offset else "UTC",
            reminders_enabled=True,
            reminder_time=f"12:{now.tm_min:02d}",
        )
        with celery_worker(env) as worker:
            manage(
                env, "shell", "-c", "from practice.tasks import send_due_reminders as t; t.delay()"
            )
            (message,) = smtp.wait_for(1)
            worker.wait_for_event("mail_sent")
            body = message.get_payload(decode=True).decode()
            assert "http://yogaflow.test/sequences/today/?" in body
            assert (
                message["List-Unsubscribe"]
                .strip()
                .startswith("<http://yogaflow.test/accounts/reminders/unsubscribe/")
            )
            # Never twice a day: a second run finds it already sent.
            manage(
                env, "shell", "-c", "from practice.tasks import send_due_reminders as t; t.delay()"
            )
            time.sleep(2)
        assert len(smtp.messages) == 1
