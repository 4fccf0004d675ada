"""Placeholder: the stats API replaces this module."""

from rest_framework.views import APIView


class StatsView(APIView):
    schema = None
