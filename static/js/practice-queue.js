/**
 * Practices the player could not send (offline, server error, logged out) wait in
 * localStorage and go out again on page load and when the browser comes back online. Each one
 * carries its client_id, so the server records it once however often it is sent.
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
export function enqueue(url, payload, owner) {
  const queue = readQueue().filter((entry) => entry.payload?.client_id !== payload.client_id);
  queue.push({ url, payload, owner });
  writeQueue(queue);
}

/**
 * POST one practice. Resolves to {ok, status, body}; rejects only when the network fails.
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
    body: JSON.stringify(payload),
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
}

let flushing = false;

/** Send the owner's queued practices; keep those that failed for network or server reasons. */
export async function flush(csrfToken, owner) {
  if (flushing || !csrfToken) return;
  flushing = true;
  try {
    const snapshot = readQueue();
    const left = [];
    for (const entry of snapshot) {
      if (entry.owner !== owner) {
        left.push(entry); // someone else's practice: theirs to send when they log in
        continue;
      }
      try {
        const result = await send(entry.url, entry.payload, csrfToken);
        if (result.status >= 500 || LOGGED_OUT.has(result.status)) left.push(entry);
        // 2xx: recorded. Other 4xx: the server will never take it; drop it.
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
}

function fromPage(name) {
  const holder = document.querySelector(`[data-${name}]`);
  return holder ? holder.dataset[name] : "";
}

if (typeof window !== "undefined") {
  const start = () => flush(fromPage("csrf"), fromPage("owner"));
  window.addEventListener("online", start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
