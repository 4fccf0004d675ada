"""A slow practice with no build (warm-up, then the peak) still sets its props up once for
each position: the warm-up's shapes grouped by level, highest first, the peak's level last, so
the class does not go seated, kneeling and seated again on the way to a seated peak (a yin back
class warming up in Half Butterfly Side Bend, Child's Pose and Deer; `grouping.level_of`,
the quality figure `grouped_positions`). With a build, `Grouping.group_by_position` does it."""

from sequences.generator.shapes import FLOOR_HEIGHT


def warm_up_by_level(early: list, peak_level: str | None, level) -> None:
    """Rank the warm-up blocks `early` (each with `rank`, `order` and its held cards' level,
    `level(block)`) by level: the peak's level last, the others highest first, each block's
    own order kept within its level."""

    def key(block) -> tuple:
        own = level(block)
        return (own == peak_level, -FLOOR_HEIGHT.get(own, 3), block.rank, block.order)

    for n, block in enumerate(sorted(early, key=key)):
        block.rank = -100 + n  # before the peak, placed at its own floor rank
