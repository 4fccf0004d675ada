"""The library's cards read as values: what a card shows, without a Pose row per card.

A library page read 24 Pose rows (only() the fields a card shows) to write 24 cards: each row
built through Model.__init__ and its deferred-field bookkeeping, about 0.25 ms a page. The
library's query (poses.selectors.pose_cards) reads the same fields as values, and the page
makes each row of its page a LibraryCard (`cards`), which answers what `{% pose_cards %}` and
`{% pose_picture %}` ask of a Pose the same way (poses/tests/test_pose_cards.py writes both
for photos, image URLs and figures).
"""

from poses.models import Pose


class PhotoOfValues:
    """Pose.photo_src and photo_srcset for a pose read as values (`slug`, `image`, `image_urls`,
    `image_renditions` attributes): a Pose holding only those makes the addresses, as a read
    row's storage does (only cards with a photo or image URL build one)."""

    @property
    def photo_src(self) -> str:
        """Pose.photo_src (staff's photo at its largest rendition, else the first image URL)."""
        return self._photo_pose().photo_src

    @property
    def photo_srcset(self) -> str:
        """Pose.photo_srcset (the renditions as an <img srcset>, or "")."""
        return self._photo_pose().photo_srcset

    def _photo_pose(self) -> Pose:
        return Pose(
            slug=self.slug,
            image=self.image,
            image_urls=list(self.image_urls),
            image_renditions=dict(self.image_renditions or {}),
        )


class LibraryCard(PhotoOfValues):
    """One pose of the library as the values its card shows (poses.selectors.CARD_FIELDS), and
    any value read beside them (a paginator's count) as an attribute of the same name."""

    def __init__(self, values: dict):
        self.__dict__.update(values)

    @property
    def has_own_image(self) -> bool:
        """Pose.has_own_image: staff's photo or an image URL."""
        return bool(self.image or self.image_urls)


def cards(rows) -> list[LibraryCard]:
    """The rows of a page of poses.selectors.pose_cards (dicts), as LibraryCards."""
    return [LibraryCard(values) for values in rows]
