"""Reads of sequences and favorites: who may see what, and in how few queries.

`visible_sequences(user)` is the one visibility rule (curated and public
sequences, plus one's own); pages and API go through it, so another user's
private sequence answers 404 everywhere.
"""

import json
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from poses.models import SEQUENCING_FIELDS
from poses.selectors import practice_preferences, published_poses
from sequences.generator import GeneratedPractice, PoseCard, clean_choices, daily_seed, generate
from sequences.models import Favorite, Sequence, SequencePose, Visibility
from sequences.steps import Step
from yogaflow.core.caching import library_version

SORTS = {
    "title": ("title", "pk"),
    "shortest": ("total_duration_seconds", "title", "pk"),
    "longest": ("-total_duration_seconds", "title", "pk"),
    "newest": ("-created_at", "-pk"),
    "popular": ("-favorite_count", "title", "pk"),
}
SCOPES = ("all", "curated", "mine", "community")


def visible_sequences(user) -> QuerySet[Sequence]:
    rule = Q(visibility=Visibility.PUBLIC)
    if user is not None and user.is_authenticated:
        rule |= Q(author=user)
    return Sequence.objects.filter(rule)


def is_visible_to(sequence: Sequence, user) -> bool:
    """visible_sequences' rule for one object already in hand."""
    if sequence.visibility == Visibility.PUBLIC:
        return True
    return bool(user and user.is_authenticated and sequence.author_id == user.pk)


def with_favorite_flag(sequences: QuerySet[Sequence], user) -> QuerySet[Sequence]:
    """Annotate `is_favorite` for the user (False for anonymous) in the same query."""
    if user is None or not user.is_authenticated:
        return sequences.annotate(is_favorite=Value(False))
    return sequences.annotate(
        is_favorite=Exists(Favorite.objects.filter(user=user, sequence=OuterRef("pk")))
    )


def catalog(
    *,
    user,
    search: str = "",
    difficulty: str = "",
    focus: str = "",
    style: str = "",
    min_minutes: int | None = None,
    max_minutes: int | None = None,
    scope: str = "all",
    sort: str = "title",
) -> QuerySet[Sequence]:
    """The sequences a user may see, filtered and sorted, with author and favorite flag joined."""
    sequences = visible_sequences(user).select_related("author")
    if scope == "curated":
        sequences = sequences.filter(author__isnull=True)
    elif scope == "mine":
        sequences = sequences.filter(author=user) if user.is_authenticated else sequences.none()
    elif scope == "community":
        sequences = sequences.filter(author__isnull=False, visibility=Visibility.PUBLIC)
    if search:
        for word in search.split():
            sequences = sequences.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if difficulty:
        sequences = sequences.filter(difficulty=difficulty)
    if focus:
        sequences = sequences.filter(focus=focus)
    if style:
        sequences = sequences.filter(style=style)
    if min_minutes is not None:
        sequences = sequences.filter(total_duration_seconds__gte=min_minutes * 60)
    if max_minutes is not None:
        sequences = sequences.filter(total_duration_seconds__lte=max_minutes * 60)
    return with_favorite_flag(sequences, user).order_by(*SORTS.get(sort, SORTS["title"]))


# What a catalogue card shows (sequences/templatetags/sequence_cards.py): of the author only the
# name, of the sequence no fingerprint, copied-from or dates. A field left out and then read
# would cost a query per card; the catalogue's pinned query count catches it.
CATALOG_CARD_FIELDS = (
    "slug", "title", "description", "difficulty", "focus", "style", "visibility", "author",
    "author__display_name", "total_duration_seconds", "pose_count",
)  # fmt: skip


def catalog_cards(*, user, **filters) -> QuerySet[Sequence]:
    """catalog(user=user, **filters) with only what a card shows (CATALOG_CARD_FIELDS)."""
    return catalog(user=user, **filters).only(*CATALOG_CARD_FIELDS)


# What the API lists of each sequence (sequences.api.serializers.sequence_row): no library
# fingerprint, no copied-from, and of its author only the name. A field left out and then read
# would cost a query per row; the API's pinned query count catches it.
API_LIST_FIELDS = (
    "slug", "title", "description", "difficulty", "focus", "style", "visibility", "author",
    "author__display_name", "total_duration_seconds", "pose_count", "created_at", "updated_at",
)  # fmt: skip


def catalog_for_api(*, user, **filters) -> QuerySet[Sequence]:
    """catalog(user=user, **filters) with only what the API lists (API_LIST_FIELDS)."""
    return catalog(user=user, **filters).only(*API_LIST_FIELDS)


# What a sequence's page, print sheet and API detail never show of a pose (its own page
# does): long texts, and the JSON lists each row would otherwise decode a hundred times over.
PAGE_DEFERRED_POSE_FIELDS = (
    "description",
    "instructions",
    "benefits",
    "contraindications",
    "modifications",
    "library_fingerprint",
    "search_text",
)


