"""`manage.py load_library`: the curated poses and sequences, loaded idempotently (`make run`)."""

import logging
from contextlib import contextmanager
from pathlib import Path

import structlog
from django.core.management.base import BaseCommand, CommandError

from poses.library import FIGURES_FILE, POSES_FILE, LibraryError
from sequences.library import SEQUENCES_FILE, load_library

logger = structlog.get_logger(__name__)
# Per-row "saved" events of the services: one line per pose is noise at `make run`.
ROW_LOGGERS = ("poses.services", "sequences.services")


@contextmanager
def _quiet_row_logs(quiet: bool):
    loggers = [logging.getLogger(name) for name in ROW_LOGGERS] if quiet else []
    levels = [item.level for item in loggers]
    for item in loggers:
        item.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for item, level in zip(loggers, levels, strict=True):
            item.setLevel(level)


class Command(BaseCommand):
    help = (
        "Load the curated pose library (poses/content/poses.json, each pose's figure from "
        "poses/content/figures.json) and sequences "
        "(sequences/content/sequences.json) in one transaction. Missing rows are created; "
        "rows nobody edited since the last load are updated to the files; rows staff edited "
        "since (their content no longer matches the stored library_fingerprint) are kept "
        "and listed, unless --overwrite-edits. Running it twice changes nothing. A bad file "
        "changes nothing and exits non-zero, naming the slug and the field."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="Replace rows staff edited since the last load with the files' content.",
        )
        parser.add_argument(
            "--poses-file", type=Path, default=POSES_FILE, help="Default: %(default)s"
        )
        parser.add_argument(
            "--figures-file", type=Path, default=FIGURES_FILE, help="Default: %(default)s"
        )
        parser.add_argument(
            "--sequences-file", type=Path, default=SEQUENCES_FILE, help="Default: %(default)s"
        )

    def handle(
        self,
        *args,
        overwrite_edits,
        poses_file,
        figures_file,
        sequences_file,
        verbosity,
        **options,
    ):
        try:
            with _quiet_row_logs(verbosity < 2):
                reports = load_library(
                    poses_file=poses_file,
                    figures_file=figures_file,
                    sequences_file=sequences_file,
                    overwrite_edits=overwrite_edits,
                )
        except LibraryError as error:
            raise CommandError(
                "The library was not loaded (nothing changed):\n  " + "\n  ".join(error.messages)
            ) from error
        for report in reports:
            for line in report.kept_lines():
                self.stdout.write(self.style.WARNING(line))
        for report in reports:
            self.stdout.write(report.summary())
        logger.info(
            "library_loaded",
            **{
                f"{report.kind}s_{what}": count
                for report in reports
                for what, count in (
                    ("created", report.created),
                    ("updated", report.updated),
                    ("kept", len(report.kept)),
                )
            },
        )
