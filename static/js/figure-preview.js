// The pose admin's live figure preview: as staff type the figure's JSON, both sides are drawn
// again by the server's one renderer (POST to the admin's figure-preview URL, CSRF-protected),
// or its validation message is shown. The last good drawing stays, dimmed, while the JSON is
// not a figure yet.

const field = document.querySelector("#id_figure");
const preview = document.querySelector("[data-figure-preview]");
const form = field?.form;

if (field && preview && form) {
  const status = preview.querySelector("[data-figure-status]");
  const nameField = form.querySelector("#id_name_en");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]")?.value ?? "";
  let timer = 0;
  let inFlight = null;

  const show = (svgs) => {
    for (const image of preview.querySelectorAll("img[data-figure-side]")) {
      const svg = svgs[image.dataset.figureSide];
      if (!svg) continue;
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      image.closest("figure").hidden = false;
    }
    preview.classList.remove("figure-preview--stale");
    status.textContent = "";
  };

  const refuse = (message) => {
    preview.classList.add("figure-preview--stale");
    status.textContent = message;
  };

  const redraw = async () => {
    inFlight?.abort();
    inFlight = new AbortController();
    const body = new FormData();
    body.append("figure", field.value);
    body.append("name", nameField?.value ?? "");
    try {
      const response = await fetch(preview.dataset.url, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": token },
        credentials: "same-origin",
        signal: inFlight.signal,
      });
      const answer = await response.json();
      if (response.ok) show(answer);
      else refuse(answer.error ?? "This is not a figure yet.");
    } catch (error) {
      if (error.name !== "AbortError") {
        refuse("The preview could not be drawn just now; the figure is checked when you save.");
      }
    }
  };

  const soon = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(redraw, 250);
  };
  field.addEventListener("input", soon);
  nameField?.addEventListener("input", soon);
}
