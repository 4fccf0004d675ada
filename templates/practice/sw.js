/* YogaFlow's service worker (practice.offline_views explains what it keeps, and why). */
"use strict";

const VERSION = "{{ version|escapejs }}";
const SHELL = `yogaflow-shell-${VERSION}`;
const PAGES = "yogaflow-pages"; // one person's pages and pictures; emptied at logout
const SHELL_URLS = [{% for url in shell %}"{{ url|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
const STATIC_PREFIX = "{{ static_prefix|escapejs }}";
const OFFLINE_URLS = "{{ offline_urls|escapejs }}";
const LOGOUT_URL = "{{ logout_url|escapejs }}";
const MATCH = { ignoreVary: true }; // pages vary on the cookie; offline, the one kept is the one

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(SHELL_URLS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith("yogaflow-shell-") && key !== SHELL).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

/** Fetch and keep what the server lists for this person: sequences' pages, players, figures. */
async function saveForOffline() {
  const response = await fetch(OFFLINE_URLS, { credentials: "same-origin" });
  if (!response.ok || response.redirected) return false;
  const { pages = [], assets = [] } = await response.json();
  const cache = await caches.open(PAGES);
  await Promise.all(
    [...pages, ...assets].map((url) =>
      fetch(url, { credentials: "same-origin" })
        .then((answer) => (answer.ok && !answer.redirected ? cache.put(url, answer) : null))
        .catch(() => null),
    ),
  );
  return true;
}

self.addEventListener("message", (event) => {
  if (event.data !== "save-for-offline") return;
  event.waitUntil(
    saveForOffline()
      .catch(() => false)
      .then((saved) => event.source?.postMessage(saved ? "saved-for-offline" : "not-saved-for-offline")),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && response.type === "basic") cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = (await cache.match(request, MATCH)) || (await caches.match(request, MATCH));
    if (kept) return kept;
    return new Response(
      '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        "<title>Offline · YogaFlow</title><main><h1>You are offline</h1><p>This page was not saved on this device. " +
        'Your saved and favorite sequences, and the pages you opened, work offline: <a href="/">go to the start</a>.</p></main></html>',
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  }
}

async function cacheFirst(request, cacheName) {
  const kept = await caches.match(request, MATCH);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // Logging out: forget this person's pages (the response itself goes to the network).
    if (request.method === "POST" && url.pathname === LOGOUT_URL) event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/admin/") || url.pathname === OFFLINE_URLS) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith(STATIC_PREFIX)) {
    event.respondWith(cacheFirst(request, SHELL));
  } else if (request.destination === "image") {
    event.respondWith(cacheFirst(request, PAGES));
  }
});
