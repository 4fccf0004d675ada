/**
 * The guided player (templates/practice/player.html).
 *
 * Time comes from timestamps, never from counting ticks: each step knows when it
 * started and how long it has been paused, so a throttled background tab still
 * shows (and records) the right time when it wakes. Bilateral poses held on "both"
 * sides become two steps, right then left. At the end the practice is posted to
 * practice:record with the steps done (pose position, side, seconds actually held) and,
 * on every send, the device's own clock (`sent_at`), so the server corrects a clock that
 * runs fast or slow; it decides completion from the time held. If sending fails for network
 * or server reasons the practice waits in practice-queue.js and goes out later (the
 * client_id keeps it recorded once); if the server refuses it, it stays on this device,
 * shown with a way to fix (log it by hand) or discard it.
 *
 * Pictures: the current pose's figure large (mirrored for the left side), the next one's
 * small. Moving on to the next pose the large picture first shows the figure moving into it
 * (an animated SVG drawn by the server, poses.pictures), then the pose's own figure; never
 * for people who prefer less motion. Pictures are set and forgotten: the timer never waits
 * for one, and one that is slow or fails to load changes nothing else.
 */

import { LOGGED_OUT, enqueue, flush, keepRefused, send, showRefused } from "./practice-queue.js";

const SETTINGS = { chime: "yogaflow.player.chime", voice: "yogaflow.player.voice" };
const root = document.getElementById("player");
const itemsScript = document.getElementById("player-items");
const items = itemsScript ? JSON.parse(itemsScript.textContent) : [];
const $ = (id) => document.getElementById(id);

/** Each item becomes one step, or two (right, left) for a bilateral pose on both sides. */
export function buildSteps(list) {
  const steps = [];
  list.forEach((item, index) => {
    const base = { item, index, duration: item.duration_seconds };
    if (item.side === "both" && item.is_bilateral) {
      steps.push({ ...base, side: "Right side", figureSide: "right", lastOfItem: false });
      steps.push({ ...base, side: "Left side", figureSide: "left", lastOfItem: true });
    } else {
      const side = item.side === "left" ? "Left side" : item.side === "right" ? "Right side" : "";
      const figureSide = item.side === "left" ? "left" : "right";
      steps.push({ ...base, side, figureSide, lastOfItem: true });
    }
  });
  return steps;
}

/** 75 → "1:15" */
export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function readSetting(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === "1";
  } catch {
    return fallback;
  }
}

function writeSetting(key, on) {
  try {
    localStorage.setItem(key, on ? "1" : "0");
  } catch {
    /* private mode: the toggle still works for this page */
  }
}

/* --- sound and speech ---------------------------------------------------- */

let audio = null;

function unlockAudio() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!audio && Context) {
    try {
      audio = new Context();
    } catch {
      audio = null;
    }
  }
  if (audio && audio.state === "suspended") audio.resume().catch(() => {});
}

/** A soft bell: a sine at 660 Hz with a quick rise and a slow exponential fade. */
function chime() {
  if (!audio || !state.chime) return;
  const now = audio.currentTime;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.type = "sine";
  tone.frequency.setValueAtTime(660, now);
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + 1.6);
  tone.connect(gain).connect(audio.destination);
  tone.start(now);
  tone.stop(now + 1.7);
}

