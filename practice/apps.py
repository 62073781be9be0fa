from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Supervised practice"

    def ready(self) -> None:
        from courses import text_checks

        from . import guard

        # Lesson reflections get the same confidentiality check as practice notes; courses
        # shows it as a warning the trainee may override, without importing this app.
        text_checks.register(
            "confidentiality",
            lambda text: [
                text_checks.Concern(phrase=finding.text, reason=finding.reason)
                for finding in guard.find_identifiers(text)
            ],
        )
