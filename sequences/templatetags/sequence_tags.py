"""Template helpers of the sequence pages: who made a sequence."""

from django import template

register = template.Library()


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
