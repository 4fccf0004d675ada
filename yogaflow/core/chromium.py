"""Debian's Chromium, headless, the one way the project starts it.

The browser tests, `bench/screenshots.py` and `manage.py figure_sheets` drive it through
Playwright; never `playwright install` (STACK-NOTES.md). `CHROMIUM_PATH` overrides where it is.
"""

import os
import shutil

PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# No sandbox (containers and root), no GPU, and nothing that phones home.
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def launch(playwright):
    """A headless Chromium browser from a started `sync_playwright()`; close it when done."""
    return playwright.chromium.launch(executable_path=PATH, headless=True, args=list(ARGS))
