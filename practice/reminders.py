"""Practice reminders: each practitioner who asked for them gets one email on their chosen
days at their chosen local time, in their own time zone, at most once a local day, and none on
a day they have already practised. practice.tasks runs `send_due_reminders` every minute.

It lives here, not in accounts, because "already practised today" is practice's to know
(accounts is below practice). The writes on the user are accounts.services'.

Time zones: the local now is computed per zone with zoneinfo from the UTC instant, so a clock
change moves the UTC instant of "07:00", never the local minute. A reminder time inside a
spring-forward gap (02:30 on the night clocks jump from 02:00 to 03:00) goes out at the first
local minute after the gap; a time repeated at fall-back goes out on its first occurrence.
A reminder is due from its minute until REMINDER_WINDOW_MINUTES later (a scheduler that was
away catches up), never past local midnight.
"""

from collections import defaultdict
from datetime import date, datetime, time
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import structlog
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import User, Weekday
from accounts.services import claim_reminder, reminder_unsubscribe_token
from poses.models import Difficulty
from practice.selectors import practised_on
from sequences.forms import TodayForm
from yogaflow.core import mail

logger = structlog.get_logger(__name__)


def _local_minutes(now: datetime, zones) -> dict[tuple[date, time], list[str]]:
    """Zones grouped by their local (date, minute) at the instant `now` (aware)."""
    groups: dict[tuple[date, time], list[str]] = defaultdict(list)
    for zone in zones:
        try:
            local = now.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):  # validated on save; a machine may lack it
            logger.warning("reminder_zone_unknown", timezone=zone)
            continue
        groups[(local.date(), local.time().replace(second=0, microsecond=0))].append(zone)
    return groups


def _window_start(minute: time) -> time:
    """The earliest reminder time still due at this local minute (never before midnight)."""
    minutes = max(0, minute.hour * 60 + minute.minute - (settings.REMINDER_WINDOW_MINUTES - 1))
    return time(minutes // 60, minutes % 60)


def due_reminders(*, now: datetime) -> list[tuple[User, date]]:
    """(user, local date) of everyone whose reminder is due at the instant `now` (aware, UTC or
    not): reminders on, today (locally) one of their days, their time reached within the
    window, not yet reminded today, and no completed practice today. One query per distinct
    local minute among the zones in use, plus one per group for the practice check."""
    active = User.objects.filter(reminders_enabled=True, is_active=True)
    zones = active.values_list("timezone", flat=True).distinct().order_by()
    due = []
    for (today, minute), group in _local_minutes(now, zones).items():
        candidates = [
            user
            for user in active.filter(
                timezone__in=group,
                reminder_time__lte=minute,
                reminder_time__gte=_window_start(minute),
            ).exclude(reminder_last_sent_on=today)
            if Weekday.of(today) in (user.reminder_days or [])
        ]
        if not candidates:
            continue
        practised = practised_on(user_ids=[user.pk for user in candidates], day=today)
        due += [(user, today) for user in candidates if user.pk not in practised]
    return due


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def reminder_message(user: User) -> dict:
    """Subject, body and headers of one user's reminder: a link to Today's practice with their
    usual length and level, and a one-click signed unsubscribe link (also as List-Unsubscribe,
    RFC 8058, so mail clients offer it)."""
    choices = TodayForm.initial_for(user)
    unsubscribe = _absolute(
        reverse(
            "accounts:reminders_unsubscribe", kwargs={"token": reminder_unsubscribe_token(user)}
        )
    )
    context = {
        "user": user,
        "minutes": choices["minutes"],
        "level": Difficulty(choices["level"]).label.lower(),
        "today_link": _absolute(reverse("sequences:today") + "?" + urlencode(choices, doseq=True)),
        "unsubscribe_link": unsubscribe,
        "days": ", ".join(Weekday(day).label for day in user.reminder_days),
        "time": user.reminder_time.strftime("%H:%M"),
    }
    return {
        "subject": "Time for your yoga practice",
        "body": render_to_string("practice/email/reminder.txt", context),
        "headers": {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }


def send_due_reminders(*, now: datetime) -> int:
    """Queue the reminders due at `now` (see due_reminders); how many were queued.

    Each is first claimed for its local date (accounts.services.claim_reminder), so a second
    run, even a concurrent one, sends nothing more that day; a claim whose mail cannot be
    queued is rolled back and tried on the next run.
    """
    sent = 0
    for user, today in due_reminders(now=now):
        with transaction.atomic():
            if not claim_reminder(user_id=user.pk, local_date=today):
                continue
            queued = mail.send_mail(
                key=f"reminder:{user.pk}:{today.isoformat()}",
                to=[user.email],
                **reminder_message(user),
            )
            if not queued:
                transaction.set_rollback(True)
                continue
        sent += 1
        logger.info("reminder_queued", user_id=user.pk, local_date=today.isoformat())
    return sent
