"""A full-body class extends the spine (teacher review r12 F12), as a teacher reads it on the
printed practice."""

from sequences.generator.extension import EXTENSION_SPARED, asks_extension, held_extensions


def _full_body_extension(practice) -> list[str]:
    """A whole-body class of 30 minutes or more holds a backbend outside its Sun Salutations,
    unless the choices leave none (declared EXTENSION_SPARED)."""
    if not asks_extension(practice.choices) or EXTENSION_SPARED in practice.focus_spared:
        return []
    if held_extensions(practice.steps):
        return []
    return ["a whole-body class with no backbend held: the spine never extends"]


RULES = {"full_body_extension": _full_body_extension}