function speak(text) {
  if (!state.voice || !("speechSynthesis" in window)) return;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

/* --- wake lock ----------------------------------------------------------- */

let wakeLock = null;

async function keepAwake() {
  if (!("wakeLock" in navigator) || wakeLock || document.visibilityState !== "visible") return;
  try {
    wakeLock = await navigator.wakeLock.request("screen");
    wakeLock.addEventListener("release", () => {
      wakeLock = null;
    });
  } catch {
    wakeLock = null; // refused (battery saver, permissions): the practice goes on
  }
}

function letSleep() {
  if (wakeLock) wakeLock.release().catch(() => {});
  wakeLock = null;
}

/* --- state --------------------------------------------------------------- */

const steps = buildSteps(items);
const state = {
  phase: "ready", // ready → running ⇄ paused → ending → done
  index: 0,
  stepStart: 0, // performance.now() when the current step (re)started
  stepPaused: 0, // ms paused within the current step
  pausedAt: 0,
  totalPaused: 0, // ms paused in the whole practice
  startedMs: 0, // performance.now() at Begin
  startedAt: null, // Date at Begin
  clientId: null,
  itemsDone: 0,
  done: [], // steps left so far: {position, side, seconds} held
  chime: readSetting(SETTINGS.chime, true),
  voice: readSetting(SETTINGS.voice, false),
  timer: null,
};

function remainingMs(now = performance.now()) {
  const step = steps[state.index];
  const pausedNow = state.phase === "paused" ? now - state.pausedAt : 0;
  return step.duration * 1000 - (now - state.stepStart - state.stepPaused - pausedNow);
}

function newId() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  // Older browsers: a v4 UUID from getRandomValues.
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/* --- pictures ------------------------------------------------------------ */

const TRANSITION_MS = Number(root?.dataset.transitionMs) || 1000;
// A transition that has not loaded by then is passed over for the pose's own figure.
const TRANSITION_PATIENCE_MS = 1500;
const lessMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)");
const prefetched = new Set();
let pictureWatch = null;

/** The picture of a step: its side's figure, or the photo (flipped by the page on the left). */
function pictureOf(step) {
  const left = step.figureSide === "left";
  return {
    src: (left && step.item.image_left_src) || step.item.image_src,
    mirrored: left && Boolean(step.item.is_photo),
  };
}

function place(image, picture, mirrorClass) {
  if (image.getAttribute("src") !== picture.src) image.src = picture.src;
  image.classList.toggle(mirrorClass, picture.mirrored);
}

/** The large picture; `arriving`: the step was reached by moving on from the one before. */
function showPicture(step, arriving) {
  pictureWatch?.abort(); // a transition still under way for an earlier step is dropped
  const image = $("player-image");
  const still = pictureOf(step);
  const moving =
    arriving &&
    step.item.transition_src &&
    !lessMotion?.matches &&
    document.visibilityState === "visible";
  if (!moving) {
    place(image, still, "player__image--mirrored");
    return;
  }
  const watch = new AbortController();
  pictureWatch = watch;
  const settle = () => {
    if (watch.signal.aborted) return;
    watch.abort();
    place(image, still, "player__image--mirrored");
  };
  const { signal } = watch;
  // The SVG moves from when it has loaded; then the pose's own figure (its last frame).
  const moved = () => window.setTimeout(settle, TRANSITION_MS);
  image.addEventListener("load", moved, { once: true, signal });
  image.addEventListener("error", settle, { once: true, signal });
  window.setTimeout(settle, TRANSITION_MS + TRANSITION_PATIENCE_MS);
  image.classList.remove("player__image--mirrored");
  image.src = step.item.transition_src;
}

/** The next step's picture, small, beside its name. */
function showNext(next) {
  const image = $("player-next-image");
  $("player-next").textContent = next
    ? `Next: ${next.item.name_en}${next.side ? ` (${next.side.toLowerCase()})` : ""}`
    : "Next: the end of the practice";
  image.hidden = !next;
  if (next) place(image, pictureOf(next), "player__next-image--mirrored");
}

/** Fetch the transition into the next pose ahead of time, into the browser's cache, so it
 *  starts moving as the pose changes (an image decoded now might play its animation unseen). */
function prefetchTransition(next) {
  const src = next?.item.transition_src;
  if (!src || lessMotion?.matches || prefetched.has(src) || !window.fetch) return;
  prefetched.add(src);
  window.fetch(src, { credentials: "same-origin" }).catch(() => {});
}

/* --- rendering ----------------------------------------------------------- */

