"""The end of the class as a teacher gives it, and the times its words state (teacher review
r9, docs/reviews/generated-practices-2026-11-30-r9.md #9 and #18; the numbers in
`sequences.generator.stillness`): one lying relaxation, three minutes of it at least from a
20-minute class, the final relaxation and the seated closing within the style's share. (That
no cue says a time its step is not held is `words.reason_holds`.)"""

from sequences.generator.shapes import is_rest
from sequences.generator.stillness import (
    end_share,
    savasana_least,
    seated_closing_most,
)


def _one_relaxation(practice) -> list[str]:
    """One final relaxation lying down: one step in the relaxation phase (a body scan is the
    final rest of a calm class, or its words go inside Savasana; never Body Scan and then
    Corpse, review r9 #9), and no Savasana elsewhere in the class."""
    rests = [s for s in practice.steps if s.phase == "relaxation"]
    problems = []
    if len(rests) > 1:
        problems.append(" + ".join(f"{s.pose.slug} {s.duration_seconds} s" for s in rests))
    problems += [
        f"{s.pose.slug} in the {s.phase}"
        for s in practice.steps
        if s.phase != "relaxation" and is_rest(s.pose)
    ]
    return problems


def _savasana_floor(practice) -> list[str]:
    """A class of `stillness.SAVASANA_FROM_MINUTES` or more that ends in a final relaxation
    rests `stillness.SAVASANA_LEAST` seconds in it at least (review r9 #18: Corpse 1:35 after
    20 minutes of vinyasa; the cool-down gives the time)."""
    least = savasana_least(practice.choices.minutes)
    seconds = sum(s.duration_seconds for s in practice.steps if s.phase == "relaxation")
    if not least or not seconds or seconds >= least:
        return []
    return [f"final relaxation {seconds} s, {least} s at least"]


def _closing_share(practice) -> list[str]:
    """From `stillness.SAVASANA_FROM_MINUTES`, the stillness at the end — the final relaxation
    and the seated closing — takes at most `stillness.end_share` of the class time (a sixth of
    an active class, 22 % of a gentle one, a quarter of a class for relaxation, 30 % of a yin
    or restorative one), and the seated closing at most `stillness.seated_closing_most` (four
    minutes, five in a calm style, ten in a class for relaxation): review r9 #9, 23:40 of
    closing in 90 minutes of vinyasa."""
    choices = practice.choices
    total = practice.target_seconds
    end = sum(s.seconds for s in practice.steps if s.phase in ("relaxation", "closing"))
    problems = []
    share = end_share(choices.style, choices.focus)
    if savasana_least(choices.minutes) and end > share * total:
        problems.append(f"{end} s of relaxation and closing of {total} s (at most {share:.0%})")
    most = seated_closing_most(choices.style, choices.focus)
    problems += [
        f"{s.pose.slug} {s.duration_seconds} s to close (at most {most} s)"
        for s in practice.steps
        if s.phase == "closing" and s.duration_seconds > most
    ]
    return problems


RULES = {
    "one_relaxation": _one_relaxation,
    "savasana_floor": _savasana_floor,
    "closing_share": _closing_share,
}
