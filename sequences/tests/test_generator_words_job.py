"""Every step's reason is one a teacher would give (issue "Today's practice a teacher would
teach"): a held build pose gets a job or an action cue, never filler; a cool-down or
counter-pose settles the body and claims no effort; a relative claim ("before the longer
holds") is true of the practice; and in restorative and yin each prop a cue names says where
it goes."""

from dataclasses import replace

from sequences.generator import clean_choices, generate, reasons
from sequences.generator.quality import faults
from sequences.generator.quality.words import (
    _reason_job,
    _reason_props_placed,
    _reason_relative,
    _reason_settles,
    _unplaced,
)
from sequences.tests.generation import BY_SLUG, LIBRARY

ENERGY = {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["energy"]}
WRISTS = {
    "minutes": 40,
    "level": "beginner",
    "style": "vinyasa",
    "focus": ["full_body"],
    "avoid": ["wrist_friendly"],
}
RESTORATIVE = {"minutes": 60, "level": "beginner", "style": "restorative", "focus": ["back"]}
NEW_IN_R12 = ["supported-twist", "half-butterfly-side-bend-yin"]


def _generate(seed, **choices):
    return generate(LIBRARY, clean_choices(**choices), seed=seed)


def _step(practice, slug):
    return next(
        s for s in practice.steps if s.pose.slug == slug and not s.flow.startswith("Sun Salutation")
    )


def _broken(practice, index, **fields):
    steps = list(practice.steps)
    steps[index] = replace(steps[index], **fields)
    return replace(practice, steps=tuple(steps))


def words_breakings() -> dict:
    """A hand-made fault of each figure this issue added, for the quality bar's own test."""
    vinyasa = _generate(604, **ENERGY)
    tree = next(n for n, s in enumerate(vinyasa.steps) if s.pose.slug == "tree")
    cool = next(n for n, s in enumerate(vinyasa.steps) if s.phase == "cool_down")
    # As the review found it, before the Supported Twist and the yin side bend came (r12).
    rest = _generate(615, **RESTORATIVE, avoid_slugs=NEW_IN_R12)
    dragonfly = next(n for n, s in enumerate(rest.steps) if s.pose.slug == "dragonfly-yin")
    return {
        # Review: Tree "held steady", no job and no action.
        # (Tree now held in a linked flow, issue 11: the single hold is put in by hand.)
        "reason_job": _broken(
            vinyasa,
            tree,
            cue="Balances on one leg, steadying the ankles and feet, held steady.",
            flow="",
        ),
        # Review: Bridge in the cool-down "strengthens the glutes and hamstrings".
        "reason_settles": _broken(
            vinyasa,
            cool,
            pose=BY_SLUG["bridge"],
            cue="Strengthens the glutes and hamstrings, slowly.",
        ),
        # Review: Dragonfly "before the longer holds", the holds after it as long.
        "reason_relative": _broken(
            rest,
            dragonfly,
            cue="A gentle shape: softens the hamstrings and lower back before the longer holds.",
        ),
        # Review: Dragonfly "with a blanket and a bolster", nowhere said.
        "reason_props_placed": _broken(
            rest, dragonfly, cue="A gentle shape, with a blanket and a bolster: softens the back."
        ),
    }


def test_each_new_figure_fails_on_its_breaking_and_passes_today():
    for figure, practice in words_breakings().items():
        assert figure in faults(practice), figure
    for seed, choices in ((604, ENERGY), (608, WRISTS), (615, RESTORATIVE)):
        practice = _generate(seed, **choices)
        rules = (_reason_job, _reason_settles, _reason_relative, _reason_props_placed)
        assert not [rule.__name__ for rule in rules if rule(practice)], seed


def test_held_build_poses_get_an_action_cue_not_filler():
    # The reported case, seed 604: Tree, Standing Crescent Moon, Wide-Legged Forward Fold.
    practice = _generate(604, **ENERGY)
    # held alone or linked in a flow (issue 11): the pose's own action
    assert _step(practice, "tree").cue.endswith(
        "One foot to the inner thigh or calf, hands at the heart: the standing ankle steadies."
    )
    assert "Feet together, arms up" in _step(practice, "standing-side-bend").cue
    for step in practice.steps:
        if step.phase == "build":
            assert not any(tail in step.cue for tail in reasons.FILLER_TAILS), step.cue
    wrists = _generate(608, **WRISTS)
    for step in wrists.steps:
        if step.phase == "build":
            assert not any(tail in step.cue for tail in reasons.FILLER_TAILS), step.cue


