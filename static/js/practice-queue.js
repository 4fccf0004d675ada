/**
 * Practices the player could not send (offline, server error) wait in localStorage
 * and go out again on page load and when the browser comes back online. Each one
 * carries its client_id, so the server records it once however often it is sent.
 */

const QUEUE_KEY = "yogaflow.practiceQueue";

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

/** Keep one practice ({url, payload}) for later; replaces an entry with the same client_id. */
export function enqueue(url, payload) {
  const queue = readQueue().filter((entry) => entry.payload?.client_id !== payload.client_id);
  queue.push({ url, payload });
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

/** Send every queued practice; keep those that failed for network or server reasons. */
export async function flush(csrfToken) {
  if (flushing || !csrfToken) return;
  flushing = true;
  try {
    const snapshot = readQueue();
    const left = [];
    for (const entry of snapshot) {
      try {
        const result = await send(entry.url, entry.payload, csrfToken);
        if (result.status >= 500) left.push(entry);
        // 2xx: recorded. 4xx: the server will never take it; drop it.
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

function csrfFromPage() {
  const holder = document.querySelector("[data-csrf]");
  return holder ? holder.dataset.csrf : "";
}

if (typeof window !== "undefined") {
  const start = () => flush(csrfFromPage());
  window.addEventListener("online", start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