function describe(step) {
  const parts = [step.item.name_en];
  if (step.side) parts.push(step.side.toLowerCase());
  parts.push(`${step.duration} seconds`);
  return parts.join(", ");
}

function showStep(announce, arriving = false) {
  const step = steps[state.index];
  const { item } = step;
  $("player-title").textContent = item.name_en;
  $("player-sanskrit").textContent = item.name_sa || "";
  $("player-side").textContent = step.side;
  $("player-cue").textContent = item.cue || "";
  $("player-progress-text").textContent = `Pose ${step.index + 1} of ${items.length}`;
  const next = steps[state.index + 1];
  showNext(next);
  showProgress();
  showCountdown();
  if (announce) {
    $("player-announcer").textContent = describe(step);
    speak(describe(step));
  }
  // Last: whatever a picture does, the words and the countdown are already up to date.
  showPicture(step, arriving);
  if (next && next.index !== step.index) prefetchTransition(next);
}

function showProgress() {
  const done = state.phase === "done" ? items.length : state.itemsDone;
  const bar = root.querySelector(".player__progress");
  bar.setAttribute("aria-valuenow", String(done));
  $("player-progress-fill").style.width = `${(done / Math.max(items.length, 1)) * 100}%`;
}

function showCountdown() {
  const step = steps[state.index];
  const seconds = state.phase === "ready" ? step.duration : remainingMs() / 1000;
  const text = clock(seconds);
  const countdown = $("player-countdown");
  if (countdown.textContent !== text) countdown.textContent = text;
}

function showToggle() {
  const toggle = $("player-toggle");
  toggle.textContent = state.phase === "ready" ? "Begin" : state.phase === "paused" ? "Resume" : "Pause";
  root.classList.toggle("player--paused", state.phase === "paused");
  $("player-back").disabled = state.phase === "ready";
  $("player-skip").disabled = state.phase === "ready";
}

/* --- moving through the steps ------------------------------------------- */

/** Seconds the current step was actually held up to `at` (pauses left out, at most its hold). */
function heldSeconds(at) {
  const step = steps[state.index];
  const pausedNow = state.phase === "paused" ? Math.max(0, at - state.pausedAt) : 0;
  const held = (at - state.stepStart - state.stepPaused - pausedNow) / 1000;
  return Math.max(0, Math.min(step.duration, Math.round(held)));
}

/** The side a step is held on, as the server names it: "right", "left" or "". */
function stepSide(step) {
  if (step.item.side === "both") return step.item.is_bilateral ? step.figureSide : "";
  return step.item.side === "left" || step.item.side === "right" ? step.item.side : "";
}

/** Note what was done in the current step before leaving it (skipped steps hold 0 s). */
function leaveStep(at) {
  const step = steps[state.index];
  state.done.push({ position: step.item.position || step.index + 1, side: stepSide(step), seconds: heldSeconds(at) });
}

function goTo(index, startAt, announce = true) {
  leaveStep(startAt);
  if (steps[state.index].lastOfItem && index > state.index) state.itemsDone = steps[state.index].index + 1;
  if (index < state.index) state.itemsDone = steps[index].index;
  // Moving on into the next pose (not its second side, not back) shows the figure moving.
  const arriving = index === state.index + 1 && steps[index].index !== steps[state.index].index;
  state.index = index;
  state.stepStart = startAt;
  // While paused, the new step's clock stands still until Resume adds the pause back.
  state.stepPaused = state.phase === "paused" ? state.pausedAt - startAt : 0;
  showStep(announce, arriving);
  chime();
}

function tick() {
  if (state.phase !== "running") return;
  const now = performance.now();
  // Catch up on every step that ended while the tab slept; carry the overflow on.
  while (state.phase === "running" && remainingMs(now) <= 0) {
    const endedAt = state.stepStart + state.stepPaused + steps[state.index].duration * 1000;
    if (state.index + 1 >= steps.length) {
      state.itemsDone = items.length;
      finish(true, endedAt);
      return;
    }
    goTo(state.index + 1, endedAt, true);
  }
  showCountdown();
}

