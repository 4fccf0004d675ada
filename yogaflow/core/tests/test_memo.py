"""`{% memo %}`: a part rendered once per distinct values, seeing nothing but them."""

import pytest
from django.template import Context, Engine, TemplateSyntaxError
from django.test import override_settings

ENGINE = Engine(libraries={"memo": "yogaflow.core.templatetags.memo"})


class Counter:
    """A value whose every rendering counts: how often the part was rendered."""

    def __init__(self):
        self.renders = 0

    def __str__(self):
        self.renders += 1
        return str(self.renders)


def test_it_renders_once_per_distinct_values_and_reads_back_after():
    template = ENGINE.from_string(
        "{% load memo %}[{% memo here=page %}{{ here }}:{{ counter }}{% endmemo %}]"
    )
    counter = Counter()
    # The counter is outside the part's values: the part must not see it.
    assert template.render(Context({"page": "a", "counter": counter})) == "[a:]"
    assert template.render(Context({"page": "a", "counter": counter})) == "[a:]"
    assert template.render(Context({"page": "b"})) == "[b:]"
    assert counter.renders == 0


def test_the_part_is_kept_not_rendered_again():
    template = ENGINE.from_string("{% load memo %}{% memo n=counter.renders %}{{ n }}{% endmemo %}")
    counter = Counter()
    node = template.nodelist[1]

    assert template.render(Context({"counter": counter})) == "0"
    assert template.render(Context({"counter": counter})) == "0"
    assert len(node.kept) == 1


def test_the_values_are_escaped_as_the_page_is():
    template = ENGINE.from_string("{% load memo %}{% memo name=name %}{{ name }}{% endmemo %}")
    assert template.render(Context({"name": "<b>"})) == "&lt;b&gt;"
    assert template.render(Context({"name": "<b>"}, autoescape=False)) == "<b>"


def test_a_changed_setting_forgets_every_part():
    template = ENGINE.from_string("{% load memo %}{% memo %}{% now 'u' %}{% endmemo %}")
    first = template.render(Context())
    assert template.render(Context()) == first
    with override_settings(STATIC_URL="/elsewhere/"):
        assert template.render(Context()) != first


def test_it_takes_only_named_values():
    with pytest.raises(TemplateSyntaxError):
        ENGINE.from_string("{% load memo %}{% memo page %}x{% endmemo %}")


def test_it_holds_no_block_a_page_could_fill():
    with pytest.raises(TemplateSyntaxError):
        ENGINE.from_string("{% load memo %}{% memo %}{% block title %}x{% endblock %}{% endmemo %}")


def test_a_page_extending_a_frame_with_memos_fills_its_blocks():
    engine = Engine(
        libraries={"memo": "yogaflow.core.templatetags.memo"},
        loaders=[
            (
                "django.template.loaders.locmem.Loader",
                {
                    "frame.html": "{% load memo %}{% memo %}<h1>{% endmemo %}"
                    "{% block body %}{% endblock %}{% memo %}</h1>{% endmemo %}",
                    "page.html": '{% extends "frame.html" %}{% block body %}{{ x }}{% endblock %}',
                },
            )
        ],
    )
    assert engine.get_template("page.html").render(Context({"x": "asana"})) == "<h1>asana</h1>"