def test_no_build_reason_is_filler_for_any_pose_the_library_holds():
    peak = BY_SLUG["camel"]
    for card in LIBRARY:
        if card.is_breathing:
            continue
        for style in ("vinyasa", "hatha", "gentle", "yin", "restorative"):
            for variant in range(4):
                text = reasons.build(
                    card,
                    peak,
                    focus_words="",
                    works_focus=False,
                    variant=variant,
                    style=style,
                    slow=style in ("yin", "restorative"),
                )
                assert not any(tail in text for tail in reasons.FILLER_TAILS), (card.slug, text)


def test_a_cool_down_or_counter_pose_claims_no_effort_for_any_pose():
    for card in LIBRARY:
        for style in ("vinyasa", "hatha", "yin", "restorative"):
            for variant in range(4):
                text = reasons.cool_down(card, BY_SLUG["camel"], style=style, variant=variant)
                assert not reasons.claims_effort(text), (card.slug, text)
        for peak in ("frog", "pigeon-prep", "camel", "crow", "boat"):
            text = reasons.counter(card, BY_SLUG[peak])
            assert not reasons.claims_effort(text), (card.slug, peak, text)
    # The reported case: Bridge in the cool-down is a gentle lift, lowered slowly.
    bridge = reasons.cool_down(BY_SLUG["bridge"], None, style="vinyasa")
    assert bridge.startswith("A gentle lift") and "vertebra by vertebra" in bridge


def test_the_longer_holds_are_said_only_where_they_come():
    # The reported case, seed 615: Dragonfly's holds after it are as long as its own.
    practice = _generate(615, **RESTORATIVE, avoid_slugs=NEW_IN_R12)
    dragonfly = _step(practice, "dragonfly-yin")
    assert "longer" not in dragonfly.cue and "for the holds to come" in dragonfly.cue
    card = BY_SLUG["dragonfly-yin"]
    same = [(card, 270, "warm_up", ""), (card, 270, "build", ""), (card, 275, "peak", "")]
    assert reasons.false_claims("before the longer holds", 0, same) == [reasons.LONGER]
    longer = [(card, 180, "warm_up", ""), (card, 270, "build", ""), (card, 300, "peak", "")]
    assert reasons.false_claims("before the longer holds", 0, longer) == []


def test_more_of_an_area_is_said_only_after_it_was_worked():
    hips, twist = BY_SLUG["low-lunge"], BY_SLUG["warrior-ii"]
    cue = "Right side: Warrior II; more hips for Pigeon, lunge stance."
    first = [(twist, 30, "build", "Flow 1")]
    assert reasons.false_claims(cue, 0, first) == ["more hips for"]
    after = [(hips, 30, "build", ""), (twist, 30, "build", "Flow 1")]
    assert reasons.false_claims(cue, 1, after) == []


def test_every_prop_a_restorative_cue_names_says_where_it_goes():
    # The reported case, seed 615: Dragonfly and Half Butterfly.
    practice = _generate(615, **RESTORATIVE, avoid_slugs=NEW_IN_R12)
    assert "a bolster lengthwise between the legs" in _step(practice, "dragonfly-yin").cue
    assert "a bolster along the long leg" in _step(practice, "half-butterfly-yin").cue
    # Every pose the generator can cue in a restorative class.
    for card in LIBRARY:
        assert not _unplaced(reasons.support(card).lower()), (card.slug, reasons.support(card))
    assert _unplaced("with a blanket and a bolster") == ["blanket", "bolster"]


def test_the_peak_is_the_deepest_of_its_kind_only_where_no_pose_outdoes_it():
    camel, wheel = BY_SLUG["camel"], BY_SLUG["wheel"]
    assert wheel.intensity > camel.intensity
    cue = "Peak: hands on the sacrum. The deepest backbend of the practice."
    alone = [(BY_SLUG["cobra"], 40, "build", ""), (camel, 20, "peak", "")]
    assert reasons.false_claims(cue, 1, alone) == []
    outdone = [(wheel, 40, "build", ""), (camel, 20, "peak", "")]
    assert reasons.false_claims(cue, 1, outdone) == ["the deepest backbend"]