function begin() {
  unlockAudio();
  state.phase = "running";
  state.clientId = newId();
  state.done = [];
  state.startedAt = new Date();
  state.startedMs = performance.now();
  state.stepStart = state.startedMs;
  state.timer = window.setInterval(tick, 200);
  keepAwake();
  showToggle();
  showStep(true);
  chime();
}

function pause() {
  if (state.phase !== "running") return;
  state.phase = "paused";
  state.pausedAt = performance.now();
  $("player-announcer").textContent = "Paused";
  $("player-status").textContent = "Paused";
  showToggle();
}

function resume() {
  if (state.phase !== "paused") return;
  const gap = performance.now() - state.pausedAt;
  state.stepPaused += gap;
  state.totalPaused += gap;
  state.phase = "running";
  $("player-announcer").textContent = "Resumed";
  $("player-status").textContent = "";
  showToggle();
  tick();
}

function toggle() {
  if (state.phase === "ready") begin();
  else if (state.phase === "running") pause();
  else if (state.phase === "paused") resume();
}

function skip() {
  if (state.phase !== "running" && state.phase !== "paused") return;
  if (state.index + 1 >= steps.length) {
    state.itemsDone = items.length;
    finish(true, performance.now());
    return;
  }
  goTo(state.index + 1, performance.now());
}

function back() {
  if (state.phase !== "running" && state.phase !== "paused") return;
  goTo(Math.max(0, state.index - 1), performance.now());
}

/* --- ending and recording ------------------------------------------------ */

const dialog = $("player-confirm");
let resumeAfterDialog = false;

function askToEnd() {
  if (state.phase !== "running" && state.phase !== "paused") return;
  resumeAfterDialog = state.phase === "running";
  pause();
  if (typeof dialog.showModal === "function") {
    dialog.showModal();
    $("player-confirm-cancel").focus();
  } else if (window.confirm("End this practice now?")) {
    finish(false, performance.now());
  } else if (resumeAfterDialog) {
    resume();
  }
}

function cancelEnd() {
  if (dialog.open) dialog.close();
  if (resumeAfterDialog) resume();
}

async function finish(completed, endMs) {
  if (state.phase === "ending" || state.phase === "done") return;
  leaveStep(endMs);
  const pausedNow = state.phase === "paused" ? endMs - state.pausedAt : 0;
  state.phase = "ending";
  window.clearInterval(state.timer);
  if (dialog.open) dialog.close();
  letSleep();
  const wallMs = Math.max(0, endMs - state.startedMs);
  const practisedMs = Math.max(0, wallMs - state.totalPaused - Math.max(0, pausedNow));
  const endedAt = new Date(state.startedAt.getTime() + wallMs);
  const payload = {
    client_id: state.clientId,
    // A saved sequence by slug, or the choices and seed that make a generated practice again.
    ...(root.dataset.generated
      ? { generated: JSON.parse(root.dataset.generated) }
      : { sequence: root.dataset.sequence }),
    started_at: state.startedAt.toISOString(),
    ended_at: endedAt.toISOString(),
    duration_seconds: Math.max(1, Math.round(practisedMs / 1000)),
    // The server decides completion from what was held; these steps say what that was.
    steps: state.done.filter((step) => step.seconds > 0),
    poses_completed: state.itemsDone,
  };
  root.classList.add("player--finished");
  $("player-controls").hidden = true;
  $("player-countdown").textContent = clock(0);
  showProgress();
  const message = completed ? "Practice complete. Saving…" : "Practice ended. Saving…";
  $("player-status").textContent = message;
  $("player-announcer").textContent = message;
  chime();
  await record(payload);
}

