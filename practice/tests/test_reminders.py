"""Practice reminders: the right local minute in each time zone, across clock changes, at most
once a local day, never after a practice that day, never after unsubscribing.

The clock is time-machine's (the job reads django.utils.timezone.now()); mail goes through the
one mail task, eagerly here (no broker), into Django's test outbox.
"""

import re
from datetime import UTC, datetime, time, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core import mail

from accounts.tests.factories import UserFactory
from practice import reminders, tasks
from practice.services import record_practice

pytestmark = pytest.mark.django_db


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def run_every_minute(start: datetime, end: datetime, *, step=timedelta(minutes=1)):
    """Run the scheduled task at each minute of [start, end); the UTC instants mail went out."""
    sent_at = []
    instant = start
    with time_machine.travel(start, tick=False) as clock:
        while instant < end:
            before = len(mail.outbox)
            clock.move_to(instant)
            tasks.send_due_reminders()
            sent_at += [instant] * (len(mail.outbox) - before)
            instant += step
    return sent_at


def reminded(user, **fields):
    for name, value in {"reminders_enabled": True, **fields}.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save()
    return user


def test_a_reminder_follows_local_seven_oclock_across_the_spring_clock_change():
    # Europe/Paris springs forward on Sunday 29 March 2026 (02:00 CET -> 03:00 CEST).
    reminded(UserFactory(timezone="Europe/Paris"), reminder_time=time(7, 0))

    # Every minute of the hours around it, then every quarter of an hour of the four days.
    sent = []
    for day in (27, 28, 29, 30):
        sent += run_every_minute(utc(2026, 3, day, 4, 0), utc(2026, 3, day, 8, 0))
    sent += run_every_minute(utc(2026, 3, 27), utc(2026, 3, 31), step=timedelta(minutes=15))

    assert sent == [
        utc(2026, 3, 27, 6, 0),  # 07:00 CET
        utc(2026, 3, 28, 6, 0),
        utc(2026, 3, 29, 5, 0),  # 07:00 CEST
        utc(2026, 3, 30, 5, 0),
    ]


def test_each_time_zone_gets_its_own_local_minute_across_the_autumn_change():
    # New York falls back on 1 November 2026 (02:00 EDT -> 01:00 EST), Paris on 25 October.
    reminded(UserFactory(timezone="America/New_York"), reminder_time=time(18, 30))
    reminded(UserFactory(timezone="Asia/Kolkata"), reminder_time=time(6, 15))

    sent = run_every_minute(
        utc(2026, 10, 31, 0, 0), utc(2026, 11, 3, 0, 0), step=timedelta(minutes=5)
    )

    assert sent == [
        utc(2026, 10, 31, 0, 45),  # Kolkata 06:15 (UTC+05:30, no DST)
        utc(2026, 10, 31, 22, 30),  # New York 18:30 EDT
        utc(2026, 11, 1, 0, 45),
        utc(2026, 11, 1, 23, 30),  # New York 18:30 EST
        utc(2026, 11, 2, 0, 45),
        utc(2026, 11, 2, 23, 30),
    ]


def test_a_time_in_the_spring_gap_goes_out_at_the_first_minute_after_it():
    reminded(UserFactory(timezone="Europe/Paris"), reminder_time=time(2, 30))

    sent = run_every_minute(utc(2026, 3, 28, 0, 0), utc(2026, 3, 28, 4, 0))
    sent += run_every_minute(utc(2026, 3, 29, 0, 0), utc(2026, 3, 29, 4, 0))
    sent += run_every_minute(utc(2026, 3, 28), utc(2026, 3, 30), step=timedelta(minutes=15))

    # 02:30 CET on the 28th; on the 29th 02:30 does not exist: 03:00 CEST, the minute after.
    assert sent == [utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 0)]


