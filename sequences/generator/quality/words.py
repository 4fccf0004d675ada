"""The reasons (cues): specific, true to the pose, never a template."""

import re
from collections import Counter
from functools import lru_cache

from poses.models import Position, TargetArea
from sequences.generator import (
    claims,
    floor_ways,
    flow_labels,
    reasons,
    versions,
    wrist_counter,
)
from sequences.generator.entries import taken_on_the_way
from sequences.generator.floor_blocks import WAYS_UP
from sequences.generator.neighbours import POSE_WORDS, reason_of
from sequences.generator.peak_first import teaches_first
from sequences.generator.peaks import peak_how
from sequences.generator.practice import HOLD_CAPS
from sequences.generator.quality.common import (
    before_peak,
    compiled,
    derived,
    held,
    name_pattern,
    pose_names,
    stated_holds,
)
from sequences.generator.shapes import entered_from
from sequences.generator.spoken_time import ABOUT_WITHIN
from sequences.generator.stance_links import without_way
from sequences.generator.version_rules import as_taught
from sequences.generator.vocabulary import CALM_STYLES
from sequences.models import Side
from sequences.steps import Step

# A skeleton of words (pose names and numbers left out) seen this often is a template.
TEMPLATE_AT = 3


def _reason_repeated(practice) -> list[str]:
    cues = Counter(step.cue for step in practice.steps if not step.flow)
    return [cue for cue, count in cues.items() if count > 1]


def skeleton(practice, cue: str) -> str:
    """The cue's words with the practice's pose names, numbers and sides left out (kept per
    practice: many figures ask it of the same cues)."""
    kept = derived(practice).setdefault("skeletons", {})
    found = kept.get(cue)
    if found is None:
        text = cue
        for name in pose_names(practice):
            text = text.replace(name, "_")
        text = NUMBER.sub("#", text)
        found = kept[cue] = SIDE_WORD.sub("~", text)
    return found


NUMBER = re.compile(r"\d+")
SIDE_WORD = re.compile(r"\b(right|left)\b", flags=re.IGNORECASE)


# Words a cue opens with that are not its claim: the rebound before it, the step into the peak,
# how a pose is taught for an avoid choice or in pregnancy, a label.
PREFIXES = re.compile(
    r"^(?:Before this shape, a rebound: [^.]*\. |Last before _\. |Inclined, not flat, [^.]*\. "
    r"|Legs wide, a bolster [^.]*\. |Counter-pose: |Joint by joint: |Standing warm-up: "
    r"|A gentle shape[^:.]*(?:: |\.$)|Round #: )+"
)
# Words that carry no claim.
STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "on",
        "for",
        "in",
        "with",
        "as",
        "at",
        "by",
        "it",
        "its",
        "them",
        "this",
        "that",
        "which",
        "is",
        "be",
        "before",
        "after",
        "while",
    ]
)
# Steps this close are neighbours: a class hears their cues one after the other.
NEIGHBOURS = 3


def unversioned(cue: str) -> str:
    """The cue without the words that teach its pose for an avoid choice (versions.WORDS, and
    the safety cues said beside them: the way down to the belly for back care, the head above
    the heart: `neighbours.TAUGHT_FOR`)."""
    return reason_of(cue)


def claim(practice, cue: str) -> tuple[str, frozenset[str]]:
    """(the first clause, the content words) of what the cue says, its pose names, numbers,
    rebound, avoid-choice words and label left out."""
    text = skeleton(practice, unversioned(without_way(cue)))
    text = PREFIXES.sub("", text)
    first = re.split(r"[,;:.]", text, maxsplit=1)[0].strip().lower()
    found = frozenset(re.findall(r"[a-z']+", text.lower())) - STOPWORDS
    return first, found


def _reason_neighbours(practice) -> list[str]:
    """Two held steps within three of each other say different things (review r5: "Lengthens
    the hamstrings and calves" on Standing and Wide-Legged Forward Fold, "Balances on one leg,
    steadying the ankles" on Eagle and Extended Hand-to-Big-Toe): not the same first clause,
    nor three quarters of the same words, once pose names and numbers are left out. The
    rounds of one pose and a flow's own steps aside."""
    steps = [s for s in practice.steps if not s.flow and s.phase in reasons.VARIED_PHASES]
    problems = []
    for index, step in enumerate(steps):
        first, found = claim(practice, step.cue)
        for other in steps[index + 1 :]:
            if other.position - step.position > NEIGHBOURS:
                break
            if other.pose.slug == step.pose.slug:
                continue
            other_first, other_found = claim(practice, other.cue)
            same = len(first.split()) >= 2 and first == other_first
            said = reasons.claim_of(first)
            same = same or bool(said and said == reasons.claim_of(other_first))
            shared = len(found & other_found) / max(len(found | other_found), 1)
            if same or shared >= 0.75:
                problems.append(f"{step.pose.slug} ~ {other.pose.slug}: {other.cue}")
    return problems


