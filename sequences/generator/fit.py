"""Fitting a planned practice to the time asked for: holds move within each pose's range,
breaths in a flow stay one breath, and the final relaxation and the centring take the rest."""

from sequences.generator.plan import Draft

# Who takes the last seconds first: the rest and the breath can run longer or shorter.
FLEXIBLE_FIRST = ("relaxation", "centring", "closing", "cool_down", "peak", "build", "warm_up")


def fit(drafts: list[Draft], target: int) -> int:
    """Scale the holds so the practice lasts `target` seconds as nearly as the ranges allow;
    returns the total."""
    movable = [d for d in drafts if not d.fixed]
    fixed = sum(d.seconds for d in drafts if d.fixed)
    nominal = [d.hold for d in movable]
    rows = [(d.weight, n / 5, d.low, d.high) for d, n in zip(movable, nominal, strict=True)]

    def total(factor: float) -> int:
        spent = fixed
        for weight, fifths, low, high in rows:
            hold = 5 * round(fifths * factor)
            spent += weight * (low if hold < low else high if hold > high else hold)
        return spent

    low, high = 0.2, 8.0
    for _ in range(24):
        middle = (low + high) / 2
        if total(middle) < target:
            low = middle
        else:
            high = middle
    factor = high if abs(total(high) - target) <= abs(total(low) - target) else low
    for draft, value in zip(movable, nominal, strict=True):
        draft.hold = _clamp(round5(value * factor), draft.low, draft.high)
    return _settle(drafts, target)


def _settle(drafts: list[Draft], target: int) -> int:
    """The last seconds, five at a time, to the most flexible holds."""
    spent = sum(d.seconds for d in drafts)
    order = sorted(
        (d for d in drafts if not d.fixed),
        key=lambda d: FLEXIBLE_FIRST.index(d.phase) if d.phase in FLEXIBLE_FIRST else 99,
    )
    for draft in order:
        while spent < target - 2 and draft.hold + 5 <= draft.high:
            draft.hold += 5
            spent += 5 * draft.weight
        while spent > target + 2 and draft.hold - 5 >= draft.low:
            draft.hold -= 5
            spent -= 5 * draft.weight
        if abs(spent - target) <= 2:
            break
    return spent


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def round5(value: float) -> int:
    return int(5 * round(value / 5))
