"""Sequence builder pages: a signed-in user creates, edits, reorders, copies and deletes their own.

Thin views over sequences.services. Every action is a plain POST form that
redirects back to the edit page (PRG) with a message and an anchor to the
changed row, so the builder works without JavaScript. static/js/builder.js
sends the same forms with `X-Requested-With: fetch`; the same views then answer
JSON (the new totals, or the errors with status 400) instead of a page.
Editing or deleting another user's sequence, or a curated one, is a 404; copying
answers 404 only for what the user may not see (another user's private one).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from poses.filters import PoseFilters
from poses.models import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS
from poses.selectors import pose_library
from sequences import services
from sequences.checks import avoid_of, findings_for
from sequences.forms import AddPoseForm, ItemForm, MoveForm, RemoveForm, SequenceDetailsForm
from sequences.selectors import own_sequence, sequence_for_view, user_sequences
from yogaflow.core.forms import add_service_errors

SEQUENCES_PER_PAGE = 20
PICKER_LIMIT = 20
PICKER_PARAMS = ("q", "category")

get_or_post = require_http_methods(["GET", "POST"])


def _form_data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _is_fetch(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _edit_url(sequence, *, anchor: str = "", query: str = "") -> str:
    url = reverse("sequences:edit", kwargs={"slug": sequence.slug})
    return url + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


def _picker_query(request: HttpRequest) -> str:
    """The picker's search, carried through an add so the results stay on screen."""
    return urlencode({name: request.GET[name] for name in PICKER_PARAMS if request.GET.get(name)})


def _item_at(sequence, position: int):
    """The row at a 1-based position, from the prefetched poses, or None."""
    items = list(sequence.items.all())
    return items[position - 1] if 1 <= position <= len(items) else None


def _form_messages(form) -> list[str]:
    return [message for errors in form.errors.values() for message in errors]


def _done(request: HttpRequest, sequence, message: str, *, anchor: str, query: str = ""):
    """Success: the new totals for fetch(), else a message and a redirect to the changed row."""
    if _is_fetch(request):
        totals = {"total_seconds": sequence.total_duration_seconds}
        return JsonResponse({**totals, "pose_count": sequence.pose_count, "message": message})
    messages.success(request, message)
    return redirect(_edit_url(sequence, anchor=anchor, query=query))


def _failed(request: HttpRequest, sequence, form, **page):
    """Failure: the errors for fetch() (400), else the edit page with the form's errors."""
    if _is_fetch(request):
        return JsonResponse({"errors": _form_messages(form)}, status=400)
    return _builder_page(request, sequence, **page)


def _builder_page(
    request: HttpRequest,
    sequence,
    *,
    form=None,
    item_form=None,
    item_position: int = 0,
    add_form=None,
    list_form=None,
) -> HttpResponse:
    """The edit page; a bound form given here (with its errors) replaces the blank one."""
    items = list(sequence.items.all())
    rows = [
        (
            item,
            item_form if position == item_position else ItemForm.for_item(item, position=position),
        )
        for position, item in enumerate(items, start=1)
    ]
    if item_form is not None and not 1 <= item_position <= len(items):
        list_form = item_form  # no row to show it on: show it above the list
    elif item_form is not None:
        # Without JavaScript the page reloads at the top: take the keyboard to the refused row.
        first_invalid = next((name for name in item_form.errors if name in item_form.fields), None)
        field = item_form.fields[first_invalid or "duration_seconds"]
        field.widget.attrs["autofocus"] = True
    picker = PoseFilters(request.GET or None, auto_id="pick_%s")
    results = []
    if not picker.is_bound or picker.is_valid():
        kwargs = picker.selector_kwargs() if picker.is_bound else {}
        results = list(pose_library(**kwargs)[: PICKER_LIMIT + 1])
    context = {
        "sequence": sequence,
        "findings": findings_for(sequence, avoid=avoid_of(request.user)),
        "form": form if form is not None else SequenceDetailsForm.for_sequence(sequence),
        "rows": rows,
        "picker": picker,
        "results": results[:PICKER_LIMIT],
        "more_results": len(results) > PICKER_LIMIT,
        "picker_query": _picker_query(request),
        "add_form": add_form,
        "list_errors": _form_messages(list_form) if list_form is not None else [],
        # Besides the details form (base.html checks `form`), for the page title's "Error:".
        "other_errors": any(f is not None and f.errors for f in (item_form, add_form, list_form)),
        # The server's rules that static/js/builder.js checks as the practitioner types.
        "builder_rules": {"min_hold": MIN_HOLD_SECONDS, "max_hold": MAX_HOLD_SECONDS},
    }
    return render(request, "sequences/builder_edit.html", context)


@login_required
@never_cache
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    sequences = user_sequences(request.user)
    page = Paginator(sequences, SEQUENCES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "sequences/sequence_mine.html", {"page_obj": page})


