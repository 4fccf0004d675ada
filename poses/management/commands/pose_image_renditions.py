"""`manage.py pose_image_renditions`: resized copies for photos uploaded before there were any.

Uploads made since get their copies at once (poses.services.set_pose_image); run this once
after deploying, so that no page sends a phone an original of several megabytes.
"""

from django.core.management.base import BaseCommand

from poses.models import Pose
from poses.services import make_missing_renditions


class Command(BaseCommand):
    help = "Make the resized copies of every uploaded pose photo that has none yet."

    def handle(self, *args, **options):
        made = 0
        for pose in Pose.objects.exclude(image="").order_by("pk"):
            made += make_missing_renditions(pose=pose)
        self.stdout.write(f"Resized copies made for {made} photo{'s' if made != 1 else ''}.")
