"""`{% weekly_chart weekly %}`, `{% month_calendar month %}`, `{% year_calendar year %}` and
`{% share_bars rows label %}`: the pictures of the stats page, in Python.

Each was a template loop (twelve bars drawn and tabled; five or six weeks of days, each with
its tests, a `date` filter or two and numbers localised one by one): most of the page's
rendering time. These write the same HTML, byte for byte (practice/tests/test_stats_charts.py
renders the former templates, kept in tests/data, beside them). Numbers are written as
`{{ value }}` writes them (html_value), dates as the `date` filter does.
"""

from django import template
from django.template.defaultfilters import pluralize
from django.utils.safestring import mark_safe

from yogaflow.core.html import date_text as date_format
from yogaflow.core.html import html_value as _out
from yogaflow.core.urls import route_url

register = template.Library()


def _bar(bar: dict, *, last: bool, weekly: dict) -> str:
    current = " bar-chart__bar--current" if last else ""
    value = (
        f'<text class="bar-chart__value" x="{_out(bar["center"])}" y="{_out(bar["y"] - 5)}" '
        f'text-anchor="middle">{_out(bar["minutes"])}</text>'
        if bar["minutes"]
        else ""
    )
    return (
        "\n    <g>\n"
        f"      <title>{_out(bar['title'])}</title>\n"
        f'      <rect class="bar-chart__bar{current}" x="{_out(bar["x"])}" y="{_out(bar["y"])}" '
        f'width="{_out(weekly["bar_width"])}" height="{_out(bar["height"])}" rx="4"/>\n'
        f"      {value}\n"
        f'      <text class="chart-label" x="{_out(bar["center"])}" '
        f'y="{_out(weekly["label_y"])}" text-anchor="middle">{_out(bar["label"])}</text>\n'
        "    </g>\n  "
    )


@register.simple_tag
def weekly_chart(weekly: dict) -> str:
    """Minutes per week as bars (practice.charts.weekly_chart's data), and as a table."""
    width = _out(weekly["width"])
    bars = weekly["bars"]
    grid = "".join(
        f'<line class="bar-chart__grid" x1="0" x2="{width}" y1="{_out(line["y"])}" '
        f'y2="{_out(line["y"])}"/>'
        for line in weekly["gridlines"]
    )
    drawn = "".join(
        _bar(bar, last=index == len(bars) - 1, weekly=weekly) for index, bar in enumerate(bars)
    )
    rows = "".join(
        f'\n        <tr><th scope="row">{_out(date_format(bar["start"], "j M Y"))}</th>'
        f"<td>{_out(bar['minutes'])}</td><td>{_out(bar['sessions'])}</td></tr>\n      "
        for bar in bars
    )
    baseline = _out(weekly["baseline"])
    return mark_safe(  # noqa: S308 (every value escaped by _out)
        f'<svg class="bar-chart" role="img" aria-label="{_out(weekly["summary"])}" '
        f'viewBox="0 0 {width} {_out(weekly["height"])}" preserveAspectRatio="xMidYMid meet" '
        'xmlns="http://www.w3.org/2000/svg">\n'
        f"  {grid}\n"
        f'  <line class="bar-chart__axis" x1="0" x2="{width}" y1="{baseline}" y2="{baseline}"/>\n'
        f"  {drawn}\n"
        "</svg>\n"
        '<details class="chart-table">\n'
        "  <summary>Show as a table</summary>\n"
        '  <table class="data-table">\n'
        '    <caption class="visually-hidden">Minutes of practice per week</caption>\n'
        '    <thead><tr><th scope="col">Week of</th><th scope="col">Minutes</th>'
        '<th scope="col">Sessions</th></tr></thead>\n'
        "    <tbody>\n"
        f"      {rows}\n"
        "    </tbody>\n"
        "  </table>\n"
        "</details>\n"
    )


def _day(day: dict, history_url: str) -> str:
    today = " month-calendar__day--today" if day["is_today"] else ""
    if not day["in_month"]:
        cell = '<td class="month-calendar__day month-calendar__day--outside"></td>'
    elif day["minutes"]:
        when = day["date"]
        cell = (
            f'<td class="month-calendar__day heat-cell--{_out(day["level"])}{today}">\n'
            f'              <a href="{_out(history_url)}?day={_out(date_format(when, "Y-m-d"))}" '
            f'aria-label="{_out(date_format(when, "j F Y"))}: {_out(day["minutes"])} minutes">\n'
            '                <span class="month-calendar__date" aria-hidden="true">'
            f"{_out(when.day)}</span>\n"
            '                <span class="month-calendar__minutes" aria-hidden="true">'
            f"{_out(day['minutes'])}′</span>\n"
            "              </a>\n"
            "            </td>"
        )
    else:
        future = " month-calendar__day--future" if day["is_future"] else ""
        cell = (
            f'<td class="month-calendar__day{today}{future}">'
            f'<span class="month-calendar__date">{_out(day["date"].day)}</span></td>'
        )
    return f"\n          \n            {cell}\n          \n        "


