"""With wrist care, every pose whose hands may bear weight says where the hands go (blind review
r12 F10: a beginner's Low Lunge, 55 s each side with wrist_friendly, "has no hand placement";
beginners put the palms flat by default and load the wrists in extension for two minutes).
The places are the pose's own modifications and contraindications (poses/content/poses.json),
each without weight in the hand (review r18 F6, F11; hand_weight): the forearm or the hand
light on the thigh, the fingertips light on a block, the forearms on a bolster. Poses that
load the wrists are left out by the choice itself (Caution.WRIST_LOAD); these are the ones left
whose hands may still go down."""

import re

from accounts.models import Avoidance
from sequences.generator.balance_shapes import first_said, held
from sequences.generator.said_words import said_first
from sequences.generator.set_ups import clauses, placements

# {slug: where the hands go, from the pose's own text}
HAND_PLACES = {
    "low-lunge": "Back knee down on a blanket, hands on the front thigh. ",
    "high-lunge": "Hands on the hips or the front thigh. ",
    "triangle": "Bottom hand light on the thigh. ",
    "extended-side-angle": "Forearm resting on the front thigh, no weight in the hand. ",
    "revolved-side-angle": "Palms together at the chest, the elbow against the thigh. ",
    "half-moon": "Fingertips light on a tall block. ",
    "standing-forward-fold": "Hands holding opposite elbows. ",
    "halfway-lift": "Hands on the thighs. ",
    "wide-legged-forward-fold": "Forearms resting on blocks, no weight in the hands. ",
    "pyramid": "Hands on the hips. ",
    "standing-split": "Fingertips light on tall blocks. ",
    "half-splits": "Fingertips light on tall blocks. ",
    "revolved-triangle": "Bottom hand light on the front thigh. ",
    "skandasana": "Hands at the chest, not on the floor. ",
    "gate": "The lower hand light on the leg. ",
    "camel": "Hands on the lower back. ",
    "frog": "Forearms on the floor or a bolster. ",
    "pigeon-prep": "Forearms on a bolster or blocks, not the hands on the floor. ",
    "dragon-yin": "Hands on the front thigh. ",
    "half-lord-of-the-fishes": "Fingertips light behind you, not the palm. ",
    "marichyasana-c": "Fingertips light behind you, not the palm. ",
    "easy-seated-twist": "A hand on the knee, fingertips light behind you. ",
    "bharadvajas-twist": "A hand on the outer thigh, the back fingertips light behind you. ",
    "seated-side-bend": "Fingertips light beside the hip. ",
    "staff-pose": "Fingertips light beside the hips. ",
    "deer-yin": "Hands resting on the thighs, no weight in them. ",
}
# Words that say where the hands go.
PLACED = re.compile(r"\b(?:hands?|fingertips|forearms?|fists?|palms?)\b", re.I)


def unplaced(slug: str, cue: str, *, avoid, hold: int, flow: str) -> bool:
    """With wrist care, a held step of a pose whose hands may bear weight (HAND_PLACES) that
    says nothing of the hands."""
    return (
        Avoidance.WRIST_FRIENDLY in avoid
        and slug in HAND_PLACES
        and held(hold, flow)
        and first_said(cue)
        and not PLACED.search(cue)
    )


def placed(draft, avoid) -> None:
    """Say where the hands go: first, or after the flow's words on a step of a flow."""
    if not unplaced(draft.card.slug, draft.cue, avoid=avoid, hold=draft.hold, flow=draft.flow):
        return
    draft.cue = said_first(draft, _new_to(draft.cue, HAND_PLACES[draft.card.slug]))


def _new_to(cue: str, words: str) -> str:
    """`words` without a clause setting up a prop the cue already sets up for the same part of
    the body (a knee version's "Back knee on a folded blanket": set_ups)."""
    said = {place for clause in clauses(cue) for place in placements(clause)}
    kept = [c for c in clauses(words.strip()) if not set(placements(c)) & said]
    text = " ".join(kept).rstrip(",;: ")
    if not text:
        return ""
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".") + " "
