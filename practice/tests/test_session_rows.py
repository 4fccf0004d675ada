"""The session rows tag (practice/templatetags/practice_history.py) writes, byte for byte, what
the history's row include wrote (kept in tests/data/session_row_as_template.html), for any
titles, days, styles, lengths and sources."""

import datetime
from pathlib import Path

from django.template import Context, Template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice.models import PracticeSession, Source
from sequences.models import Style

AS_TEMPLATE = Template(
    "{% for session in sessions %}"
    + (Path(__file__).parent / "data" / "session_row_as_template.html").read_text()
    + "{% endfor %}"
)
AS_TAG = Template("{% load practice_history %}{% session_rows sessions %}")

texts = st.text(alphabet=st.sampled_from("aZ <>&\"'é-. "), max_size=12)


@st.composite
def sessions(draw):
    return [
        PracticeSession(
            pk=draw(st.integers(min_value=1, max_value=10**9)),
            sequence_title=draw(texts),
            local_date=draw(
                st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 1, 1))
            ),
            style=draw(st.sampled_from(["", *Style.values])),
            duration_seconds=draw(st.integers(min_value=0, max_value=50_000)),
            completed=draw(st.booleans()),
            source=draw(st.sampled_from(Source.values)),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=5)))
    ]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions=sessions())
def test_the_rows_tag_writes_what_the_row_include_wrote(sessions):
    context = {"sessions": sessions}
    assert AS_TAG.render(Context(context)) == AS_TEMPLATE.render(Context(context))


def test_a_row_links_to_its_session_and_escapes_its_title():
    session = PracticeSession(
        pk=42,
        sequence_title="Sun <salutes>",
        local_date=datetime.date(2026, 3, 2),
        style="",
        duration_seconds=3720,
        completed=False,
        source=Source.MANUAL,
    )
    html = AS_TAG.render(Context({"sessions": [session]}))
    assert 'href="/practice/sessions/42/">Sun &lt;salutes&gt;</a>' in html
    assert '<time class="session-row__date" datetime="2026-03-02">Mon 2 Mar 2026</time>' in html
    assert "<li>Any style</li>" in html and "<li>Ended early</li>" in html
