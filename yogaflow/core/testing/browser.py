"""Helpers shared by the browser tests of every app (Playwright driving Chromium)."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from yogaflow.core.testing import PASSWORD

BLOCKING_IMPACTS = {"serious", "critical"}


def assert_accessible(page: Page) -> None:
    """axe-core finds no serious or critical violation on the page as it stands."""
    violations = Axe().run(page).response["violations"]
    blocking = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"])}
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == [], f"axe-core on {page.url}: {blocking}"


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Log in through the login page, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()


def log_in_and_wait(page: Page, email: str, password: str = PASSWORD) -> None:
    log_in(page, email, password)
    # The log-out form is there at every width (on a phone, behind the Menu button).
    expect(page.locator("form.site-nav__logout")).to_be_attached()


# An A4 page's printable width at CSS's 96 px an inch, less 10 mm margins each side.
PAPER_WIDTH_PX = round((210 - 20) / 25.4 * 96)


def show_as_printed(page: Page) -> None:
    """Switch the page to print media on a sheet of paper's width and check that the site's
    chrome is hidden and the print sheet fits the paper."""
    page.emulate_media(media="print")
    page.set_viewport_size({"width": PAPER_WIDTH_PX, "height": 1000})
    for hidden in (".site-header", ".site-footer", ".print-actions"):
        expect(page.locator(hidden)).to_be_hidden()
    sheet = page.locator(".print-sheet").bounding_box()
    assert sheet["x"] >= 0 and sheet["x"] + sheet["width"] <= PAPER_WIDTH_PX
    assert page.evaluate("document.documentElement.scrollWidth") <= PAPER_WIDTH_PX
