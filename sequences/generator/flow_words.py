"""What a linked flow says at each of its poses, and reasons that say what a pose does rather
than a template (issue 11, blind review r10 #9 F3: a seated flow of eight poses cued only "Turns
the spine, as today's focus on the back asks", "Opens the hips, flexibility being today's
focus", "Lengthens the hamstrings on the way to Monkey Pose" three times; Half Lotus held a
minute each side with no word on the knee).

A mini-flow (linking.py) is taught by its cues: each pose says how it is taken (`own_cue`: the
teacher's words in STEP_CUES, else the flow's or the pose's set-up, reasons.FLOW_CUES and
reasons.HOW), and a pose that loads the knee says first how the knee is kept safe (KNEE_ENTRY,
from the library's contraindications and modifications), as head_level.py and lowering.py say
the head and the way down for an avoid choice. A build pose held for the practice's focus
says how it is taken and what that does (reasons.build, `action_cue`), and no way of framing a
reason comes twice down the page in a moving class (`frames_once`). The quality figures
`flow_step_cued`, `knee_entry_said`, `reason_frame_repeated` and `flow_reason_repeated`
(quality/flow_words.py) hold them.
"""

import functools
import re

from poses.models import Caution
from sequences.generator import reasons
from sequences.generator.prep import PREP_CUES
from sequences.generator.vocabulary import SLOW_STYLES
from sequences.steps import PoseCard

# The teacher's words for a pose taught in a linked flow where the set-up in HOW says too
# little of the shape (review r10 #9's right values).
STEP_CUES = {
    "revolved-head-to-knee": "side-bend over the straight leg, the bent-knee side long, top "
    "arm over the ear, turn the chest up: the side body and the hamstrings lengthen",
    "marichyasana-c": "foot planted by the sit bone, opposite elbow outside the knee, lengthen "
    "on the inhale, turn on the exhale: the spine twists from its base",
    "cow-face": "stack the knees, a strap between the hands: the hips and shoulders open",
    "fire-log": "shins stacked, feet flexed: the outer hips open",
    "half-lotus": "sit tall on a folded blanket, the knees lowering: the hip turns out",
    "skandasana": "sink into one bent knee, the other leg long, toes up: the inner thigh and the "
    "back of the straight leg lengthen",
    "wide-angle-seated-forward-fold": "legs wide, kneecaps up, walk the hands forward from the "
    "hips: the inner thighs and hamstrings lengthen",
    "head-to-knee": "one leg long, the other foot to the inner thigh, turn toward the long leg "
    "and fold from the hips: the hamstrings lengthen",
    "upward-plank": "hands behind, fingers toward the heels, press up through the feet: the "
    "shoulders and chest open",
}

# How the knee is kept safe, said first at a pose that loads it (Caution.KNEE_LOAD), in the
# library's words (its contraindications and modifications for knee injury).
KNEE_ENTRY = {
    "half-lotus": "Only if the knee is pain-free: draw the foot high into the opposite hip crease "
    "by rotating from the hip, foot flexed; otherwise {instead}",
    "lotus": "Only if both knees are pain-free: rotate from the hip, never force the foot; "
    "otherwise {instead}",
    "fire-log": "A block under the top knee if it floats; stop if a knee hurts",
    "cow-face": "Sit on a block if the knees complain",
    "marichyasana-c": "The elbow levers against the bent knee: hug the knee instead if it aches",
    "revolved-head-to-knee": "A block under the bent knee if it floats",
    "head-to-knee": "A block under the bent knee if it floats",
    "half-butterfly-yin": "A block under the bent knee if it floats",
    "half-lord-of-the-fishes": "Hug the knee rather than hook the elbow if the knee aches",
    "bharadvajas-twist": "Stop if the folded knees ache",
    "pigeon-prep": "Front foot flexed; Reclined Figure Four instead if the front knee hurts",
    "sleeping-swan-yin": "Front foot flexed; Reclined Figure Four instead if the front knee hurts",
    "shoelace-yin": "Stop if a knee hurts rather than the outer hip stretching",
    "deer-yin": "Stretch the back leg long if its knee aches",
    "hero-pose": "A block under the seat; stop at once if a knee hurts",
    "reclined-hero": "Stay upright on a block if the knees complain",
    "saddle-yin": "One leg at a time if the knees complain",
    "toe-squat-yin": "A blanket under the knees",
    "frog": "Folded blankets under the knees",
    "full-splits": "Back knee padded, front knee soft, never locked",
    "skandasana": "The bent knee pointing where its toes point, only as deep as it stays easy; "
    "stop if it hurts",
    "garland": "A block under the seat if the knees strain",
    "eagle": "Cross only at the thighs if the knee complains",
    "revolved-chair": "Knees over the ankles; if they ache, hands to the outer thigh without "
    "hooking the elbow",
    "twisted-crescent-lunge": "Front knee over the ankle; back knee down on a blanket if needed",
    "revolved-side-angle": "Front knee over the ankle; back knee down on a blanket if needed",
    "dancer": "A strap around the foot if the knee bends too far",
    "bow": "A strap around the ankles if the knees strain",
    "crow": "Knees high on the upper arms, lifting; leave it if the knees hurt",
    "side-crow": "Knees together, lifting; leave it if the knees hurt",
    "firefly": "Sit on a block first if the knees hurt",
    "dragon-yin": "A thick blanket under the back knee",
    "lizard": "Back knee on a blanket, or lifted",
    "low-lunge": "Back knee on a folded blanket",
    "half-splits": "Back knee on a blanket, front knee soft",
    "gate": "A blanket under the kneeling knee",
    "camel": "A blanket under the knees",
}
# Kneeling on both knees: padded.
PADDED = "A blanket under the knees"
# Where the knee-safe way out is the pose just before in the flow, it is named.
INSTEAD = {"half-lotus": ("fire-log", "easy-pose"), "lotus": ("half-lotus", "easy-pose")}
INSTEAD_WORDS = {"half-lotus": "rest the foot on the opposite calf", "lotus": "stay in Half Lotus"}


