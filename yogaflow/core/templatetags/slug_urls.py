"""Addresses without a resolver walk or a storage lookup per use (yogaflow.core.urls):
`{% slug_url "app:name" obj.slug %}` is `{% url %}` for routes taking one slug,
`{% route_url "app:name" %}` for routes without arguments, `{% static_url "css/x.css" %}`
is `{% static %}`."""

from django import template

from yogaflow.core.urls import route_url as _route_url
from yogaflow.core.urls import slug_url as _slug_url
from yogaflow.core.urls import static_url as _static_url

register = template.Library()


@register.simple_tag
def slug_url(name: str, slug: str) -> str:
    """The route's address for this slug: the same string as `{% url name slug %}`."""
    return _slug_url(name, slug)


@register.simple_tag
def route_url(name: str) -> str:
    """The route's address: the same string as `{% url name %}`."""
    return _route_url(name)


@register.simple_tag
def static_url(path: str) -> str:
    """The static file's address: the same string as `{% static path %}`."""
    return _static_url(path)
