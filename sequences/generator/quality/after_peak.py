"""What follows the peak does not reopen it (blind review r18 F2: Happy Baby after Frog and
Crocodile, "opens the hips Frog Pose worked", before anything drew the knees together).

The counter-pose and the cool-down, in order, repeat the peak's shape at depth (a wide-knee
shape after Frog, a backbend after Camel, a hamstring stretch after the splits) only once a
pose has neutralised it (`generator.after_peak`)."""

from sequences.generator.after_peak import reopened


def _peak_reopened(practice) -> list[str]:
    steps = practice.steps
    peak = next((s for s in steps if s.phase == "peak"), None)
    if peak is None:
        return []
    after = [s for s in steps if s.phase in ("counter", "cool_down")]
    return [
        f"{after[n].pose.slug} at step {after[n].position} reopens {peak.pose.slug} before a "
        "neutral pose"
        for n in reopened(peak.pose, [s.pose for s in after])
    ]


RULES = {"peak_reopened": _peak_reopened}
