"""What the reasons of generated practices claim (teacher review r5, issue 11): a preparation
named for the peak only where it gives the peak what it needs, in the peak's way; the peak's
cue crediting only held preparations; neighbouring cues that say different things; cues true
to the position of their step; and a flow done again saying what changes.

The reported cases are regenerated with the review's own requests (seeds 401–418)."""

from poses.models import Position
from sequences.generator import clean_choices, generate, reasons
from sequences.generator.quality import words
from sequences.tests.generation import BY_SLUG, LIBRARY, REVIEW_REQUESTS, recued, reviewed


def _review(number: int):
    return generate(LIBRARY, clean_choices(**REVIEW_REQUESTS[number]), seed=400 + number)


def _unfocused(number: int):
    """The request without its focus: r5 #8's whole-body class now does no flow again that
    thins its regions out (issue 11, review r9 #8), and its Goddess and Chair made way for
    core and back work; chosen with no focus, seed 408 holds all three as reviewed."""
    return generate(
        LIBRARY, clean_choices(**{**REVIEW_REQUESTS[number], "focus": []}), seed=400 + number
    )


def _step(practice, slug: str):
    return next(
        s for s in practice.steps if s.pose.slug == slug and not s.flow.startswith("Sun Salutation")
    )


# 1. Preparations credited to a peak they do not lead to.


def test_star_and_garland_are_not_credited_with_camel():
    camel = BY_SLUG["camel"]
    assert reasons.credits(BY_SLUG["five-pointed-star"], camel) == []
    assert reasons.credits(BY_SLUG["garland"], camel) == []
    practice = _review(4)
    shown = [s for s in practice.steps if s.pose.slug in ("five-pointed-star", "garland")]
    assert shown  # the review's practice still holds at least one of them
    for step in shown:
        assert "Camel" not in step.cue


def test_goddess_is_the_standing_way_into_frogs_wide_knees_not_glute_work_for_it():
    goddess, frog = BY_SLUG["goddess"], BY_SLUG["frog"]
    assert reasons.credits(goddess, frog) == []  # it strengthens; Frog opens
    # the review's choices, on the first seed from 403 whose build holds Goddess
    practices = (
        generate(LIBRARY, clean_choices(**REVIEW_REQUESTS[3]), seed=seed)
        for seed in range(403, 440)
    )
    held = (s for p in practices if p.peak.pose.slug == "frog" for s in p.steps
            if s.pose.slug == "goddess" and not s.flow)  # fmt: skip
    cue = next(held).cue
    assert cue == (
        "Strengthens the quadriceps and glutes: the inner thighs open under the weight of a deep "
        "squat, knees wide as in Frog Pose."
    )


def test_a_pose_that_opens_the_hips_another_way_is_not_credited_with_the_hips():
    # Garland flexes the hips deeply; Camel extends them. Low Lunge lengthens their front.
    camel, frog = BY_SLUG["camel"], BY_SLUG["frog"]
    assert "hips" in reasons.credits(BY_SLUG["low-lunge"], camel)
    assert "hips" not in reasons.credits(BY_SLUG["low-lunge"], frog)
    assert reasons.credits(BY_SLUG["skandasana"], frog) == ["hips"]


def test_sphinx_gives_reclined_hero_its_arch_without_being_its_shape():
    sphinx, hero = BY_SLUG["sphinx"], BY_SLUG["reclined-hero"]
    assert reasons.credits(sphinx, hero) == []
    cue = _step(_review(7), "sphinx").cue
    assert "takes this shape further" not in cue
    assert "the arch that Reclined Hero deepens" in cue


def test_the_peak_credits_no_short_warm_up_pose():
    peak = _review(18).peak
    assert "Happy Baby" not in peak.cue
    # How to take Frog comes first (review r6); the why after it, where it fits.
    assert peak.cue.startswith("Peak: knees wide on blankets, ankles in line with the knees")