def _reason_template(practice) -> list[str]:
    """The same sentence with other poses' names in it, down the page: a template. The rounds
    of a Sun Salutation, the left side of a flow and a flow done once more say again what they
    said by design."""
    seen = Counter(
        skeleton(practice, step.cue)
        for step in practice.steps
        if held(step)
        and not step.flow.startswith("Sun Salutation")
        and not (step.flow and step.side == Side.LEFT)
        and not step.cue.startswith("Once more")
    )
    return [f"{count}× {text}" for text, count in seen.items() if count >= TEMPLATE_AT]


ROUND_OPENINGS = re.compile(
    r"^(?:Once more, ~ side[^:]*: |Once more on the ~[^:]*: |Once more: "
    r"|~ side: |~ side: the same flow, )"
)
CHANGE = re.compile(r"\b(?:longer|deeper|this time|a pose more)\b")


def _reason_again(practice) -> list[str]:
    """A flow done again says what changes — a longer hold, a deeper shape, a pose more —
    and repeats nothing the first round said (review r5: "once more" rounds word for word)."""
    problems = []
    said: set[str] = set()
    for step in practice.steps:
        # How the pose is taught for an avoid choice may come first (said on its first round).
        cue = unversioned(step.cue)
        body = ROUND_OPENINGS.sub("", skeleton(practice, cue))
        if cue.startswith("Once more"):
            if not CHANGE.search(cue):
                problems.append(f"{step.pose.slug}: no change named: {step.cue}")
            # What the first round said the flow or pose is for, said again word for word.
            why = [part for part in re.split(r"[;:] ", body)[1:] if part]
            if any(part in said for part in why):
                problems.append(f"{step.pose.slug}: the first round again: {step.cue}")
        else:
            said.update(part for part in re.split(r"[;:] ", body)[1:] if part)
    return problems


def _credited(practice, step: Step) -> bool:
    """The step's reason names the peak as what it works toward: its name, not a longer pose
    name that holds it (Warrior III in a flow before a Warrior II peak names Warrior III)."""
    peak = practice.peak
    if peak is None or step is peak:
        return False
    name, cue = peak.pose.name, step.cue
    for other in {s.pose.name for s in practice.steps}:
        if other != name and name in other:
            cue = cue.replace(other, "")
    return name in cue


# The peak's credit of what prepared it: "…; Child's Pose prepared the hips." or, after its
# how-to, "…of the practice: Low Lunge and Hero settled the quadriceps."
PEAK_CREDIT = re.compile(r"[;:] ([^;:.]+?) (?:prepared|settled) the ([a-z ,]+?)\.")


def _flows_before_peak(practice) -> dict[str, list[Step]]:
    """The steps of each flow before the peak, by the flow's name."""
    flows: dict[str, list[Step]] = {}
    for step in before_peak(practice):
        if step.flow:
            flows.setdefault(step.flow, []).append(step)
    return flows


def _reason_credit(practice) -> list[str]:
    """A pose is credited with preparing the peak only where it really does
    (`reasons.prepares`: its main work meets what the peak needs, or it is the shape the peak
    grows out of); a flow only where one of its poses does; the peak credits only poses
    before it that prepared it, and only with what they prepared."""
    peak = practice.peak
    if peak is None:
        return []
    problems = []
    flows = _flows_before_peak(practice)
    for step in before_peak(practice):
        if not _credited(practice, step) or step.phase not in ("warm_up", "build"):
            continue
        if step.flow:
            if step.cue.startswith(("Right side", "Once more, right side")) and not any(
                reasons.prepares(s.pose, peak.pose) for s in flows[step.flow]
            ):
                problems.append(f"{step.flow} credited with {peak.pose.slug}")
        elif not (
            reasons.prepares(step.pose, peak.pose)
            or reasons.warms_for(step.pose, peak.pose)
            or reasons.uses(step.pose, peak.pose)[0]
        ):
            problems.append(f"{step.pose.slug} credited with {peak.pose.slug}")
    match = PEAK_CREDIT.search(peak.cue)
    if match:
        before = {s.pose.name: s.pose for s in before_peak(practice)}
        named = [name for name in before if name in match.group(1)]
        if not named or len(match.group(1)) > len(" and ".join(named)):
            problems.append(f"peak credits {match.group(1)!r}")
        given = {a for name in named for a in reasons.prepares(before[name], peak.pose)}
        for area in _areas_named(match.group(2)):
            if area not in given:
                problems.append(f"peak credits {area} to {named}")
    return problems