def _items_prefetch(*, defer: tuple[str, ...] = ()) -> Prefetch:
    items = SequencePose.objects.select_related("pose").order_by("position")
    if defer:
        items = items.defer(*(f"pose__{name}" for name in defer))
    return Prefetch("items", queryset=items)


def sequence_for_view(*, user, slug: str, page: bool = False) -> Sequence:
    """A sequence the user may see, with its ordered poses; 404 otherwise.

    `page=True`: its poses without what the sequence page, print sheet and API detail never
    show (PAGE_DEFERRED_POSE_FIELDS; reading one of them costs a query per pose)."""
    sequences = with_favorite_flag(visible_sequences(user), user)
    items = _items_prefetch(defer=PAGE_DEFERRED_POSE_FIELDS if page else ())
    return get_object_or_404(sequences.select_related("author").prefetch_related(items), slug=slug)


def own_sequence(*, user, slug: str) -> Sequence:
    """One of the user's own sequences, with its poses; 404 for anyone else's, private or not."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Sequence.objects.filter(author=user).prefetch_related(_items_prefetch()), slug=slug
    )


def user_sequences(user) -> QuerySet[Sequence]:
    """The user's own sequences, private and public, most recently changed first."""
    return Sequence.objects.filter(author=user).order_by("-updated_at", "-pk")


def favorite_sequences(user) -> QuerySet[Sequence]:
    """The user's favorites still visible to them, most recently favorited first."""
    return (
        visible_sequences(user)
        .filter(favorites__user=user)
        .select_related("author")
        .annotate(is_favorite=Exists(Favorite.objects.filter(user=user, sequence=OuterRef("pk"))))
        .order_by("-favorites__created_at", "-pk")
    )


def favorite_sequences_for_api(user) -> QuerySet[Sequence]:
    """favorite_sequences(user) with only what the API lists (API_LIST_FIELDS)."""
    return favorite_sequences(user).only(*API_LIST_FIELDS)


# What the pose page lists of each sequence using the pose: its link, title, style, level,
# length and author's name (a field left out would cost a query per sequence; the pose page's
# query count is pinned).
USING_POSE_FIELDS = (
    "slug", "title", "style", "difficulty", "total_duration_seconds", "author_id",
    "author__display_name",
)  # fmt: skip


def sequences_using_pose(*, pose, user, limit: int = 12) -> list[Sequence]:
    """Sequences the user may see that include this pose (each once), with only what the pose
    page's panel shows of them (templates/sequences/_pose_sequences.html)."""
    return list(
        visible_sequences(user)
        .filter(Exists(SequencePose.objects.filter(sequence=OuterRef("pk"), pose=pose)))
        .select_related("author")
        .only(*USING_POSE_FIELDS)
        # Curated first on every database (PostgreSQL sorts NULLs last by default).
        .order_by(F("author_id").asc(nulls_first=True), "title", "pk")[:limit]
    )


CARD_FIELDS = (
    "pk",
    "slug",
    "name_en",
    "name_sa",
    "kind",
    "category",
    "difficulty",
    *SEQUENCING_FIELDS,
    "cautions",
    "target_areas",
    "image",
)
# Read as JSON text and decoded only where not empty (most poses have no breath pattern or
# image URLs): the library is read on every generation.
CARD_JSON_AS_TEXT = ("props", "breath_pattern", "image_urls")


# The library's cards as last read by this process: (library version, pose writes seen by
# this process then, cards), or (None, 0, ()) before the first read.
_kept_cards: tuple[int | None, int, tuple[PoseCard, ...]] = (None, 0, ())
# Pose saves and deletes in this process, committed or not (`pose_written`).
_pose_writes = 0


def pose_written(**_signal_kwargs) -> None:
    """A pose was saved or deleted here (a signal receiver): the kept cards are not used again
    until read anew, even inside the writing transaction, before any commit bumps the version."""
    global _pose_writes
    _pose_writes += 1


def library_cards() -> list[PoseCard]:
    """Every published pose (and breathing practice) as the generator sees it: the facts a
    teacher sequences by, in one query, or none while the library version is the one they
    were last read at.

    Reading ~900 rows is a third of a generation's time, and the library changes only when
    staff edit it. Every pose save or delete bumps the shared library version once committed
    (yogaflow.apps), so an edit in any process shows at the next read; one in this process
    shows at once, even before its commit (`pose_written`). Kept only when read outside a
    transaction (one's rows may yet be rolled back), and never used while the cache cannot
    say the version.
    """
    global _kept_cards
    current = library_version()
    kept, writes, cards = _kept_cards
    if current is not None and kept == current and writes == _pose_writes:
        return list(cards)
    writes = _pose_writes
    # The version is read before the rows: an edit committed in between is bumped after its
    # commit, so these rows are never older than the version they are kept under.
    cards = _read_library_cards()
    if current is not None and not connection.in_atomic_block:
        _kept_cards = (current, writes, tuple(cards))
    return cards


