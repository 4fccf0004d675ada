"""Sequence cards and the favorite toggle, in Python: `{% sequence_cards sequences %}` (the
catalogue's and favorites' grid) and `{% favorite_form sequence %}` (a sequence's page).

Each card was a template included per sequence (twenty a page) that included the favorite
form, with its `{% csrf_token %}`, four `yesno`s and a `{% slug_url %}`. This writes the same
HTML, byte for byte (sequences/tests/test_sequence_cards.py renders the former templates, kept
in tests/data, beside it).

The favorite toggle: a POST form for members (a toggle button, aria-pressed = the current
state), a log-in link for visitors (no form, so the anonymous page stays cacheable); on cards
(`compact`) the button is an icon and visitors get no link.
"""

from urllib.parse import quote

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.safestring import mark_safe

from poses.models import Difficulty
from sequences.models import Focus, Style
from sequences.templatetags.sequence_tags import author_name
from yogaflow.core.html import escape_text, html_value, member_forms
from yogaflow.core.urls import route_url, slug_url

register = template.Library()

_STYLES = dict(Style.choices)
_DIFFICULTIES = dict(Difficulty.choices)
_FOCUSES = dict(Focus.choices)


def _label(labels: dict, value) -> str:
    """`get_FOO_display()`: the choice's label, or the stored value when it is not a choice."""
    return labels.get(value, value)


# The toggle's classes: class="favorite-button favorite-button--on favorite-button--compact"
# (--on: a favorite already; --compact: on cards, the icon alone).
def _member_form(sequence, *, compact: bool, csrf: str, next_path: str) -> str:
    esc = escape_text
    on = bool(sequence.is_favorite)
    classes = "favorite-button" + (" favorite-button--on" if on else "")
    classes += " favorite-button--compact" if compact else ""
    label = (
        f' aria-label="Favorite: {html_value(sequence.title)}"'
        f' title="{"Remove from favorites" if on else "Add to favorites"}"'
        if compact
        else ""
    )
    return (
        '\n<form class="favorite-form" method="post" '
        f'action="{esc(slug_url("sequences:favorite", sequence.slug))}">\n'
        f"  {csrf}\n"
        f'  <input type="hidden" name="next" value="{next_path}">\n'
        f'  <input type="hidden" name="favorite" value="{"0" if on else "1"}">\n'
        f'  <button type="submit" class="{classes}" aria-pressed="{"true" if on else "false"}"'
        f"{label}>\n"
        f'    <span class="favorite-button__icon" aria-hidden="true">{"♥" if on else "♡"}</span>'
        f"{'' if compact else '<span>Favorite</span>'}\n"
        "  </button>\n"
        "</form>\n"
    )


def _favorite_form(sequence, *, compact: bool, member: bool, csrf="", next_path=""):
    if member:
        body = _member_form(sequence, compact=compact, csrf=csrf, next_path=next_path)
    elif not compact:
        esc = escape_text
        back = esc(quote(sequence.get_absolute_url(), safe="/"))
        body = (
            f'\n<p class="favorite-login"><a href="{esc(route_url("accounts:login"))}?next={back}">'
            "Log in to add it to your favorites</a></p>\n"
        )
    else:
        body = ""
    return f"\n{body}\n"


@register.simple_tag(takes_context=True)
def favorite_form(context, sequence, compact=False) -> str:
    """The favorite toggle of `sequence` (annotated `is_favorite`) for the page's user."""
    member, csrf, next_path = member_forms(context)
    html = _favorite_form(sequence, compact=compact, member=member, csrf=csrf, next_path=next_path)
    return mark_safe(html)  # noqa: S308 (every value escaped above)


def sequence_card(context, sequence, *, member: bool, csrf: str, next_path: str) -> str:
    """One card: style, title linking to the sequence, author, description (24 words),
    length, poses, level, focus, and the compact favorite toggle."""
    esc = escape_text
    private = (
        ' · <span class="tag tag--private">Private</span>'
        if sequence.visibility == "private"
        else ""
    )
    description = (
        f'<p class="sequence-card__description">{esc(truncatewords(sequence.description, 24))}</p>'
        if sequence.description
        else ""
    )
    favorite = _favorite_form(sequence, compact=True, member=member, csrf=csrf, next_path=next_path)
    return (
        f'\n<li class="sequence-card sequence-card--{html_value(sequence.style)}">\n'
        f'  <p class="sequence-card__style">{html_value(_label(_STYLES, sequence.style))}</p>\n'
        '  <h3 class="sequence-card__title"><a class="sequence-card__link" '
        f'href="{esc(sequence.get_absolute_url())}">{html_value(sequence.title)}</a></h3>\n'
        f'  <p class="sequence-card__author">by {esc(author_name(context, sequence))}'
        f"{private}</p>\n"
        f"  {description}\n"
        '  <dl class="sequence-card__facts">\n'
        f"    <div><dt>Length</dt><dd>{html_value(sequence.total_minutes)} min</dd></div>\n"
        f"    <div><dt>Poses</dt><dd>{html_value(sequence.pose_count)}</dd></div>\n"
        "    <div><dt>Level</dt><dd>"
        f"{html_value(_label(_DIFFICULTIES, sequence.difficulty))}</dd></div>\n"
        f"    <div><dt>Focus</dt><dd>{html_value(_label(_FOCUSES, sequence.focus))}</dd></div>\n"
        "  </dl>\n"
        f"  {favorite}\n"
        "</li>\n"
    )


@register.simple_tag(takes_context=True)
def sequence_cards(context, sequences) -> str:
    """The `<li>` cards of `sequences` (from sequences.selectors.catalog or
    favorite_sequences: author joined, is_favorite annotated)."""
    member, csrf, next_path = member_forms(context)
    html = "".join(
        sequence_card(context, sequence, member=member, csrf=csrf, next_path=next_path)
        for sequence in sequences
    )
    return mark_safe(html)  # noqa: S308 (every value escaped above)


def sequence_link(context, sequence) -> str:
    """One line of the pose page's "Sequences with this pose": the title linking to the
    sequence, its style, level, length and author."""
    return (
        "\n      <li>\n"
        f'        <a href="{html_value(sequence.get_absolute_url())}">'
        f"{html_value(sequence.title)}</a>\n"
        '        <span class="link-list__meta">'
        f"{html_value(_label(_STYLES, sequence.style))} · "
        f"{html_value(_label(_DIFFICULTIES, sequence.difficulty))} · "
        f"{html_value(sequence.total_minutes)} min · "
        f"by {escape_text(author_name(context, sequence))}</span>\n"
        "      </li>\n      "
    )


@register.simple_tag(takes_context=True)
def sequence_links(context, sequences) -> str:
    """The `<li>` lines of `sequences` (sequences.selectors.sequences_using_pose: author
    joined) for the pose page's panel."""
    return mark_safe("".join(sequence_link(context, sequence) for sequence in sequences))  # noqa: S308
