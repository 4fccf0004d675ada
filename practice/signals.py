"""Signals of the practice app, for apps to its right (achievements listens)."""

from django.dispatch import Signal

# Sent by practice.services.record_practice inside its transaction, once per new
# session. Arguments: user, session. A receiver may return a list of what the
# session earned (achievements returns the badges it awarded).
session_recorded = Signal()
