"""The floor's one table: which messages have gone out, so a task delivered twice sends once."""

from django.db import models


class SentMail(models.Model):
    """A message key (yogaflow.core.mail.send_mail) once its mail was handed to the SMTP server.

    Keys carry no secret: a purpose and an id ("password-reset:<uuid>",
    "reminder:<user id>:<local date>"). Old rows are dropped by the daily clean-up.
    """

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.key