def test_a_time_that_happens_twice_at_fall_back_goes_out_once():
    # Paris, 25 October 2026: 02:30 CEST (00:30 UTC), then 02:30 CET again (01:30 UTC).
    reminded(UserFactory(timezone="Europe/Paris"), reminder_time=time(2, 30))

    sent = run_every_minute(utc(2026, 10, 24, 22, 0), utc(2026, 10, 25, 4, 0))

    assert sent == [utc(2026, 10, 25, 0, 30)]


def test_only_on_the_chosen_local_days():
    # Tokyo's Monday 06:00 is Sunday 21:00 UTC.
    reminded(UserFactory(timezone="Asia/Tokyo"), reminder_time=time(6, 0), reminder_days=["mon"])

    sent = run_every_minute(utc(2026, 6, 1, 0, 0), utc(2026, 6, 15, 0, 0), step=timedelta(hours=1))

    assert sent == [utc(2026, 6, 7, 21, 0), utc(2026, 6, 14, 21, 0)]


def test_never_twice_a_day_however_often_the_job_runs():
    reminded(UserFactory(timezone="UTC"), reminder_time=time(7, 0))

    with time_machine.travel(utc(2026, 5, 4, 7, 0), tick=False):
        counts = [tasks.send_due_reminders() for _ in range(3)]
    later = run_every_minute(utc(2026, 5, 4, 7, 0), utc(2026, 5, 4, 23, 59))

    assert counts == [1, 0, 0]
    assert later == []
    assert len(mail.outbox) == 1


def test_a_late_scheduler_catches_up_within_the_window_but_never_the_next_day(settings):
    settings.REMINDER_WINDOW_MINUTES = 60
    user = reminded(UserFactory(timezone="UTC"), reminder_time=time(7, 0))

    assert run_every_minute(utc(2026, 5, 4, 7, 59), utc(2026, 5, 4, 8, 1)) == [
        utc(2026, 5, 4, 7, 59)
    ]
    user.reminder_last_sent_on = None
    user.save()
    assert run_every_minute(utc(2026, 5, 5, 8, 0), utc(2026, 5, 5, 12, 0)) == []


def test_switching_reminders_on_after_the_hour_waits_for_the_next_day():
    user = UserFactory(timezone="UTC", reminder_time=time(7, 0))
    with time_machine.travel(utc(2026, 5, 4, 15, 0), tick=False):
        reminded(user)
    assert run_every_minute(utc(2026, 5, 4, 15, 0), utc(2026, 5, 4, 23, 0)) == []
    assert run_every_minute(utc(2026, 5, 5, 6, 58), utc(2026, 5, 5, 7, 2)) == [
        utc(2026, 5, 5, 7, 0)
    ]


def test_no_reminder_on_a_local_day_already_practised():
    user = reminded(UserFactory(timezone="America/Los_Angeles"), reminder_time=time(18, 0))
    # 07:00 local on 4 May (14:00 UTC), a completed practice.
    record_practice(
        user=user,
        started_at=utc(2026, 5, 4, 14, 0),
        ended_at=utc(2026, 5, 4, 14, 20),
        duration_seconds=20 * 60,
        completed=True,
        source="manual",
        title="Morning flow",
        style="hatha",
    )

    # 18:00 PDT on 4 May is 01:00 UTC on the 5th: practised that local day, no reminder; the
    # next local day it comes again.
    sent = run_every_minute(utc(2026, 5, 5, 0, 0), utc(2026, 5, 6, 3, 0), step=timedelta(minutes=5))

    assert sent == [utc(2026, 5, 6, 1, 0)]


def test_a_disabled_reminder_sends_nothing():
    UserFactory(timezone="UTC", reminder_time=time(7, 0), reminders_enabled=False)
    UserFactory(timezone="UTC", reminder_time=time(7, 0), reminders_enabled=True, is_active=False)

    assert run_every_minute(utc(2026, 5, 4, 6, 0), utc(2026, 5, 4, 9, 0)) == []


def _unsubscribe_link(message) -> str:
    return re.search(r"https?://\S+/accounts/reminders/unsubscribe/\S+/", message.body).group(0)


