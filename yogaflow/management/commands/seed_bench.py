"""Seed a large library for `make bench`: practitioners, their sequences, favorites,
one practitioner's long history (10,000 sessions over 5 years) for the stats figures,
further practitioners with other history sizes (bench1, bench2, ...: recording a practice
at 1k, 10k and 100k sessions), and one long public sequence (100 steps) for the detail rows.

Sequences go through sequences.services.save_sequence like any other write;
the thousands of users and favorites are bulk-inserted, since volume is the
point here and their rules (unique pairs) are enforced by the database.
"""

import random
from datetime import time, timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from poses.models import Pose
from practice import tallies
from practice.models import PracticeSession, Source
from practice.times import local_to_utc, to_local, zone_of
from sequences.models import Favorite, Focus, Sequence, Side, Style, Visibility
from sequences.services import recount_favorites, save_sequence
from yogaflow.core.caching import bump_library_version

BENCH_DOMAIN = "bench.yogaflow.test"
HISTORY_DAYS = 5 * 365


class Command(BaseCommand):
    help = "Seed users, sequences and favorites for benchmarks (needs the curated library)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=200)
        parser.add_argument("--sequences", type=int, default=1000)
        parser.add_argument("--poses-per-sequence", type=int, default=6)
        parser.add_argument("--favorites", type=int, default=10_000)
        parser.add_argument(
            "--practice-sessions",
            type=int,
            default=10_000,
            help="Sessions over 5 years for the first practitioner (bench0), for the stats page.",
        )
        parser.add_argument(
            "--more-histories",
            default="",
            help="Comma-separated session counts for bench1, bench2, ... (e.g. 1000,100000).",
        )
        parser.add_argument(
            "--long-sequence-steps",
            type=int,
            default=0,
            help="Also save one public sequence of this many steps (slug bench-long-flow).",
        )
        parser.add_argument("--seed", type=int, default=108)

    @transaction.atomic
    def handle(self, *args, **options):
        rng = random.Random(options["seed"])  # noqa: S311 (repeatable data, not secrets)
        poses = list(Pose.objects.filter(is_published=True))
        if not poses:
            raise CommandError("No poses: run `manage.py load_library` first.")
        lookup = {pose.pk: pose for pose in poses}

        User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").delete()
        users = User.objects.bulk_create(
            User(email=f"bench{n}@{BENCH_DOMAIN}", display_name=f"Bench {n}", password="!")
            for n in range(options["users"])
        )
        for n in range(options["sequences"]):
            picks = rng.sample(poses, k=min(options["poses_per_sequence"], len(poses)))
            save_sequence(
                author=users[n % len(users)],
                title=f"{rng.choice(['Morning', 'Evening', 'Strong', 'Soft', 'Open'])} flow {n}",
                description="A practitioner's own practice.",
                difficulty=rng.choice(["beginner", "intermediate", "advanced"]),
                focus=rng.choice(Focus.values),
                style=rng.choice(Style.values),
                visibility=Visibility.PUBLIC if n % 4 else Visibility.PRIVATE,
                poses=[
                    {
                        "pose": pose.pk,
                        "duration_seconds": rng.randrange(20, 120, 5),
                        "side": Side.BOTH,
                    }
                    for pose in picks
                ],
                pose_lookup=lookup,
            )
        public = list(
            Sequence.objects.filter(visibility=Visibility.PUBLIC).values_list("pk", flat=True)
        )
        pairs = set()
        target = min(options["favorites"], len(users) * len(public))
        while len(pairs) < target:
            pairs.add((rng.choice(users).pk, rng.choice(public)))
        Favorite.objects.bulk_create(
            (Favorite(user_id=user_id, sequence_id=sequence_id) for user_id, sequence_id in pairs),
            batch_size=2000,
        )
        recount_favorites()  # bulk_create sends no signals: the kept counts from the rows
        sessions = self.seed_history(users[0], options["practice_sessions"], rng)
        more = [int(n) for n in options["more_histories"].split(",") if n.strip()]
        for offset, count in enumerate(more, start=1):
            sessions += self.seed_history(users[offset], count, rng)
        if options["long_sequence_steps"]:
            steps = options["long_sequence_steps"]
            save_sequence(
                author=users[-1],
                slug="bench-long-flow",
                title="Bench long flow",
                description="A long practice: one step per pose, round the library.",
                difficulty="intermediate",
                focus=Focus.values[0],
                style=Style.values[0],
                visibility=Visibility.PUBLIC,
                poses=[
                    {
                        "pose": poses[n % len(poses)].pk,
                        "duration_seconds": 30 + 5 * (n % 7),
                        "side": Side.BOTH,
                    }
                    for n in range(steps)
                ],
                pose_lookup=lookup,
            )
        bump_library_version()
        self.stdout.write(
            f"seeded {len(users)} users, {options['sequences']} sequences, {len(pairs)} favorites, "
            f"{sessions} practice sessions (bench0: {options['practice_sessions']}, then {more})"
        )

    def seed_history(self, user, count: int, rng: random.Random) -> int:
        """`count` sessions spread over the last 5 years, a third of them from curated sequences.

        Local start times (5:00 to 21:59 in the user's zone) become UTC through practice.times,
        as a practice logged by hand does: a time the clocks skipped is drawn again, durations
        are real seconds across a clock change, and local_date/local_hour are those of the
        start on the wall clock, as record_practice stores them. Bulk-inserted.
        """
        zone = zone_of(user)
        today = timezone.localdate(timezone=zone)
        sequences = list(Sequence.objects.filter(author__isnull=True, pose_count__gt=0))
        rows = []
        while len(rows) < count:
            n = len(rows)
            day = today - timedelta(days=rng.randrange(HISTORY_DAYS))
            clock = time(rng.randrange(5, 22), rng.randrange(60))
            seconds = rng.randrange(5, 90) * 60
            try:
                # The same conversion as a practice logged by hand (UTC, clock changes decided).
                start = local_to_utc(day, clock, zone)
            except ValidationError:
                continue  # the clocks skipped that minute there: draw another
            local_start = to_local(start, zone)
            sequence = rng.choice(sequences) if sequences and n % 3 == 0 else None
            rows.append(
                PracticeSession(
                    user=user,
                    sequence=sequence,
                    sequence_title=sequence.title if sequence else "Practice",
                    style=sequence.style if sequence else rng.choice(Style.values),
                    focus=sequence.focus if sequence else rng.choice(Focus.values),
                    started_at=start,
                    # Added in UTC: real seconds, whatever the clocks do meanwhile.
                    ended_at=start + timedelta(seconds=seconds),
                    duration_seconds=seconds,
                    local_date=local_start.date(),
                    local_hour=local_start.hour,
                    completed=True,
                    poses_completed=sequence.pose_count if sequence else 0,
                    source=Source.MANUAL,
                )
            )
        PracticeSession.objects.bulk_create(rows, batch_size=2000)
        tallies.rebuild(user_ids=[user.pk])  # what recording keeps (badges, statistics)
        return count
