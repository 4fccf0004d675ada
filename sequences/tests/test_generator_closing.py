"""The end of the class (teacher review r9 #9 and #18, `sequences.generator.stillness`): one
lying relaxation, three minutes of it at least from twenty minutes, the stillness at the end
within the style's share, a short seated closing, and cues that state the hold they give; and
issue 11, a long beginner class out of moving poses that repeats its flows rather than
swelling its closing or being refused."""

import dataclasses

import pytest

from sequences.generator.quality import closing, faults
from sequences.generator.quality.common import stated_holds, stated_seconds
from sequences.generator.quality.words import RULES as WORDS_RULES
from sequences.generator.reasons import minutes
from sequences.generator.spoken_time import ABOUT_WITHIN, about_minutes
from sequences.generator.stillness import end_share, savasana_least, seated_closing_most
from sequences.tests.generation import BY_SLUG, assert_figures_break_and_hold, generated, renumbered

# r9 #9: Body Scan 5:00 + Corpse 10:00 + Seated Meditation 8:40 closed this one.
LONG_VINYASA = {
    "minutes": 90,
    "level": "advanced",
    "style": "vinyasa",
    "focus": ["flexibility", "back"],
    "seed": 809,
}
# r9 #18: Corpse 1:35, its cue "about 2 minutes".
SHORT_VINYASA = {
    "minutes": 20,
    "level": "advanced",
    "style": "vinyasa",
    "focus": ["hips"],
    "seed": 818,
}


def closing_breakings() -> dict:
    """The reported closings, made by hand on today's practices: a figure each."""
    long = generated(**LONG_VINYASA)
    rest = next(n for n, s in enumerate(long.steps) if s.phase == "relaxation")
    scan = dataclasses.replace(
        long.steps[rest],
        pose=BY_SLUG["body-scan"],
        duration_seconds=300,
        cue="Final relaxation: Body Scan, 5 minutes; move the attention from the feet up.",
    )
    closed = [
        dataclasses.replace(s, duration_seconds=520) if s.phase == "closing" else s
        for s in long.steps
    ]
    short = generated(**SHORT_VINYASA)
    brief = [
        dataclasses.replace(
            s,
            duration_seconds=95,
            cue="Final relaxation: lie still and let the whole body be heavy for 1 minute "
            "35 seconds.",
        )
        if s.phase == "relaxation"
        else s
        for s in short.steps
    ]
    return {
        "one_relaxation": renumbered(long, [*long.steps[:rest], scan, *long.steps[rest:]]),
        "savasana_floor": renumbered(short, brief),
        "closing_share": renumbered(long, closed),
    }


def test_each_closing_figure_misses_its_reported_fault_and_passes_the_reported_practices():
    assert_figures_break_and_hold(closing.RULES, closing_breakings(), (LONG_VINYASA, SHORT_VINYASA))


def test_a_ninety_minute_vinyasa_closes_with_one_savasana_and_a_few_minutes_seated():
    """r9 #9: one lying relaxation (the body scan's words inside it), at most four minutes
    seated, the two within a sixth of the class."""
    practice = generated(**LONG_VINYASA)

    rests = [s for s in practice.steps if s.phase == "relaxation"]
    seated = [s for s in practice.steps if s.phase == "closing"]
    assert [s.pose.slug for s in rests] == ["corpse"]
    assert "from the feet to the head" in rests[0].cue
    assert all(s.duration_seconds <= seated_closing_most("vinyasa") == 240 for s in seated)
    end = sum(s.seconds for s in rests + seated)
    assert end <= end_share("vinyasa") * 90 * 60 == 900
    assert faults(practice) == {}


def test_a_twenty_minute_vinyasa_rests_three_minutes_and_says_so():
    """r9 #18: Corpse at least three minutes (the cool-down gives the time), its cue stating
    exactly the hold."""
    practice = generated(**SHORT_VINYASA)

    rest = next(s for s in practice.steps if s.phase == "relaxation")
    assert rest.duration_seconds >= savasana_least(20) == 180
    ((said, rounded),) = stated_holds(rest.cue)
    assert abs(said - rest.duration_seconds) <= (ABOUT_WITHIN if rounded else 0)
    assert faults(practice) == {}


def test_a_cue_that_rounds_its_hold_is_a_fault():
    """r9 #18 as reported: Corpse 1:35, "about 2 minutes" (`reason_holds`)."""
    practice = generated(**SHORT_VINYASA)
    rounded = [
        dataclasses.replace(
            s,
            duration_seconds=95,
            cue="Final relaxation: lie still and let the whole body be heavy for about 2 minutes.",
        )
        if s.phase == "relaxation"
        else s
        for s in practice.steps
    ]

    assert WORDS_RULES["reason_holds"](renumbered(practice, rounded))