def own_cue(card: PoseCard) -> str:
    """How the pose is taken and what it does, lower case, no full stop: the teacher's words
    for a linked step (STEP_CUES), else a flow's cue or the pose's set-up (reasons.FLOW_CUES,
    reasons.HOW); its job where it has none."""
    how = STEP_CUES.get(card.slug) or reasons.FLOW_CUES.get(card.slug) or reasons.HOW.get(card.slug)
    if how is None:
        verb, areas = reasons.does(card)
        how = f"{verb} the {areas}"
    return how


def loads_the_knee(card: PoseCard) -> bool:
    return Caution.KNEE_LOAD in card.cautions


def knee_entry(card: PoseCard, before: PoseCard | None = None) -> str:
    """How the knee is kept safe in the pose, a sentence without its full stop ("" for a pose
    that does not load it): KNEE_ENTRY, else a blanket under the knees for a kneeling shape;
    where a safe way out is the pose before in the flow (Fire Log before Half Lotus), it is
    named."""
    if not loads_the_knee(card):
        return ""
    words = KNEE_ENTRY.get(card.slug, PADDED)
    if "{instead}" in words:
        named = before is not None and before.slug in INSTEAD.get(card.slug, ())
        instead = f"stay in {before.name}" if named else INSTEAD_WORDS[card.slug]
        words = words.format(instead=instead)
    return words


def rehearsal(card: PoseCard, peak: PoseCard | None) -> str:
    """The teacher's cue for the pose as the peak's rehearsal (prep.PREP_CUES: Garland before
    Firefly, hands flat, leaning forward between the knees), "" where it is none."""
    cue = PREP_CUES.get((peak.slug, card.slug)) if peak is not None else None
    return cue.format(peak=peak.name) if cue else ""


def for_the_peak(reason: str, card: PoseCard, peak: PoseCard | None) -> str:
    """The reason a linked step keeps of the one it was planned with: a reason for the peak in
    the planner's own words (the peak's rehearsal cue, `rehearsal`; "Strengthens the shoulders
    that will hold you in Forearm Stand."; "…; Firefly Pose takes this shape further"); "" for a
    reason said in a template frame (FRAMES: `reasons.vary` does not reach a flow, so a Monkey
    class said "Lengthens the hamstrings: Monkey Pose asks for them" four times), one that
    does not name the peak (the pose's own set-up, a focus), or none."""
    if not reason or peak is None or peak.name not in reason or frame_of(reason, peak.name):
        return ""
    return reason


