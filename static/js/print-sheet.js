// The printable sequence sheet: a "Print this sheet" button (shown only with JavaScript; the
// browser's own Print works without it). static/css/print.css lays the sheet out on paper.

const button = document.querySelector("[data-print]");
if (button) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
