"""Placeholder: the guided player replaces this module."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


player = record = summary = _todo
