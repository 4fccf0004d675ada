"""How each pose the generator may choose as a peak is taught, in one line a student can
follow (review r6: "the peak cue teaches nothing"): the way in, the one alignment point that
keeps it safe, the prop, and the easier version, written from the pose's own instructions and
modifications in poses/content. The peak's cue says this first, then why it is the peak
(`reasons.peak`). Each line is "how (easier: version)"; no line holds "; " or ". ", so the
peak's first sentence stays whole when a cue is shortened (`versions.said_on` drops the easier
version, after the rationale, where an avoid choice's own version needs the room)."""

PEAK_HOW = {
    # Standing and balance
    "chair": "feet together, sit back as if onto a chair, knees in line with the toes, weight "
    "in the heels (easier: bend less, back to a wall)",
    "goddess": "feet wide, toes out, sink until the knees stack over the ankles, tracking the "
    "toes (easier: bend less, hands on the thighs)",
    "warrior-i": "step back a leg's length, back heel down, front knee over the ankle, hips "
    "drawn forward (easier: shorter stance, back heel lifted)",
    "warrior-ii": "a leg's length apart, front knee over the ankle toward the second toe, back "
    "leg strong (easier: shorter stance, bend less)",
    "high-lunge": "back heel lifted, front knee over the ankle, hips level and square (easier: "
    "back knee down on a blanket, hands on blocks)",
    "extended-side-angle": "from Warrior II, forearm to the thigh or hand to a block, front "
    "knee over the ankle, tracking the second toe (easier: top hand on the hip)",
    "triangle": "front leg straight, knee unlocked, hinge at the hip, hand to the shin or a block "
    "(easier: shorter stance, back to a wall)",
    "pyramid": "short stance, hips square, fold from the hips over the front leg, hands on blocks "
    "(easier: bend the front knee slightly)",
    "revolved-triangle": "hips square, bottom hand to a block, turn from the ribs, neck easy "
    "(easier: shorter stance, top hand on the sacrum)",
    "revolved-chair": "sit low in Chair, palms together, hook the elbow outside the knee, knees "
    "level (easier: hands to the outer thigh, no hook)",
    "revolved-side-angle": "from a lunge, elbow outside the front knee, palms together, turn from "
    "the belly (easier: back knee down on a blanket)",
    "twisted-crescent-lunge": "from High Lunge, palms together, elbow outside the thigh, back heel "
    "pressing away (easier: back knee down on a blanket)",
    "skandasana": "wide stance, bend one knee deep, the other leg long, the knee pointing where "
    "the toes point, hands down (easier: hands on blocks, heel lifted)",
    "tree": "sole to the inner ankle, calf or thigh, never the side of the knee, hips level "
    "(easier: toes down as a kickstand, a hand on a wall)",
    "eagle": "sit low, thigh over thigh, elbow over elbow, elbows at shoulder height (easier: "
    "toes of the crossed leg on the floor, hug the shoulders)",
    "dancer": "hold the inside of the back foot, press it into the hand and tip forward, standing "
    "knee soft (easier: a hand on a wall, a strap)",
    "half-moon": "from Triangle, a block under the hand, lift the back leg to hip height, hips "
    "stacked (easier: back body against a wall)",
    "warrior-iii": "from High Lunge tip forward, back leg to hip height, toes down so the hips "
    "stay level (easier: hands on blocks or a chair back)",
    "standing-split": "fold over the standing leg, hands on blocks, lift the back leg, hips level "
    "(easier: bend the standing knee, leg low)",
    "standing-hand-to-big-toe": "stand tall, a strap around the lifted foot, the pelvis level, "
    "not tucked (easier: hold the bent knee at hip height)",
    "humble-warrior": "from Warrior I clasp the hands behind, bow inside the front knee, knee "
    "over the ankle (easier: a strap between the hands, fold halfway)",
    "reverse-warrior": "from Warrior II, front knee over the ankle, tracking the second toe, "
    "reach up and back, back hand light on the thigh (easier: bend less)",
    "standing-side-bend": "feet rooted, arms overhead, hips press one way, the body arcs the "
    "other, chest forward (easier: hand on the hip)",
    "five-pointed-star": "feet a leg's length apart, thighs lifting, arms out at shoulder height, "
    "knees unlocked (easier: shorter stance)",
    # Arm balances, planks and inversions
    "crow": "from a squat, hands shoulder-width, knees high on the upper arms, tip forward, one "
    "foot then the other (easier: feet on a block)",
    "side-crow": "squat, knees together, twist and hook the upper arm outside the thigh, elbows "
    "bent to a shelf, tip forward (easier: one foot lifted)",
    "firefly": "from a deep squat, shoulders behind the knees, thighs high on the arms, sit back "
    "and lift (easier: sit on blocks, knees bent)",
    "plank": "hands under the shoulders, heels back, the body one line, belly drawn in (easier: "
    "knees down)",
    "forearm-plank": "elbows under the shoulders, legs long, hips level with the shoulders "
    "(easier: knees down, or lean on a wall)",
    "side-plank": "from Plank roll onto one hand, hand under the shoulder, lift the pelvis high "
    "(easier: bottom knee down, or feet staggered)",
    "wild-thing": "from Side Plank step the top foot back, press the hand down, lift the hips, "
    "head back only if easy (easier: bottom knee down)",
    "upward-plank": "hands behind, fingers to the feet, press to lift the hips, chin slightly "
    "tucked (easier: knees bent in Reverse Tabletop)",
    "dolphin": "forearms down, elbows under the shoulders, lift the hips, knees bent, head off "
    "the floor (easier: knees down to rest)",
    "three-legged-dog": "from Down Dog lift one leg only as high as the hips stay level, arms "
    "strong (easier: leg lower, the other knee bent)",
    "supported-headstand": "forearms down, fingers laced, crown light, walk in and press the "
    "forearms, a wall near (easier: stay in Dolphin)",
    "supported-shoulder-stand": "shoulders on folded blankets, hands to the back ribs, head still, "
    "never turned (easier: feet on a wall, or Legs Up the Wall)",
    "forearm-stand": "forearms parallel, a block between the hands, kick up one leg to a wall "
    "(easier: Dolphin with one leg lifted)",
    "handstand": "hands shoulder-width, arms straight, kick up to a wall, shoulders over the "
    "wrists (easier: feet walked up the wall, an L)",
    "plough": "from Shoulder Stand on blankets, feet down behind the head, neck still (easier: "
    "feet on a chair seat)",
    # Core
    "boat": "sit on the sitting bones, spine long, shins level, then the legs straight if the "
    "back stays long (easier: knees bent, hold the thighs)",
    "half-boat": "hold the backs of the thighs, lean back on a long spine, shins level (easier: "
    "toes on the floor, chest lifted)",
    "balancing-table": "wrists under the shoulders, belly in, reach one arm and the opposite leg "
    "long, hips level (easier: the leg only)",
    # Backbends
    "locust": "on the belly, arms by the sides, lift the chest and legs a little, neck long, "
    "gaze down (easier: chest only, or one leg)",
    "bow": "hold the outer ankles, knees hip-width, kick into the hands, neck long (easier: a "
    "strap around the ankles, or one side: Half Bow)",
    "sphinx": "forearms down, elbows under the shoulders, belly soft, neck long (easier: elbows "
    "forward, a blanket under the hips)",
    "camel": "knees hip-width on a blanket, shins pressing down, chin slightly tucked, lift "
    "the chest (easier: toes tucked, blocks beside the feet)",
    "wheel": "hands by the ears, elbows parallel, pause on the crown, then press up, knees "
    "parallel (easier: Bridge, or blocks at a wall)",
    "fish": "hands under the hips, weight in the forearms, lift the chest, the crown light "
    "(easier: a bolster under the back, head down)",
    "supported-fish": "lie back over a bolster raised on a block, a blanket under the head so "
    "the chin is level (easier: a lower support)",
    "supported-bridge": "lift the hips, slide a block under the sacrum at its lowest height, let "
    "the weight settle (easier: a folded blanket)",
    "cobra": "hands under the shoulders, elbows in, pubic bone down, lift with the back, not the "
    "hands (easier: Baby Cobra)",
    "bridge": "heels near the hips, press to lift, knees over the ankles, head never turned "
    "(easier: a block under the sacrum)",
    "puppy": "hips over the knees, walk the hands forward, chest melting down, elbows lifted "
    "(easier: forehead on a block)",
    # Hip openers and folds
    "frog": "knees wide on blankets, ankles in line with the knees, forearms down, come out "
    "slowly (easier: Half Frog, hips back, knees closer)",
    "lizard": "both hands inside the front foot, front knee over the ankle, hips low (easier: "
    "hands on blocks, back knee down on a blanket)",
    "full-splits": "from Half Splits slide the front heel forward, hands on blocks, hips square "
    "(easier: a bolster under the pelvis, or stay in Half Splits)",
    "pigeon-prep": "front shin angled, back leg long, hips level, a blanket under the front hip "
    "(easier: heel nearer the groin, or Reclined Figure Four)",
    "fire-log": "shins stacked like logs, both feet flexed for the knees, sit tall (easier: a "
    "block under the top knee, bottom leg long)",
    "half-lotus": "sit on a blanket, one foot high on the opposite thigh, only if the knee is "
    "easy (easier: foot on the calf)",
    "lotus": "sit on a blanket, one foot then the other onto the thighs, only if the knees stay "
    "easy (easier: Half Lotus or Easy Pose)",
    "cow-face": "knees stacked, sit on a block if the hips lift, clasp or hold a strap behind "
    "the back (easier: bottom leg long, arms only)",
    "reclined-bound-angle": "soles together, lie back over a bolster, blocks under the thighs "
    "(easier: raise the head end of the bolster)",
    "supine-hand-to-big-toe": "on the back, a strap around the lifted foot, the other leg long, "
    "back flat (easier: lifted knee bent, bottom foot down)",
    "head-to-knee": "on a blanket, one foot to the inner thigh, a strap around the long foot, "
    "fold from the hips (easier: a block under the knee)",
    "revolved-head-to-knee": "side-on to the straight leg, forearm down inside it, top arm over "
    "the ear, heart turning up (easier: knee bent, a block)",
    "marichyasana-c": "one knee up, sit tall on a blanket, hug the knee and turn toward it on the "
    "exhale (easier: no bind, or a strap to bind)",
    "wide-angle-seated-forward-fold": "legs wide, kneecaps up, hinge from the hips, stop where "
    "the spine rounds (easier: sit high on a blanket, forearms on a bolster)",
    "easy-pose": "on a folded blanket, hips above the knees, shins crossed, spine long (easier: "
    "blocks under the knees, or a chair)",
    "garland": "feet wider than the hips, toes out, squat deep, elbows to the inner knees, spine "
    "long (easier: sit on a block)",
    "low-lunge": "back knee on a blanket, front knee over the ankle, hips sink, belly drawn in "
    "(easier: hands on blocks)",
    "bound-angle": "on a blanket, soles together, sit tall, knees relaxing down, never pushed "
    "(easier: blocks under the knees)",
    "happy-baby": "on the back, knees wide, ankles over the knees, hold the feet, tailbone down "
    "(easier: a strap over each foot)",
    "reclined-figure-four": "on the back, ankle across the other thigh above the knee, foot "
    "flexed, knee opening away (easier: bottom foot down)",
    "hero-pose": "knees together, feet pointing straight back, sit between the heels on a block, "
    "spine long (easier: a higher seat, or a chair)",
    "gate": "kneel on a blanket, one leg out in line with the knee, bend over it, chest forward "
    "(easier: hand on a block)",
    "seated-side-bend": "sit tall, a hand beside the hip, the other arm up and over, sitting "
    "bones down (easier: bend less)",
    "wide-legged-forward-fold": "feet a leg's length apart, hinge from the hips, back long, hands "
    "on blocks (easier: knees slightly bent, flat back)",
    "seated-forward-fold": "on a blanket, legs long, hinge from the hips, chest leading, a strap "
    "around the feet (easier: knees bent)",
    "half-splits": "from Low Lunge, hips back over the knee, front leg long, hands on blocks, "
    "hips square (easier: front knee bent)",
    # Twists
    "half-lord-of-the-fishes": "on a blanket, foot outside the other thigh, lengthen, twist on "
    "the exhale, head last (easier: hug the knee)",
    "easy-seated-twist": "sit tall, both sitting bones down, turn from the belly then the ribs, "
    "head last (easier: a smaller turn)",
    "bharadvajas-twist": "on a blanket, both feet to one side, sitting bones rooted, turn from "
    "the belly, head last (easier: sit higher)",
    "thread-the-needle": "hips over the knees, thread one arm under the other, shoulder and "
    "temple down (easier: a block under the head)",
    "reclined-twist": "on the back, arms wide, lower the stacked knees to one side, far shoulder "
    "soft (easier: a bolster under the knees)",
    # Chair practice
    "chair-twist": "sit tall near the front of the chair, feet flat, turn from the belly, then "
    "the ribs (easier: a smaller turn)",
    "chair-forward-fold": "feet flat and wide, fold from the hips, chest to the thighs, head and "
    "arms hanging (easier: fold partway)",
    "chair-figure-four": "sit tall, ankle across the other thigh above the knee, foot flexed, "
    "lean forward, spine long (easier: stay upright)",
    "chair-side-bend": "sit tall, a hand on the seat, reach the other arm up and over, chest "
    "facing forward (easier: hand on the head)",
    # Yin and restorative shapes
    "butterfly-yin": "on a blanket, soles together, heels away, round forward, blocks under the "
    "knees (easier: forehead on a bolster)",
    "caterpillar-yin": "on a blanket, legs long, knees bent as needed, round forward, head heavy "
    "(easier: a bolster on the legs for the chest)",
    "dragon-yin": "step one foot forward, back knee on a blanket, hands on blocks, front knee "
    "over the ankle (easier: shorter stance)",
    "saddle-yin": "sit between the heels, recline onto stacked bolsters only as far as the knees "
    "stay easy, or Half Saddle, one leg (easier: a block under the seat)",
    "reclined-hero": "sit between the heels on a block, knees together, lean back onto a bolster, "
    "or Half Saddle, one leg (easier: stay upright on the block)",
    "snail-yin": "from Plough let the knees rest by the ears, shoulders on a blanket, neck still "
    "(easier: feet on a chair seat or blocks)",
    "shoelace-yin": "knees stacked, heels out to the sides, sit on a cushion (easier: lower leg "
    "long, or stay upright)",
    "toe-squat-yin": "knees on a blanket, tuck all ten toes, sit back on the heels (easier: lean "
    "forward onto the hands, or a block under the seat)",
    "sleeping-swan-yin": "front shin angled, back leg long, a blanket under the front hip, fold "
    "onto the forearms (easier: a bolster under the chest)",
    "dragonfly-yin": "on a folded blanket, legs wide only as far as is easy, fold forward onto a "
    "bolster (easier: legs closer, sit higher)",
    "childs-pose": "big toes together, knees wide, hips back to the heels, forehead down "
    "(easier: a bolster under the chest, a blanket under the knees)",
    "crocodile": "on the belly, forehead on the stacked hands, let the breath widen the lower "
    "back (easier: a blanket under the forehead or hips)",
    "legs-on-chair": "the lower legs resting on a chair seat, knees bent, a blanket under the "
    "head (easier: a blanket on the seat)",
    "supported-seated-forward-bend": "legs wide on a blanket, forehead on a bolster or chair "
    "seat, spine long (easier: raise the support)",
    "deer-yin": "knees to one side, front shin across, back shin behind, knees at right angles, "
    "sit tall (easier: sit on a cushion)",
    "half-butterfly-yin": "on a blanket, one leg long, sole to the inner thigh, round forward "
    "over the leg (easier: chest on a bolster)",
    "half-butterfly-side-bend-yin": "on a cushion, one leg long, sole to the inner thigh, lean "
    "toward the long leg, forearm on a bolster, the belly free (easier: a higher bolster)",
    "supported-twist": "hip against the short end of a bolster, turn and lay the chest along it, "
    "a blanket between the knees (easier: raise the bolster on a block)",
    "banana-yin": "on the back, arms overhead, buttocks grounded, walk the feet, then the chest, "
    "to one side (easier: a gentler curve)",
    "knees-to-chest": "on the back, hold the shins, draw the knees in on the exhale, head "
    "resting (easier: one knee at a time)",
    "legs-up-the-wall": "sit side-on to the wall, swing the legs up as the back lowers, head on "
    "the floor (easier: hips further out, knees bent)",
}


