"""Geometry for the stats pictures, as plain data the templates draw as SVG or tables.

Pure functions of the numbers practice.stats computed: no queries, no markup,
so each rule (levels, scales, labels) is tested without a page.
"""

import calendar
from bisect import bisect_right
from datetime import date, timedelta

from django.utils.safestring import SafeString, mark_safe

from yogaflow.core.html import escape_text

# Minutes from which a day reaches level 1, 2, 3, 4 (0 is no practice).
LEVEL_MINUTES = (1, 15, 30, 45)
CELL = 11
GAP = 3
STEP = CELL + GAP
CAL_LEFT = 30
CAL_TOP = 18
BAR_WIDTH = 32
BAR_STEP = 48
BAR_AREA = 140
CHART_TOP = 22
CHART_LEFT = 8


def level(minutes: int) -> int:
    """Heat-map intensity 0–4 for a day's minutes: how many thresholds it reaches."""
    return bisect_right(LEVEL_MINUTES, minutes)  # LEVEL_MINUTES ascending


# `%b` of each month, read once: the year calendar labels some 370 days per page.
_MONTHS = tuple(f"{date(2000, month, 1):%b}" for month in range(1, 13))


def day_label(day: date) -> str:
    """ "4 Mar 2026" (`f"{day.day} {day:%b %Y}"`)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def day_title(day: date, minutes: int) -> str:
    return f"{day_label(day)}: {minutes} min" if minutes else f"{day_label(day)}: no practice"


def year_calendar(days: dict[date, int], *, start: date, today: date) -> dict:
    """A GitHub-style grid: one column per week (Monday on top) from `start` to `today`."""
    cells, months = [], []
    day = start
    while day <= today:
        column, row = (day - start).days // 7, day.weekday()
        minutes = days.get(day, 0)
        cells.append(
            {
                "date": day,
                "x": CAL_LEFT + column * STEP,
                "y": CAL_TOP + row * STEP,
                "level": level(minutes),
                "title": day_title(day, minutes),
            }
        )
        if day.day == 1 or day == start:
            # A month is labelled above its first full week; a partial first month
            # gives way to the next one rather than crowd it.
            label_column = column + (1 if row else 0)
            label = {
                "column": label_column,
                "x": CAL_LEFT + label_column * STEP,
                "label": f"{day:%b}",
            }
            if months and label_column - months[-1]["column"] < 3:
                months[-1] = label
            else:
                months.append(label)
        day += timedelta(days=1)
    columns = (today - start).days // 7 + 1
    practised = [d for d, m in days.items() if m and start <= d <= today]
    total = sum(days.get(d, 0) for d in practised)
    summary = (
        f"Practice calendar from {day_label(start)} to {day_label(today)}: "
        f"{len(practised)} practice day{'s' if len(practised) != 1 else ''}, {total} minutes."
    )
    return {
        "cells": cells,
        "rects": _rects(cells),
        "months": months,
        "weekdays": [
            {"label": label, "y": CAL_TOP + row * STEP + CELL - 1}
            for row, label in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
        ],
        "width": CAL_LEFT + columns * STEP,
        "height": CAL_TOP + 7 * STEP,
        "summary": summary,
        "legend": [{"level": n, "x": n * STEP} for n in range(len(LEVEL_MINUTES) + 1)],
    }


def _rects(cells: list[dict]) -> SafeString:
    """The calendar's ~370 <rect>s as one string: a template loop would dominate the page's time."""
    return mark_safe(  # noqa: S308 (numbers and escaped titles only)
        "".join(
            f'<rect class="heat heat--{cell["level"]}" x="{cell["x"]}" y="{cell["y"]}" '
            f'width="{CELL}" height="{CELL}" rx="2">'
            f"<title>{escape_text(cell['title'])}</title></rect>"
            for cell in cells
        )
    )


def _nice_ceiling(value: int) -> int:
    for step in (15, 30, 60, 120, 300, 600):
        if value <= step * 4:
            return max(step, -(-value // step) * step)
    return -(-value // 600) * 600


def weekly_chart(weeks: list[dict]) -> dict:
    """Bars of minutes per week (oldest first), scaled to the busiest week."""
    top = _nice_ceiling(max((week["minutes"] for week in weeks), default=0))
    bars = []
    for index, week in enumerate(weeks):
        height = round(BAR_AREA * week["minutes"] / top) if week["minutes"] else 0
        x = CHART_LEFT + index * BAR_STEP
        bars.append(
            {
                "x": x,
                "center": x + BAR_WIDTH // 2,
                "y": CHART_TOP + BAR_AREA - height,
                "height": height,
                "minutes": week["minutes"],
                "sessions": week["sessions"],
                "start": week["start"],
                "label": f"{week['start'].day} {week['start']:%b}",
                "title": f"Week of {day_label(week['start'])}: {week['minutes']} min, "
                f"{week['sessions']} session{'s' if week['sessions'] != 1 else ''}",
            }
        )
    total = sum(week["minutes"] for week in weeks)
    busiest = max(weeks, key=lambda week: week["minutes"], default=None)
    summary = f"Minutes of practice per week for the last {len(weeks)} weeks: {total} in all"
    if busiest and busiest["minutes"]:
        summary += f", most in the week of {day_label(busiest['start'])} ({busiest['minutes']} min)"
    return {
        "bars": bars,
        "bar_width": BAR_WIDTH,
        "baseline": CHART_TOP + BAR_AREA,
        "label_y": CHART_TOP + BAR_AREA + 18,
        "gridlines": [
            {"y": CHART_TOP + BAR_AREA - round(BAR_AREA * n / 2), "value": top * n // 2}
            for n in (1, 2)
        ],
        "width": CHART_LEFT * 2 + len(weeks) * BAR_STEP - (BAR_STEP - BAR_WIDTH),
        "height": CHART_TOP + BAR_AREA + 26,
        "summary": summary + ".",
    }


def month_calendar(month_days: dict[date, int], *, first: date, today: date) -> dict:
    """Weeks (Monday first) of the month at `first`, with minutes per day and links' neighbours."""
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == first.month,
                "minutes": month_days.get(day, 0),
                "level": level(month_days.get(day, 0)),
                "is_today": day == today,
                "is_future": day > today,
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    in_month = [m for d, m in month_days.items() if d.month == first.month and d.year == first.year]
    return {
        "first": first,
        "weeks": weeks,
        "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "previous": previous if previous.year >= 1900 else None,
        "next": following if following <= today else None,
        "days_practised": sum(1 for m in in_month if m),
        "minutes": sum(in_month),
    }


def share_bars(rows: list[dict]) -> list[dict]:
    """Horizontal bars for a breakdown: each row's minutes as a share of the largest."""
    top = max((row["minutes"] for row in rows), default=0) or 1
    return [{**row, "percent": max(2, round(100 * row["minutes"] / top))} for row in rows]
