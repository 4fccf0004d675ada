"""`{% pose_cards poses %}`: the library's grid of pose cards, in Python.

Each card was a template included once per pose (24 a page): a context push, a dozen variable
lookups and three `get_*_display` calls per card. This writes the same HTML, byte for byte
(poses/tests/test_pose_cards.py renders the former include, kept in tests/data, beside it).
"""

from django import template
from django.utils.safestring import mark_safe

from poses.models import Category, Difficulty, Kind
from poses.templatetags.pose_figures import pose_picture
from yogaflow.core.html import escape_text
from yogaflow.core.urls import slug_url

register = template.Library()

_CATEGORIES = dict(Category.choices)
_KINDS = dict(Kind.choices)
_DIFFICULTIES = dict(Difficulty.choices)


def _label(labels: dict, value) -> str:
    """`get_FOO_display()`: the choice's label, or the stored value when it is not a choice."""
    return labels.get(value, value)


def pose_card(pose) -> str:
    """One card: the picture (alt: the English name), the name linking to the pose, its
    Sanskrit name, its category (its kind for breathing and meditation) and difficulty."""
    esc = escape_text
    name = esc(pose.name_en)
    sanskrit = (
        f'<p class="pose-card__sanskrit" lang="sa-Latn">{esc(pose.name_sa)}</p>'
        if pose.name_sa
        else ""
    )
    kind = _label(_CATEGORIES, pose.category) if pose.category else _label(_KINDS, pose.kind)
    return (
        '\n<li class="pose-card">\n'
        f"  {pose_picture(pose, size='card', alt=pose.name_en)}\n"
        '  <div class="pose-card__body">\n'
        '    <h3 class="pose-card__title"><a class="pose-card__link" '
        f'href="{esc(slug_url("poses:detail", pose.slug))}">{name}</a></h3>\n'
        f"    {sanskrit}\n"
        '    <ul class="tags">\n'
        f'      <li class="tag">{esc(kind)}</li>\n'
        f'      <li class="tag tag--{esc(pose.difficulty)}">'
        f"{esc(_label(_DIFFICULTIES, pose.difficulty))}</li>\n"
        "    </ul>\n"
        "  </div>\n"
        "</li>\n"
    )


@register.simple_tag
def pose_cards(poses) -> str:
    """The `<li>` cards of `poses` (Pose rows, the library's poses.cards.LibraryCards, or
    anything with the same attributes)."""
    return mark_safe("".join(pose_card(pose) for pose in poses))  # noqa: S308 (escaped above)
