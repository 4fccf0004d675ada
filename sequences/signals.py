"""Signals of the sequences app, for apps to its right (achievements listens)."""

from django.dispatch import Signal

# Sent by sequences.services.save_sequence, inside its transaction, when a
# practitioner creates a sequence of their own (not for the curated library).
# Arguments: user, sequence.
sequence_created = Signal()
