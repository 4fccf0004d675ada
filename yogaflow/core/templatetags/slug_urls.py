"""`{% slug_url "app:name" obj.slug %}`: `{% url %}` for routes taking one slug, without a
resolver walk per card (yogaflow.core.urls)."""

from django import template

from yogaflow.core.urls import slug_url as _slug_url

register = template.Library()


@register.simple_tag
def slug_url(name: str, slug: str) -> str:
    """The route's address for this slug: the same string as `{% url name slug %}`."""
    return _slug_url(name, slug)
