/**
 * Sign-up: the time zone field starts on the device's own zone (Intl), so streaks, calendar
 * days and early/late badges count the days the person lives from the first practice. The
 * choice stays visible and changeable; without JavaScript the field keeps its default.
 * The field: <select data-device-timezone> (accounts.forms.SignupForm).
 */

export function deviceZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return "";
  }
}

/** Select the device's zone unless the person (or a returned form) already chose one. */
export function fillZone(select, zone = deviceZone()) {
  if (!select || !zone || select.dataset.chosen === "true") return false;
  const option = [...select.options].find((item) => item.value === zone);
  if (!option) return false;
  select.value = zone;
  const note = document.getElementById(`${select.id}-device`);
  if (note) {
    note.textContent = `Set from this device: ${zone}. Change it if that is not where you practise.`;
    note.hidden = false;
  }
  return true;
}

if (typeof document !== "undefined") {
  const run = () => document.querySelectorAll("select[data-device-timezone]").forEach((select) => fillZone(select));
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
}
