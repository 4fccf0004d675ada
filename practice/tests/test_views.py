"""The history pages (list, detail with edit, delete, manual log), through the test client."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from practice import services, tallies
from practice.models import PracticeSession
from practice.tests.factories import PracticeSessionFactory
from practice.views import SESSIONS_PER_PAGE
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db

HISTORY_URL = reverse("practice:history")
LOG_URL = reverse("practice:log")
LOGIN_URL = reverse("accounts:login")
UTC = ZoneInfo("UTC")


def detail_url(session) -> str:
    return reverse("practice:session", kwargs={"pk": session.pk})


def delete_url(session) -> str:
    return reverse("practice:session_delete", kwargs={"pk": session.pk})


def html(response) -> str:
    return response.content.decode()


def flash(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def shown(response) -> list[int]:
    return [session.pk for session in response.context["page_obj"]]


def on_day(user, day: date, **fields) -> PracticeSession:
    start = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=8)
    return PracticeSessionFactory(user=user, started_at=start, local_date=day, **fields)


def bulk_sessions(user, count: int) -> None:
    start = timezone.now() - timedelta(days=count + 1)
    PracticeSession.objects.bulk_create(
        PracticeSession(
            user=user,
            started_at=start + timedelta(days=index),
            ended_at=start + timedelta(days=index, minutes=20),
            duration_seconds=1200,
            local_date=(start + timedelta(days=index)).date(),
            local_hour=8,
            sequence_title=f"Flow {index}",
            style="hatha",
            source="manual",
        )
        for index in range(count)
    )
    tallies.rebuild(user_ids=[user.pk])  # bulk-created: tallied as the migration does


@pytest.fixture
def session(user):
    return on_day(user, date(2026, 3, 1), sequence_title="Morning flow", notes="Calm.")


# --- the permission matrix ------------------------------------------------------


@pytest.mark.parametrize("name", ["history", "log"])
def test_list_pages_send_visitors_to_log_in(client, name):
    url = reverse(f"practice:{name}")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN_URL}?next=")


@pytest.mark.parametrize("page", [detail_url, delete_url])
def test_session_pages_send_visitors_to_log_in(client, session, page):
    response = client.get(page(session))

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


@pytest.mark.parametrize("page", [detail_url, delete_url])
@pytest.mark.parametrize("caller", ["other_user", "staff_user"])
def test_another_users_session_is_not_found_on_every_page(client, session, page, caller, request):
    client.force_login(request.getfixturevalue(caller))

    assert client.get(page(session)).status_code == 404
    assert client.post(page(session), {"notes": "Mine now"}).status_code == 404
    session.refresh_from_db()
    assert session.notes == "Calm."


def test_history_lists_only_ones_own_sessions(client, user, other_user, session):
    theirs = on_day(other_user, date(2026, 3, 1))
    client.force_login(other_user)

    response = client.get(HISTORY_URL)

    assert shown(response) == [theirs.pk]


# --- history --------------------------------------------------------------------


def test_history_lists_sessions_newest_first_with_their_facts(member_client, user):
    older = on_day(user, date(2026, 2, 1), sequence_title="", style="yin", completed=True)
    newer = on_day(user, date(2026, 2, 3), sequence_title="Studio class", style="vinyasa")

    response = member_client.get(HISTORY_URL)

    assert shown(response) == [newer.pk, older.pk]
    page = html(response)
    assert "Studio class" in page and "Practice" in page
    assert "Tue 3 Feb 2026" in page and "Vinyasa" in page and "Yin" in page
    assert "Completed" in page and "Ended early" in page and "Manual log" in page
    assert "20:00" in page
    assert f'href="{detail_url(newer)}"' in page


def test_history_is_paginated(member_client, user):
    bulk_sessions(user, SESSIONS_PER_PAGE + 3)

    first = member_client.get(HISTORY_URL)
    second = member_client.get(HISTORY_URL, {"page": 2})

    assert len(shown(first)) == SESSIONS_PER_PAGE
    assert len(shown(second)) == 3
    assert not set(shown(first)) & set(shown(second))
    assert first.context["page_obj"].paginator.count == SESSIONS_PER_PAGE + 3
    assert second.context["page_obj"].paginator.num_pages == 2
    past_the_end = member_client.get(HISTORY_URL, {"page": 9})
    assert shown(past_the_end) == shown(second)


def test_history_filters_by_local_date_range(member_client, user):
    on_day(user, date(2026, 1, 31))
    inside = [on_day(user, date(2026, 2, 1)), on_day(user, date(2026, 2, 28))]
    on_day(user, date(2026, 3, 1))

    response = member_client.get(HISTORY_URL, {"date_from": "2026-02-01", "date_to": "2026-02-28"})

    assert sorted(shown(response)) == sorted(s.pk for s in inside)


def test_history_filters_by_style(member_client, user):
    yin = on_day(user, date(2026, 2, 1), style="yin")
    on_day(user, date(2026, 2, 2), style="hatha")

    assert shown(member_client.get(HISTORY_URL, {"style": "yin"})) == [yin.pk]


def test_history_shows_one_day_from_the_calendar(member_client, user):
    on_day(user, date(2026, 2, 1))
    wanted = on_day(user, date(2026, 2, 2))

    response = member_client.get(HISTORY_URL, {"day": "2026-02-02"})

    assert shown(response) == [wanted.pk]
    assert "on 2 February 2026" in html(response)


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "yesterday"},
        {"date_from": "2026-03-02", "date_to": "2026-03-01"},
        {"style": "acrobatic"},
        {"day": "2026-13-01"},
    ],
)
def test_invalid_filters_show_form_errors_and_no_results(member_client, session, query):
    response = member_client.get(HISTORY_URL, query)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["page_obj"] is None
    assert "Please check the form" in html(response)


def test_empty_history_links_to_the_catalogue_and_the_manual_log(member_client):
    page = html(member_client.get(HISTORY_URL))

    assert "No practice recorded yet" in page
    assert f'href="{reverse("sequences:catalog")}"' in page
    assert f'href="{LOG_URL}"' in page


@pytest.mark.parametrize("count", [10, 500])
def test_history_query_count_does_not_grow(member_client, user, count, django_assert_num_queries):
    bulk_sessions(user, count)
    SequenceFactory(poses=0)

    # Exactly session, user, count, page: a row reading a field its query left out
    # (selectors.HISTORY_ROW_FIELDS) would add one per row.
    with django_assert_num_queries(4):
        response = member_client.get(HISTORY_URL)

    assert len(shown(response)) == min(count, SESSIONS_PER_PAGE)


# --- detail and edit -----------------------------------------------------------


def test_detail_shows_everything_recorded_in_the_users_time_zone(member_client, user):
    user.timezone = "Asia/Tokyo"
    user.save(update_fields=["timezone"])
    session = PracticeSessionFactory(
        user=user,
        started_at=datetime(2026, 2, 28, 21, 30, tzinfo=UTC),
        ended_at=datetime(2026, 2, 28, 22, 15, tzinfo=UTC),
        duration_seconds=45 * 60,
        local_date=date(2026, 3, 1),
        mood_before=2,
        mood_after=4,
        energy_before=3,
        energy_after=5,
        notes="Tight hips.",
        style="yin",
        focus="hips",
    )

    page = html(member_client.get(detail_url(session)))

    assert "06:30" in page and "07:15" in page and "Asia/Tokyo" in page
    assert "Sunday 1 March 2026" in page
    assert "45:00" in page and "Yin" in page and "Hips" in page
    assert "2 before · 4 after" in page and "3 before · 5 after" in page
    assert "Tight hips." in page


def test_detail_links_to_the_sequence_while_it_exists(member_client, user):
    sequence = SequenceFactory(title="Bedtime yin", poses=0)
    session = on_day(user, date(2026, 3, 1), sequence=sequence, sequence_title="Bedtime yin")

    assert f'href="{sequence.get_absolute_url()}"' in html(member_client.get(detail_url(session)))
    sequence.delete()
    assert sequence.get_absolute_url() not in html(member_client.get(detail_url(session)))


def test_detail_query_count_is_bounded(member_client, session, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert member_client.get(detail_url(session)).status_code == 200


def test_editing_notes_and_feelings_saves_them(member_client, session):
    response = member_client.post(
        detail_url(session),
        {"notes": "Better after.", "mood_before": "2", "mood_after": "5", "energy_after": "4"},
    )

    assert response.status_code == 302 and response["Location"] == detail_url(session)
    session.refresh_from_db()
    assert (session.notes, session.mood_before, session.mood_after) == ("Better after.", 2, 5)
    assert (session.energy_before, session.energy_after) == (None, 4)
    assert flash(response) == ["Saved your notes."]


@pytest.mark.parametrize(
    "data", [{"mood_before": "6"}, {"energy_after": "zero"}, {"notes": "x" * 2001}]
)
def test_bad_edits_are_form_errors_and_change_nothing(member_client, session, data):
    response = member_client.post(detail_url(session), {"notes": "Changed", **data})

    assert response.status_code == 200
    assert response.context["form"].errors
    session.refresh_from_db()
    assert (session.notes, session.mood_before) == ("Calm.", None)


# --- delete --------------------------------------------------------------------


def test_delete_asks_for_confirmation_first(member_client, session):
    response = member_client.get(delete_url(session))

    assert response.status_code == 200
    assert "Delete this practice?" in html(response)
    assert PracticeSession.objects.filter(pk=session.pk).exists()


def test_delete_removes_the_session_and_returns_to_history(member_client, session):
    response = member_client.post(delete_url(session))

    assert response.status_code == 302 and response["Location"] == HISTORY_URL
    assert not PracticeSession.objects.filter(pk=session.pk).exists()
    assert flash(response) == ["Deleted the practice of 1 March 2026."]


# --- manual log ----------------------------------------------------------------


def log_data(**overrides) -> dict:
    return {
        "date": "2026-03-01",
        "start_time": "06:30",
        "duration_minutes": "45",
        "style": "vinyasa",
        "focus": "",
        "title": "Studio class",
        "notes": "Great teacher.",
        "mood_before": "2",
        "mood_after": "4",
        **overrides,
    }


@time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False)
def test_log_form_defaults_to_today_and_a_recent_start_in_the_users_time_zone(member_client, user):
    user.timezone = "Asia/Tokyo"  # 21:00 on 2 March there
    user.save(update_fields=["timezone"])

    form = member_client.get(LOG_URL).context["form"]

    assert form.initial["date"] == date(2026, 3, 2)
    assert form.initial["start_time"].strftime("%H:%M") == "20:30"


@time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False)
def test_manual_log_in_tokyo_keeps_the_local_day_and_stores_utc(member_client, user):
    user.timezone = "Asia/Tokyo"
    user.save(update_fields=["timezone"])

    response = member_client.post(LOG_URL, log_data())

    session = PracticeSession.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == detail_url(session)
    assert session.local_date == date(2026, 3, 1)
    assert session.local_hour == 6
    assert session.started_at == datetime(2026, 2, 28, 21, 30, tzinfo=UTC)
    assert session.ended_at == datetime(2026, 2, 28, 22, 15, tzinfo=UTC)
    assert session.duration_seconds == 45 * 60
    assert (session.source, session.sequence_title, session.style) == (
        "manual",
        "Studio class",
        "vinyasa",
    )
    assert (session.mood_before, session.mood_after, session.notes) == (2, 4, "Great teacher.")


@time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False)
def test_manual_log_in_los_angeles_is_read_on_that_clock(member_client, user):
    user.timezone = "America/Los_Angeles"
    user.save(update_fields=["timezone"])

    member_client.post(LOG_URL, log_data(date="2026-03-01", start_time="19:30"))

    session = PracticeSession.objects.get(user=user)
    assert session.local_date == date(2026, 3, 1)
    assert session.started_at == datetime(2026, 3, 2, 3, 30, tzinfo=UTC)


@time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False)
@pytest.mark.parametrize(
    "overrides",
    [
        {"duration_minutes": "0"},
        {"duration_minutes": "361"},
        {"date": ""},
        {"start_time": "25:00"},
        {"style": "acrobatic"},
        {"mood_after": "9"},
        {"title": "x" * 121},
    ],
)
def test_bad_manual_log_input_is_a_form_error_and_writes_nothing(member_client, user, overrides):
    response = member_client.post(LOG_URL, log_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not PracticeSession.objects.exists()


@time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False)
def test_a_practice_in_the_future_is_refused_by_the_service_onto_the_form(member_client, user):
    user.timezone = "UTC"
    user.save(update_fields=["timezone"])

    response = member_client.post(LOG_URL, log_data(date="2026-03-02", start_time="11:30"))

    assert response.status_code == 200
    assert "cannot end in the future" in html(response)
    assert not PracticeSession.objects.exists()


def test_the_manual_log_goes_through_record_practice(member_client, user, monkeypatch):
    calls = []
    real = services.record_practice

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(services, "record_practice", spy)
    yesterday = timezone.localdate(timezone=ZoneInfo(user.timezone)) - timedelta(days=1)

    member_client.post(LOG_URL, log_data(date=yesterday.isoformat()))

    assert calls and calls[0]["source"] == "manual" and calls[0]["user"] == user


def test_signed_in_navigation_links_history_stats_and_badges(member_client, client):
    page = html(member_client.get(HISTORY_URL))

    assert f'<a href="{HISTORY_URL}" aria-current="page">History</a>' in page
    assert f'href="{reverse("practice:stats")}">Stats</a>' in page
    assert f'href="{reverse("achievements:badges")}">Badges</a>' in page


def test_visitors_see_no_history_link(client):
    assert HISTORY_URL not in html(client.get(reverse("poses:library")))


# --- admin ---------------------------------------------------------------------


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("count", [10, 500])
def test_admin_lists_sessions_with_a_bounded_query_count(
    admin_client, user, count, django_assert_max_num_queries
):
    bulk_sessions(user, count)

    # session, user, count(s), page (user joined), date hierarchy, filters
    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse("admin:practice_practicesession_changelist"))

    assert response.status_code == 200
    assert user.email in html(response)


def test_admin_searches_by_email_and_title(admin_client, user, other_user):
    on_day(user, date(2026, 3, 1), sequence_title="Studio class")
    on_day(other_user, date(2026, 3, 1), sequence_title="Home flow")
    url = reverse("admin:practice_practicesession_changelist")

    assert admin_client.get(url, {"q": "studio"}).context["cl"].result_count == 1
    assert admin_client.get(url, {"q": other_user.email}).context["cl"].result_count == 1


def test_admin_cannot_add_or_edit_sessions(admin_client, session):
    assert admin_client.get(reverse("admin:practice_practicesession_add")).status_code == 403
    change = admin_client.post(
        reverse("admin:practice_practicesession_change", args=[session.pk]), {"notes": "staff"}
    )
    assert change.status_code == 403
    session.refresh_from_db()
    assert session.notes == "Calm."
