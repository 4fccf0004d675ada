"""The sequence API: read the library, write one's own sequences, keep favorites.

Thin over sequences.selectors (who sees what, in how few queries) and
sequences.services (every write and its rules). Another user's private
sequence, and anyone else's sequence for a write, answers 404 — raised by the
selectors and services themselves, so the pages answer the same.
"""

from django.utils.decorators import method_decorator
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from poses.models import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS
from sequences import checks, selectors, services
from sequences.api import serializers
from sequences.filters import CatalogFilters
from sequences.models import MAX_CUE_LENGTH, MAX_POSES_PER_SEQUENCE
from yogaflow.core.api.filters import filter_parameters, query_filters
from yogaflow.core.api.schema import REVALIDATION, error_responses, not_modified
from yogaflow.core.caching import cache_anonymous

TAGS = ["sequences"]
SLUG = OpenApiParameter(
    "slug", str, OpenApiParameter.PATH, description="The sequence's slug, e.g. `sun-salutation-a`."
)
NOT_FOUND = {
    404: "No such sequence, or another user's private one.",
}
NOT_YOURS = {
    404: "No such sequence, or not one of yours (curated and other users' sequences "
    "cannot be changed here: duplicate them).",
}
RULES = {
    400: "Invalid body, or a broken rule: unknown or unpublished pose, hold outside "
    f"{MIN_HOLD_SECONDS}–{MAX_HOLD_SECONDS} s, positions missing or repeated, more than "
    f"{MAX_POSES_PER_SEQUENCE} poses, a cue over {MAX_CUE_LENGTH} characters.",
}
LIST_ERRORS = {
    400: 'A query parameter is invalid (see `detail[].loc`, e.g. `["query", "style"]`).',
    404: "No such page.",
}
GENERATE_ERRORS = {
    400: "Invalid body, or choices that make no practice: minutes outside 5–90, an unknown "
    "level, style, focus or caution, more than 3 focus areas, an unknown pose to avoid, or an "
    "avoid list that leaves too few poses. `detail[].loc` names the field to change.",
    401: "An invalid or expired token (the call works without one).",
}
FILTER_DESCRIPTIONS = {
    "q": "Words to find in the title or description.",
    "difficulty": "Only this difficulty (left out: any).",
    "focus": "Only this focus area (left out: any).",
    "style": "Only this style (left out: any).",
    "min_minutes": "At least this many minutes long.",
    "max_minutes": "At most this many minutes long.",
    "scope": "`curated` (YogaFlow's library), `mine` (needs a token), `community` "
    "(practitioners' public sequences) or `all` (default).",
    "sort": "Order of the results (default: title).",
}


