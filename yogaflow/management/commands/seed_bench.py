"""Seed a large library for `make bench`: practitioners, their sequences, favorites.

Sequences go through sequences.services.save_sequence like any other write;
the thousands of users and favorites are bulk-inserted, since volume is the
point here and their rules (unique pairs) are enforced by the database.
"""

import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from poses.models import Pose
from sequences.models import Favorite, Focus, Sequence, Side, Style, Visibility
from sequences.services import save_sequence
from yogaflow.caching import bump_library_version

BENCH_DOMAIN = "bench.yogaflow.test"


class Command(BaseCommand):
    help = "Seed users, sequences and favorites for benchmarks (needs the curated library)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=200)
        parser.add_argument("--sequences", type=int, default=1000)
        parser.add_argument("--poses-per-sequence", type=int, default=6)
        parser.add_argument("--favorites", type=int, default=10_000)
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
        bump_library_version()
        self.stdout.write(
            f"seeded {len(users)} users, {options['sequences']} sequences, {len(pairs)} favorites"
        )