@pytest.mark.parametrize(
    ("cue", "seconds"),
    [
        ("lie still for 10 minutes", [600]),
        ("Body Scan, 4 and a half minutes", [270]),
        ("heavy for 1 minute 35 seconds.", [95]),
        ("a minute and a half", [90]),
        ("Warrior I (9 breaths) → Humble Warrior", [45]),
        ("Vinyasa: Chaturanga, Upward Dog, Down Dog; three breaths", [15]),
        ("Rest 15 s in Crocodile, then Locust Pose once more.", [15]),
        ("Once more: Warrior I, 9 breaths, a breath longer.", [45]),
        ("flexion and extension, one breath each", []),
        ("about 2 minutes", [120]),
    ],
)
def test_a_cue_states_its_hold_in_seconds_breaths_or_minutes(cue, seconds):
    assert stated_seconds(cue) == seconds


def test_reasons_say_a_hold_in_minutes_as_it_is():
    assert minutes(45) == "45 seconds"
    assert minutes(60) == "1 minute"
    assert minutes(90) == "a minute and a half"
    assert minutes(95) == "1 minute 35 seconds"
    assert minutes(270) == "4 and a half minutes"
    assert minutes(600) == "10 minutes"
    for seconds in range(5, 1200, 5):
        assert stated_seconds(minutes(seconds)) == [seconds]


@pytest.mark.parametrize("focus", ["balance", "core"])
def test_a_ninety_minute_beginner_vinyasa_out_of_moving_poses_repeats_its_flows(focus):
    """Issue 11: refused (seed 1) since the order rules, every draw cooling down longer than it
    moved. Its flows go round again, the focus area declared short rather than the closing
    swollen: a practice that meets the whole bar."""
    practice = generated(minutes=90, level="beginner", style="vinyasa", focus=[focus], seed=1)

    again = [s for s in practice.steps if s.phase == "build" and s.cue.startswith("Once more")]
    assert again
    assert faults(practice) == {}
    assert focus in practice.focus_spared
    end = sum(s.seconds for s in practice.steps if s.phase in ("relaxation", "closing"))
    assert end <= 900


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (175, "about three minutes"),  # review r14 F2: "2 minutes 55 seconds"
        (280, "about four and a half minutes"),  # r14 F4 asked "about five": 20 s off
        (430, "about seven minutes"),  # r14 F6
        (590, "about ten minutes"),  # r14 F12
        (180, "three minutes"),
        (95, "about a minute and a half"),  # r9 #18's 1:35, not "about 2 minutes"
        (690, "11 and a half minutes"),
    ],
)
def test_the_final_relaxation_is_timed_to_the_half_minute_as_a_teacher_says_it(seconds, said):
    assert about_minutes(seconds) == said
    ((stated, rounded),) = stated_holds(said)
    assert abs(stated - seconds) <= ABOUT_WITHIN and rounded == (stated != seconds)


def test_about_some_minutes_is_true_within_a_quarter_minute_and_no_further():
    practice = generated(**SHORT_VINYASA)

    def with_rest(seconds, cue):
        steps = [
            dataclasses.replace(s, duration_seconds=seconds, cue=cue)
            if s.phase == "relaxation"
            else s
            for s in practice.steps
        ]
        return WORDS_RULES["reason_holds"](renumbered(practice, steps))

    heavy = "Final relaxation: lie still and let the whole body be heavy for {}."
    assert not with_rest(175, heavy.format("about three minutes"))
    assert with_rest(160, heavy.format("about three minutes"))  # 20 s off
    assert with_rest(175, heavy.format("three minutes"))  # not said as rounded
    for seconds in range(60, 900, 5):
        assert not with_rest(seconds, heavy.format(about_minutes(seconds))), seconds


def test_review_14_the_gentle_class_rests_about_three_minutes():
    """r14 #1 (seed 1401): Corpse 2:55 said "for 2 minutes 55 seconds". Since Low Lunge
    leads into Half Splits (r14 F1) the rest is 3:35, said to the half minute."""
    practice = generated(minutes=15, level="beginner", style="gentle", focus=["relaxation"],
                         seed=1401)  # fmt: skip
    rest = next(s for s in practice.steps if s.phase == "relaxation")

    assert rest.duration_seconds == 215
    assert rest.cue.endswith("let the whole body be heavy for about three and a half minutes.")