def _true_credit(practice, step: Step) -> bool:
    """The held step gives the peak what its cue may name the peak for."""
    card, peak = step.pose, practice.peak.pose
    return bool(
        reasons.credits(card, peak)
        or reasons.need_words(card, peak)
        or (reasons.entry(card, peak) and reasons.prepares(card, peak))
        or reasons.warms_for(card, peak)
        or reasons.uses(card, peak)[1] == "holds"
    )


def _reason_prepares(practice) -> list[str]:
    """A step names the peak only for what it really gives it (review r5: Five-Pointed Star
    and Garland "for Camel", Goddess "strengthens the glutes" for Frog): the areas it works the
    peak's way (`reasons.credits`), the way into the peak's hip shape, a need of the peak it
    gives (`reasons.need_words`), a joint warmed for what the peak loads, the weight a peak on
    the hands bears; "takes this shape further" only of the pose the peak is led into from; a
    flow only where one of its poses does. The peak's cue credits only what was held in the
    build (or a warm-up shape held a minute or more, not a 20-second Happy Baby), and only
    what those poses gave it."""
    peak = practice.peak
    if peak is None:
        return []
    problems = []
    flows = _flows_before_peak(practice)
    for step in before_peak(practice):
        if step.phase not in ("warm_up", "build") or not _credited(practice, step):
            continue
        if step.flow:
            if step.cue.startswith(("Right side", "Once more, right side")) and not any(
                reasons.credits(s.pose, peak.pose) for s in flows[step.flow]
            ):
                problems.append(f"{step.flow} credited with {peak.pose.slug}")
            continue
        if not _true_credit(practice, step):
            problems.append(f"{step.pose.slug} credited with {peak.pose.slug}: {step.cue}")
        if "takes this shape further" in step.cue and not reasons.leads_by_shape(
            step.pose, peak.pose
        ):
            problems.append(f"{peak.pose.slug} does not grow out of {step.pose.slug}")
    match = PEAK_CREDIT.search(peak.cue)
    if match:
        held_before = {
            s.pose.name: s
            for s in before_peak(practice)
            if held(s)
            and (s.phase == "build" or (s.phase == "warm_up" and s.duration_seconds >= 60))
        }
        given: set[str] = set()
        names = {s.pose.name for s in before_peak(practice)}
        for name in names:
            text = match.group(1)
            for other in names:
                if other != name and name in other:
                    text = text.replace(other, "")  # Half Butterfly is not Butterfly
            if not compiled(rf"{re.escape(name)}(?!\w)").search(text):
                continue
            step = held_before.get(name)
            found = reasons.credits(step.pose, peak.pose) if step else []
            if not found:
                problems.append(f"peak credits {name}, which did not prepare it")
            given.update(found)
        for area in _areas_named(match.group(2)):
            if area not in given:
                problems.append(f"peak credits the {area}")
    return problems


AREA_LABELS = {area: TargetArea(area).label.lower() for area in TargetArea.values}


# The words around a reason's own claim: how the props hold a pose, today's focus named.
FOCUS_TAILS = re.compile(
    r"(for|in keeping with|as) today's focus on [^,.;]*|, [^,.;]* being today's focus"
)


def _areas_named(text: str) -> list[str]:
    """The target areas a piece of text names ("the upper back and lower back")."""
    return list(_areas_in(text))


@lru_cache(maxsize=4096)
def _areas_in(text: str) -> tuple[str, ...]:
    found = []
    for area, label in sorted(AREA_LABELS.items(), key=lambda item: -len(item[1])):
        label_pattern = compiled(rf"\b{label}\b")
        if label_pattern.search(text):
            found.append(area)
            text = label_pattern.sub(" ", text)
    return tuple(found)