async function record(payload) {
  const url = root.dataset.recordUrl;
  try {
    const result = await send(url, payload, root.dataset.csrf);
    if (result.ok && result.body?.summary_url) {
      state.phase = "done";
      window.location.assign(result.body.summary_url);
      return;
    }
    if (result.status >= 500) throw new Error(`server error ${result.status}`);
    state.phase = "done";
    if (LOGGED_OUT.has(result.status)) {
      keepUntilLoggedIn(url, payload);
      return;
    }
    // Refused: never lost. It stays on this device, shown with a way to fix or discard it.
    const errors = result.body?.errors ? Object.values(result.body.errors).flat().join(" ") : "";
    keepRefused(url, payload, root.dataset.owner, errors);
    $("player-status").textContent =
      `This practice could not be saved: ${errors} It is kept on this device — fix or discard it below.`;
    showRefused();
  } catch {
    state.phase = "done";
    enqueue(url, payload, root.dataset.owner);
    const message = "Saved on this device — will sync when you're back online.";
    $("player-status").textContent = message;
    $("player-announcer").textContent = message;
  }
}

/** Logged out while practising: keep the practice; it goes out from any page after login. */
function keepUntilLoggedIn(url, payload) {
  enqueue(url, payload, root.dataset.owner);
  const status = $("player-status");
  status.textContent = "You were logged out, so this practice is kept on this device. ";
  const login = document.createElement("a");
  login.href = `${root.dataset.loginUrl}?next=${encodeURIComponent(root.dataset.historyUrl)}`;
  login.textContent = "Log in again to save it";
  status.append(login, ".");
  $("player-announcer").textContent = status.textContent;
}

/* --- wiring -------------------------------------------------------------- */

function bindToggle(button, key) {
  const show = () => button.setAttribute("aria-pressed", String(state[key]));
  show();
  button.addEventListener("click", () => {
    state[key] = !state[key];
    writeSetting(SETTINGS[key], state[key]);
    show();
    if (key === "chime" && state.chime) {
      unlockAudio();
      chime();
    }
    if (key === "voice" && !state.voice && "speechSynthesis" in window) window.speechSynthesis.cancel();
  });
}

function onKey(event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  if (dialog.open) return; // the dialog handles its own keys (Escape cancels)
  const onButton = event.target instanceof HTMLElement && event.target.closest("button, a, input, select, textarea");
  if (event.key === " " || event.code === "Space") {
    if (onButton) return; // Space presses the focused button, as everywhere
    event.preventDefault();
    toggle();
  } else if (event.key === "ArrowRight") {
    event.preventDefault();
    skip();
  } else if (event.key === "ArrowLeft") {
    event.preventDefault();
    back();
  } else if (event.key === "Escape") {
    event.preventDefault();
    askToEnd();
  }
}

/** The panel fills the window below where it starts (the site's header wraps differently
 *  at each width): tell the stylesheet where that is. */
function measureTop() {
  const top = Math.round(root.getBoundingClientRect().top + window.scrollY);
  root.style.setProperty("--player-top", `${top}px`);
}

if (root && steps.length) {
  measureTop();
  window.addEventListener("resize", measureTop);
  $("player-controls").hidden = false;
  $("player-settings").hidden = false;
  showStep(false);
  showToggle();
  $("player-toggle").addEventListener("click", (event) => {
    event.preventDefault();
    toggle();
  });
  $("player-skip").addEventListener("click", skip);
  $("player-back").addEventListener("click", back);
  $("player-end").addEventListener("click", askToEnd);
  $("player-confirm-end").addEventListener("click", () => finish(false, performance.now()));
  $("player-confirm-cancel").addEventListener("click", cancelEnd);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    cancelEnd();
  });
  bindToggle($("player-chime"), "chime");
  bindToggle($("player-voice"), "voice");
  document.addEventListener("keydown", onKey);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      if (state.phase === "running" || state.phase === "paused") keepAwake();
      tick();
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (state.phase === "running" || state.phase === "paused") event.preventDefault();
  });
  flush(root.dataset.csrf, root.dataset.owner);
}
