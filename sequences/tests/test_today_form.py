"""The today form's HTML, written by PLAIN_WIDGETS, KeptSelect and {% today_choices %}, is the
very HTML the former partial wrote through Django's widget templates (kept in tests/data), for
any choices, bad values and errors."""

import re
from pathlib import Path

from django.forms.renderers import DjangoTemplates
from django.http import QueryDict
from django.template import Context, Template
from django.template.loader import get_template
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.models import Avoidance
from poses.models import Difficulty
from sequences.forms import TodayForm
from sequences.models import Focus, Style

FORMER = Template((Path(__file__).parent / "data" / "today_form_as_template.html").read_text())
PARTIAL = get_template("sequences/_today_form.html")
odd = st.sampled_from(["", "nonsense", "<b>&", "3", "-5", "700"])


def both_ways(make) -> tuple[str, str]:
    """(the partial with the form as the page builds it, the former partial with the form
    rendered by Django's own template renderer)."""
    plain, templates = make(None), make(DjangoTemplates())
    return PARTIAL.render({"form": plain}), FORMER.render(Context({"form": templates}))


@settings(deadline=None, max_examples=80)
@given(
    minutes=st.integers(0, 200).map(str) | odd,
    level=st.sampled_from(Difficulty.values) | odd,
    style=st.sampled_from(Style.values) | odd,
    focus=st.lists(st.sampled_from(Focus.values) | odd, max_size=5),
    avoid=st.lists(st.sampled_from(Avoidance.values) | odd, max_size=4),
    seed=st.integers(0, 9).map(str) | odd,
    service_error=st.booleans(),
)
def test_the_today_form_writes_what_its_templates_wrote(
    minutes, level, style, focus, avoid, seed, service_error
):
    data = QueryDict(mutable=True)
    data.update({"minutes": minutes, "level": level, "style": style, "seed": seed})
    data.setlist("focus", focus)
    data.setlist("avoid", avoid)

    def make(renderer):
        form = TodayForm(data, renderer=renderer) if renderer else TodayForm(data)
        form.is_valid()
        if service_error:  # what add_service_errors puts on the lists and on top
            form.add_error("focus", "Choose at most three <areas>.")
            form.add_error("avoid", "Too few poses are left.")
            form.add_error(None, "No practice fits these choices.")
        return form

    plain, templates = both_ways(make)
    assert plain == templates


def test_the_unbound_form_writes_what_its_templates_wrote():
    initial = {"minutes": 45, "level": "advanced", "style": "hatha", "avoid": ["knee_friendly"]}
    plain, templates = both_ways(
        lambda renderer: (
            TodayForm(initial=initial, renderer=renderer)
            if renderer
            else TodayForm(initial=initial)
        )
    )
    assert plain == templates
    assert re.search(r'value="knee_friendly"[^>]* checked>', plain)
