"""Page links for templates/_pagination.html: a short, elided range around the current page."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page_obj, on_each_side: int = 2, on_ends: int = 1) -> list:
    """[1, "…", 4, 5, 6, 7, 8, "…", 20]: Paginator.get_elided_page_range for templates."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )
