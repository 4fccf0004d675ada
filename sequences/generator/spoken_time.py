"""How long the final relaxation lasts, as a teacher says it: to the half minute, "about" where
the hold is not one (review r14: "heavy for 2 minutes 55 seconds", said of Savasana nine
times in eighteen classes; no teacher times a rest to the second).

Within ABOUT_WITHIN seconds of the hold, so never the r9 #18 fault ("about 2 minutes" of a
1:35 Corpse): the quality figure `reason_holds` holds a time said with "about" to it.
"""

ABOUT_WITHIN = 15  # seconds: half of the half minute rounded to
WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def about_minutes(seconds: int) -> str:
    """ "about three minutes", "about four and a half minutes", "about a minute", "5 minutes":
    `seconds` rounded to the nearest half minute, with "about" unless that is exact; numbers to
    ten in words, beyond in digits."""
    halves = max(1, round(seconds / 30))
    whole, half = divmod(halves, 2)
    about = "" if halves * 30 == seconds else "about "
    if not whole:
        return f"{about}half a minute" if about else "30 seconds"
    number = WORDS[whole] if whole < len(WORDS) else str(whole)
    if whole == 1:
        said = "a minute and a half" if half else "a minute"
    else:
        said = f"{number} and a half minutes" if half else f"{number} minutes"
    return f"{about}{said}"
