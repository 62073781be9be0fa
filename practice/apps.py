from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Supervised practice"

    def ready(self) -> None:
        from accounts.dashboard import register_panel
        from courses import text_checks
        from organisations.roles import Role

        from . import dashboard, guard

        register_panel(
            key="practice.trainee",
            role=Role.TRAINEE,
            template="practice/dashboard/trainee.html",
            context=dashboard.trainee_practice_context,
            order=30,
        )
        register_panel(
            key="practice.supervisor",
            role=Role.SUPERVISOR,
            template="practice/dashboard/supervisor.html",
            context=dashboard.supervisor_context,
        )
        register_panel(
            key="practice.supervisor_requests",
            role=Role.COORDINATOR,
            template="practice/dashboard/supervisor_requests.html",
            context=dashboard.supervisor_requests_context,
            order=20,
        )

        # Lesson reflections get the same confidentiality check as practice notes; courses
        # shows it as a warning the trainee may override, without importing this app.
        text_checks.register(
            "confidentiality",
            lambda text: [
                text_checks.Concern(phrase=finding.text, reason=finding.reason)
                for finding in guard.find_identifiers(text)
            ],
        )