def _claim(practice, step: Step) -> str:
    """The cue with pose names, props set-ups and today's focus words taken out: what it
    says the pose itself does (a yin rebound said before the shape is not about it)."""
    cue = without_way(step.cue)  # (the way from the pose before: stance_links)
    text = FOCUS_TAILS.sub("_", reasons.REBOUND_SAID.sub("", cue))
    for name in sorted({s.pose.name for s in practice.steps}, key=len, reverse=True):
        text = text.replace(name, "_")
    said = [
        *reasons.SUPPORT.values(),
        *reasons.WHERE.values(),
        reasons.props_words(step.pose),
        *(words.strip() for words in versions.WORDS),
        # how a capped hold is taken (a beginner's plank with the knees down), not what it works
        *(words for cap in HOLD_CAPS for words in cap.cues),
        *POSE_WORDS,
        *WAYS_UP,  # how the class comes to stand after a floor block, not what it works
    ]
    for words in sorted(said, key=len, reverse=True):
        if words:
            text = text.replace(words, "_")
    return text


def _reason_areas(practice) -> list[str]:
    """A pose is said to work only what it works: its first three target areas (Locust does
    not "open the hamstrings")."""
    problems = []
    for step in practice.steps:
        if (
            step.flow
            or step.pose.is_breathing
            or step.phase
            not in (
                "warm_up",
                "build",
                "cool_down",
            )
        ):
            continue
        if step.pose.slug in reasons.DOES:
            continue
        own = step.pose.target_areas[:3]
        for area in _areas_named(_claim(practice, step)):
            if area not in own:
                problems.append(f"{step.pose.slug}: {area} ({step.cue})")
    return problems


def _reason_order(practice) -> list[str]:
    """Ordinal words are true of the order: "Last before <peak>" only on the pose straight
    before the peak, and no other "first" or "last" in a reason (the peak's how-to, which
    orders the movement within the pose, aside: "turn from the belly then the ribs, head
    last")."""
    peak = practice.peak
    problems = []
    for index, step in enumerate(practice.steps):
        taught = peak_how(step.pose.slug) if step.phase == "peak" else None
        text = step.cue.replace(taught[0], "_") if taught else step.cue
        text = text.replace(floor_ways.HEAD_LAST, "_")  # how to come up from lying
        label = f"Last before {peak.pose.name}." if peak is not None else None
        if label and label in text:
            if index + 1 != peak.position - 1:
                problems.append(f"{step.pose.slug}: last before the peak at {step.position}")
            text = text.replace(label, "")
        if re.search(r"\b(first|last)\b", text, flags=re.IGNORECASE):
            problems.append(f"{step.pose.slug}: {step.cue}")
    return problems


def _reason_names(practice) -> list[str]:
    """Pose names as the library spells them ("Extended Triangle", not "extended Triangle"),
    and one label to a reason ("Vinyasa: link:" is two)."""
    problems = []
    # Each name with its lower-case form where it is ASCII (worked out once, not per step).
    names = [(name, name.isascii() and name.lower()) for name in pose_names(practice)]
    for step in practice.steps:
        # Where both are ASCII, a name found ignoring case is one found in lower case.
        plain = step.cue.isascii() and step.cue.lower()
        for name, lower in names:
            if plain and lower and lower not in plain:
                continue
            for found in name_pattern(name, re.IGNORECASE).finditer(step.cue):
                if found.group(0) != name:
                    problems.append(f"{found.group(0)!r} for {name!r}")
        if re.match(r"^[^:]*: \w+: ", step.cue):
            problems.append(f"two labels: {step.cue}")
    return problems


PRONOUN_CLAIM = re.compile(
    r"the ([a-z ,]+?)(?::| that| at an easy intensity;| before)[^.;]*?"
    r"\b(?:asks for|will need|needs|load|loads) (them|it)\b"
)


def _reason_grammar(practice) -> list[str]:
    """A pronoun agrees with the areas it stands for ("the core ... asks for it")."""
    problems = []
    for step in practice.steps:
        for match in PRONOUN_CLAIM.finditer(step.cue):
            areas = _areas_named(match.group(1))
            if areas and reasons.pronoun(areas) != match.group(2):
                problems.append(f"{match.group(2)!r} for {areas}: {step.cue}")
    return problems


