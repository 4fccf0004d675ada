"""`{% panels "place" name=value %}`: the panels higher apps registered at a place of the page
(yogaflow.core.panels)."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from yogaflow.core.panels import panels_at

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, place: str, **kwargs) -> str:
    request = context.get("request")
    parts = []
    for panel in panels_at(place):
        panel_context = panel.context(request, **kwargs)
        if panel_context is None:
            continue
        flat = context.flatten()
        flat.update(panel_context)
        parts.append(get_template(panel.template).render(flat, request))
    # Each part is a template's own rendering, escaped by it.
    return mark_safe("".join(parts))  # noqa: S308
