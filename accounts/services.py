"""Account use cases, shared by the pages (accounts.views) and the API (accounts.api).

Each function is the whole use case: validation, the write and the log event.
They raise Django's ValidationError keyed by input field names, or the login
errors of accounts.exceptions; both skins translate those, neither re-checks.

Every password check goes through the brute-force lockout (accounts.lockout) with the same
limits, whoever asks: `authenticate_user` for the logins (page, API, admin) and
`check_password` for a signed-in person's password (to change it, to delete the account).
Failures on any of them count together; a lock on one refuses them all.
"""

from datetime import date

import structlog
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts import lockout
from accounts.exceptions import InvalidCredentials, LoginLocked
from accounts.models import User
from yogaflow.core import mail
from yogaflow.core.http import client_ip

logger = structlog.get_logger(__name__)

# What sign-up takes; the profile adds the practice preferences on top.
SIGNUP_PROFILE_FIELDS = (
    "display_name",
    "experience_level",
    "timezone",
    "preferred_session_minutes",
)
REMINDER_FIELDS = ("reminders_enabled", "reminder_days", "reminder_time")
PROFILE_FIELDS = (*SIGNUP_PROFILE_FIELDS, "avoid", *REMINDER_FIELDS)
DUPLICATE_EMAIL = "An account with this email address already exists."


def normalize_email(email: str) -> str:
    return User.objects.normalize_email(email)


def lock_user(user: User) -> None:
    """Hold the user's row until the current transaction ends, so that the writes that decide
    what they earned (a recorded practice, a badge) run one after another, never side by side.

    FOR NO KEY UPDATE: rows that merely reference the user (a new session's foreign key takes
    FOR KEY SHARE) do not wait for it, so it adds no deadlock. SQLite has no row locks and
    needs none: its write transactions already run one at a time (settings: IMMEDIATE).
    """
    list(User.objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk"))


def _validate_new_password(password: str, *, user: User, field: str) -> None:
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from error


@transaction.atomic
def register_user(*, email: str, password: str, **profile) -> User:
    """Create an account; the address must be new, however it is capitalised."""
    unknown = set(profile) - set(SIGNUP_PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown profile fields: {sorted(unknown)}")
    user = User(email=normalize_email(email), **profile)
    errors = {}
    try:
        # Checks the address is free too: it is stored lower-cased and unique.
        user.full_clean(exclude=["password"], validate_constraints=False)
    except ValidationError as error:
        errors = dict(error.error_dict)
    try:
        _validate_new_password(password, user=user, field="password")
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # a concurrent sign-up with the same address
        raise ValidationError(
            {"email": [ValidationError(DUPLICATE_EMAIL, code="unique")]}
        ) from error
    logger.info("user_registered", user_id=user.pk)
    return user


def _ensure_not_locked(*, email: str, ip: str) -> None:
    try:
        lockout.ensure_not_locked(email=email, ip=ip)
    except LoginLocked:
        logger.warning("login_refused_locked")
        raise


def _count_failure(*, email: str, ip: str, event: str) -> None:
    if lockout.record_failure(email=email, ip=ip):
        logger.warning("login_lockout_started")
    logger.info(event)


def authenticate_user(*, request, email: str, password: str) -> User:
    """Check credentials under the brute-force lockout; raise InvalidCredentials or LoginLocked
    (or CountersUnavailable while the lockout's counters cannot be read).

    A locked pair is refused before the password is looked at. Django's
    ModelBackend hashes the password even for unknown addresses, so a wrong
    address costs as much time as a wrong password.
    """
    email = normalize_email(email)
    ip = client_ip(request)
    _ensure_not_locked(email=email, ip=ip)
    user = authenticate(request, email=email, password=password)
    if user is None:
        _count_failure(email=email, ip=ip, event="login_failed")
        raise InvalidCredentials()
    lockout.clear_failures(email=email, ip=ip)
    logger.info("login_succeeded", user_id=user.pk)
    return user


WRONG_PASSWORD = "Your password is incorrect."


def check_password(
    *, request, user: User, password: str, field: str = "password", message: str = WRONG_PASSWORD
) -> None:
    """A signed-in person's own password, checked under the same lockout as a login.

    Raises ValidationError keyed `field` when it is wrong (counted as a failed login of that
    account from that address), LoginLocked while the account is locked there (the password
    is not looked at), CountersUnavailable while the counters cannot be read.
    """
    email, ip = normalize_email(user.email), client_ip(request)
    _ensure_not_locked(email=email, ip=ip)
    if not password or not user.check_password(password):
        _count_failure(email=email, ip=ip, event="password_check_failed")
        raise ValidationError({field: ValidationError(message, code="invalid")})
    lockout.clear_failures(email=email, ip=ip)


def log_page_logout(sender, request, user, **kwargs) -> None:
    """Receiver of Django's user_logged_out: page logouts are auth events too."""
    logger.info("logout", user_id=getattr(user, "pk", None), channel="page")


def update_profile(*, user: User, **fields) -> User:
    """Change profile fields (never email or password here); validated by the model.

    `avoid` is stored sorted and without duplicates (User.clean).
    """
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(user, name, value)
    try:
        user.full_clean(exclude=["password"], validate_constraints=False)
    except ValidationError:
        # Leave the caller's user as it was stored, not half-edited.
        user.refresh_from_db(fields=[*fields])
        raise
    user.save(update_fields=[*fields])
    logger.info("profile_updated", user_id=user.pk, fields=sorted(fields))
    return user


def _set_password_and_revoke_tokens(user: User, new_password: str) -> None:
    user.set_password(new_password)
    user.token_version = F("token_version") + 1
    user.save(update_fields=["password", "token_version"])
    user.refresh_from_db(fields=["token_version"])


@transaction.atomic
def change_password(*, request, user: User, current_password: str, new_password: str) -> User:
    """Set a new password after checking the current one (check_password: under the lockout);
    every token issued before dies."""
    check_password(
        request=request,
        user=user,
        password=current_password,
        field="current_password",
        message="Your current password is incorrect.",
    )
    _validate_new_password(new_password, user=user, field="new_password")
    _set_password_and_revoke_tokens(user, new_password)
    logger.info("password_changed", user_id=user.pk)
    return user


# Placeholders of a link template: link_for() runs in the request (it knows the host), the
# uid and token are only made where the account is looked up, outside the request.
RESET_UID_MARK = "uidb64-placeholder"
RESET_TOKEN_MARK = "token-placeholder"


def request_password_reset(*, email: str, link_for) -> None:
    """Queue the reset of an address (accounts.tasks.send_password_reset): the request does
    the same work, in the same time, whether or not an account uses it — it looks nothing up
    and sends nothing; the queue's worker does (send_password_reset_link).

    `link_for(uidb64, token)` builds the absolute URL of the page that sets the new password
    (called once here, with placeholders). Without a broker the task runs at once, in here.
    """
    from accounts.tasks import send_password_reset
    from yogaflow.core.queue import enqueue

    template = link_for(RESET_UID_MARK, RESET_TOKEN_MARK)
    enqueue(send_password_reset, kwargs={"email": email, "link_template": template})
    logger.info("password_reset_requested")


def send_password_reset_link(*, email: str, link_template: str) -> bool:
    """Email a single-use, one-hour reset link if an active account has this address; True if
    a message was queued (yogaflow.core.mail). Run by the queue's worker, never in a request.

    At most RESET_EMAILS_PER_HOUR links go to one account in an hour, whoever asks.
    `link_template` is link_for(RESET_UID_MARK, RESET_TOKEN_MARK) from the request.
    """
    user = User.objects.filter(email__iexact=normalize_email(email), is_active=True).first()
    if user is None or not user.has_usable_password():
        logger.info("password_reset_unmatched")
        return False
    if not lockout.allow_reset_email(user_id=user.pk):
        # Page and API alike: nobody can fill an inbox with reset links.
        logger.info("password_reset_suppressed", user_id=user.pk)
        return False
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = link_template.replace(RESET_UID_MARK, uidb64).replace(RESET_TOKEN_MARK, token)
    context = {"user": user, "reset_link": link, "valid_hours": 1}
    queued = mail.send_mail(
        key=mail.new_key("password-reset"),
        to=[user.email],
        subject="Reset your YogaFlow password",
        body=render_to_string("accounts/email/password_reset.txt", context),
    )
    logger.info("password_reset_link_queued", user_id=user.pk)
    return queued


def user_for_reset_link(*, uidb64: str, token: str) -> User | None:
    """The user a reset link belongs to, or None if the link is malformed, spent or expired.

    The token hashes the password and last login, so it stops working once
    used; PASSWORD_RESET_TIMEOUT (one hour) bounds it in time.
    """
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)), is_active=True)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist, ValidationError):
        return None
    if not default_token_generator.check_token(user, token):
        return None
    return user


