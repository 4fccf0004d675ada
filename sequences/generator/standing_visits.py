"""A standing pose is not held alone between floor work (issue 11, the last guard's short
visits: seed 290090481, a flow from Extended Hand-to-Big-Toe down to Upward Plank, then High
Lunge alone, the backbend Wild Thing opens into, then Locust on the belly): where the block
before it starts standing and comes down to the floor, the lone standing pose goes before
that block, with the standing work, and the class goes down once."""

from poses.models import Position
from sequences.generator.shapes import on_the_floor

# Poses that pass between the levels (Down Dog, a vinyasa's steps on the hands).
PASSING = frozenset({"downward-facing-dog", "chaturanga", "upward-facing-dog", "plank"})


def standing_with_the_standing(blocks: list) -> list:
    """The blocks in practice order, a lone standing build block between a block that comes
    down from standing to the floor and floor work after it moved before that block."""
    blocks = list(blocks)
    for n in range(1, len(blocks) - 1):
        before, block, after = blocks[n - 1], blocks[n], blocks[n + 1]
        if block.phase != "build" or (before.segment, before.phase) != (block.segment, "build"):
            continue
        cards = [c for c in block.cards if not c.is_breathing]
        if not cards or any(c.position != Position.STANDING for c in cards):
            continue
        if not _down_from_standing(before) or not _starts_down(after):
            continue
        blocks[n - 1], blocks[n] = block, before
    return blocks


def _down_from_standing(block) -> bool:
    cards = [c for c in block.cards if c.slug not in PASSING]
    return bool(cards) and cards[0].position == Position.STANDING and on_the_floor(cards[-1])


def _starts_down(block) -> bool:
    cards = [c for c in block.cards if c.slug not in PASSING and not c.is_breathing]
    return block.phase in ("build", "peak") and bool(cards) and on_the_floor(cards[0])
