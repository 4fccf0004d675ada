"""A focus area a yin or restorative class cannot work with what the avoid list leaves.

Yin and restorative practice work a focus the slow way (vocabulary.SLOW_FOCUS_TARGETS): balance
only through the feet and ankles (Toe Squat, the ankles in Child's Pose, Saddle), the core
through the lower back and the front of the body. They never stand on one leg. Where the
avoid list leaves no pose that works an area even so (balance with the knees spared: every yin
shape that opens the feet and ankles kneels), a teacher does not pretend the passive floor
shapes train it: the class is taught for the areas it can serve, and says plainly which it
leaves out and why (`GeneratedPractice.focus_left_out`, the title names only what is served).
Where it can serve none of the areas asked, no practice is made: the refusal names the area
and the styles that work it (`refusal`)."""

from dataclasses import replace

from django.core.exceptions import ValidationError

from poses.models import Kind
from sequences.generator.shapes import is_rest, works
from sequences.generator.vocabulary import FOCUS_WORDS, SLOW_STYLES
from sequences.models import Focus, Style

# Areas a class always serves: the whole body (any shape) and relaxation (the breath, the rest).
ALWAYS_SERVED = frozenset({Focus.FULL_BODY, Focus.RELAXATION})
# How the slow styles work an area at all, for the words of a refusal.
SLOW_WAY = {
    Focus.BALANCE: "through the feet and ankles, in kneeling shapes",
    Focus.CORE: "through the lower back and the front of the body",
}


def left_out(pool, choices) -> tuple[str, ...]:
    """The focus areas asked that no pose of `pool` works the slow way, in a yin or
    restorative class (none in another style: a standing class can always work them)."""
    if choices.style not in SLOW_STYLES:
        return ()
    shapes = [c for c in pool if c.kind == Kind.ASANA and not c.is_breathing and not is_rest(c)]
    return tuple(
        area
        for area in choices.focus
        if area not in ALWAYS_SERVED and not any(works(c, area, slow=True) for c in shapes)
    )


def served(choices, areas: tuple[str, ...]):
    """The choices with the areas left out of the focus (the practice is made for these)."""
    return replace(choices, focus=tuple(f for f in choices.focus if f not in areas))


def words(areas, style: str) -> str:
    """The description's words for what the class leaves out, and why."""
    named = " and ".join(FOCUS_WORDS[a] for a in areas)
    return (
        f"{named} left out: no {Style(style).label.lower()} shape the avoid list leaves "
        f"works {'them' if len(areas) > 1 else 'it'} (choose hatha or gentle for "
        f"{named})"
    )


def refusal(choices, areas) -> ValidationError:
    """No focus area asked can be served by this style with this avoid list."""
    named = " and ".join(FOCUS_WORDS[a] for a in areas)
    style = Style(choices.style).label.lower()
    ways = [f"{FOCUS_WORDS[a]} only {SLOW_WAY[a]}" for a in areas if a in SLOW_WAY]
    how = f" (its passive floor shapes work {' and '.join(ways)})" if ways else ""
    return ValidationError(
        {
            "focus": (
                f"A {style} practice cannot work {named} once the poses you avoid are left "
                f"out{how}. Choose hatha or gentle for {named}, or another focus."
            )
        },
        code="focus_not_served",
    )
