"""Pose image uploads: validated by their decoded content, stored under safe names."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from poses import images
from poses.images import validate_pose_image
from poses.services import clear_pose_image, set_pose_image
from poses.tests.factories import PoseFactory


def image_bytes(fmt="PNG", size=(400, 300), color=(61, 107, 88)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(data: bytes, name="pose.png", content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_header_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims the given size, with (almost) no pixel data behind it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def messages(error: pytest.ExceptionInfo) -> list[str]:
    return error.value.message_dict["image"]


# --- validate_pose_image -------------------------------------------------------


@pytest.mark.parametrize(("fmt", "expected"), [("JPEG", "JPEG"), ("PNG", "PNG"), ("WEBP", "WEBP")])
def test_jpeg_png_and_webp_images_are_accepted(fmt, expected):
    assert validate_pose_image(upload(image_bytes(fmt))) == expected


def test_the_decoded_format_counts_not_the_name_or_content_type():
    disguised = upload(image_bytes("PNG"), name="photo.jpg", content_type="image/jpeg")

    assert validate_pose_image(disguised) == "PNG"


def test_a_text_file_named_jpg_is_refused():
    fake = upload(b"just some words, not pixels" * 20, name="pose.jpg", content_type="image/jpeg")

    with pytest.raises(ValidationError) as error:
        validate_pose_image(fake)

    assert messages(error) == ["Upload a JPEG, PNG or WebP image."]


def test_a_real_image_of_another_type_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(image_bytes("GIF"), name="pose.gif"))

    assert messages(error) == ["Upload a JPEG, PNG or WebP image."]


def test_a_file_over_5_mb_is_refused_before_it_is_decoded():
    big = image_bytes("JPEG") + b"\0" * (6 * 1024 * 1024)

    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(big, name="big.jpg"))

    assert messages(error) == ["The image is 6.0 MB; the limit is 5 MB."]


def test_the_size_limit_comes_from_settings(settings):
    settings.POSE_IMAGE_MAX_BYTES = 1024 * 1024
    data = image_bytes("PNG") + b"\0" * (1024 * 1024)

    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(data))

    assert "the limit is 1 MB" in messages(error)[0]


def test_an_image_smaller_than_200_pixels_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(image_bytes("PNG", size=(50, 50))))

    assert messages(error) == ["The image must be at least 200×200 pixels (this one is 50×50)."]


def test_an_image_wider_than_6000_pixels_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(image_bytes("PNG", size=(6001, 200))))

    assert messages(error) == ["The image must be at most 6000×6000 pixels (this one is 6001×200)."]


def test_a_header_claiming_a_gigantic_image_is_refused_as_a_bomb():
    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(png_header_claiming(100_000, 100_000)))

    assert messages(error) == [images.TOO_MANY_PIXELS]


def test_pillows_decompression_bomb_warning_counts_as_an_error(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 300 * 300)  # warns above this, fails at 2×

    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(image_bytes("PNG", size=(400, 300))))

    assert messages(error) == [images.TOO_MANY_PIXELS]


def test_a_truncated_image_is_refused():
    data = image_bytes("JPEG", size=(800, 600))

    with pytest.raises(ValidationError) as error:
        validate_pose_image(upload(data[: len(data) // 2], name="cut.jpg"))

    assert messages(error) == [images.DAMAGED]


def test_validation_leaves_the_file_at_its_start():
    file = upload(image_bytes("PNG"))

    validate_pose_image(file)

    assert file.tell() == 0


# --- set_pose_image / clear_pose_image ------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_set_pose_image_stores_it_under_a_generated_name_with_the_decoded_extension(media):
    pose = PoseFactory(slug="tree")

    set_pose_image(pose=pose, upload=upload(image_bytes("WEBP"), name="../../evil.php.jpg"))

    pose.refresh_from_db()
    assert pose.image.name.startswith("poses/tree-")
    assert pose.image.name.endswith(".webp")
    assert "evil" not in pose.image.name
    assert (media / pose.image.name).exists()
    assert pose.image_src == f"/media/{pose.image.name}"


@pytest.mark.django_db
def test_a_new_image_replaces_the_old_file(media, django_capture_on_commit_callbacks):
    pose = PoseFactory()
    set_pose_image(pose=pose, upload=upload(image_bytes("PNG")))
    old = media / pose.image.name

    with django_capture_on_commit_callbacks(execute=True):
        set_pose_image(pose=pose, upload=upload(image_bytes("JPEG"), name="new.jpg"))

    assert not old.exists()
    assert (media / pose.image.name).exists()
    assert pose.image.name.endswith(".jpg")


@pytest.mark.django_db
def test_an_invalid_upload_leaves_the_pose_and_its_image_alone(media):
    pose = PoseFactory()
    set_pose_image(pose=pose, upload=upload(image_bytes("PNG")))
    name = pose.image.name

    with pytest.raises(ValidationError):
        set_pose_image(pose=pose, upload=upload(b"not an image", name="x.png"))

    pose.refresh_from_db()
    assert pose.image.name == name
    assert sorted(p.name for p in (media / "poses").iterdir()) == [name.split("/")[1]]


@pytest.mark.django_db
def test_clearing_the_image_deletes_the_file_and_shows_the_placeholder(
    media, django_capture_on_commit_callbacks
):
    pose = PoseFactory(category="balance")
    set_pose_image(pose=pose, upload=upload(image_bytes("PNG")))
    stored = media / pose.image.name

    with django_capture_on_commit_callbacks(execute=True):
        clear_pose_image(pose=pose)

    pose.refresh_from_db()
    assert not pose.image
    assert not stored.exists()
    assert pose.image_src.endswith("img/poses/balance.svg")
