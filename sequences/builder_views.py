"""Placeholder: the sequence builder replaces this module."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


mine = create = duplicate = delete = edit = add_pose = update_item = move_item = remove_item = _todo
