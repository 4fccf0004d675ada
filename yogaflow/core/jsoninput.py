"""JSON from the outside world, read defensively: one reader for the API's parser and for the
pages' JSON endpoints (the player's `record`).

`loads` refuses, with ValueError (a 400 for the caller), what json.loads would take badly:
documents nested deeper than MAX_DEPTH (json.loads recurses, and runs out of stack around a
thousand levels: a RecursionError, a 500), and text with unpaired surrogate escapes such as
"\\ud800" (valid JSON, but not text: no database or encoder takes it). Bodies are bounded
before they are read (DATA_UPLOAD_MAX_MEMORY_SIZE: 413).
"""

import json

# Nothing the API takes is nested more than a few levels; 32 leaves room and stays far from
# the interpreter's recursion limit.
MAX_DEPTH = 32


class InvalidJSON(ValueError):
    pass


def _check(value) -> None:
    """Depth and text of a parsed document, walked without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            if depth > MAX_DEPTH:
                raise InvalidJSON(f"JSON nested more than {MAX_DEPTH} levels deep.")
            for key, child in item.items():
                _check_text(key)
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            if depth > MAX_DEPTH:
                raise InvalidJSON(f"JSON nested more than {MAX_DEPTH} levels deep.")
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            _check_text(item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidJSON("JSON text holds an unpaired surrogate escape.") from error


def _no_constants(name: str):
    raise InvalidJSON(f"{name} is not valid JSON.")


def loads(text: str | bytes):
    """json.loads for untrusted input; InvalidJSON (a ValueError) for anything it should refuse,
    NaN and Infinity included (not JSON, and no number a field can hold)."""
    try:
        value = json.loads(text, parse_constant=_no_constants)
    except RecursionError as error:
        raise InvalidJSON(f"JSON nested more than {MAX_DEPTH} levels deep.") from error
    _check(value)
    return value
