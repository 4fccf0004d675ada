"""Placeholder: history and manual log replaces this module."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


history = log_practice = session_detail = session_delete = _todo
