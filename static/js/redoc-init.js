// Starts ReDoc on templates/drf_spectacular/redoc.html from the page's data (no inline
// script: the docs pages' Content-Security-Policy allows none).
(() => {
  const container = document.getElementById("redoc-container");
  const data = document.getElementById("redoc-settings");
  const settings = data && data.textContent.trim() ? JSON.parse(data.textContent) : {};
  Redoc.init(container.dataset.specUrl, settings, container);
})();
