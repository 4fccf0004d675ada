"""Durations as the pages print them, for people and for <time datetime> (seconds in)."""

from django import template

register = template.Library()


def _whole_seconds(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


@register.filter
def duration(seconds) -> str:
    """245 → "4:05"; 3720 → "1 h 02 min" (an hour and more reads better without seconds)."""
    seconds = _whole_seconds(seconds)
    if seconds >= 3600:
        hours, minutes = divmod(round(seconds / 60), 60)
        return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes}:{seconds:02d}"


@register.filter
def iso_duration(seconds) -> str:
    """245 → "PT4M5S": the machine-readable form for <time datetime="…">."""
    seconds = _whole_seconds(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    parts.append(f"{seconds}S" if seconds or not (hours or minutes) else "")
    return "PT" + "".join(parts)
