"""A warm-up or build reason names only poses held later in the practice, or the one straight
before it that it comes from (blind review r12 F2: Wrist Circles "before Downward-Facing Dog
loads the wrists" in a plan with no Downward-Facing Dog; the wrists were loaded by Cat-Cow,
Bird Dog and Thread the Needle).

A pose is named by its library name, that name without what its brackets add ("High Lunge"),
or the name a teacher calls it (flows.SHORT_NAMES, entries.ENTRY_NAMES: "Down Dog"). A cue's
own pose and the pose it is entered from (entries.ENTRY_POSE: "Down Dog, then lift one leg"
on Three-Legged Dog) are its own names, never another pose's."""

import json
import re
from functools import lru_cache

from poses.library import POSES_FILE
from poses.models import Caution
from sequences.generator.entries import ENTRY_NAMES, ENTRY_POSE
from sequences.generator.flows import SHORT_NAMES
from sequences.generator.reasons import mobility
from sequences.generator.versions import WORDS

CHECKED_PHASES = ("warm_up", "build")
# A joint warm-up's reason that names what loads the joint later (reasons.mobility).
_MOBILITY = re.compile(r"^Joint by joint: loosens the .* before .* loads? the ")


@lru_cache(maxsize=1)
def names() -> tuple[tuple[str, str], ...]:
    """(name, slug) of every pose of the library, longest name first."""
    rows = json.loads(POSES_FILE.read_text())
    found = {}
    for row in rows:
        found[row["name_en"]] = row["slug"]
        short = row["name_en"].split(" (")[0]
        found.setdefault(short, row["slug"])
    for name, slug in ENTRY_NAMES.items():
        found.setdefault(name, slug)
    for slug, name in SHORT_NAMES.items():
        found.setdefault(name, slug)
    return tuple(sorted(found.items(), key=lambda item: len(item[0]), reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    alternatives = "|".join(re.escape(name) for name, _ in names())
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def named(cue: str) -> list[tuple[str, str]]:
    """(name, slug) of each pose the cue names, in order, a longer name before one it holds."""
    slugs = dict(names())
    return [(m.group(0), slugs[m.group(0)]) for m in _pattern().finditer(cue)]


def own(slug: str) -> set[str]:
    """The slugs a cue of this pose may name as its own: itself and its way in."""
    return {slug} | ({ENTRY_POSE[slug]} if slug in ENTRY_POSE else set())


def not_held_later(cue: str, slug: str, later: set[str]) -> list[str]:
    """The names in a cue of pose `slug` of poses not among `later` (slugs held after it); a
    version's words (versions.WORDS: "Stay in Reverse Tabletop") name a way to take the pose."""
    for words in WORDS:
        cue = cue.replace(words.strip(), "")
    mine = own(slug)
    return [name for name, s in named(cue) if s not in mine and s not in later]


def before(steps, index: int) -> set[str]:
    """The pose straight before step `index` (a step's "from Forearm Plank" names where it
    comes from: entries.py), as a set of slugs; `steps` are drafts or steps."""
    if index == 0:
        return set()
    step = steps[index - 1]
    card = getattr(step, "card", None) or step.pose
    return {card.slug}


def said_truly(drafts) -> None:
    """Each warm-up and build reason of a step held on its own (a flow's words name its beats:
    flow_words) names only poses held later: a joint warm-up names the later poses that load
    its joint (or none); another sentence naming a pose not held later goes where the reason
    has another to say."""
    for index, draft in enumerate(drafts):
        if draft.phase not in CHECKED_PHASES or draft.flow:
            continue
        later = {d.card.slug for d in drafts[index + 1 :]} | before(drafts, index)
        if not not_held_later(draft.cue, draft.card.slug, later):
            continue
        if _MOBILITY.match(draft.cue):
            loading = [
                d.card.name
                for d in drafts[index + 1 :]
                if Caution.WRIST_LOAD in d.card.cautions and not d.flow
            ]
            loaded = list(dict.fromkeys(loading))[:2] if "wrist" in draft.cue else []
            draft.cue = mobility(draft.card, loaded)
            continue
        sentences = re.split(r"(?<=[.!?])\s+", draft.cue.strip())
        kept = [s for s in sentences if not not_held_later(s, draft.card.slug, later)]
        if kept and len(kept) < len(sentences):
            draft.cue = " ".join(kept)
