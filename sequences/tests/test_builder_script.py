"""static/js/builder.js repeats no rule of the server's: the hold limits come from the page, and
its duration format and per-row time are held equal to the Python ones here (run by Node)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from poses.models import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS
from sequences.models import Side, practice_seconds
from sequences.tests.factories import SequenceFactory
from yogaflow.core.templatetags.durations import duration

SCRIPT = Path(settings.BASE_DIR) / "static" / "js" / "builder.js"
SECONDS = [0, 1, 5, 59, 60, 61, 245, 599, 600, 3599, 3600, 3629, 3630, 3690, 3720, 5430, 7199]
ROWS = [
    {"hold": hold, "side": side, "bilateral": bilateral}
    for hold in (5, 45, 600)
    for side in Side.values
    for bilateral in (True, False)
]
RUNNER = """
globalThis.document = { getElementById: () => null, querySelector: () => null };
const { formatDuration, practiceSeconds } = await import(process.argv[1]);
const { seconds, rows } = JSON.parse(process.argv[2]);
console.log(JSON.stringify({
  durations: seconds.map(formatDuration),
  rows: rows.map(practiceSeconds),
}));
"""


def run_script() -> dict:
    node = shutil.which("node")
    assert node, "Node.js runs the builder script's tests (Debian: apt-get install nodejs)"
    payload = json.dumps({"seconds": SECONDS, "rows": ROWS})
    done = subprocess.run(  # noqa: S603 (our own script and data)
        [node, "--input-type=module", "-e", RUNNER, SCRIPT.as_uri(), payload],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(done.stdout)


def test_the_script_formats_durations_as_the_template_filter_does():
    assert run_script()["durations"] == [duration(seconds) for seconds in SECONDS]


def test_the_script_counts_a_rows_time_as_the_model_does():
    expected = [
        practice_seconds(
            duration_seconds=row["hold"], side=row["side"], is_bilateral=row["bilateral"]
        )
        for row in ROWS
    ]
    assert run_script()["rows"] == expected


@pytest.mark.django_db
def test_the_page_gives_the_script_the_servers_hold_limits(member_client, user):
    sequence = SequenceFactory(author=user, poses=1)

    page = member_client.get(reverse("sequences:edit", args=[sequence.slug])).content.decode()

    rules = json.loads(page.split('id="builder-rules" type="application/json">')[1].split("<")[0])
    assert rules == {"min_hold": MIN_HOLD_SECONDS, "max_hold": MAX_HOLD_SECONDS}
    assert "MIN_HOLD" not in SCRIPT.read_text() and "= 600" not in SCRIPT.read_text()
