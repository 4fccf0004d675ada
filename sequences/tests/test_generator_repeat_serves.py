"""A flow of the build is taught twice a side at most, the time of a third round given to what
a teacher adds (nineteenth blind teacher review, F3: three standing flows three rounds a side
in a 90-minute splits class, the peak's preparation short; F6: Warrior II → Extended Side
Angle → Extended Triangle three rounds a side for a knee-care student, the class without a
standing balance; the teacher dropped the third round for Tree Pose and new holds)."""

from sequences.generator.lead_in import standing_balance
from sequences.generator.quality.repeat_serves import RULES
from sequences.generator.third_round import MOST_ROUNDS
from sequences.models import Side
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)


def _rounds(practice) -> dict[tuple[str, str, str], int]:
    """The times each one-sided pose of a flow (not a salutation) is held on each side."""
    found: dict[tuple[str, str, str], int] = {}
    for step in practice.steps:
        if step.flow and "Salutation" not in step.flow and step.side != Side.BOTH:
            key = (step.flow, step.pose.slug, step.side)
            found[key] = found.get(key, 0) + 1
    return found


def _a_third_round(practice):
    """The practice with the second round of its first flow done twice a side taught once
    more, straight after it (the reported third round put back by hand)."""
    steps = list(practice.steps)
    flow = next(flow for (flow, _, _), count in _rounds(practice).items() if count == 2)
    again = next(n for n, s in enumerate(steps) if s.flow == flow and s.cue.startswith("Once"))
    end = max(n for n, s in enumerate(steps) if s.flow == flow) + 1
    second = [s for s in steps[again:end] if s.flow == flow]
    return renumbered(practice, [*steps[:end], *second, *steps[end:]])


def repeat_serves_breakings() -> dict:
    """A third round of a standing flow put back by hand (r19 F3, seed 1909)."""
    return {"flow_repeated": _a_third_round(reviewed(1909))}


def test_the_figure_misses_a_third_round_and_passes_the_reported_practices():
    assert_figures_break_and_hold(
        RULES, repeat_serves_breakings(), requests(1909, 1917, 1901, 1903, 1912)
    )


def test_sun_salutations_repeated_stay_allowed():
    # Several rounds of a Sun Salutation are the practice, each its own flow.
    practice = reviewed(1917)
    salutes = {s.flow for s in practice.steps if s.flow and "Salutation" in s.flow}
    assert len(salutes) >= 3
    assert RULES["flow_repeated"](practice) == []


def test_the_splits_class_teaches_no_third_round_and_keeps_its_preparation():
    # r19 F3 (seed 1909): "drop the third round and give its time to peak preparation".
    practice = reviewed(1909)
    rounds = _rounds(practice)
    assert max(rounds.values()) == MOST_ROUNDS
    flows = {flow for (flow, _, _) in rounds if flow.startswith("Flow ")}
    assert len(flows) == 3  # High Lunge, Humble Warrior, Warrior II flows, twice a side each
    build = {s.pose.slug: s.duration_seconds for s in practice.steps if s.phase == "build"}
    assert build["low-lunge"] >= 60 and build["half-splits"] >= 45
    # The third round's time went to a new pose: Extended Hand-to-Big-Toe held on its own.
    held = [s for s in practice.steps if s.phase == "build" and not s.flow]
    assert any(s.pose.slug == "standing-hand-to-big-toe" for s in held)
    assert practice.total_seconds == 90 * 60


def test_the_knee_care_class_gets_a_standing_balance_instead_of_a_third_round():
    # r19 F6 (seed 1917): "drop the third round; add Tree Pose 50 s each ... instead".
    practice = reviewed(1917)
    assert max(_rounds(practice).values()) == MOST_ROUNDS
    balances = [s for s in practice.steps if s.phase == "build" and standing_balance(s.pose)]
    assert [s.pose.slug for s in balances] == ["tree"]
    assert balances[0].duration_seconds >= 50
    assert abs(practice.total_seconds - 70 * 60) <= 30


def test_review_20_f1_no_second_round_of_twists_before_camel():
    """r20 F1 (seed 2004): Humble Warrior → Twisted Crescent Lunge → Revolved Triangle done
    again before Camel, two twists that do nothing for the chest and hip flexors Camel needs; a
    flow taught a second time is one whose poses serve the peak most."""
    from sequences.generator.grouping import serves_the_peak
    from sequences.generator.vocabulary import LINKING_SLUGS

    practice = reviewed(2004)
    peak = practice.peak.pose
    assert peak.slug == "camel"
    again = {flow for (flow, _, _), count in _rounds(practice).items() if count > 1}
    for flow in again:
        cards = {
            s.pose.slug: s.pose
            for s in practice.steps
            if s.flow == flow and s.pose.slug not in LINKING_SLUGS
        }
        served = sum(serves_the_peak(c, peak) for c in cards.values())
        assert 2 * served >= len(cards), (flow, sorted(cards))
    assert not any("Twisted Crescent" in flow for flow in again)