def step_cue(
    card: PoseCard, before: PoseCard | None = None, reason: str = "", peak: PoseCard | None = None
) -> str:
    """A linked step's own words, capitalised, with full stops: how it is taken and what it
    does (`own_cue`); where it keeps a reason for the peak (`for_the_peak`), how it is taken
    and then that reason, which says what the pose does for the peak (the peak's rehearsal
    cue whole: it is the set-up); then how the knee is kept safe where the pose loads it —
    first, where the pose is taken only on a condition (Half Lotus: "Only if the knee is
    pain-free: …")."""
    how = own_cue(card)
    how = how[0].upper() + how[1:]
    if reason and reason == rehearsal(card, peak):
        how = reason
    elif reason and ": " in how:
        how = f"{how.split(': ', 1)[0]}. {reason}"
    elif reason:
        # A pose with no set-up of its own says its job, which the reason opens with: the
        # reason's words for the peak alone follow (nothing said twice).
        cut = min((reason.find(mark) for mark in ("; ", ": ") if mark in reason), default=-1)
        if cut > 0 and peak.name not in reason[:cut]:
            reason = reason[cut + 2].upper() + reason[cut + 3 :]
        how = f"{how}. {reason}"
    else:
        how += "."
    knee = knee_entry(card, before)
    if not knee:
        return how
    if knee.startswith("Only if"):
        return f"{knee}. {how}"
    return f"{how} {knee}."


def reminder(card: PoseCard) -> str:
    """What the second side says again of the knee (" Only if the knee is pain-free."), ""
    for a pose whose entry is not a condition."""
    knee = knee_entry(card)
    if knee.startswith("Only if"):
        return " " + knee.split(":", 1)[0] + "."
    return ""


# --- one way of framing a reason per page ---------------------------------------------------


@functools.lru_cache(maxsize=4096)  # bounded: frames × peak names, in a long-lived worker
def _pattern(frame: str, peak: str = "") -> re.Pattern:
    """The frame as a pattern: each slot a run of words, the peak's slot the practice's peak
    by name where it is known (a cue that says "before you move" or, taking the next pose on
    the way, "before Plank Pose" is no reason framed for the peak)."""
    text = re.escape(frame)
    for key in ("action", "areas", "peak", "them", "focus"):
        slot = re.escape(peak) if key == "peak" and peak else r"[A-Za-z][^,.;:]*?"
        text = text.replace(re.escape("{" + key + "}"), slot)
    return re.compile(text + r"(?=[.,;]|$)")


# The frames a held pose's reason is said in (reasons.FOR_THE_PEAK, FOR_THE_FOCUS and the
# restorative ones): each at most once on a page.
FRAMES = tuple(
    dict.fromkeys(
        (*reasons.FOR_THE_PEAK, *reasons.FOR_THE_FOCUS, *reasons.REST_FOR_THE_PEAK)
    )  # fmt: skip
)


# Each frame's longest fixed words: a cue without them cannot be said in the frame, so its
# pattern (lazy runs of words, slow to search) is not tried.
_FIXED = {frame: max(re.split(r"\{\w+\}", frame), key=len) for frame in FRAMES}


def _found(cue: str, peak: str = "") -> tuple[str, re.Match | None]:
    for frame in FRAMES:
        if _FIXED[frame] not in cue:
            continue
        found = _pattern(frame, peak).search(cue)
        if found:
            return frame, found
    return "", None


def frame_of(cue: str, peak: str = "") -> str:
    """The reason frame a cue is said in ("" for none); `peak`: the practice's peak's name,
    which a frame for the peak names."""
    return _found(cue, peak)[0]


def frames_once(drafts, *, style: str = "") -> None:
    """A held step before the peak whose reason is said in a frame an earlier step already used
    (FRAMES: "… on the way to Monkey Pose" twice down the page) says how the pose is taken
    and what it does instead (`reasons.action_cue`)."""
    if style in SLOW_STYLES:
        return  # a slow class's reasons are said by its support and its versions
    peak = next((d.card.name for d in drafts if d.phase == "peak"), "")
    used: set[str] = set()
    for draft in drafts:
        if draft.phase == "peak":
            break
        frame, found = _found(draft.cue, peak)
        if not frame:
            continue
        if frame in used and not draft.flow:
            # Only the frame's words change: what is said before and after it (the last step
            # into the peak, a restorative pose's support) stays.
            how = reasons.action_cue(draft.card)
            if found.start() and draft.cue[found.start() - 2] != ".":
                how = how[0].lower() + how[1:]
            draft.cue = draft.cue[: found.start()] + how + draft.cue[found.end() :]
            continue
        used.add(frame)
