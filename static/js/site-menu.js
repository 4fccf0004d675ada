/**
 * The main navigation on phones: a "Menu" button that opens and closes the list of links
 * (History, Stats, Badges, Profile, Log out, …). On wider screens the CSS shows the list and
 * hides the button. Escape, or a click outside, closes it and gives the focus back.
 */

const nav = document.querySelector(".site-nav");
const toggle = nav?.querySelector(".site-nav__toggle");

function setOpen(open, { focusToggle = false } = {}) {
  toggle.setAttribute("aria-expanded", String(open));
  if (focusToggle) toggle.focus();
}

if (nav && toggle) {
  nav.classList.add("site-nav--menu");
  toggle.hidden = false;
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false, { focusToggle: nav.contains(document.activeElement) });
    }
  });
  document.addEventListener("click", (event) => {
    if (toggle.getAttribute("aria-expanded") === "true" && !nav.contains(event.target)) setOpen(false);
  });
}
