"""A yin or restorative class asked for a focus area its shapes cannot work once the avoid
list has its say (balance with the knees spared: every shape that opens the feet and ankles
kneels) is taught for the areas it can serve and says which it leaves out; asked for none it
can serve, it is refused with words naming the area and the styles that work it
(`slow_focus`). Found refused as "too few poses left" by bench/practices.py --measure 1000."""

import pytest
from django.core.exceptions import ValidationError

from sequences.generator import clean_choices
from sequences.generator.plan import wide_pool
from sequences.generator.quality import faults
from sequences.generator.shapes import works
from sequences.generator.slow_focus import left_out
from sequences.tests.generation import LIBRARY, generated

RESTORATIVE_53 = {
    "minutes": 53,
    "level": "intermediate",
    "style": "restorative",
    "focus": ["balance", "core"],
    "avoid": ["osteoporosis_safe"],
    "seed": 1471490636,
}
YIN_16 = {
    "minutes": 16,
    "level": "beginner",
    "style": "yin",
    "focus": ["balance", "core"],
    "avoid": ["knee_friendly"],
    "seed": 1303613486,
}
YIN_65 = {
    "minutes": 65,
    "level": "advanced",
    "style": "yin",
    "focus": ["balance"],
    "avoid": ["osteoporosis_safe", "back_care", "knee_friendly"],
    "seed": 1096718130,
}


@pytest.mark.parametrize("choices", [RESTORATIVE_53, YIN_16], ids=["restorative", "yin"])
def test_a_slow_class_is_taught_for_the_areas_it_can_work_and_says_it_leaves_balance_out(
    choices,
):
    practice = generated(**choices)

    assert practice.focus_left_out == ("balance",)
    assert practice.choices.focus == ("core",)
    assert "balance" not in practice.title
    assert "balance left out" in practice.description
    assert faults(practice) == {}
    # No shape of it claims to work balance: none the avoid list leaves does.
    assert not any(works(s.pose, "balance", slow=True) for s in practice.steps)


def test_a_slow_class_asked_only_for_an_area_it_cannot_work_is_refused_saying_so():
    with pytest.raises(ValidationError) as caught:
        generated(**YIN_65)

    message = caught.value.message_dict["focus"][0]
    assert "A yin practice cannot work balance" in message
    assert "Choose hatha or gentle for balance" in message


def test_an_active_class_leaves_no_focus_area_out():
    choices = clean_choices(
        minutes=45, level="beginner", style="hatha", focus=["balance"], avoid=["knee_friendly"]
    )
    assert left_out(wide_pool(LIBRARY, choices), choices) == ()
