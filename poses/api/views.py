"""The pose API: everyone reads the published library; staff create, change and illustrate poses.

Thin over poses.selectors and poses.services: the filters are the library
page's own form, and the services' ValidationErrors reach
yogaflow.core.api.errors.exception_handler as they are.
"""

from django.utils.decorators import method_decorator
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import (
    SAFE_METHODS,
    BasePermission,
    IsAuthenticated,
    IsAuthenticatedOrReadOnly,
)
from rest_framework.response import Response
from rest_framework.views import APIView

from poses import selectors, services
from poses.api import serializers
from poses.filters import PoseFilters
from yogaflow.core.api.filters import filter_parameters, query_filters
from yogaflow.core.api.schema import REVALIDATION, error_responses, not_modified
from yogaflow.core.caching import cache_anonymous

TAGS = ["poses"]
STAFF_ONLY = {403: "Only staff may change poses."}
NOT_FOUND = {404: "No such pose (unpublished poses are visible to staff only)."}
LIST_ERRORS = {
    400: 'A query parameter is invalid (see `detail[].loc`, e.g. `["query", "category"]`).',
    404: "No such page.",
}
SLUG = OpenApiParameter(
    "slug", str, OpenApiParameter.PATH, description="The pose's slug, e.g. `downward-dog`."
)
FILTER_DESCRIPTIONS = {
    "q": "Words to find in the English or Sanskrit name (accents ignored).",
    "kind": "Only poses (`asana`), breathing practices (`pranayama`) or meditations (omit: any).",
    "category": "Only this category (left out: any).",
    "difficulty": "Only this difficulty (left out: any).",
    "target_area": "Only poses working this area (left out: any).",
    "position": "Only poses in this position: standing, on the floor, inverted ... (omit: any).",
}


class IsStaffForWrites(BasePermission):
    """Reads for everyone (with IsAuthenticatedOrReadOnly in front: 401 before 403)."""

    message = "Only staff may change poses."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS or not hasattr(view, request.method.lower()):
            return True  # a method the endpoint lacks answers 405, not 403
        return bool(request.user and request.user.is_staff)


PERMISSIONS = [IsAuthenticatedOrReadOnly, IsStaffForWrites]