def _validated(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _detail_body(request, slug: str) -> dict:
    """The sequence as GET sequences/{slug} shows it to the caller (after a write, too)."""
    sequence = selectors.sequence_with_steps(user=request.user, slug=slug)
    # SequenceDetailSerializer's answer as a plain dict (test_api_rows holds it byte for byte).
    return serializers.sequence_detail_row(sequence, request)


# Anonymous reads are the same for everyone: served from the shared cache.
@method_decorator(cache_anonymous, name="dispatch")
class SequenceCollectionView(generics.ListAPIView):
    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = serializers.SequenceSerializer

    def get_queryset(self):
        filters = query_filters(CatalogFilters, self.request)
        return selectors.catalog_for_api(user=self.request.user, **filters)

    @extend_schema(
        operation_id="sequences_list",
        tags=TAGS,
        summary="The sequence catalogue",
        description="Curated and public sequences, plus the caller's own; filtered, sorted "
        "and paginated.",
        parameters=[*filter_parameters(CatalogFilters, FILTER_DESCRIPTIONS), *REVALIDATION],
        responses={
            200: serializers.SequenceSerializer(many=True),
            **not_modified(),
            **error_responses(400, 401, 404, descriptions=LIST_ERRORS),
        },
    )
    def get(self, request, *args, **kwargs):
        # Plain dicts (serializers.sequence_rows): SequenceSerializer's answer, built cheaply.
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(serializers.sequence_rows(page))

    @extend_schema(
        operation_id="sequences_create",
        tags=TAGS,
        summary="Create a sequence of one's own",
        description="The sequence and its ordered poses in one request; private unless "
        "`visibility` says public.",
        request=serializers.SequenceWriteSerializer,
        responses={
            201: serializers.SequenceDetailSerializer,
            **error_responses(400, 401, 415, descriptions=RULES),
        },
    )
    def post(self, request):
        sequence = services.save_sequence(
            author=request.user, **_validated(serializers.SequenceWriteSerializer, request)
        )
        return Response(_detail_body(request, sequence.slug), status=status.HTTP_201_CREATED)


def _update_schema(*, partial: bool):
    return extend_schema(
        operation_id="sequences_partial_update" if partial else "sequences_update",
        tags=TAGS,
        summary="Change one's own sequence" + (" (some fields)" if partial else ""),
        description=(
            "Only the fields sent change; `poses`, if sent, replaces the whole list."
            if partial
            else "Replaces the fields and the whole pose list."
        ),
        parameters=[SLUG],
        request=serializers.SequenceWriteSerializer,
        responses={
            200: serializers.SequenceDetailSerializer,
            **error_responses(400, 401, 404, 415, descriptions={**RULES, **NOT_YOURS}),
        },
    )


# Anonymous reads are the same for everyone: served from the shared cache.
@method_decorator(cache_anonymous, name="dispatch")
class SequenceDetailView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(
        operation_id="sequences_retrieve",
        tags=TAGS,
        summary="One sequence with its poses",
        parameters=[SLUG, *REVALIDATION],
        responses={
            200: serializers.SequenceDetailSerializer,
            **not_modified(),
            **error_responses(401, 404, descriptions=NOT_FOUND),
        },
    )
    def get(self, request, slug):
        return Response(_detail_body(request, slug))

    def _update(self, request, slug, *, partial: bool) -> Response:
        sequence = selectors.own_sequence(user=request.user, slug=slug)
        fields = _validated(serializers.SequenceWriteSerializer, request, partial=partial)
        services.save_sequence(author=request.user, sequence=sequence, **fields)
        return Response(_detail_body(request, sequence.slug))

    @_update_schema(partial=False)
    def put(self, request, slug):
        return self._update(request, slug, partial=False)

    @_update_schema(partial=True)
    def patch(self, request, slug):
        return self._update(request, slug, partial=True)

    @extend_schema(
        operation_id="sequences_destroy",
        tags=TAGS,
        summary="Delete one's own sequence",
        parameters=[SLUG],
        responses={
            204: OpenApiResponse(description="Deleted, with its favorites."),
            **error_responses(401, 404, descriptions=NOT_YOURS),
        },
    )
    def delete(self, request, slug):
        sequence = selectors.own_sequence(user=request.user, slug=slug)
        services.delete_sequence(user=request.user, sequence=sequence)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SequenceDuplicateView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="sequences_duplicate",
        tags=TAGS,
        summary="Copy a sequence to tweak it",
        description="A private copy, owned by the caller, of any sequence they can see.",
        parameters=[SLUG],
        request=None,
        responses={
            201: serializers.SequenceDetailSerializer,
            **error_responses(401, 404, descriptions=NOT_FOUND),
        },
    )
    def post(self, request, slug):
        source = selectors.sequence_for_view(user=request.user, slug=slug)
        copy = services.duplicate_sequence(user=request.user, source=source)
        return Response(_detail_body(request, copy.slug), status=status.HTTP_201_CREATED)