def test_the_mail_links_to_todays_practice_with_the_usual_length_and_level(settings):
    settings.SITE_URL = "https://yogaflow.test"
    reminded(
        UserFactory(timezone="UTC", preferred_session_minutes=45, experience_level="intermediate"),
        reminder_time=time(7, 0),
    )
    run_every_minute(utc(2026, 5, 4, 7, 0), utc(2026, 5, 4, 7, 1))

    (message,) = mail.outbox
    link = re.search(r"https://yogaflow\.test/sequences/today/\?\S+", message.body).group(0)
    query = parse_qs(urlsplit(link).query)
    assert query["minutes"] == ["45"] and query["level"] == ["intermediate"]
    unsubscribe = _unsubscribe_link(message)
    assert unsubscribe.startswith("https://yogaflow.test/")
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_click_unsubscribe_without_logging_in_stops_the_reminders(client):
    user = reminded(UserFactory(timezone="UTC"), reminder_time=time(7, 0))
    run_every_minute(utc(2026, 5, 4, 7, 0), utc(2026, 5, 4, 7, 1))
    path = urlsplit(_unsubscribe_link(mail.outbox[0])).path

    response = client.get(path)

    assert response.status_code == 200
    assert "No more practice reminders" in response.content.decode()
    user.refresh_from_db()
    assert user.reminders_enabled is False
    assert run_every_minute(utc(2026, 5, 5, 6, 0), utc(2026, 5, 7, 9, 0)) == []
    assert client.get(path).status_code == 200  # a second click is harmless


def test_a_mail_client_can_unsubscribe_with_a_post(client):
    user = reminded(UserFactory(timezone="UTC"))
    path = urlsplit(reminders.reminder_message(user)["headers"]["List-Unsubscribe"][1:-1]).path

    response = client.post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.reminders_enabled is False


@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + "xx", lambda t: "nonsense", lambda t: "1"])
def test_a_tampered_unsubscribe_link_changes_nothing(client, mangle):
    user = reminded(UserFactory(timezone="UTC"))
    token = urlsplit(reminders.reminder_message(user)["headers"]["List-Unsubscribe"][1:-1]).path
    token = token.rstrip("/").rsplit("/", 1)[1]

    response = client.get(f"/accounts/reminders/unsubscribe/{mangle(token)}/")

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.reminders_enabled is True


def _queries_to_find_the_due(now) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        due = reminders.due_reminders(now=now)
    return len(queries), len(due)


def test_finding_who_is_due_runs_the_same_few_queries_at_10_and_100_practitioners():
    zones = ["Europe/Paris", "Europe/Berlin", "Asia/Kolkata", "America/New_York", "UTC"]
    now = utc(2026, 5, 4, 6, 0)  # 08:00 in Paris and Berlin, 11:30 Kolkata, 02:00 New York

    def add(count):
        for index in range(count):
            reminded(UserFactory(timezone=zones[index % len(zones)]), reminder_time=time(8, 0))

    add(10)
    small = _queries_to_find_the_due(now)
    add(90)
    large = _queries_to_find_the_due(now)

    # One for the zones in use, one per distinct local minute for its candidates (Paris and
    # Berlin share one: four), one for who practised where someone is due (only 08:00).
    assert small == (6, 4) and large == (6, 40)


def test_a_zone_the_machine_does_not_know_skips_only_its_practitioners():
    from accounts.models import User

    reminded(UserFactory(timezone="UTC"), reminder_time=time(7, 0))
    stranger = reminded(UserFactory(timezone="UTC"), reminder_time=time(7, 0))
    User.objects.filter(pk=stranger.pk).update(timezone="Mars/Olympus_Mons")  # skips validation

    assert run_every_minute(utc(2026, 5, 4, 7, 0), utc(2026, 5, 4, 7, 1)) == [utc(2026, 5, 4, 7, 0)]
