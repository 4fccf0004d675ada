"""The storyboard tag (sequences/templatetags/storyboard.py) writes, byte for byte, what the
storyboard was as a template loop (kept in tests/data/storyboard_as_template.html): for any
names, cues, sides and options, and for poses, figures drawn inline and plain cards (as a
generated practice has them, and as sequences.selectors.sequence_steps reads them)."""

import copy
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poses.models import NEW_POSE_FIGURE, Pose
from sequences.steps import PoseCard

AS_TEMPLATE = (Path(__file__).parent / "data" / "storyboard_as_template.html").read_text()
AS_TAG = (Path(__file__).parents[2] / "templates" / "sequences" / "_storyboard.html").read_text()

texts = st.text(alphabet=st.sampled_from("aZ <>&\"'é-."), max_size=12)
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


@st.composite
def steps(draw):
    count = draw(st.integers(min_value=0, max_value=6))
    out = []
    for _ in range(count):
        pose = Pose(
            slug=draw(slugs),
            name_en=draw(texts),
            is_bilateral=draw(st.booleans()),
            figure=copy.deepcopy(NEW_POSE_FIGURE) if draw(st.booleans()) else None,
            image_urls=["https://img.example/a.png?x=1&y=2"] if draw(st.booleans()) else [],
            image=draw(st.sampled_from(["", "poses/a b.png"])),
            image_renditions=draw(st.sampled_from([{}, {"960": "a-960.webp", "480": "a.webp"}])),
        )
        shape = draw(st.sampled_from(["row", "card", "read", "generated"]))
        if shape != "row":
            # A card read from a pose row, as sequence_steps reads it (the figure's version
            # from its column, the figure itself not read), or as the generator reads it (no
            # renditions: its staff photo is no photo to the storyboard, as it always was).
            card = PoseCard.from_pose(pose)
            if shape == "read":
                pose = replace(card, figure=None)
            elif shape == "generated":
                pose = replace(card, image_renditions=None)
            else:
                pose = card
        out.append(
            SimpleNamespace(
                pose=pose,
                side=draw(st.sampled_from(["both", "left", "right"])),
                duration_seconds=draw(st.integers(min_value=0, max_value=4000)),
                cue=draw(st.one_of(st.none(), texts)),
            )
        )
    return out


options = st.fixed_dictionaries(
    {},
    optional={
        "storyboard_label": texts,
        "link_poses": st.sampled_from([False, True, None]),
        "compact": st.booleans(),
        "inline": st.booleans(),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps(), options=options)
def test_the_storyboard_tag_writes_what_the_template_loop_wrote(steps, options):
    assert render(AS_TAG, steps=steps, **options) == render(AS_TEMPLATE, steps=steps, **options)


@pytest.mark.parametrize("inline", [False, True])
def test_plain_cards_of_todays_practice_are_written_the_same(inline):
    card = PoseCard.from_fields(
        {
            "slug": "warrior-ii",
            "name_en": "Warrior <II>",
            "difficulty": "beginner",
            "default_hold_seconds": 30,
            "is_bilateral": True,
            "figure": copy.deepcopy(NEW_POSE_FIGURE),
        }
    )
    steps = [
        SimpleNamespace(pose=card, side=side, duration_seconds=45, cue="Breathe & soften")
        for side in ("right", "left", "both")
    ]
    context = {"steps": steps, "inline": inline, "compact": True, "link_poses": False}
    assert render(AS_TAG, **context) == render(AS_TEMPLATE, **context)
