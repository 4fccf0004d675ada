"""Fitting a planned practice to the time asked for, and trimming it when it runs long."""

from collections.abc import Iterable

from poses.models import MAX_HOLD_SECONDS, Caution
from sequences.checks import Step
from sequences.generator.practice import Choices, GeneratedStep
from sequences.generator.vocabulary import MIN_FITTED_HOLD, STYLES


def fit(steps: list[GeneratedStep], choices: Choices, *, ceiling: int) -> list[GeneratedStep]:
    """Scale the holds to land on the time asked for; the final relaxation takes the rest."""
    target = choices.minutes * 60
    body = [s for s in steps if s.phase != "relaxation"]
    rest = [s for s in steps if s.phase == "relaxation"]
    share = STYLES[choices.style].relaxation_share
    relaxation = _clamp(_round5(target * share), 60, 600) if rest else 0
    aim = target - relaxation
    for _ in range(4):
        spent = sum(s.seconds for s in body)
        if not spent or abs(spent - aim) <= 0.02 * target:
            break
        factor = aim / spent
        body = [
            _with_hold(s, _clamp(_round5(s.duration_seconds * factor), MIN_FITTED_HOLD, ceiling))
            for s in body
        ]
    if rest:
        remaining = target - sum(s.seconds for s in body)
        rest = [_with_hold(rest[0], _clamp(_round5(remaining), 60, MAX_HOLD_SECONDS))]
    return body + rest


def trimmed(steps: list[GeneratedStep]) -> list[GeneratedStep] | None:
    """The steps without the last pose the arc can spare, or None if none can go."""
    counts = {}
    for step in steps:
        counts[step.phase] = counts.get(step.phase, 0) + 1
    for phase in ("build", "cool_down", "warm_up", "peak", "counter", "centring"):
        if counts.get(phase, 0) <= (0 if phase in ("build", "cool_down") else 1):
            continue
        for index in range(len(steps) - 1, -1, -1):
            step = steps[index]
            if step.phase != phase or Caution.DEEP_BACKBEND in step.pose.cautions:
                continue
            if index and Caution.DEEP_BACKBEND in steps[index - 1].pose.cautions:
                continue  # the counter-pose of a backbend stays with it
            return steps[:index] + steps[index + 1 :]
    return None


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _with_hold(step: GeneratedStep, seconds: int) -> GeneratedStep:
    return GeneratedStep(step.pose, seconds, step.phase, step.reason)


def _round5(value: float) -> int:
    return int(5 * round(value / 5))


def as_check_steps(steps: Iterable[GeneratedStep]) -> list[Step]:
    return [
        Step(
            position=position,
            slug=step.pose.slug,
            name=step.pose.name,
            category=step.pose.category,
            difficulty=step.pose.difficulty,
            cautions=tuple(step.pose.cautions),
            is_bilateral=step.pose.is_bilateral,
            side=step.side,
            duration_seconds=step.duration_seconds,
        )
        for position, step in enumerate(steps, start=1)
    ]
