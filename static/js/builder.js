/**
 * The sequence builder, progressively enhanced (templates/sequences/builder_edit.html).
 *
 * Without this module every control is a plain POST form that reloads the page.
 * With it: the total time (and each row's figure) follows the holds and sides as
 * they are typed; Save,
 * Move up/down and Remove go out with fetch() to the same URLs (header
 * `X-Requested-With: fetch`, so the view answers JSON) and the list changes in
 * place; focus stays on the pressed button; a polite live region says what
 * happened. Any answer it does not expect falls back to the ordinary form
 * submission, so the server always has the last word. After each change the
 * "Sequence checks" section is re-read from the edit page ([data-checks]).
 */

/** The server's rules, from the page (`builder_rules` in sequences/builder_views.py). */
const RULES = JSON.parse(document.getElementById("builder-rules")?.textContent || "{}");

/** Like Python's round(): halves go to the even neighbour. */
function roundHalfEven(value) {
  const rounded = Math.round(value);
  return Math.abs(value % 1) === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

/**
 * 245 → "4:05", 3720 → "1 h 02 min": the `duration` template filter
 * (yogaflow/core/templatetags/durations.py; sequences/tests/test_builder_script.py holds them equal).
 */
export function formatDuration(seconds) {
  const total = Math.max(0, Math.trunc(Number(seconds)) || 0);
  if (total >= 3600) {
    const allMinutes = roundHalfEven(total / 60);
    const hours = Math.floor(allMinutes / 60);
    const minutes = allMinutes % 60;
    return minutes ? `${hours} h ${String(minutes).padStart(2, "0")} min` : `${hours} h`;
  }
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** Seconds one row takes, as sequences.models.practice_seconds counts them (held equal by a test). */
export function practiceSeconds({ hold, side, bilateral }) {
  return bilateral && side === "both" ? hold * 2 : hold;
}

class Builder {
  constructor(root) {
    this.root = root;
    this.list = root.querySelector("[data-items]");
    this.announcer = document.querySelector("[data-announcer]");
    this.queue = Promise.resolve();
    root.addEventListener("input", (event) => this.onEdit(event));
    root.addEventListener("change", (event) => this.onEdit(event));
    root.addEventListener("submit", (event) => this.onSubmit(event));
    root.classList.add("builder--enhanced");
  }

  rows() {
    return Array.from(this.list.querySelectorAll(":scope > [data-item]"));
  }

  // --- reading a row ------------------------------------------------------

  static field(row, name) {
    return row.querySelector(`form[data-action="update"] [name="${name}"]`);
  }

  static hold(row) {
    const value = Number(Builder.field(row, "duration_seconds")?.value);
    const valid = Number.isInteger(value) && value >= RULES.min_hold && value <= RULES.max_hold;
    return valid ? value : Number(row.dataset.hold);
  }

  static side(row) {
    return Builder.field(row, "side")?.value ?? row.dataset.side;
  }

  /** The row's figure follows the side chosen: a left step is drawn mirrored. */
  static showSide(row) {
    const figure = row.querySelector("[data-row-figure]");
    const image = figure?.querySelector("img");
    const src = figure?.dataset[Builder.side(row) === "left" ? "left" : "right"];
    if (image && src && image.getAttribute("src") !== src) image.src = src;
  }

  static seconds(row) {
    return practiceSeconds({
      hold: Builder.hold(row),
      side: Builder.side(row),
      bilateral: row.dataset.bilateral === "true",
    });
  }

  // --- live totals --------------------------------------------------------

  onEdit(event) {
    const row = event.target.closest("[data-item]");
    if (!row || !event.target.closest('form[data-action="update"]')) return;
    this.refreshRow(row);
    this.refreshTotals();
  }

  refreshRow(row) {
    const hold = Builder.hold(row);
    const eachSide = row.dataset.bilateral === "true" && Builder.side(row) === "both";
    row.querySelector("[data-item-time]").textContent = formatDuration(Builder.seconds(row));
    row.querySelector("[data-item-sides]").textContent = eachSide ? ` · ${hold} s each side` : "";
    Builder.showSide(row);
    const changed =
      Builder.field(row, "duration_seconds")?.value !== row.dataset.hold ||
      Builder.side(row) !== row.dataset.side ||
      (Builder.field(row, "cue")?.value ?? "") !== (row.dataset.cue ?? "");
    row.querySelector("[data-unsaved]")?.toggleAttribute("hidden", !changed);
  }

  totals() {
    const rows = this.rows();
    const seconds = rows.reduce((sum, row) => sum + Builder.seconds(row), 0);
    return { seconds, count: rows.length };
  }

  totalsText() {
    const { seconds, count } = this.totals();
    return `Total ${formatDuration(seconds)}, ${count} pose${count === 1 ? "" : "s"}.`;
  }

  refreshTotals() {
    const { seconds, count } = this.totals();
    this.root.querySelector("[data-total]").textContent = formatDuration(seconds);
    this.root.querySelector("[data-count]").textContent = String(count);
    this.root.querySelector("[data-count-label]").textContent = count === 1 ? "pose" : "poses";
    this.root.querySelector("[data-empty]")?.toggleAttribute("hidden", count > 0);
  }

  // --- positions in ids, labels and form addresses ------------------------

  renumber() {
    const rows = this.rows();
    const itemUrl = this.list.dataset.itemUrl; // …/edit/items/0/
    rows.forEach((row, index) => {
      const position = index + 1;
      const prefix = `item-${position}`;
      const swap = (value) => value.replace(/item-\d+/g, prefix);
      row.id = prefix;
      for (const element of row.querySelectorAll("[id^='item-']")) element.id = swap(element.id);
      for (const label of row.querySelectorAll("label[for^='item-']")) {
        label.htmlFor = swap(label.htmlFor);
      }
      for (const element of row.querySelectorAll("[aria-describedby]")) {
        element.setAttribute("aria-describedby", swap(element.getAttribute("aria-describedby")));
      }
      row.querySelector("[data-position]").textContent = String(position);
      for (const form of row.querySelectorAll("form[data-action]")) {
        form.action = itemUrl.replace(/0\/$/, `${position}/`) + form.dataset.suffix;
      }
      row.querySelector('[data-move="up"]')?.toggleAttribute("aria-disabled", position === 1);
      row
        .querySelector('[data-move="down"]')
        ?.toggleAttribute("aria-disabled", position === rows.length);
    });
    // toggleAttribute writes aria-disabled="" — make it a proper "true".
    for (const button of this.list.querySelectorAll("[aria-disabled]")) {
      button.setAttribute("aria-disabled", "true");
    }
  }

  // --- sending the forms --------------------------------------------------

  onSubmit(event) {
    const form = event.target;
    const row = form.closest("[data-item]");
    const handler = { move: this.move, remove: this.remove, update: this.update }[
      form.dataset.action
    ];
    if (!row || !handler || form.dataset.native === "true") return;
    event.preventDefault();
    const submitter = event.submitter;
    // One request at a time, each reading the row's position when it starts.
    this.queue = this.queue
      .then(() => (row.isConnected ? handler.call(this, form, row, submitter) : undefined))
      .catch(() => this.submitNatively(form, submitter));
  }

  async post(form, submitter) {
    let body;
    try {
      body = new FormData(form, submitter);
    } catch {
      body = new FormData(form);
      if (submitter?.name) body.append(submitter.name, submitter.value);
    }
    const token = form.querySelector("[name=csrfmiddlewaretoken]")?.value ?? "";
    const response = await fetch(form.action, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "X-CSRFToken": token, Accept: "application/json" },
    });
    const isJson = (response.headers.get("Content-Type") ?? "").includes("application/json");
    if (response.ok && isJson) return { ok: true, data: await response.json() };
    if (response.status === 400 && isJson) return { ok: false, data: await response.json() };
    throw new Error(`Unexpected answer ${response.status}`);
  }

  /** Let the browser send the form itself: the page reloads with the server's answer. */
  submitNatively(form, submitter) {
    form.dataset.native = "true";
    if (submitter && form.contains(submitter)) form.requestSubmit(submitter);
    else form.requestSubmit();
  }

  showErrors(row, errors) {
    const box = row.querySelector("[data-errors]");
    box.replaceChildren(
      ...errors.map((text) => Object.assign(document.createElement("p"), { textContent: text })),
    );
    box.hidden = errors.length === 0;
    row.classList.toggle("builder-item--invalid", errors.length > 0);
    if (errors.length) this.announce(errors.join(" "));
  }

  clearErrors(row) {
    this.showErrors(row, []);
    for (const list of row.querySelectorAll(".errorlist")) list.remove();
    for (const input of row.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  }

  async move(form, row, button) {
    const offset = Number(button?.value);
    const rows = this.rows();
    const target = rows.indexOf(row) + offset;
    if (!offset || target < 0 || target >= rows.length) {
      this.announce(`${row.dataset.name} is already ${offset < 0 ? "first" : "last"}.`);
      return;
    }
    const { ok, data } = await this.post(form, button);
    if (!ok) return this.showErrors(row, data.errors ?? []);
    this.list.insertBefore(row, offset < 0 ? rows[target] : rows[target].nextElementSibling);
    this.renumber();
    button.focus(); // moving the row in the page took the focus away from it
    this.announce(data.message);
    this.refreshChecks();
  }

  async remove(form, row, button) {
    const { ok, data } = await this.post(form, button);
    if (!ok) return this.showErrors(row, data.errors ?? []);
    const index = this.rows().indexOf(row);
    row.remove();
    this.renumber();
    this.refreshTotals();
    const rows = this.rows();
    const neighbour = rows[index] ?? rows[index - 1];
    if (neighbour) {
      // The pose that took its place, not its Remove button: a second Enter must not delete.
      neighbour.querySelector(".builder-item__name a").focus();
    } else {
      const heading = this.root.querySelector("#poses-title");
      heading.tabIndex = -1;
      heading.focus();
    }
    this.announce(`${data.message} ${this.totalsText()}`);
    this.refreshChecks();
  }

  async update(form, row, button) {
    const { ok, data } = await this.post(form, button);
    if (!ok) return this.showErrors(row, data.errors ?? []);
    this.clearErrors(row);
    row.dataset.hold = Builder.field(row, "duration_seconds").value;
    row.dataset.side = Builder.side(row);
    row.dataset.cue = Builder.field(row, "cue")?.value ?? "";
    this.refreshRow(row);
    this.refreshTotals();
    this.announce(`${data.message} ${this.totalsText()}`);
    this.refreshChecks();
  }

  /** The server's checks of the changed sequence: its edit page's [data-checks] section. */
  async refreshChecks() {
    const current = this.root.querySelector("[data-checks]");
    if (!current) return;
    try {
      const response = await fetch(window.location.pathname, {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.querySelector("[data-checks]");
      if (fresh) current.replaceWith(document.importNode(fresh, true));
    } catch {
      // The checks stay as they were; the next page load shows them afresh.
    }
  }

  announce(text) {
    if (!this.announcer) return;
    // Emptied first, so that the same words twice are announced twice.
    this.announcer.textContent = "";
    window.setTimeout(() => {
      this.announcer.textContent = text;
    }, 50);
  }
}

const root = document.querySelector("[data-builder]");
if (root?.querySelector("[data-items]")) new Builder(root);
