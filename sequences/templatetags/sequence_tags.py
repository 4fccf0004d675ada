"""Template helpers of the sequence pages: durations for people and for <time datetime>."""

from django import template

from sequences.selectors import sequences_using_pose

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


@register.simple_tag(takes_context=True)
def author_name(context, sequence) -> str:
    """Who made a sequence, as cards show it: YogaFlow, "You", or the author's display name."""
    if sequence.author_id is None:
        return "YogaFlow"
    user = context.get("user")
    if user is not None and user.is_authenticated and user.pk == sequence.author_id:
        return "You"
    # Never the e-mail address (get_short_name falls back to it).
    return sequence.author.display_name or "A YogaFlow member"


@register.simple_tag(takes_context=True)
def sequences_using(context, pose):
    """`{% sequences_using pose as sequences %}`: lets the pose page list the sequences using a
    pose without the poses app importing sequences (apps depend leftwards only)."""
    request = context.get("request")
    return sequences_using_pose(pose=pose, user=getattr(request, "user", None))
