from django.apps import AppConfig


class RenewalsConfig(AppConfig):
    name = "renewals"
    verbose_name = "Renewals"

    def ready(self) -> None:
        # receivers: Peerpath CE completed on a programme or module adds an activity.
        from . import receivers  # noqa: F401
