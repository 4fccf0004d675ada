"""Rate limits per client address, counted in the shared cache like the login lockout."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from yogaflow.core.caching import counters
from yogaflow.core.http import client_ip


class AddressRateThrottle(SimpleRateThrottle):
    """`default_rate` requests per client address, overridable in DEFAULT_THROTTLE_RATES[scope].

    The address is the one the lockout uses: X-Forwarded-For counts only behind
    settings.NUM_PROXIES proxies, so a client cannot dodge the limit by
    inventing the header (DRF's own get_ident would trust it). While the cache is
    unreachable the limit cannot be counted: CountersUnavailable (503), never a free pass.
    """

    default_rate: str

    def get_rate(self) -> str:
        # Read per request: api_settings follows override_settings, the class attribute does not.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or self.default_rate

    def allow_request(self, request, view) -> bool:
        # Counted in the shared cache: unreachable, the request is refused (503), not let through.
        with counters():
            return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