def test_the_figure_finds_a_pose_credited_with_a_peak_it_does_not_prepare():
    practice = _review(4)
    assert words._reason_prepares(practice) == []
    # A pose held on its own (Five-Pointed Star once was; it now moves in a standing flow with
    # Standing Crescent Moon, which does prepare Camel) that does not prepare the peak.
    peak = practice.peak.pose
    star = next(
        s
        for s in practice.steps
        if s.phase in ("warm_up", "build")
        and not s.flow
        and not reasons.credits(s.pose, peak)
        and s.pose.position == Position.STANDING
    )
    wrong = "Stretches the arms and legs wide from the centre; Camel Pose takes this shape further."
    assert words._reason_prepares(recued(practice, star, wrong))
    wrong = "Opens the hips, as Camel Pose will ask of them."  # Garland's cue in the review
    assert words._reason_prepares(recued(practice, star, wrong))


def test_the_figure_finds_a_peak_crediting_a_short_warm_up_pose():
    # Review r5 #18: "Child's Pose and Happy Baby prepared the hips", Happy Baby held 20 s in
    # the warm-up. The review's practice now warms the hips with another short hold (Bound
    # Angle): crediting it is the same fault, though it opens the hips Frog's way.
    practice = _review(18)
    assert "Child's Pose" in {s.pose.name for s in practice.steps if s.phase == "build"}
    short = next(
        s for s in practice.steps
        if s.phase == "warm_up" and not s.flow and s.duration_seconds < 60
        and reasons.credits(s.pose, practice.peak.pose)
    )  # fmt: skip
    wrong = (
        f"Peak: the deepest hip opener of the practice; Child's Pose and {short.pose.name} "
        "prepared the hips."
    )
    assert words._reason_prepares(recued(practice, practice.peak, wrong)) == [
        f"peak credits {short.pose.name}, which did not prepare it"
    ]


# 3. A cue that contradicts its step.


def test_the_rebound_before_a_prone_shape_is_taken_on_the_belly():
    practice = _review(7)
    sphinx = _step(practice, "sphinx")
    assert sphinx.cue.startswith("Before this shape, a rebound: rest on the belly, ")
    assert "knees hugged in" not in sphinx.cue
    # Before a shape on the back it is still the knees hugged in.
    assert "lie flat, knees hugged in" in practice.steps[sphinx.position + 1].cue


def test_the_rebound_is_said_in_the_position_of_the_shape_it_leads_into():
    dragon = BY_SLUG["dragon-yin"]
    for slug, words_said in (
        ("sphinx", "rest on the belly"),
        ("reclined-twist", "lie flat, knees hugged in"),
        ("butterfly-yin", "sit, legs long and loose"),
        ("childs-pose", "on hands and knees, sway the hips"),
    ):
        assert words_said in reasons.rebound(dragon, pregnant=False, after=BY_SLUG[slug])
    assert "sit tall or lie on the side" in reasons.rebound(
        dragon, pregnant=True, after=BY_SLUG["sphinx"]
    )


def test_wrist_circles_are_cued_as_wrist_circles():
    practice = _review(5)
    cue = next(
        s for s in practice.steps if s.pose.slug == "wrist-circles" and s.phase == "counter"
    ).cue
    assert "toward the knees" not in cue
    assert cue.startswith("Counter-pose: circle the wrists both ways")  # r19 F2's words


def test_the_figure_finds_a_cue_in_another_position_than_its_step():
    practice = _review(7)
    sphinx = _step(practice, "sphinx")
    assert words._reason_position(practice) == []
    wrong = "After Dragon (Yin), a rebound: lie flat, knees hugged in, for a few breaths."
    assert words._reason_position(recued(practice, sphinx, wrong))
    practice = _review(5)
    wrists = _step(practice, "wrist-circles")
    wrong = "Counter-pose: fingers turned toward the knees, stretch the wrists the other way."
    assert words._reason_position(recued(practice, wrists, wrong))
    # Today's focus on the back puts no one on their back.
    assert not words._reason_position(
        recued(practice, wrists, "Loosens the wrists, for today's focus on the back.")
    )


def test_a_kneeling_seated_shape_is_not_called_seated():
    cue = reasons.peak(BY_SLUG["toe-squat-yin"], [], style="hatha", hold=60)
    assert "The deepest kneeling shape of the practice." in cue