@login_required
@get_or_post
def create(request: HttpRequest) -> HttpResponse:
    form = SequenceDetailsForm(_form_data(request))
    if form.is_valid():
        try:
            sequence = services.save_sequence(author=request.user, poses=[], **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Created “{sequence.title}”. Now add a few poses.")
            return redirect(_edit_url(sequence, anchor="add-pose"))
    return render(request, "sequences/builder_create.html", {"form": form})


@login_required
@never_cache
@get_or_post
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the builder. POST: save the details form at its top."""
    sequence = own_sequence(user=request.user, slug=slug)
    if request.method == "GET":
        return _builder_page(request, sequence)
    form = SequenceDetailsForm.for_sequence(sequence, request.POST)
    if form.is_valid():
        try:
            services.save_sequence(author=request.user, sequence=sequence, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            # The refused values were set on the object in hand: show the stored ones.
            sequence = own_sequence(user=request.user, slug=slug)
        else:
            messages.success(request, "Saved the details.")
            return redirect(_edit_url(sequence, anchor="details"))
    return _builder_page(request, sequence, form=form)


@login_required
@require_POST
def add_pose(request: HttpRequest, slug: str) -> HttpResponse:
    sequence = own_sequence(user=request.user, slug=slug)
    form = AddPoseForm(request.POST)
    if form.is_valid():
        try:
            sequence = services.add_pose(
                user=request.user, sequence=sequence, **form.service_kwargs()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            message = (
                f"Added {form.cleaned_data['pose'].name_en} at position {sequence.pose_count}."
            )
            anchor = f"item-{sequence.pose_count}"
            return _done(request, sequence, message, anchor=anchor, query=_picker_query(request))
    return _failed(request, sequence, form, add_form=form)


@login_required
@require_POST
def update_item(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    sequence = own_sequence(user=request.user, slug=slug)
    item = _item_at(sequence, position)
    form = ItemForm(request.POST, auto_id=f"item-{position}-%s")
    if form.is_valid():
        try:
            sequence = services.update_item(
                user=request.user, sequence=sequence, position=position, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            message = f"Saved {item.pose.name_en}."
            return _done(request, sequence, message, anchor=f"item-{position}")
    return _failed(request, sequence, form, item_form=form, item_position=position)


@login_required
@require_POST
def move_item(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    """Offset -1 moves up, +1 down; at either end the pose stays where it is."""
    sequence = own_sequence(user=request.user, slug=slug)
    item = _item_at(sequence, position)
    form = MoveForm(request.POST)
    if form.is_valid():
        offset = form.cleaned_data["offset"]
        try:
            sequence = services.move_item(
                user=request.user, sequence=sequence, position=position, offset=offset
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            target = min(max(position + offset, 1), sequence.pose_count)
            message = f"Moved {item.pose.name_en} to position {target}."
            return _done(request, sequence, message, anchor=f"item-{target}")
    return _failed(request, sequence, form, list_form=form)


@login_required
@require_POST
def remove_item(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    sequence = own_sequence(user=request.user, slug=slug)
    item = _item_at(sequence, position)
    form = RemoveForm(request.POST)
    try:
        sequence = services.remove_item(user=request.user, sequence=sequence, position=position)
    except ValidationError as error:
        add_service_errors(form, error)
        return _failed(request, sequence, form, list_form=form)
    # Land on the row that took its place, else the one before, else the empty list.
    anchor = f"item-{min(position, sequence.pose_count)}" if sequence.pose_count else "poses"
    return _done(request, sequence, f"Removed {item.pose.name_en}.", anchor=anchor)


@login_required
@get_or_post
def duplicate(request: HttpRequest, slug: str) -> HttpResponse:
    """GET (e.g. back from the login page): a confirmation; POST: make the private copy."""
    source = sequence_for_view(user=request.user, slug=slug)
    if request.method == "GET":
        return render(request, "sequences/builder_duplicate.html", {"sequence": source})
    try:
        copy = services.duplicate_sequence(user=request.user, source=source)
    except ValidationError as error:
        # A pose of the source was unpublished since: say so rather than copy half of it.
        messages.error(request, f"“{source.title}” cannot be copied: {' '.join(error.messages)}")
        return redirect(source)
    messages.success(request, f"Copied “{source.title}” — make it yours.")
    return redirect(_edit_url(copy, anchor="poses"))


@login_required
@get_or_post
def delete(request: HttpRequest, slug: str) -> HttpResponse:
    sequence = own_sequence(user=request.user, slug=slug)
    if request.method == "GET":
        return render(request, "sequences/sequence_confirm_delete.html", {"sequence": sequence})
    services.delete_sequence(user=request.user, sequence=sequence)
    messages.success(request, f"Deleted “{sequence.title}”.")
    return redirect("sequences:mine")
