"""The versions a practitioner's choices require are taught as the way to do the pose, safe
for every choice together (sequences/generator/version_rules.py; issue "Today's practice a
teacher would teach")."""

from sequences.generator import versions
from sequences.generator.version_rules import (
    HELD_BY_THE_ARMS,
    STILL_STYLES,
    against,
    level_versions,
    taught,
)


def _version_not_easier(practice) -> list[str]:
    """A version an avoid choice or the level requires (the bolster under the chest in
    pregnancy, a block under a beginner's Hero) is said as the way to take the pose, not only
    as the peak's "easier" option: every step held on its own, a pose in a flow or a later
    round at least once."""
    choices = practice.choices
    problems = []
    said_once: dict[tuple[str, str], bool] = {}
    in_a_flow = set()
    for step in practice.steps:
        own = versions.own_words(step.cue).lower()
        said_here = taught(own)
        chosen = versions.versions_for(step.pose, choices.avoid)
        chosen += level_versions(step.pose, choices.level)
        for choice, _, said in chosen:
            key = (choice, step.pose.slug)
            said_once[key] = said_once.get(key, False) or said in said_here
            if step.flow or versions.again(step.cue):
                in_a_flow.add(key)
            elif said not in said_here:
                only = "only as easier" if said in own else "unsaid"
                problems.append(f"{step.pose.slug} for {choice} ({only}): {step.cue}")
        support = versions.yin_support(step.pose, style=choices.style, hold=step.duration_seconds)
        if support and not step.flow and support[1] in own and support[1] not in said_here:
            problems.append(f"{step.pose.slug} support only as easier: {step.cue}")
    return problems + [
        f"{slug} for {choice}: never said"
        for choice, slug in in_a_flow
        if not said_once[(choice, slug)]
    ]


def _avoid_conflicts(practice) -> list[str]:
    """No cue teaches a shape the way one of the chosen avoid options rules out: a knee lowered
    on bare knees for sore knees, the hands behind you for the wrists, the head hanging with
    no inversions (a version for one choice that breaks another included)."""
    return [
        f"{step.pose.slug} for {choice}: {found}"
        for step in practice.steps
        for choice in practice.choices.avoid
        if (found := against(choice, step.cue))
    ]


def _held_by_the_arms(practice) -> list[str]:
    """In yin and restorative a shape is passive or supported: no cue has the arms hold the
    body up for minutes (Deer "upright, hands behind you")."""
    if practice.choices.style not in STILL_STYLES:
        return []
    return [
        f"{step.pose.slug}: {step.cue}"
        for step in practice.steps
        if HELD_BY_THE_ARMS.search(step.cue.lower())
    ]


RULES = {
    "version_not_easier": _version_not_easier,
    "avoid_conflicts": _avoid_conflicts,
    "held_by_the_arms": _held_by_the_arms,
}
