"""What the poses app shows on lower apps' pages (yogaflow.core.panels)."""

from poses import selectors
from poses.models import Rating


def rated_poses(request) -> dict | None:
    """The profile's "Your takes on poses": thumbed down, then up. Two queries, whatever the
    number of ratings; nothing for a visitor who is not signed in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return {
        "disliked": list(selectors.rated_poses(user, Rating.DOWN)),
        "liked": list(selectors.rated_poses(user, Rating.UP)),
    }
