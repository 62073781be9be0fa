from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Template tags (``idempotency``), the start-up check of TRUSTED_PROXIES and the
    public address; no models."""

    name = "core"
    verbose_name = "Peerpath core"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the production settings checks)
        from .http import trusted_proxies

        # A mistyped TRUSTED_PROXIES stops every process at start-up (web, worker,
        # manage.py), rather than failing each request that asks for the client's address.
        trusted_proxies()