# 2. Neighbouring cues near-identical.


def _folds_side_by_side():
    """Review r5 #1 (seed 401): Standing and Wide-Legged Forward Fold side by side. A 15-minute
    gentle class now stays on the floor (review r9 #1), so the case is the first seed from 401
    of a 30-minute one holding the two folds within three steps of each other: (practice, the
    first fold, the second)."""

    def folds(practice):
        found = {s.pose.slug: s for s in practice.steps if not s.flow}
        pair = [found.get("standing-forward-fold"), found.get("wide-legged-forward-fold")]
        if None in pair or abs(pair[0].position - pair[1].position) > 3:
            return None
        return sorted(pair, key=lambda s: s.position)

    choices = {**REVIEW_REQUESTS[1], "minutes": 30}
    for seed in range(401, 500):
        practice = generate(LIBRARY, clean_choices(**choices), seed=seed)
        if folds(practice):
            return practice, *folds(practice)
    raise AssertionError("no practice holds the two folds side by side")


def test_neighbouring_folds_do_not_say_the_same_thing():
    # Both "lengthen the hamstrings and calves" in review r5: the second says how it is taken.
    practice, first, then = _folds_side_by_side()
    names = [s.pose.name for s in practice.steps]
    assert not reasons.near_same(then.cue, first.cue, names), (first.cue, then.cue)
    how = reasons.HOW[then.pose.slug]
    assert how[0].upper() + how[1:] in then.cue  # said by how it is taken


def test_goddess_and_chair_side_by_side_say_different_things():
    practice = _unfocused(8)
    goddess, chair = _step(practice, "goddess"), _step(practice, "chair")
    assert chair.position == goddess.position + 1
    # held alone or linked in a flow (issue 11), Chair's own action, not Goddess's words
    assert chair.cue.endswith(
        "Big toes together, sit back as if into a chair, hands overhead: the quadriceps and "
        "glutes carry you."
    )


def test_two_standing_balances_in_a_row_are_cued_apart():
    # Review r5 #9 (seed 409): Eagle, then Extended Hand-to-Big-Toe. On the first seed from
    # 409 whose practice holds the two in a row (so another rule moving a pose keeps the case).
    def in_a_row(practice):
        steps = practice.steps
        return any(
            (a.pose.slug, b.pose.slug) == ("eagle", "standing-hand-to-big-toe")
            and not a.flow and not b.flow
            for a, b in zip(steps, steps[1:])
        )  # fmt: skip

    builds = (
        generate(LIBRARY, clean_choices(**REVIEW_REQUESTS[9]), seed=seed)
        for seed in range(409, 460)
    )
    practice = next(p for p in builds if in_a_row(p))
    eagle = _step(practice, "eagle")
    toe = _step(practice, "standing-hand-to-big-toe")
    assert toe.position == eagle.position + 1
    # Each is cued by how it is taken, not by one claim said twice.
    assert eagle.cue.startswith("Wrap elbow over elbow")
    assert not toe.cue.startswith(("Balances on one leg", "Wrap elbow"))


def test_near_same_is_the_same_claim_or_most_of_the_words():
    names = ["Seated Forward Fold"]
    assert reasons.near_same(
        "Lengthens the hamstrings and calves, which Seated Forward Fold needs.",
        "Lengthens the hamstrings and calves, ready for Seated Forward Fold.",
        names,
    )
    assert reasons.near_same(
        "Strengthens the quadriceps and glutes, building heat.",
        "Strengthens the quadriceps and glutes while the body is warm.",
        names,
    )
    assert not reasons.near_same(
        "Opens the hips and glutes, muscles soft.", "Opens the hips and quadriceps.", names
    )


def test_the_figure_finds_neighbours_that_say_the_same_thing():
    practice, first, then = _folds_side_by_side()
    assert words._reason_neighbours(practice) == []
    wrong = first.cue  # the second fold said as the first was
    found = words._reason_neighbours(recued(practice, then, wrong))
    assert f"{first.pose.slug} ~ {then.pose.slug}: {wrong}" in found


