from django.apps import AppConfig


class RenewalsConfig(AppConfig):
    name = "renewals"
    verbose_name = "Renewals"

    def ready(self) -> None:
        # receivers: Peerpath CE completed on a programme or module adds an activity.
        from certificates import expiry as certificates_expiry
        from practice import qualification as practice_qualification

        from . import receivers  # noqa: F401
        from .expiry import first_expiry
        from .qualification import supervisor_refusal

        # Approving practice hours asks whether the supervisor's own credential is current.
        practice_qualification.register(supervisor_refusal)
        # Issuing asks when the first cycle ends where the board's rules anchor it elsewhere.
        certificates_expiry.register(first_expiry)