def _read_library_cards() -> list[PoseCard]:
    as_text = {f"{name}_text": Cast(name, TextField()) for name in CARD_JSON_AS_TEXT}
    rows = published_poses().values(*CARD_FIELDS, **as_text)
    return [PoseCard.from_fields(row) for row in rows]


# What a step's pose card holds (sequences.steps.PoseCard.from_fields) when read for a
# sequence's page, player or API detail: the facts the checks sequence by, the names and the
# picture (figure version from its column, staff's photo); never the figure itself or the long
# texts. Its JSON comes as text (STEP_POSE_JSON), each distinct text decoded once per read.
STEP_POSE_JSON = ("cautions", "target_areas", *CARD_JSON_AS_TEXT, "image_renditions")
STEP_POSE_FIELDS = (
    *(name for name in CARD_FIELDS if name not in ("pk", *STEP_POSE_JSON)),
    "figure_version",
)
# The step's own, then its pose's id (the first of the values a card is made of).
STEP_FIELDS = ("position", "duration_seconds", "side", "cue", "pose_id")


@lru_cache(maxsize=4096)
def _frozen_json(text: str):
    """A pose's JSON list or object decoded once per process (most poses share "[]", and a
    long sequence's hundred steps decode the same few hundred texts on every answer): a list
    as a tuple, an object as a read-only mapping, so no reader can change what others share."""
    value = json.loads(text)
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return MappingProxyType(value)
    return value


def sequence_steps(sequence: Sequence) -> list[Step]:
    """The sequence's items in practice order as Steps (`position`: the stored position), in
    one query of plain values: no model row per item or pose, no figure decoded."""
    rows = (
        SequencePose.objects.filter(sequence=sequence)
        .order_by("position")
        .values_list(
            *STEP_FIELDS,
            *(f"pose__{name}" for name in STEP_POSE_FIELDS),
            *(Cast(f"pose__{name}", TextField()) for name in STEP_POSE_JSON),
        )
    )
    steps = []
    for row in rows:
        position, duration_seconds, side, cue = row[:4]
        card = _step_card(row[4:])  # the pose's id, then its values
        steps.append(Step(card, duration_seconds, side=side, cue=cue, position=position))
    return steps


@lru_cache(maxsize=2048)
def _step_card(values: tuple) -> PoseCard:
    """The card of a pose from its id and every value sequence_steps reads of it, made once
    per process while those values stay the same (a card is frozen, and so is all it holds):
    a long sequence's answer would otherwise build a hundred of them each time."""
    pose_id, plain, texts = (
        values[0],
        values[1 : 1 + len(STEP_POSE_FIELDS)],
        values[1 + len(STEP_POSE_FIELDS) :],
    )
    fields = dict(zip(STEP_POSE_FIELDS, plain, strict=True))
    for name, text in zip(STEP_POSE_JSON, texts, strict=True):
        fields[name] = None if text is None else _frozen_json(text)
    fields["pk"] = pose_id
    return PoseCard.from_fields(fields)


def sequence_with_steps(*, user, slug: str) -> Sequence:
    """sequence_for_view for a sequence's page, player and API detail: the sequence (author
    joined, `is_favorite` annotated) with `steps`, its items as sequence_steps reads them (two
    queries; `items` is not prefetched: read `steps`). 404 as sequence_for_view."""
    sequences = with_favorite_flag(visible_sequences(user), user).select_related("author")
    sequence = get_object_or_404(sequences, slug=slug)
    sequence.steps = sequence_steps(sequence)
    return sequence


def todays_practice(
    *,
    user,
    minutes,
    level,
    style,
    focus=(),
    avoid=None,
    avoid_poses=(),
    seed: int | None = None,
) -> GeneratedPractice:
    """A generated practice for the user: two queries (the library, unless kept from the
    last read at this library version, and the user's pose ratings).

    `avoid` defaults to the cautions on the user's profile; thumbed-down poses
    and `avoid_poses` (slugs) are always left out, thumbed-up ones favoured.
    Without a seed, the practice is the user's practice of the day in their time zone.
    ValidationError keyed by field for bad choices or an unknown pose to avoid.
    """
    signed_in = user is not None and user.is_authenticated
    preferences = practice_preferences(user)
    if avoid is None:
        avoid = preferences.avoid
    library = library_cards()
    unknown = sorted(set(avoid_poses) - {card.slug for card in library})
    choices = clean_choices(
        minutes=minutes,
        level=level,
        style=style,
        focus=focus,
        avoid=avoid,
        avoid_slugs={*avoid_poses, *preferences.disliked},
        liked=preferences.liked,
    )
    if unknown:
        raise ValidationError({"avoid_poses": f"No such published pose: {', '.join(unknown)}."})
    if seed is None:
        zone = ZoneInfo(user.timezone) if signed_in else None
        seed = daily_seed(day=timezone.localdate(timezone=zone), user_id=getattr(user, "pk", None))
    return generate(library, choices, seed=seed)