def test_every_set_up_names_only_what_the_pose_works():
    # The words of HOW (or of the flow's cue where it has none) are said as the pose's claim:
    # the areas they name are its own.
    for slug, how in {**reasons.FLOW_CUES, **reasons.HOW}.items():
        card = BY_SLUG[slug]
        if slug in reasons.DOES:
            continue
        named = words._areas_named(how)
        assert set(named) <= set(card.target_areas[:3]), (slug, named)


# 4. "Once more" rounds.


def test_a_flow_done_again_says_what_changes_not_the_same_words():
    practice = _unfocused(8)
    again = [s for s in practice.steps if s.cue.startswith("Once more")]
    assert again
    assert again[0].cue == (
        "Once more, right side, a breath longer: Warrior II (8 breaths) → Extended Side Angle "
        "→ Extended Triangle."
    )
    # (the rounds climb a breath from the first: 7 breaths, then 8)
    assert "Once more: Warrior I, 8 breaths, a breath longer." in [s.cue for s in again]
    for step in again:
        assert "longer" in step.cue or "deeper" in step.cue


def test_the_figure_finds_a_round_said_word_for_word():
    practice = _unfocused(8)
    assert words._reason_again(practice) == []
    step = next(s for s in practice.steps if s.cue.startswith("Once more: Warrior I, 8"))
    wrong = (
        "Once more: Warrior I, 8 breaths: back heel down, hips forward, arms up: the legs work, "
        "the back hip opens."
    )
    assert words._reason_again(recued(practice, step, wrong)) == [
        f"warrior-i: no change named: {wrong}",
        f"warrior-i: the first round again: {wrong}",
    ]


def test_a_pose_on_the_belly_never_puts_the_back_against_the_floor():
    # Review r12 F8/F17: Crocodile was cued "widen the lower back against the floor"; lying on
    # the belly, the back faces the ceiling. Every prone pose's words, and Crocodile's right ones.
    prone = {card.slug for card in LIBRARY if card.position == Position.PRONE}
    for slug in prone & ({*reasons.HOW, *reasons.FLOW_CUES}):
        words = f"{reasons.HOW.get(slug, '')} {reasons.FLOW_CUES.get(slug, '')}"
        assert "back against the floor" not in words, slug
        assert "back to the floor" not in words, slug
    assert "lower back toward the ceiling" in reasons.HOW["crocodile"]
    assert "crocodile" in prone


def test_a_warm_up_promises_a_sideways_reach_only_before_a_side_bend_peak():
    """Review r13 F2 (seed 1301): Gate "a warm-up for the spine's sideways reach" before a Half
    Splits peak that reaches nowhere sideways; Bridge and Three-Legged Dog said it too."""
    for slug in reasons.DOES:
        assert "sideways" not in reasons.warm_up(BY_SLUG[slug], BY_SLUG["half-splits"]), slug
        assert "Gate Pose's sideways reach" in reasons.warm_up(BY_SLUG[slug], BY_SLUG["gate"])

    # (1301 now leads into Half Splits from Low Lunge, no Gate: r14 F1) Gate warming the spine
    # before a Locust peak (r15 #2, seed 1502) says its own reach, nothing of a sideways one.
    gate = next(s for s in reviewed(1502).steps if s.pose.slug == "gate")
    assert gate.cue == (
        "One knee down, the other leg out to the side, reach over it: the long side of the waist "
        "opens."
    )


def test_review_14_a_pose_of_the_peaks_shape_is_not_said_to_be_its_way_in():
    """r14 F7 (seed 1407): Sphinx "Saddle (Yin) grows out of this shape", but Saddle is entered
    kneeling; a pose of the peak's shape is one the peak takes further."""
    practice = reviewed(1407)
    sphinx = next(s for s in practice.steps if s.pose.slug == "sphinx")

    assert sphinx.cue.endswith("Saddle (Yin) takes this shape further.")
    assert not any("grows out of this shape" in s.cue for s in practice.steps)