INVALID_RESET_LINK = "This password reset link is invalid or has expired. Please request a new one."


@transaction.atomic
def reset_password(*, uidb64: str, token: str, new_password: str) -> User:
    """Set a new password from a reset link; the link is then spent and every token dies."""
    user = user_for_reset_link(uidb64=uidb64, token=token)
    if user is None:
        raise ValidationError({"token": ValidationError(INVALID_RESET_LINK, code="invalid_token")})
    _validate_new_password(new_password, user=user, field="new_password")
    _set_password_and_revoke_tokens(user, new_password)
    logger.info("password_reset_completed", user_id=user.pk)
    return user


# --- practice reminders ---------------------------------------------------------------
# practice.reminders decides who is due (it may read practice); these are the writes.

UNSUBSCRIBE_SALT = "accounts.reminders.unsubscribe"
INVALID_UNSUBSCRIBE_LINK = "This unsubscribe link is not valid."


def reminder_unsubscribe_token(user: User) -> str:
    """A signed token (django.core.signing, SECRET_KEY) naming the user, for the one-click
    unsubscribe link of reminder mail. It does not expire: an old reminder's link still works."""
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_from_reminders(*, token: str) -> User:
    """Switch reminders off for the user a token names; no login needed, idempotent.

    Raises ValidationError keyed `token` for a tampered or unknown token.
    """
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = User.objects.get(pk=user_id, is_active=True)
    except (signing.BadSignature, TypeError, ValueError, User.DoesNotExist) as error:
        raise ValidationError(
            {"token": ValidationError(INVALID_UNSUBSCRIBE_LINK, code="invalid_token")}
        ) from error
    if user.reminders_enabled:
        user.reminders_enabled = False
        user.save(update_fields=["reminders_enabled"])
    logger.info("reminders_unsubscribed", user_id=user.pk)
    return user


def claim_reminder(*, user_id: int, local_date: date) -> bool:
    """Mark today's reminder (a local date) as sent; True for the one caller that marked it,
    False if it was already marked or reminders are off — so two runs never send twice."""
    claimed = (
        User.objects.filter(pk=user_id, reminders_enabled=True, is_active=True)
        .exclude(reminder_last_sent_on=local_date)
        .update(reminder_last_sent_on=local_date)
    )
    return claimed == 1
