/**
 * Offline: registers the service worker (/sw.js, practice.offline_views) and, for a logged-in
 * practitioner, asks it now and then (at most every 15 minutes, online) to save their saved
 * and favorite sequences ahead, so they open and play with no network. When it is done,
 * localStorage "yogaflow.offlineSavedAt" holds the time.
 */

const SAVED_AT = "yogaflow.offlineSavedAt";
const EVERY_MS = 15 * 60 * 1000;

function savedRecently() {
  try {
    return Date.now() - Number(localStorage.getItem(SAVED_AT) || 0) < EVERY_MS;
  } catch {
    return true;
  }
}

if (typeof navigator !== "undefined" && "serviceWorker" in navigator) {
  const holder = document.querySelector("[data-service-worker]");
  const loggedIn = Boolean(document.querySelector("[data-owner]"));
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data !== "saved-for-offline") return;
    try {
      localStorage.setItem(SAVED_AT, String(Date.now()));
    } catch {
      /* private mode: saved anyway, asked again next time */
    }
  });
  if (holder) {
    navigator.serviceWorker
      .register(holder.dataset.serviceWorker, { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (loggedIn && navigator.onLine && !savedRecently()) registration.active?.postMessage("save-for-offline");
      })
      .catch(() => {
        /* no worker (private mode, old browser): everything works online as before */
      });
  }
}
