"""Placeholder: the achievements API replaces this module."""

from rest_framework.views import APIView


class AchievementListView(APIView):
    schema = None
