"""A linked flow's label is true of the poses it links (blind review r12 F7: "Plank flow, right
side" on Dolphin, which has no sides; "Flow on the back … 12 breaths each" over Bridge, then
Locust on the belly for 9 breaths; r11 F2: "Kneeling flow" over Hero, then Bridge on the
back), and a flow changes level only by a listed move (flow_labels.MOVES)."""

from sequences.generator import flow_labels
from sequences.generator.quality.flow_words import MINI_FLOW


def mini_flows(practice) -> dict[str, list]:
    """The steps of each linked mini-flow (linking.py), by name, in printed order."""
    flows: dict[str, list] = {}
    for step in practice.steps:
        if MINI_FLOW.match(step.flow):
            flows.setdefault(step.flow, []).append(step)
    return flows


def _flow_label_true(practice) -> list[str]:
    """Each mini-flow's first step opens with its label as `flow_labels.first_pass` words it
    from the steps printed: the poses linked in their order, their side and breaths."""
    problems = []
    for steps in mini_flows(practice).values():
        first, left = flow_labels.passes(steps)
        if not first:
            continue
        poses = [(s.pose, s.side, s.duration_seconds) for s in first]
        label = flow_labels.first_pass(poses, left=left)
        compact = flow_labels.first_pass(poses, left=left, compact=True)
        if not first[0].cue.startswith((label, compact)):
            problems.append(f"{first[0].pose.slug}: {first[0].cue[:120]} (true: {label})")
    return problems


def _flow_link_moves(practice) -> list[str]:
    """Every change of level inside a mini-flow, its links included, is a listed move
    (flow_labels.MOVES: onto the belly, lie back, step back to Plank, all fours, …)."""
    problems = []
    for steps in mini_flows(practice).values():
        for before, after in zip(steps, steps[1:], strict=False):
            if not flow_labels.linkable(before.pose, after.pose):
                problems.append(f"{before.pose.slug} → {after.pose.slug}: no listed move")
    return problems


RULES = {
    "flow_label_true": _flow_label_true,
    "flow_link_moves": _flow_link_moves,
}
