"""The quality bar of a generated practice, figure by figure, as a teacher measures it.

`faults(practice)` names every figure the practice misses, with the steps it is about:
`{"peak": ["Mountain Pose (i1) is the peak but Chair Pose (i3) is held"], ...}`; an empty dict
is a practice that meets the bar. The property tests assert it is empty over a thousand random
choices, and `bench/practices.py --measure` counts each figure over as many, so a figure the
generator slips on shows as a rate before any test fails.
"""

from sequences.generator.quality import (
    arc,
    arm_counters,
    back_words,
    basics,
    closing,
    cool_down_descent,
    core_directions,
    core_holds,
    counter_words,
    entries,
    extension,
    floor_blocks,
    flow_breaths,
    flow_labels,
    flow_rounds,
    flow_words,
    flows,
    focus,
    focus_balance,
    knee_load,
    knee_rotations,
    knee_words,
    lead_in,
    level_holds,
    linking,
    lowering,
    needs,
    next_stage,
    order,
    peak_rehearsal,
    peak_rounds,
    peak_stance,
    plank_counters,
    pose_words,
    prep_load,
    prone_run,
    rests,
    roll_overs,
    round_rests,
    safety,
    salutation_breath,
    sentences,
    settling,
    side_links,
    sides,
    squat_order,
    straight_knees,
    styles,
    time_filled,
    true_words,
    versions,
    warm_up_lighter,
    words,
    worked_claims,
)

# Every figure, in the order the bench prints them.
FIGURE_RULES = {
    **basics.RULES,
    **time_filled.RULES,
    **arc.RULES,
    **needs.RULES,
    **order.RULES,
    **flows.RULES,
    **flow_rounds.RULES,
    **entries.RULES,
    **focus.RULES,
    **core_directions.RULES,
    **focus_balance.RULES,
    **words.RULES,
    **sentences.RULES,
    **styles.RULES,
    **closing.RULES,
    **versions.RULES,
    **safety.RULES,
    **lowering.RULES,
    **salutation_breath.RULES,
    **level_holds.RULES,
    **linking.RULES,
    **peak_rounds.RULES,
    **peak_stance.RULES,
    **flow_words.RULES,
    **flow_labels.RULES,
    **counter_words.RULES,
    **true_words.RULES,
    **arm_counters.RULES,
    **settling.RULES,
    **lead_in.RULES,
    **sides.RULES,
    **extension.RULES,
    **core_holds.RULES,
    **pose_words.RULES,
    **back_words.RULES,
    **rests.RULES,
    **worked_claims.RULES,
    **prep_load.RULES,
    **peak_rehearsal.RULES,
    **plank_counters.RULES,
    **straight_knees.RULES,
    **knee_words.RULES,
    **knee_load.RULES,
    **next_stage.RULES,
    **cool_down_descent.RULES,
    **floor_blocks.RULES,
    **round_rests.RULES,
    **side_links.RULES,
    **warm_up_lighter.RULES,
    **flow_breaths.RULES,
    **prone_run.RULES,
    **squat_order.RULES,
    **roll_overs.RULES,
    **knee_rotations.RULES,
}
FIGURES = tuple(FIGURE_RULES)


def faults(practice) -> dict[str, list[str]]:
    """Each figure of the quality bar the practice misses, with what was seen."""
    found: dict[str, list[str]] = {}
    for figure in FIGURES:
        problems = FIGURE_RULES[figure](practice)
        if problems:
            found[figure] = problems
    return found
