"""Placeholder: the badges page replaces this module."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


badges = _todo