class SequenceFavoriteView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="sequences_favorite_add",
        tags=["favorites"],
        summary="Add a sequence to one's favorites",
        description="Idempotent: a favorite stays one favorite.",
        parameters=[SLUG],
        request=None,
        responses={
            204: OpenApiResponse(description="The sequence is a favorite."),
            **error_responses(401, 404, descriptions=NOT_FOUND),
        },
    )
    def put(self, request, slug):
        return self._set(request, slug, favorite=True)

    @extend_schema(
        operation_id="sequences_favorite_remove",
        tags=["favorites"],
        summary="Remove a sequence from one's favorites",
        description="Idempotent: removing what is not a favorite is fine too.",
        parameters=[SLUG],
        request=None,
        responses={
            204: OpenApiResponse(description="The sequence is not a favorite."),
            **error_responses(401, 404, descriptions=NOT_FOUND),
        },
    )
    def delete(self, request, slug):
        return self._set(request, slug, favorite=False)

    def _set(self, request, slug, *, favorite: bool) -> Response:
        sequence = selectors.sequence_for_view(user=request.user, slug=slug)
        services.set_favorite(user=request.user, sequence=sequence, favorite=favorite)
        return Response(status=status.HTTP_204_NO_CONTENT)


class FavoriteCollectionView(generics.ListAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = serializers.SequenceSerializer

    def get_queryset(self):
        return selectors.favorite_sequences_for_api(self.request.user)

    @extend_schema(
        operation_id="favorites_list",
        tags=["favorites"],
        summary="One's favorite sequences",
        description="Most recently favorited first; sequences that are no longer visible "
        "(made private by their author) drop out.",
        responses={
            200: serializers.SequenceSerializer(many=True),
            **error_responses(400, 401, 404, descriptions=LIST_ERRORS),
        },
    )
    def get(self, request, *args, **kwargs):
        # Plain dicts (serializers.sequence_rows): SequenceSerializer's answer, built cheaply.
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(serializers.sequence_rows(page))


# Anonymous reads are the same for everyone: served from the shared cache.
@method_decorator(cache_anonymous, name="dispatch")
class SequenceChecksView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(
        operation_id="sequences_checks",
        tags=TAGS,
        summary="A teacher's checks of a sequence",
        description="Findings of the sequence checks (one-sided poses, no final relaxation, "
        "backbends without a neutralising pose, Shoulder Stand or Plough without a backbend "
        "for the neck, no warm-up, poses above the labelled level, the same pose twice in a "
        "row, holds outside a pose's range for the style, too many moves between the floor "
        "and standing, a practice over two hours): errors first, then by position. Empty "
        "when all is well.",
        parameters=[SLUG, *REVALIDATION],
        responses={
            200: serializers.SequenceChecksSerializer,
            **not_modified(),
            **error_responses(401, 404, descriptions=NOT_FOUND),
        },
    )
    def get(self, request, slug):
        sequence = selectors.sequence_for_view(user=request.user, slug=slug)
        findings = checks.findings_for(sequence, avoid=checks.avoid_of(request.user))
        return Response(serializers.SequenceChecksSerializer({"findings": findings}).data)


class GenerateView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="sequences_generate",
        tags=TAGS,
        summary="Today's practice, generated",
        description="A practice built from a few choices: centring, warm-up, build, a peak "
        "around the focus (the practice's most intense pose), counter-poses, cool-down and "
        "final relaxation, within 10% of the time asked for, each pose with the reason it "
        "was chosen. It comes up from the floor to standing once and goes down once; every "
        "hold lies in its pose's range for the style; vinyasa and power move in flows done "
        "one side at a time (`side` right, then left). Signed in, the caller's avoid list and "
        "pose ratings count. Nothing is saved: POST the answer's `sequence` to `sequences` "
        "to keep it.",
        request=serializers.GenerateSerializer,
        responses={
            200: serializers.GeneratedPracticeSerializer,
            **error_responses(400, 401, 415, descriptions=GENERATE_ERRORS),
        },
    )
    def post(self, request):
        choices = _validated(serializers.GenerateSerializer, request)
        practice = selectors.todays_practice(user=request.user, **choices)
        body = serializers.GeneratedPracticeSerializer(practice, context={"request": request})
        return Response(body.data)
