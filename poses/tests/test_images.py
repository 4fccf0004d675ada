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
    # Pages show the resized copy (400 px wide: no wider copy than the original is made).
    assert pose.image_renditions == {"400": pose.image.name.replace(".webp", "-400.webp")}
    assert pose.image_src == f"/media/{pose.image_renditions['400']}"


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
    kept = [name, *pose.image_renditions.values()]
    assert sorted(p.name for p in (media / "poses").iterdir()) == sorted(
        stored.split("/")[1] for stored in kept
    )


@pytest.mark.django_db
def test_clearing_the_image_deletes_its_files_and_shows_the_figure(
    media, django_capture_on_commit_callbacks
):
    pose = PoseFactory(slug="crow", category="balance")
    set_pose_image(pose=pose, upload=upload(image_bytes("PNG")))
    stored = [media / pose.image.name, *(media / name for name in pose.image_renditions.values())]

    with django_capture_on_commit_callbacks(execute=True):
        clear_pose_image(pose=pose)

    pose.refresh_from_db()
    assert not pose.image and pose.image_renditions == {}
    assert not any(path.exists() for path in stored)
    assert pose.image_src == pose.figure_src


# --- resized copies -------------------------------------------------------------


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(
    ("width", "expected"),
    [(300, [300]), (480, [480]), (700, [480, 700]), (960, [480, 960]), (4000, [480, 960])],
)
def test_renditions_are_never_wider_than_the_original(width, expected):
    assert images.rendition_widths(width, (480, 960)) == expected


def test_renditions_are_webp_resized_in_proportion_and_without_metadata():
    original = Image.new("RGB", (3000, 2000), (61, 107, 88))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make: nothing of it may reach the copies
    buffer = io.BytesIO()
    original.save(buffer, format="JPEG", exif=exif)

    copies = images.make_renditions(upload(buffer.getvalue(), name="big.jpg"), widths=(480, 960))

    assert sorted(copies) == [480, 960]
    small, large = decoded(copies[480]), decoded(copies[960])
    assert (small.format, small.size, large.size) == ("WEBP", (480, 320), (960, 640))
    assert not small.getexif() and b"PhoneMaker" not in copies[960]


def test_a_photo_taken_sideways_is_turned_upright_by_its_orientation_tag():
    sideways = Image.new("RGB", (600, 400), (61, 107, 88))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    buffer = io.BytesIO()
    sideways.save(buffer, format="JPEG", exif=exif)

    copies = images.make_renditions(upload(buffer.getvalue(), name="p.jpg"), widths=(480, 960))

    assert decoded(copies[400]).size == (400, 600)


def test_a_transparent_png_keeps_its_transparency():
    clear = Image.new("RGBA", (500, 500), (0, 0, 0, 0))
    buffer = io.BytesIO()
    clear.save(buffer, format="PNG")

    copies = images.make_renditions(upload(buffer.getvalue()), widths=(480, 960))

    assert decoded(copies[480]).mode == "RGBA"


@pytest.mark.django_db
def test_a_large_photo_is_shown_by_its_copies_never_the_original(media):
    pose = PoseFactory(slug="crow")

    set_pose_image(pose=pose, upload=upload(image_bytes("PNG", size=(2400, 1800)), name="a.png"))

    pose.refresh_from_db()
    assert sorted(pose.image_renditions) == ["480", "960"]
    for width, name in pose.image_renditions.items():
        assert decoded((media / name).read_bytes()).size[0] == int(width)
    assert pose.image_src.endswith("-960.webp")
    assert pose.image.name not in pose.image_src
    assert pose.photo_srcset.split(", ")[0].endswith("-480.webp 480w")


@pytest.mark.django_db
def test_a_new_photo_removes_the_old_copies(media, django_capture_on_commit_callbacks):
    pose = PoseFactory()
    set_pose_image(pose=pose, upload=upload(image_bytes("PNG", size=(1200, 900))))
    old = [media / name for name in pose.image_renditions.values()]

    with django_capture_on_commit_callbacks(execute=True):
        set_pose_image(
            pose=pose, upload=upload(image_bytes("JPEG", size=(1200, 900)), name="b.jpg")
        )

    assert old and not any(path.exists() for path in old)
    assert all((media / name).exists() for name in pose.image_renditions.values())


@pytest.mark.django_db
def test_photos_uploaded_before_copies_existed_get_them_once(media):
    from io import StringIO

    from django.core.management import call_command

    pose = PoseFactory(slug="tree")
    set_pose_image(pose=pose, upload=upload(image_bytes("PNG", size=(1200, 900))))
    for name in pose.image_renditions.values():
        (media / name).unlink()
    type(pose).objects.filter(pk=pose.pk).update(image_renditions={})
    out = StringIO()

    call_command("pose_image_renditions", stdout=out)
    call_command("pose_image_renditions", stdout=out)

    pose.refresh_from_db()
    assert sorted(pose.image_renditions) == ["480", "960"]
    assert all((media / name).exists() for name in pose.image_renditions.values())
    assert pose.image_src.endswith("-960.webp")
    assert out.getvalue().splitlines() == [
        "Resized copies made for 1 photo.",
        "Resized copies made for 0 photos.",
    ]
