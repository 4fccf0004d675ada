"""The API's one parser: JSON, read with yogaflow.core.jsoninput's guards.

DRF's JSONParser reads the request stream to its end, whatever its size, and lets a
RecursionError (JSON nested a thousand levels) or an unknown charset through as a 500.
"""

import codecs

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser as DRFJSONParser

from yogaflow.core import jsoninput


class JSONParser(DRFJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        if stream is None:
            return None
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise RequestDataTooBig("Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
        except LookupError as error:
            raise ParseError(f"Unknown charset: {encoding}.") from error
        except ValueError as error:  # UnicodeDecodeError
            raise ParseError(f"The body is not valid {encoding}.") from error
        try:
            return jsoninput.loads(text)
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from error