def _month_link(when, *, rel: str) -> str:
    if not when:
        return "<span></span>"
    label = _out(date_format(when, "M Y"))
    text = f"‹ {label}" if rel == "prev" else f"{label} ›"
    return (
        f'<a class="month-nav__link" href="?month={_out(date_format(when, "Y-m"))}#month-title" '
        f'rel="{rel}">{text}</a>'
    )


@register.simple_tag
def month_calendar(month: dict) -> str:
    """One month's days (practice.charts.month_calendar's data), practised days linking to
    the history of that day, with links to the months either side."""
    history_url = route_url("practice:history")
    days = month["days_practised"]
    weekdays = "".join(f'<th scope="col">{_out(weekday)}</th>' for weekday in month["weekdays"])
    weeks = "".join(
        "\n      <tr>\n        "
        + "".join(_day(day, history_url) for day in week)
        + "\n      </tr>\n    "
        for week in month["weeks"]
    )
    return mark_safe(  # noqa: S308 (every value escaped by _out)
        '<nav class="month-nav" aria-label="Months">\n'
        f"  {_month_link(month['previous'], rel='prev')}\n"
        f'  <span class="month-nav__summary">{_out(days)} day{"" if days == 1 else "s"} · '
        f"{_out(month['minutes'])} min</span>\n"
        f"  {_month_link(month['next'], rel='next')}\n"
        "</nav>\n"
        '<table class="month-calendar">\n'
        '  <caption class="visually-hidden">Practice days in '
        f"{_out(date_format(month['first'], 'F Y'))}; practised days link to their sessions"
        "</caption>\n"
        "  <thead>\n"
        f"    <tr>{weekdays}</tr>\n"
        "  </thead>\n"
        f"  <tbody>\n    {weeks}\n"
        "  </tbody>\n"
        "</table>\n"
    )


@register.simple_tag
def year_calendar(year: dict) -> str:
    """The year's heat map (practice.charts.year_calendar's data): month and weekday labels,
    the day cells already written as one string, and the legend."""
    summary = _out(year["summary"])
    months = "".join(
        f'<text class="chart-label" x="{_out(month["x"])}" y="11">{_out(month["label"])}</text>'
        for month in year["months"]
    )
    weekdays = "".join(
        f'<text class="chart-label" x="0" y="{_out(weekday["y"])}">{_out(weekday["label"])}</text>'
        for weekday in year["weekdays"]
    )
    legend = "".join(
        '<svg width="11" height="11" viewBox="0 0 11 11">'
        f'<rect class="heat heat--{_out(step["level"])}" width="11" height="11" rx="2"/></svg>'
        for step in year["legend"]
    )
    width, height = _out(year["width"]), _out(year["height"])
    return mark_safe(  # noqa: S308 (every value escaped by _out)
        f'<p id="year-summary" class="visually-hidden">{summary}</p>\n'
        "\n"
        '<div class="heatmap" role="region" tabindex="0" aria-label="Practice calendar of the '
        'last year (scrolls sideways)">\n'
        f'  <svg class="heatmap__svg" role="img" aria-label="{summary}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg">\n'
        f"    {months}\n"
        f"    {weekdays}\n"
        f"    {_out(year['rects'])}\n"
        "  </svg>\n"
        "</div>\n"
        '<div class="heatmap__legend" aria-hidden="true">\n'
        "  <span>Less</span>\n"
        f"  {legend}\n"
        "  <span>More</span>\n"
        "</div>\n"
    )


@register.simple_tag
def share_bars(rows: list[dict], label: str) -> str:
    """A breakdown's bars (practice.charts.share_bars' data): label, bar and minutes."""
    items = "".join(
        '\n    <li class="share-bars__row">\n'
        f'      <span class="share-bars__label">{_out(row["label"])}</span>\n'
        '      <span class="share-bars__track" aria-hidden="true">'
        f'<span class="share-bars__fill" data-width="{_out(row["percent"])}"></span></span>\n'
        f'      <span class="share-bars__value">{_out(row["minutes"])} min · '
        f"{_out(row['sessions'])} session{_plural(row['sessions'])}</span>\n"
        "    </li>\n  "
        for row in rows
    )
    return mark_safe(  # noqa: S308 (every value escaped by _out)
        f'<ul class="share-bars" aria-label="{_out(label)}">\n  {items}\n</ul>\n'
    )


def _plural(count: int) -> str:
    """What `{{ count|pluralize }}` writes for a number."""
    return pluralize(count)