# Words that put the body in a position, and the positions a step may start from for a cue to
# say them (a rebound is said on the step it leads into).
POSITION_WORDS = (
    (r"\blie flat\b|\bknees hugged in\b|\bon the back\b", {Position.SUPINE}),
    (r"\bon the belly\b|\bforehead on the stacked hands\b", {Position.PRONE}),
    (
        r"\bfingers (?:turned )?toward the knees\b|\bon hands and knees\b|\bon the knees\b",
        {Position.KNEELING, Position.HANDS_AND_FEET},
    ),
    (r"\bsit, legs long\b|\bseated\b", {Position.SEATED}),
    (r"\blie on the side\b|\bon the side\b", {Position.SIDE_LYING}),
    (r"\bstand, legs loose\b|\bstanding\b", {Position.STANDING}),
)
# Words that name a position without putting this step's body in it.
NOT_A_POSITION = re.compile(
    r"up to standing|the standing work|standing leg|standing knee|standing pose|standing version"
    r"|sit tall or lie on the side|on the side body|standing balance"
)


def _reason_position(practice) -> list[str]:
    """A cue that puts the body in a position names the one its step is in (review r5: a
    kneeling wrist stretch on Wrist Circles, done seated; "lie flat, knees hugged in" right
    before a prone Sphinx): the rebound before a shape in the position that shape starts
    from, every other position word in the pose's own."""
    problems = []
    names = sorted({s.pose.name for s in practice.steps}, key=len, reverse=True)
    for step in practice.steps:
        if step.flow:
            continue
        text = NOT_A_POSITION.sub("_", FOCUS_TAILS.sub("_", step.cue))
        for name in names:
            text = text.replace(name, "_")
        where = {step.pose.position, entered_from(step.pose)}
        for pattern, positions in POSITION_WORDS:
            if re.search(pattern, text) and not where & positions:
                problems.append(f"{step.pose.slug} ({step.pose.position}): {step.cue}")
    return problems


# Words that say nothing about the pose's job here.
FILLER = (
    "part of today's work",
    "whole body",
    "strong and steady",
    "what today is for",
    "more work on",
    "steady breaths",
)


def _reason_filler(practice) -> list[str]:
    """Every warm-up and build reason names a job; none is filler ("part of today's work on
    flexibility and the back", "Wakes up the whole body")."""
    return [
        f"{step.pose.slug}: {step.cue}"
        for step in practice.steps
        if step.phase in ("warm_up", "build") and any(f in step.cue.lower() for f in FILLER)
    ]


def _reason_holds(practice) -> list[str]:
    """A hold a reason quotes is the hold given (`common.stated_holds`: seconds, breaths of
    five seconds, minutes), exactly, or within ABOUT_WITHIN seconds where it says "about" some
    minutes (review r14: a rest to the half minute): never "about 2 minutes" of Corpse 1:35
    (review r9 #18). A wrist release split into circles and a stretch each side quotes the
    split of its hold (`wrist_counter.split`), not the hold."""
    problems = []
    for step in practice.steps:
        hold = step.duration_seconds
        if (parts := wrist_counter.split_said(step.cue)) is not None:
            if parts != wrist_counter.split(hold):
                problems.append(f"{step.pose.slug}: {parts} s quoted, {hold} s given")
            continue
        # A flow's label quotes the holds of the poses it links (quality/flow_labels.py).
        for seconds, rounded in stated_holds(flow_labels.unlabelled(step.cue)):
            if abs(seconds - hold) > (ABOUT_WITHIN if rounded else 0):
                problems.append(f"{step.pose.slug}: {seconds} s quoted, {hold} s given")
    return problems


def _reason_heat(practice) -> list[str]:
    """No heat in a class that stays cool: gentle, yin and restorative."""
    if practice.choices.style not in CALM_STYLES:
        return []
    return [f"{s.pose.slug}: {s.cue}" for s in practice.steps if "heat" in s.cue.lower()]


def _reason_effort(practice) -> list[str]:
    """A claim about effort true of the pose (review r6 #4, #7): "building heat" only on an
    active pose of intensity 3 or more (not a resting twist such as Thread the Needle), "no
    load" only on a passive shape that no leg carries (not Dragon). A flow builds heat as a
    whole, so its steps are left out."""
    problems = []
    for step in practice.steps:
        if step.flow:
            continue
        if "building heat" in step.cue and not reasons.builds_heat(step.pose):
            problems.append(f"heat on {step.pose.slug} (i{step.pose.intensity}): {step.cue}")
        if "no load" in step.cue and not reasons.bears_no_load(step.pose):
            problems.append(f"no load on {step.pose.slug}: {step.cue}")
    return problems


