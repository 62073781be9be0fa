from django.apps import AppConfig


class CoreConfig(AppConfig):
    """An app only so that Django finds the ``idempotency`` template tags; it has no models."""

    name = "core"
    verbose_name = "Peerpath core"
