"""Checks an uploaded pose image before it is stored (one rule for the admin and the staff API)
and makes its resized copies.

The decoded content decides, never the file name or the declared content type:
only JPEG, PNG and WebP, at most POSE_IMAGE_MAX_BYTES (5 MB unless settings say
otherwise), 200×200 to 6000×6000 pixels, and no decompression bombs.
"""

import io
import struct
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MIN_SIDE = 200
MAX_SIDE = 6000
# Pillow plugin ids tried when decoding; nothing else is even attempted.
DECODERS = ("JPEG", "PNG", "WEBP")
# Decoded format → stored file extension (phones' multi-picture JPEGs decode as MPO).
EXTENSIONS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp"}

NOT_AN_IMAGE = "Upload a JPEG, PNG or WebP image."
DAMAGED = "The image file is damaged or incomplete."
TOO_MANY_PIXELS = "The image has too many pixels to be processed safely."


def max_bytes() -> int:
    return getattr(settings, "POSE_IMAGE_MAX_BYTES", DEFAULT_MAX_BYTES)


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


def _error(message: str, code: str) -> ValidationError:
    return ValidationError({"image": ValidationError(message, code=code)})


def _size_of(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    return size


def _check_dimensions(width: int, height: int) -> None:
    if width < MIN_SIDE or height < MIN_SIDE:
        raise _error(
            f"The image must be at least {MIN_SIDE}×{MIN_SIDE} pixels "
            f"(this one is {width}×{height}).",
            "image_too_small",
        )
    if width > MAX_SIDE or height > MAX_SIDE:
        raise _error(
            f"The image must be at most {MAX_SIDE}×{MAX_SIDE} pixels "
            f"(this one is {width}×{height}).",
            "image_too_large",
        )


def validate_pose_image(upload) -> str:
    """Raise ValidationError keyed "image" unless the upload is an acceptable image.

    Returns the decoded format ("JPEG", "MPO", "PNG" or "WEBP"); leaves the file
    positioned at its start. The dimensions are read from the header before any
    pixel is decoded; Pillow's decompression-bomb warning counts as an error.
    """
    size = _size_of(upload)
    if size > max_bytes():
        raise _error(
            f"The image is {_megabytes(size)}; the limit is {_megabytes(max_bytes())}.",
            "image_file_too_large",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload, formats=DECODERS) as image:
                image_format = image.format
                _check_dimensions(*image.size)
                image.verify()
            # verify() leaves the image unusable: decode it once more, for real,
            # so truncated pixel data is caught now rather than shown broken later.
            upload.seek(0)
            with Image.open(upload, formats=DECODERS) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _error(TOO_MANY_PIXELS, "image_bomb") from error
    except UnidentifiedImageError as error:
        raise _error(NOT_AN_IMAGE, "invalid_image") from error
    except (OSError, SyntaxError, ValueError, EOFError, struct.error) as error:
        raise _error(DAMAGED, "damaged_image") from error
    finally:
        upload.seek(0)
    if image_format not in EXTENSIONS:
        raise _error(NOT_AN_IMAGE, "invalid_image")
    return image_format


# --- resized copies ------------------------------------------------------------

RENDITION_FORMAT = "WEBP"
RENDITION_EXTENSION = ".webp"
RENDITION_QUALITY = 80


def rendition_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """The widths to make for an image this wide: each of `widths` narrower than it, and the
    image's own width when it is no wider than the largest (never an enlargement)."""
    chosen = [w for w in widths if w < width]
    if width <= max(widths):
        chosen.append(width)
    return chosen


def make_renditions(upload, *, widths: tuple[int, ...]) -> dict[int, bytes]:
    """{width: WebP bytes} of a validated upload: turned upright by its EXIF orientation,
    resized to each width of `rendition_widths`, metadata (location, camera) left behind."""
    upload.seek(0)
    try:
        with Image.open(upload, formats=DECODERS) as original:
            image = ImageOps.exif_transpose(original)
            if image.mode not in ("RGB", "RGBA"):
                has_alpha = image.mode in ("LA", "PA") or "transparency" in image.info
                image = image.convert("RGBA" if has_alpha else "RGB")
            out = {}
            for width in rendition_widths(image.width, widths):
                height = max(1, round(image.height * width / image.width))
                resized = (
                    image
                    if width == image.width
                    else image.resize((width, height), Image.Resampling.LANCZOS)
                )
                buffer = io.BytesIO()
                resized.save(buffer, format=RENDITION_FORMAT, quality=RENDITION_QUALITY, method=4)
                out[width] = buffer.getvalue()
            return out
    finally:
        upload.seek(0)
