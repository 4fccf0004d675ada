// Sizes the server computes, applied without inline style attributes (the
// Content-Security-Policy allows no inline style): `data-width="40"` sets
// width: 40%, `data-counter-start="7"` makes an <ol>'s CSS counter "step"
// continue from 7. Styles set through the DOM are not inline markup, so the
// policy lets them through.
for (const element of document.querySelectorAll("[data-width]")) {
  const percent = Number(element.dataset.width);
  if (Number.isFinite(percent)) element.style.width = `${Math.min(Math.max(percent, 0), 100)}%`;
}
for (const element of document.querySelectorAll("[data-counter-start]")) {
  const start = Number.parseInt(element.dataset.counterStart, 10);
  if (Number.isFinite(start)) element.style.counterReset = `step ${start}`;
}
