"""Database constraints for invariants that forms alone do not keep.

``TextField(max_length=...)`` is checked by model forms only: a service, a raw POST or a
shell can store a megabyte. A check constraint holds on every path, on SQLite and
PostgreSQL alike.
"""

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual


def length_at_most(field: str, limit: int, *, name: str) -> models.CheckConstraint:
    """A check constraint: ``field`` holds at most ``limit`` characters."""
    return models.CheckConstraint(condition=LessThanOrEqual(Length(field), limit), name=name)