def peak_how(slug: str) -> tuple[str, str] | None:
    """(how, easier) for a pose that can be the peak: "from a squat, hands shoulder-width, …",
    "feet on a block"; None for a pose with no line here."""
    line = PEAK_HOW.get(slug)
    if line is None:
        return None
    how, easier = line.removesuffix(")").split(" (easier: ")
    return how, easier


# Which way a pose takes the shoulders where it works them: "flexion", the arms overhead or
# the weight on the hands or forearms in front of the head (Dolphin, Down Dog, Handstand,
# Wheel), or "extension", the arms behind the body and the chest opened forward (Upward
# Plank, Bridge with the hands clasped, Locust's arms reaching back, Humble Warrior's clasp).
# A pose that works the shoulders one way does not prepare a peak that takes them the other:
# Dolphin does not prepare Upward Plank (teacher review r7 #3).
SHOULDER_WAY = {
    "dolphin": "flexion",
    "forearm-plank": "flexion",
    "plank": "flexion",
    "downward-facing-dog": "flexion",
    "three-legged-dog": "flexion",
    "puppy": "flexion",
    "forearm-stand": "flexion",
    "supported-headstand": "flexion",
    "handstand": "flexion",
    "wheel": "flexion",
    "upward-salute": "flexion",
    "upward-plank": "extension",
    "bridge": "extension",
    "locust": "extension",
    "humble-warrior": "extension",
}
SHOULDER_AREAS = frozenset({"shoulders", "arms"})


def shoulders_other_way(slug: str, peak_slug: str, area: str) -> bool:
    """The pose works this area of the shoulders the other way from the peak (Dolphin's
    shoulders, overhead, for Upward Plank's, behind): no preparation of it there."""
    if area not in SHOULDER_AREAS:
        return False
    mine, theirs = SHOULDER_WAY.get(slug), SHOULDER_WAY.get(peak_slug)
    return bool(mine and theirs and mine != theirs)
