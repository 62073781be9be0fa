from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Certificates"

    def ready(self) -> None:
        from . import checks, receivers  # noqa: F401  (checks: signing keys in production;
        # receivers: issues credentials when enrolments progress)
