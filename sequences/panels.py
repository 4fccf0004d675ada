"""What the sequences app shows on lower apps' pages (yogaflow.core.panels)."""

from sequences.selectors import sequences_using_pose


def pose_sequences(request, *, pose) -> dict:
    """The pose page's "Sequences with this pose": the ones the viewer may see."""
    return {"sequences": sequences_using_pose(pose=pose, user=getattr(request, "user", None))}
