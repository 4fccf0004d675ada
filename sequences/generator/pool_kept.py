"""What a practice works out of its pool and choices alone (no seed, nothing planned yet),
kept across `generate` calls so a library of hundreds of poses is not searched afresh for
every practice (issue 15: 900 poses).

Kept by the pool's own cards (a tuple of them, compared field by field) and the choices: a
staff edit makes a new card, so a new key, and an edited library never meets a stale answer.
What is kept is positions in the pool, never cards: a practice is always made of the cards
of the library it was given (an equal card may carry another figure, which cards do not
compare). The answer is the same whether it was kept or worked out: this changes no practice,
only how often the same work is done.
"""

import threading
from collections.abc import Callable, Hashable, Sequence

from sequences.generator.practice import Choices
from sequences.steps import PoseCard

# Answers kept at once (the first kept forgotten first: a practitioner's day asks a few
# choices of one library; a library edit leaves its old keys to be forgotten).
MOST_KEPT = 256

_kept: dict[tuple, tuple[int, ...]] = {}
_lock = threading.Lock()


class PoolKey:
    """A pool and the choices it was drawn for, as a key: its hash worked out once (a pool of
    900 cards is hashed card by card), equal to another of equal cards and choices."""

    __slots__ = ("cards", "choices", "_hash")

    def __init__(self, pool: Sequence[PoseCard], choices: Choices):
        self.cards = tuple(pool)
        self.choices = choices
        self._hash = hash((self.cards, choices))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PoolKey)
            and self._hash == other._hash
            and self.choices == other.choices
            and self.cards == other.cards
        )

    def positions(self, what: Hashable, fits: Callable[[PoseCard], bool]) -> list[PoseCard]:
        """The pool's cards that `fits` (a test of the card, the pool and the choices alone,
        named by `what`), in pool order: worked out once per pool and choices, kept as
        positions and given as this pool's cards."""
        key = (self, what)
        found = _kept.get(key)
        if found is None:
            found = tuple(number for number, card in enumerate(self.cards) if fits(card))
            _keep(key, found)
        cards = self.cards
        return [cards[number] for number in found]

    def values(self, what: Hashable, of: Callable[[PoseCard], object]) -> dict:
        """{slug: `of(card)`} over the pool (the last card of a slug's), for a value of the
        card, the pool and the choices alone (plain values, never cards), named by `what`:
        worked out once per pool and choices."""
        key = (self, what)
        found = _kept.get(key)
        if found is None:
            found = tuple(of(card) for card in self.cards)
            _keep(key, found)
        return {card.slug: value for card, value in zip(self.cards, found, strict=True)}


def _keep(key: tuple, found: tuple) -> None:
    with _lock:
        if len(_kept) >= MOST_KEPT:
            del _kept[next(iter(_kept))]
        _kept[key] = found


def forget() -> None:
    """Nothing kept any more (tests comparing a practice worked out afresh)."""
    with _lock:
        _kept.clear()
