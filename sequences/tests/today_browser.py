"""Steps the browser journeys of Today's practice share (sequences and practice tests)."""


def ask_for_ten_minutes_of_hips(page) -> None:
    """Fill the home page's Today's practice form: 10 min, beginner hatha, hips, no inversions."""
    form = page.locator("form.today-form")
    form.get_by_label("Length (minutes)").fill("10")
    form.get_by_label("Level").select_option("beginner")
    form.get_by_label("Style").select_option("hatha")
    form.get_by_role("checkbox", name="Hips").check()
    form.get_by_role("checkbox", name="No inversions").check()
    form.get_by_role("button", name="Make my practice").click()
