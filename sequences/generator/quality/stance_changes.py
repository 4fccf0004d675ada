"""One stance, one level at a time before the peak (blind review r18 F1, F3;
`generator.stance_order`).

- `stance_hops`: a run of held build poses done once through (`stance_order.runs`: a side of
  a flow, a rest or a shape on the hands ends it) comes back to a stance (one leg, feet
  together, lunge, wide, squat) or a floor level (kneeling, seated, on the back, on the belly)
  it has left, the peak's own counted where the run leads into it: more resets than the
  poses need (F1: Tree, Side Lunge, Chair, Goddess, Eagle, Garland; F3: Hero, Upward Plank,
  Bridge, Low Lunge, Extended Puppy, Sphinx, then Camel on the knees again). Needed is what a
  regrouping keeping what the run owes the peak (`stance_order.fewer_resets`: the pose that
  leads into it last, its needs among the last shapes, the climb, the linked build) cannot
  spare: Chair, Warrior I, High Lunge, then Revolved Chair from the lunge it needs.
"""

from sequences.generator.stance_order import fewer_resets, keys, returns, runs


def _stance_hops(practice) -> list[str]:
    steps = practice.steps
    problems = []
    for start, end in runs(steps):
        if not fewer_resets(steps, start, end, practice.choices.style):
            continue
        found = keys(steps, start, end)
        for n in returns(found):
            slug = steps[start + n].pose.slug if start + n < end else "the peak"
            problems.append(f"back to {found[n]} at {slug} ({' → '.join(found)})")
    return problems


RULES = {
    "stance_hops": _stance_hops,
}
