"""Brute-force lockout, counted in the shared cache.

Two rules, numbers from settings: `LOGIN_FAILURE_LIMIT` failures for one
account from one address within `LOGIN_FAILURE_WINDOW` lock that pair for
`LOGIN_LOCKOUT_DURATION`; more than `LOGIN_FAILURE_IP_LIMIT` failures from one
address, whatever the accounts, lock the address. Counters live in the cache
so every gunicorn worker and host sees the same numbers when CACHE_URL points
at Redis. Keys hold a hash, never the email address itself.

Every password check goes through here with the same limits: the page and API logins, the
admin login, the current password of a password change (page and API) and the password that
confirms an account's deletion (accounts.services.check_password). While the counters
cannot be read (the cache is down), each of these raises CountersUnavailable (503): a check
that cannot count is refused, never let through uncounted.
"""

import hashlib
import time

from django.conf import settings

from accounts.exceptions import LoginLocked
from yogaflow.core.caching import counters

PREFIX = "lockout:v1"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


def _keys(email: str, ip: str) -> dict[str, str]:
    pair = _digest(email.strip().lower(), ip)
    address = _digest(ip)
    return {
        "pair_count": f"{PREFIX}:pair:{pair}:count",
        "pair_lock": f"{PREFIX}:pair:{pair}:lock",
        "ip_count": f"{PREFIX}:ip:{address}:count",
        "ip_lock": f"{PREFIX}:ip:{address}:lock",
    }


def _seconds(delta) -> int:
    return int(delta.total_seconds())


def ensure_not_locked(*, email: str, ip: str) -> None:
    """Raise LoginLocked while the pair or the address is locked."""
    keys = _keys(email, ip)
    with counters() as cache:
        locks = cache.get_many([keys["pair_lock"], keys["ip_lock"]])
    if locks:
        until = max(locks.values())
        raise LoginLocked(retry_after=max(1, int(until - time.time())))


def _bump(cache, key: str, timeout: int) -> int:
    # add() starts the window only if no counter exists; incr() is atomic on Redis.
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=timeout)
        return 1


def record_failure(*, email: str, ip: str) -> bool:
    """Count one failed login; return True if it locked the pair or the address."""
    keys = _keys(email, ip)
    lock_seconds = _seconds(settings.LOGIN_LOCKOUT_DURATION)
    until = time.time() + lock_seconds
    window = _seconds(settings.LOGIN_FAILURE_WINDOW)
    locked = False
    with counters() as cache:
        if _bump(cache, keys["pair_count"], window) >= settings.LOGIN_FAILURE_LIMIT:
            cache.set(keys["pair_lock"], until, timeout=lock_seconds)
            cache.delete(keys["pair_count"])
            locked = True
        if _bump(cache, keys["ip_count"], window) > settings.LOGIN_FAILURE_IP_LIMIT:
            cache.set(keys["ip_lock"], until, timeout=lock_seconds)
            cache.delete(keys["ip_count"])
            locked = True
    return locked


def clear_failures(*, email: str, ip: str) -> None:
    """A successful login forgets that pair's failures (the address count stays)."""
    with counters() as cache:
        cache.delete(_keys(email, ip)["pair_count"])


RESET_EMAILS_PER_HOUR = 3


def allow_reset_email(*, user_id: int) -> bool:
    """Count one reset email for the account; False once the hour's allowance is spent."""
    with counters() as cache:
        sent = _bump(cache, f"{PREFIX}:reset:{user_id}:count", 60 * 60)
    return sent <= RESET_EMAILS_PER_HOUR