def _same_action(card, peak, area: str) -> bool:
    """The pose does to the area what the peak does (both strengthen it, or both lengthen or
    rest it); a pose of the peak's own kind moves the body the same way."""
    return card.category == peak.category or (
        reasons.strengthens(card, area) == reasons.strengthens(peak, area)
    )


@lru_cache(maxsize=1024)  # bounded: one per peak name, in a long-lived worker
def _credit_frames(peak: str) -> tuple[re.Pattern, ...]:
    """The ways a held pose's cue credits the peak with areas (reasons.FOR_THE_PEAK and the
    like), as patterns whose "areas" group is what is credited; compiled once per peak name
    (a score of patterns a practice, past what `re`'s own cache holds at 900 poses)."""
    frames = (
        *reasons.FOR_THE_PEAK,
        *reasons.REST_FOR_THE_PEAK,
        *reasons.WARM_FOR_THE_PEAK,
        "{action} the {areas}, which {peak} needs",
    )
    fill = {
        "{action}": "[A-Za-z]+",
        "{areas}": "(?P<areas>[a-z ,]+?)",
        "{peak}": re.escape(peak),
        "{them}": "[a-z]+",
    }
    patterns = []
    for frame in dict.fromkeys(frames):
        text = re.escape(frame)
        for key, value in fill.items():
            text = text.replace(re.escape(key), value)
        patterns.append(re.compile(text))
    return tuple(patterns)


def _reason_action(practice) -> list[str]:
    """A preparation credit names an area only for a pose that does to it what the peak does
    (review r6 #4: Warrior II and Reverse Warrior work the front leg's quadriceps, Camel
    stretches them, so neither "prepared the quadriceps" for Camel): every held step before
    the peak that names it, and the peak's "X prepared the …" sentence."""
    peak = practice.peak
    if peak is None:
        return []
    problems = []
    credit = _credit_frames(peak.pose.name)
    for step in before_peak(practice):
        # A joint loosened before the peak loads it is a warm-up, not a credit.
        if step.flow or step.phase not in ("warm_up", "build") or "Joint by joint" in step.cue:
            continue
        for match in filter(None, (frame.search(step.cue) for frame in credit)):
            for area in _areas_named(match.group("areas")):
                if not _same_action(step.pose, peak.pose, area):
                    problems.append(f"{step.pose.slug} credited with {area}: {step.cue}")
    match = PEAK_CREDIT.search(peak.cue)
    if match:
        named = [s.pose for s in before_peak(practice) if s.pose.name in match.group(1)]
        for area in _areas_named(match.group(2)):
            givers = [card for card in named if area in reasons.prepares(card, peak.pose)]
            if givers and not any(_same_action(card, peak.pose, area) for card in givers):
                problems.append(f"peak credits {area} to {[c.slug for c in givers]}")
    return problems


def _reason_after_rebound(practice) -> list[str]:
    """A shape a rebound is said before still gives its own reason after it (review r6 #13:
    Supported Fish cued only "Inclined …; a rebound: sit tall or lie on the side"), and the
    rebound is said as its own thing first, never as the shape's claim."""
    problems = []
    for step in practice.steps:
        if "rebound" not in step.cue:
            continue
        first = reasons.REBOUND_SAID.match(step.cue)
        if not first:
            problems.append(f"rebound not said before the shape on {step.pose.slug}: {step.cue}")
            continue
        # The prefixes end in a space: one after the last sentence lets a lone one go too.
        own = PREFIXES.sub("", skeleton(practice, step.cue[first.end() :]) + " ")
        if len(re.findall(r"[a-z]+", own.lower())) < 4:
            problems.append(f"no reason of its own on {step.pose.slug}: {step.cue}")
    return problems