def _validated(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _pose_body(pose, request) -> dict:
    # PoseSerializer's answer, written as a plain dict (test_api_rows holds it byte for byte).
    return serializers.pose_detail_row(pose, request)


# Anonymous reads are the same for everyone: served from the shared cache.
@method_decorator(cache_anonymous, name="dispatch")
class PoseCollectionView(generics.ListAPIView):
    permission_classes = PERMISSIONS
    serializer_class = serializers.PoseSummarySerializer

    def get_queryset(self):
        return selectors.pose_api_cards(**query_filters(PoseFilters, self.request))

    @extend_schema(
        operation_id="poses_list",
        tags=TAGS,
        summary="The pose library",
        description="Published poses by English name, filtered and paginated.",
        parameters=[*filter_parameters(PoseFilters, FILTER_DESCRIPTIONS), *REVALIDATION],
        responses={
            200: serializers.PoseSummarySerializer(many=True),
            **not_modified(),
            **error_responses(400, 401, 404, descriptions=LIST_ERRORS),
        },
    )
    def get(self, request, *args, **kwargs):
        # Plain dicts (serializers.pose_rows): PoseSummarySerializer's answer, built cheaply.
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(serializers.pose_rows(page, request))

    @extend_schema(
        operation_id="poses_create",
        tags=TAGS,
        summary="Add a pose (staff)",
        request=serializers.PoseWriteSerializer,
        responses={
            201: serializers.PoseSerializer,
            **error_responses(400, 401, 403, 415, descriptions=STAFF_ONLY),
        },
    )
    def post(self, request):
        pose = services.save_pose(**_validated(serializers.PoseWriteSerializer, request))
        return Response(_pose_body(pose, request), status=status.HTTP_201_CREATED)


# Anonymous reads are the same for everyone: served from the shared cache.
@method_decorator(cache_anonymous, name="dispatch")
class PoseDetailView(APIView):
    permission_classes = PERMISSIONS

    @extend_schema(
        operation_id="poses_retrieve",
        tags=TAGS,
        summary="One pose in full",
        parameters=[SLUG, *REVALIDATION],
        responses={
            200: serializers.PoseSerializer,
            **not_modified(),
            **error_responses(401, 404, descriptions=NOT_FOUND),
        },
    )
    def get(self, request, slug):
        pose = selectors.pose_for_view(user=request.user, slug=slug)
        return Response(_pose_body(pose, request))

    @extend_schema(
        operation_id="poses_partial_update",
        tags=TAGS,
        summary="Change a pose (staff)",
        description="Only the fields sent change.",
        parameters=[SLUG],
        request=serializers.PoseWriteSerializer,
        responses={
            200: serializers.PoseSerializer,
            **error_responses(400, 401, 403, 404, 415, descriptions={**STAFF_ONLY, **NOT_FOUND}),
        },
    )
    def patch(self, request, slug):
        pose = selectors.pose_for_view(user=request.user, slug=slug)
        fields = _validated(serializers.PoseWriteSerializer, request, partial=True)
        pose = services.save_pose(pose=pose, **fields)
        return Response(_pose_body(pose, request))


class PoseImageView(APIView):
    permission_classes = PERMISSIONS
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="poses_image_upload",
        tags=TAGS,
        summary="Upload the pose's image (staff)",
        description="Replaces any earlier upload. Sent as `multipart/form-data`, field `image`.",
        parameters=[SLUG],
        request={"multipart/form-data": serializers.PoseImageSerializer},
        responses={
            200: serializers.PoseSerializer,
            **error_responses(
                400,
                401,
                403,
                404,
                415,
                descriptions={
                    400: "Not an image we accept, too large, or of unworkable dimensions.",
                    415: "Unsupported media type: send `multipart/form-data`.",
                    **STAFF_ONLY,
                    **NOT_FOUND,
                },
            ),
        },
    )
    def post(self, request, slug):
        pose = selectors.pose_for_view(user=request.user, slug=slug)
        upload = _validated(serializers.PoseImageSerializer, request)["image"]
        pose = services.set_pose_image(pose=pose, upload=upload)
        return Response(_pose_body(pose, request))

    @extend_schema(
        operation_id="poses_image_delete",
        tags=TAGS,
        summary="Remove the pose's uploaded image (staff)",
        description="The pose falls back to its image URLs or its figure.",
        parameters=[SLUG],
        request=None,
        responses={
            200: serializers.PoseSerializer,
            **error_responses(401, 403, 404, descriptions={**STAFF_ONLY, **NOT_FOUND}),
        },
    )
    def delete(self, request, slug):
        pose = selectors.pose_for_view(user=request.user, slug=slug)
        pose = services.clear_pose_image(pose=pose)
        return Response(_pose_body(pose, request))


# --- a practitioner's ratings -------------------------------------------------

RATING_TAGS = ["ratings"]
RATING_NOT_FOUND = {
    404: "No such pose (a pose one rated before can still be cleared after it is unpublished)."
}


class PoseRatingView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="poses_rating_set",
        tags=RATING_TAGS,
        summary="Thumbs up or down on a pose",
        description=(
            "`up` favours the pose in practices made for you; `down` leaves it out of them. "
            "One rating per pose: a new one replaces the old."
        ),
        parameters=[SLUG],
        request=serializers.RatingWriteSerializer,
        responses={
            200: serializers.RatingSerializer,
            **error_responses(400, 401, 404, 415, descriptions=RATING_NOT_FOUND),
        },
    )
    def put(self, request, slug):
        pose = selectors.pose_for_rating(user=request.user, slug=slug)
        rating = _validated(serializers.RatingWriteSerializer, request)["rating"]
        services.rate_pose(user=request.user, pose=pose, rating=rating)
        return Response(serializers.RatingSerializer({"pose": pose.slug, "rating": rating}).data)

    @extend_schema(
        operation_id="poses_rating_clear",
        tags=RATING_TAGS,
        summary="Clear one's rating of a pose",
        description="Idempotent: clearing a pose one never rated is fine too.",
        parameters=[SLUG],
        request=None,
        responses={
            204: OpenApiResponse(description="The pose has no rating of yours."),
            **error_responses(401, 404, descriptions=RATING_NOT_FOUND),
        },
    )
    def delete(self, request, slug):
        pose = selectors.pose_for_rating(user=request.user, slug=slug)
        services.rate_pose(user=request.user, pose=pose, rating=None)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PoseRatingCollectionView(generics.ListAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = serializers.PoseRatingSerializer

    def get_queryset(self):
        return selectors.pose_ratings(self.request.user)

    @extend_schema(
        operation_id="poses_ratings_list",
        tags=RATING_TAGS,
        summary="One's ratings of poses",
        description="Most recently changed first.",
        responses={
            200: serializers.PoseRatingSerializer(many=True),
            **error_responses(400, 401, 404, descriptions=LIST_ERRORS),
        },
    )
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)
