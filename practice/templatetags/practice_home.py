"""The home page's "your practice" for a returning practitioner (templates/home.html)."""

from django import template

from practice.selectors import streak_summary
from practice.stats import local_today

register = template.Library()


@register.simple_tag
def returning_practice(user) -> dict | None:
    """None for someone who has not practised yet; else {"streak": days, "last": the latest
    session (its sequence joined), "practised_today": bool}. Two queries whatever the history:
    the latest session, and the streak from the kept runs (selectors.streak_summary)."""
    if not getattr(user, "is_authenticated", False):
        return None
    last = user.practice_sessions.select_related("sequence").order_by("-started_at", "-pk").first()
    if last is None:
        return None
    today = local_today(user)
    current, _longest = streak_summary(user, today=today)
    return {"streak": current, "last": last, "practised_today": last.local_date == today}