def _peak_teaches(practice) -> list[str]:
    """The peak's cue teaches the pose (review r6: "Peak: the deepest fold …" alone teaches
    nothing): right after "Peak: " it says how to take the pose (peaks.PEAK_HOW: the way in,
    the alignment that keeps it safe, the prop), whole, on the first round of a peak taken in
    rounds, before any other words (r20 F3: a way between stances first, `peak_first`); the
    easier version follows unless an avoid choice's own version needs the room."""
    peak = practice.peak
    if peak is None:
        return []
    taught = peak_how(peak.pose.slug)
    if taught is None:
        return [f"{peak.pose.slug}: no how-to for this peak (peaks.PEAK_HOW)"]
    # As an avoid choice's version says it (Locust's chest only for back care: version_rules).
    how = as_taught(taught[0], peak.pose.slug, practice.choices, peak.duration_seconds)
    # (its way in taken on the way where the step before is not it: `entries.entries_said`)
    if f"Peak: {how}" not in peak.cue and f"Peak: {taken_on_the_way(how)}" not in peak.cue:
        return [f"{peak.pose.slug}: {peak.cue!r} does not say how to take it"]
    if not teaches_first(peak.cue):  # nothing before the how (r20 F3: a way)
        return [f"{peak.pose.slug}: {peak.cue!r} says something before how to take it"]
    return []


def _body(practice, step: Step) -> str:
    """The cue's own words: its opening words (rebound, label, "Last before"), avoid-choice
    words and restorative set-up taken out."""
    text = skeleton(practice, unversioned(step.cue))
    text = PREFIXES.sub("", text).strip()
    for said in sorted(reasons.SUPPORT.values(), key=len, reverse=True):
        text = text.replace(f", {said}", "")
    return text


def _reason_job(practice) -> list[str]:
    """Every held build step's reason gives the pose a job (the peak, the focus, what it
    carries) or an action cue (how it is taken): never only its claim and filler (review:
    Tree "Balances on one leg, steadying the ankles and feet, held steady", Standing Crescent
    Moon "Lengthens the side body while the body is warm")."""
    problems = []
    for step in practice.steps:
        if step.phase != "build" or not held(step) or step.flow:
            continue
        body = _body(practice, step)
        tails = [t for t in reasons.FILLER_TAILS if t in body]
        plain = body.rstrip(".").lower()
        for tail in tails:
            plain = plain.replace(f", {tail}", "").replace(f" {tail}", "")
        verb, areas = reasons.does(step.pose)
        bare = plain in (reasons.claim_of(plain), f"{verb} the {areas}")
        if bare:
            problems.append(f"{step.pose.slug}: {step.cue}")
    return problems


# Words that claim strength or effort: never in a cool-down or counter-pose reason, which
# settles the body (review: Bridge in the cool-down "strengthens the glutes and hamstrings").
EFFORT = reasons.EFFORT_WORDS


def _reason_settles(practice) -> list[str]:
    """A cool-down or counter-pose reason settles the body: no strengthening or effort word
    (EFFORT) in it."""
    return [
        f"{step.pose.slug}: {step.cue}"
        for step in practice.steps
        if step.phase in ("counter", "cool_down") and EFFORT.search(unversioned(step.cue))
    ]


def _reason_relative(practice) -> list[str]:
    """Every relative claim a reason makes ("before the longer holds", "before the stronger
    work", "more hips for Pigeon") is true of the practice (`reasons.false_claims`)."""
    shapes = [(s.pose, s.duration_seconds, s.phase, s.flow) for s in practice.steps]
    return [
        f"{step.pose.slug}: {claim!r} in {step.cue}"
        for index, step in enumerate(practice.steps)
        for claim in reasons.false_claims(step.cue, index, shapes)
    ]


# Words that put a prop somewhere ("a bolster lengthwise under the chest", "on a blanket").
PLACED = re.compile(
    r"\b(?:under|over|between|behind|beside|on|against|along|lengthwise|across|around|up|"
    r"propped|onto|in front of|resting)\b"
)
PROP = re.compile(r"\b(?:bolsters?|blankets?|blocks?|straps?|chair|wall|towel)\b")


def _unplaced(text: str) -> list[str]:
    """The props a text names without saying where they go (a placing word within five words
    either side: "on a bolster or a chair seat", "a bolster or a folded blanket between the
    knees")."""
    found = []
    for said in PROP.finditer(text):
        before = " ".join(text[: said.start()].split()[-5:])
        after = " ".join(text[said.end() :].split()[:5])
        if not PLACED.search(before) and not PLACED.search(after):
            found.append(said.group())
    return found


