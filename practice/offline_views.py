"""Offline: the service worker (served from the site's root, so it may keep every page) and
the list of what it saves ahead for a practitioner — their saved and favorite sequences' pages,
players and figures — so those open, and practise, with no network.

The worker itself (templates/practice/sw.js): the app shell (styles, scripts, icons) cached at
install; pages network-first, kept as they are visited (a started practice included) and shown
from the cache offline; pictures and static files cache-first. Recording is not its work: the
player keeps a finished practice in practice-queue.js until the network returns. Logging out
empties the pages it kept (a shared device shows no one else's history).
"""

from hashlib import sha256

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from sequences.models import SequencePose
from sequences.selectors import favorite_sequences, user_sequences
from sequences.steps import player_items, steps_for

# Sequences saved ahead: the most recent favorites and own sequences, a bounded download.
MAX_OFFLINE_SEQUENCES = 24
SHELL = (
    "css/tokens.css",
    "css/base.css",
    "css/layout.css",
    "css/components.css",
    "css/home.css",
    "css/library.css",
    "css/sequences.css",
    "css/builder.css",
    "css/today.css",
    "css/player.css",
    "css/history-stats.css",
    "css/account.css",
    "css/errors.css",
    "css/print.css",
    "js/player.js",
    "js/practice-queue.js",
    "js/site-menu.js",
    "js/offline.js",
    "img/logo.svg",
    "img/icon-192.png",
    "img/icon-512.png",
    "manifest.webmanifest",
)
# Bump when the worker's own logic changes (the shell's addresses change with their content).
WORKER_VERSION = "1"


@require_safe
@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    shell = [static(path) for path in SHELL]
    body = render_to_string(
        "practice/sw.js",
        {
            "version": f"{WORKER_VERSION}-{sha256(' '.join(shell).encode()).hexdigest()[:12]}",
            "shell": shell,
            "static_prefix": static(""),
            "offline_urls": reverse("practice:offline"),
            "logout_url": reverse("accounts:logout"),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@login_required
@require_safe
@never_cache
def offline_urls(request: HttpRequest) -> JsonResponse:
    """{"pages": [addresses], "assets": [addresses]}: what the worker saves ahead for the user."""
    items = Prefetch(
        "items", queryset=SequencePose.objects.select_related("pose").order_by("position")
    )
    chosen = {}
    for queryset in (favorite_sequences(request.user), user_sequences(request.user)):
        for sequence in queryset.prefetch_related(items)[:MAX_OFFLINE_SEQUENCES]:
            chosen.setdefault(sequence.pk, sequence)
    pages = [
        reverse("home"),
        reverse("sequences:favorites"),
        reverse("sequences:mine"),
        reverse("practice:history"),
        reverse("practice:log"),
    ]
    assets = []
    for sequence in chosen.values():
        pages += [sequence.get_absolute_url(), reverse("practice:player", args=[sequence.slug])]
        for item in player_items(steps_for(sequence)):
            assets += [item["image_src"], item["image_left_src"], item["transition_src"]]
    return JsonResponse(
        {
            "pages": list(dict.fromkeys(pages)),
            "assets": [url for url in dict.fromkeys(assets) if url],
        }
    )
