from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "verification"
    verbose_name = "Credential verification"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (keeps credentials' answers current in Redis)
