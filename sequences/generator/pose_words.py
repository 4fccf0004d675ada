"""What a step says of its own pose, each rule in its own module (blind review r12 F1, F2, F3,
F9, F10): a warm-up or build reason names only poses held later (named_later), a one-leg
balance says its shape (balance_shapes), with wrist care a pose whose hands may bear weight
says where they go (hand_places), a beginners' supported shape says its set-up and way out
(supported_set_ups), a long risky hold in yin or restorative says how to come out (ways_out).
Said after the reasons are written and before the cues are cut to what a sequence keeps."""

from sequences.generator import (
    balance_shapes,
    hand_places,
    named_later,
    supported_set_ups,
    ways_out,
)


def said(drafts, choices) -> None:
    """Apply each rule to the practice's drafts, in place."""
    named_later.said_truly(drafts)
    for draft in drafts:
        balance_shapes.shaped(draft)
        hand_places.placed(draft, choices.avoid)
        supported_set_ups.said_set_up(draft, choices)
        ways_out.said_out(draft, choices.style)
