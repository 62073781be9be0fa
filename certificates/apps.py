from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Certificates"

    def ready(self) -> None:
        from accounts.dashboard import register_panel
        from organisations.roles import Role

        # checks: signing keys in production; receivers: issues credentials when enrolments
        # progress.
        from . import checks, dashboard, receivers  # noqa: F401

        register_panel(
            key="certificates.next_steps",
            role=Role.TRAINEE,
            template="certificates/dashboard/trainee.html",
            context=dashboard.trainee_todo_context,
            order=10,
        )
