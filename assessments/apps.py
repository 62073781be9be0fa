from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from django.urls import reverse

        from accounts.dashboard import register_panel
        from courses import gates
        from organisations.roles import Role

        from . import dashboard
        from .models import Attempt, QuizPage

        register_panel(
            key="assessments.open_attempts",
            role=Role.TRAINEE,
            template="assessments/dashboard/open_attempts.html",
            context=dashboard.open_attempts_context,
            order=20,
        )
        register_panel(
            key="assessments.attempt_requests",
            role=Role.COORDINATOR,
            template="assessments/dashboard/attempt_requests.html",
            context=dashboard.attempt_requests_context,
            order=10,
        )

        # A module with a quiz is complete once the quiz is passed; courses counts it as a
        # step of the module without importing this app.
        gates.register(
            gates.CompletionGate(
                label="quiz",
                page_model=QuizPage,
                passed_page_ids=lambda *, enrollment: Attempt.objects.filter(
                    enrollment=enrollment, passed=True
                ).values_list("quiz_id", flat=True),
                passed_pairs=lambda *, enrollment_ids: (
                    Attempt.objects.filter(enrollment_id__in=enrollment_ids, passed=True)
                    .order_by()
                    .values_list("enrollment_id", "quiz_id")
                    .distinct()
                ),
                results_url=lambda page: reverse(
                    "assessments:quiz_results", kwargs={"quiz_id": page.pk}
                ),
            )
        )