def _reason_props_placed(practice) -> list[str]:
    """In a restorative or yin class each prop a cue names says where it goes (review:
    Dragonfly "with a blanket and a bolster"). The peak's easier version ("easier: a folded
    blanket", in place of the block just placed) is left to the peak's own words."""
    if practice.choices.style not in ("restorative", "yin"):
        return []
    problems = []
    for step in practice.steps:
        text = re.sub(r"easier: [^.;]*", "", unversioned(step.cue).lower())
        for prop in _unplaced(text):
            problems.append(f"{step.pose.slug}: {prop} in {step.cue}")
    return problems


def _reason_shared_purpose(practice) -> list[str]:
    """Each pose before the peak gives its own purpose (review r8: "the inner thighs begin Frog
    Pose's shape" for four poses): a clause naming the peak is said of one pose only."""
    peak = practice.peak
    if peak is None:
        return []
    name = peak.pose.name
    said: dict[str, set[str]] = {}
    for step in before_peak(practice):
        if step.flow or name not in step.cue:
            continue
        text = step.cue.split(f"Last before {name}. ", 1)[-1]
        for clause in re.split(r"[:;.] ", text):
            if name in clause:
                said.setdefault(clause.strip(" ."), set()).add(step.pose.slug)
    return [f"{clause!r} for {sorted(slugs)}" for clause, slugs in said.items() if len(slugs) > 1]


STRENGTHENS = re.compile(
    r"\b[Ss]trengthens the ([a-z ]+?)(?=[,;:.]| on | that | which | for | as )"
)


def _reason_strengthens(practice) -> list[str]:
    """ "Strengthens X" only where the pose's effort works X (claims.effort_works: review r8,
    Humble Warrior stretches the shoulders and chest; Half Boat does not strengthen the hips)."""
    problems = []
    for step in practice.steps:
        if step.flow:
            continue
        for said in STRENGTHENS.findall(unversioned(step.cue)):
            areas = reasons.area_slugs(said)
            worked = claims.effort_works(step.pose)
            if not areas or not set(areas) <= worked:
                problems.append(f"{step.pose.slug}: strengthens the {said}")
    return problems


LOADS = re.compile(r"before (?P<names>.+?) loads? the (?P<joint>[a-z ]+?)\.")


def _reason_joint_load(practice) -> list[str]:
    """A joint warm-up says the peak loads a joint only where the peak does (claims.loads_joint;
    review r8: Neck Release "before Plank Pose loads them", and Plank does not load the
    neck)."""
    peak = practice.peak
    if peak is None:
        return []
    problems = []
    for step in practice.steps:
        said = LOADS.search(step.cue) if step.phase == "warm_up" else None
        if said is None or peak.pose.name not in said.group("names"):
            continue
        joints = reasons.area_slugs(said.group("joint"))
        if not joints or not all(claims.loads_joint(peak.pose, j) for j in joints):
            problems.append(f"{step.pose.slug}: {step.cue}")
    return problems


def _reason_bare(practice) -> list[str]:
    """A cool-down pose says how it is taken, not only what it does (review r8: "Lengthens the
    side body, slowly")."""
    places = reasons.WHERE.values()
    return [
        f"{s.pose.slug}: {s.cue}"
        for s in practice.steps
        if s.phase == "cool_down" and claims.bare(unversioned(s.cue), places)
    ]


RULES = {
    "peak_teaches": _peak_teaches,
    "reason_repeated": _reason_repeated,
    "reason_template": _reason_template,
    "reason_again": _reason_again,
    "reason_neighbours": _reason_neighbours,
    "reason_credit": _reason_credit,
    "reason_prepares": _reason_prepares,
    "reason_areas": _reason_areas,
    "reason_order": _reason_order,
    "reason_names": _reason_names,
    "reason_grammar": _reason_grammar,
    "reason_position": _reason_position,
    "reason_filler": _reason_filler,
    "reason_holds": _reason_holds,
    "reason_heat": _reason_heat,
    "reason_effort": _reason_effort,
    "reason_action": _reason_action,
    "reason_after_rebound": _reason_after_rebound,
    "reason_job": _reason_job,
    "reason_settles": _reason_settles,
    "reason_relative": _reason_relative,
    "reason_props_placed": _reason_props_placed,
    "reason_shared_purpose": _reason_shared_purpose,
    "reason_strengthens": _reason_strengthens,
    "reason_joint_load": _reason_joint_load,
    "reason_bare": _reason_bare,
}
