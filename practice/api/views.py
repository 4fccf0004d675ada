"""Placeholder: the sessions API replaces this module."""

from rest_framework.views import APIView


class SessionCollectionView(APIView):
    schema = None


class SessionDetailView(APIView):
    schema = None
