/**
 * Practices the player could not send (offline, server error, logged out) wait in
 * localStorage and go out again on page load and when the browser comes back online. Each one
 * carries its client_id, so the server records it once however often it is sent, and each
 * send carries the device's clock at that moment (`sent_at`), so the server can correct a
 * device clock that runs fast or slow.
 *
 * A practice the server refuses (a 4xx other than logged out) is never dropped: it stays on
 * the device marked `refused` with the server's reasons, and every page shows it (the
 * #practice-refused panel of base.html) with "Try again", "Log it by hand" (the manual log,
 * filled in from it) and "Discard".
 */

const QUEUE_KEY = "yogaflow.practiceQueue";
/** 401: logged out; 403: the CSRF token went with the old login. Both pass once logged in. */
export const LOGGED_OUT = new Set([401, 403]);

function readQueue() {
  try {
    const queue = JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]");
    return Array.isArray(queue) ? queue : [];
  } catch {
    return [];
  }
}

function writeQueue(queue) {
  try {
    if (queue.length) localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    else localStorage.removeItem(QUEUE_KEY);
  } catch {
    /* storage full or disabled: nothing more we can do */
  }
}

/**
 * Keep one practice for later, with the account it belongs to (on a shared device, it is
 * sent only while that account is logged in); replaces an entry with the same client_id.
 */
export function enqueue(url, payload, owner, refused = null) {
  const queue = readQueue().filter((entry) => entry.payload?.client_id !== payload.client_id);
  queue.push(refused ? { url, payload, owner, refused } : { url, payload, owner });
  writeQueue(queue);
}

/** Keep a practice the server refused, with its reasons, until it is fixed or discarded. */
export function keepRefused(url, payload, owner, errors) {
  enqueue(url, payload, owner, { errors: errors || "The server refused it." });
}

/**
 * POST one practice, stamped with this device's clock now. Resolves to {ok, status, body};
 * rejects only when the network fails.
 */
export async function send(url, payload, csrfToken) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-CSRFToken": csrfToken,
    },
    body: JSON.stringify({ ...payload, sent_at: new Date().toISOString() }),
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
}

function reasons(body) {
  return body?.errors ? Object.values(body.errors).flat().join(" ") : "";
}

let flushing = false;

/**
 * Send the owner's queued practices (all of them, or only `onlyId`); keep those that failed
 * for network or server reasons, and keep those refused, marked with the reasons.
 */
export async function flush(csrfToken, owner, { retryRefused = false, onlyId = null } = {}) {
  if (flushing || !csrfToken) return;
  flushing = true;
  try {
    const snapshot = readQueue();
    const left = [];
    for (const entry of snapshot) {
      const mine = entry.owner === owner;
      const chosen = onlyId ? entry.payload?.client_id === onlyId : retryRefused || !entry.refused;
      if (!mine || !chosen) {
        left.push(entry); // someone else's (theirs to send when they log in), or waiting for a fix
        continue;
      }
      try {
        const result = await send(entry.url, entry.payload, csrfToken);
        if (result.status >= 500 || LOGGED_OUT.has(result.status)) left.push(entry);
        else if (!result.ok) left.push({ ...entry, refused: { errors: reasons(result.body) || `Refused (${result.status}).` } });
        // 2xx: recorded.
      } catch {
        left.push(entry);
      }
    }
    // Keep what failed, plus anything queued while we were sending.
    const seen = new Set(snapshot.map((entry) => entry.payload?.client_id));
    writeQueue([...left, ...readQueue().filter((entry) => !seen.has(entry.payload?.client_id))]);
  } finally {
    flushing = false;
  }
  showRefused();
}

/** Forget one kept practice (the person chose to discard it). */
export function discard(clientId) {
  writeQueue(readQueue().filter((entry) => entry.payload?.client_id !== clientId));
  showRefused();
}

function fromPage(name) {
  const holder = document.querySelector(`[data-${name}]`);
  return holder ? holder.dataset[name] : "";
}

function pad(number) {
  return String(number).padStart(2, "0");
}

/** The manual log's address, filled in from a kept practice (on this device's clock). */
function fixUrl(base, payload) {
  const start = new Date(payload.started_at);
  const params = new URLSearchParams();
  if (!Number.isNaN(start.getTime())) {
    params.set("date", `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`);
    params.set("start_time", `${pad(start.getHours())}:${pad(start.getMinutes())}`);
  }
  params.set("duration_minutes", String(Math.max(1, Math.round((payload.duration_seconds || 60) / 60))));
  if (payload.sequence) params.set("title", payload.sequence.replace(/-/g, " "));
  return `${base}?${params}`;
}

function button(text, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "button button--small button--quiet";
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

/** Show the owner's refused practices, each with Try again, Log it by hand and Discard. */
export function showRefused() {
  if (typeof document === "undefined") return;
  const panel = document.getElementById("practice-refused");
  if (!panel) return;
  const owner = fromPage("owner");
  const refused = readQueue().filter((entry) => entry.owner === owner && entry.refused);
  const list = panel.querySelector("ul");
  list.replaceChildren();
  for (const entry of refused) {
    const item = document.createElement("li");
    const start = new Date(entry.payload?.started_at);
    const when = Number.isNaN(start.getTime()) ? "A practice" : `The practice of ${start.toLocaleString()}`;
    const text = document.createElement("p");
    text.textContent = `${when} was not saved: ${entry.refused.errors}`;
    const fix = document.createElement("a");
    fix.className = "button button--small";
    fix.href = fixUrl(panel.dataset.logUrl, entry.payload || {});
    fix.textContent = "Log it by hand";
    const id = entry.payload?.client_id;
    item.append(
      text,
      button("Try again", () => flush(fromPage("csrf"), owner, { onlyId: id })),
      fix,
      button("Discard", () => discard(id)),
    );
    list.append(item);
  }
  panel.hidden = refused.length === 0;
}

if (typeof window !== "undefined") {
  const start = () => flush(fromPage("csrf"), fromPage("owner"));
  window.addEventListener("online", start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
