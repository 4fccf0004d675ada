"""Signals of the poses app, for apps to its right (DESIGN.md §2: apps depend leftwards)."""

from django.dispatch import Signal

# Sent by poses.services.save_pose, inside its transaction, when a stored pose
# becomes or stops being two-sided: sequences' durations depend on it.
# Arguments: pose.
pose_sides_changed = Signal()
