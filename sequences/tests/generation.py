"""What the generator's tests share: the curated library as the generator reads it, and the
fixed, derandomized hypothesis profile its property tests run under."""

from hypothesis import HealthCheck, settings

from poses.library import POSES_FILE, read_rows
from sequences.generator import PoseCard

LIBRARY = [PoseCard.from_fields(row) for row in read_rows(POSES_FILE, kind="poses")]
BY_SLUG = {card.slug: card for card in LIBRARY}
PROPERTY_SETTINGS = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def examples(count: int) -> settings:
    """The fixed, derandomized profile, with this many examples."""
    return settings(PROPERTY_SETTINGS, max_examples=count)
