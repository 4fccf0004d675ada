"""The sequence cards, favorite form and pose panel tags (sequences/templatetags/
sequence_cards.py) write, byte for byte, what the card, favorite-form and panel templates wrote
(kept in tests/data): for any titles, descriptions, authors, favorite states, visitors and
members, and paths."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from poses.models import Difficulty
from sequences.models import Focus, Sequence, Style, Visibility
from yogaflow.core.testing.templates import context_for

# Django's own {% csrf_token %} warns when the token is "NOTPROVIDED": its deprecation, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:Calling format_html:DeprecationWarning")

DATA = Path(__file__).parent / "data"
FAVORITE_FORM = (DATA / "favorite_form_as_template.html").read_text()
CARD = (
    (DATA / "sequence_card_as_template.html")
    .read_text()
    .replace(
        '{% include "sequences/_favorite_form.html" with compact=True %}',
        "{% with compact=True %}" + FAVORITE_FORM + "{% endwith %}",
    )
)
CARDS_AS_TEMPLATE = Template("{% for sequence in sequences %}" + CARD + "{% endfor %}")
CARDS_AS_TAG = Template("{% load sequence_cards %}{% sequence_cards sequences %}")
_PANEL = (DATA / "pose_sequences_as_template.html").read_text()
LINKS_AS_TEMPLATE = Template(
    "{% load sequence_tags %}"
    + _PANEL[_PANEL.index("{% for sequence in sequences %}") : _PANEL.index("{% endfor %}")]
    + "{% endfor %}"
)
LINKS_AS_TAG = Template("{% load sequence_cards %}{% sequence_links sequences %}")
FORM_AS_TEMPLATE = Template(FAVORITE_FORM)
FORM_AS_TAG = Template("{% load sequence_cards %}{% favorite_form sequence %}")

texts = st.text(alphabet=st.sampled_from("aZ <>&\"'é-.♥ "), max_size=20)
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
MEMBER = User(pk=7, email="me@example.com", display_name="Me")
OTHER = User(pk=8, email="other@example.com", display_name="")
NAMED = User(pk=9, email="named@example.com", display_name="Ann <& Co>")


@st.composite
def sequences(draw):
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        author = draw(st.sampled_from([None, MEMBER, OTHER, NAMED]))
        sequence = Sequence(
            slug=draw(slugs),
            title=draw(texts),
            description=draw(texts | st.sampled_from(["", " ".join(["word"] * 30)])),
            style=draw(st.sampled_from([*Style.values, "odd"])),
            difficulty=draw(st.sampled_from(Difficulty.values)),
            focus=draw(st.sampled_from(Focus.values)),
            visibility=draw(st.sampled_from(Visibility.values)),
            total_duration_seconds=draw(st.integers(min_value=0, max_value=200_000)),
            pose_count=draw(st.integers(min_value=0, max_value=100)),
            author=author,
        )
        sequence.is_favorite = draw(st.booleans())
        out.append(sequence)
    return out


visits = st.fixed_dictionaries(
    {
        "user": st.sampled_from([AnonymousUser(), MEMBER, OTHER]),
        "path": st.sampled_from(["/sequences/", "/sequences/?q=<a>&page=2", "/favorites/?x=\"'"]),
        "csrf_token": st.sampled_from(["tok<en>", "NOTPROVIDED", ""]),
    }
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequences=sequences(), visit=visits)
def test_the_cards_tag_writes_what_the_card_include_wrote(sequences, visit):
    tag = CARDS_AS_TAG.render(context_for(visit, sequences=sequences))
    assert tag == CARDS_AS_TEMPLATE.render(context_for(visit, sequences=sequences))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequences=sequences(), visit=visits)
def test_the_favorite_form_tag_writes_what_the_include_wrote(sequences, visit):
    for sequence in sequences:
        tag = FORM_AS_TAG.render(context_for(visit, sequence=sequence))
        assert tag == FORM_AS_TEMPLATE.render(context_for(visit, sequence=sequence))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequences=sequences(), visit=visits)
def test_the_pose_panels_links_tag_writes_what_the_panels_loop_wrote(sequences, visit):
    tag = LINKS_AS_TAG.render(context_for(visit, sequences=sequences))
    assert tag == LINKS_AS_TEMPLATE.render(context_for(visit, sequences=sequences))


def test_a_members_card_posts_the_toggle_with_the_pages_token_and_path():
    sequence = Sequence(slug="calm", title="Calm", style="yin", visibility="public")
    sequence.is_favorite = True
    visit = {"user": MEMBER, "path": "/sequences/?page=2", "csrf_token": "abc"}
    html = CARDS_AS_TAG.render(context_for(visit, sequences=[sequence]))
    assert 'action="/sequences/calm/favorite/"' in html
    assert '<input type="hidden" name="csrfmiddlewaretoken" value="abc">' in html
    assert '<input type="hidden" name="next" value="/sequences/?page=2">' in html
    assert 'value="0"' in html and 'aria-pressed="true"' in html
