"""Free text people write, bounded in one place for the model, its forms and serializers, and
the database alike (README "Limits").

`bounded_text` is a TextField whose `max_length` Django carries into every ModelForm and DRF
ModelSerializer built from it, and whose validator full_clean runs; `length_check` is the
database's own check of the same number, for writes that skip full_clean (bulk updates, SQL).
A plain CharField(max_length) needs neither: its validator is built in, and PostgreSQL's
varchar enforces it (SQLite's does not, so it gets a length_check too where it matters).
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual


def bounded_text(max_length: int, **kwargs) -> models.TextField:
    return models.TextField(
        max_length=max_length, validators=[MaxLengthValidator(max_length)], **kwargs
    )


def length_check(field: str, max_length: int, *, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=LessThanOrEqual(Length(field), max_length), name=name)
