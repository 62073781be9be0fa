"""Quiz attempts for support staff: scores and answers as the trainee gave them.

Read-only: an attempt is a record of what was shown and answered (see ``models.attempts``).
"""

from django.contrib import admin

from core.admin import EvidenceAdmin, EvidenceInline

from .models import Attempt, AttemptRequest, QuizOverride, Response


class ResponseInline(EvidenceInline):
    model = Response
    fields = ["position", "question", "points", "is_correct"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question")


@admin.register(Attempt)
class AttemptAdmin(EvidenceAdmin):
    list_display = ["trainee", "quiz", "number", "score_percent", "passed", "started_at"]
    list_filter = ["status", "passed", "quiz", "started_at"]
    list_select_related = ["enrollment__trainee", "quiz"]
    search_fields = ["enrollment__trainee__email", "enrollment__trainee__last_name"]
    date_hierarchy = "started_at"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "trainee",
                    "quiz",
                    "number",
                    "status",
                    "pass_mark",
                    "score_percent",
                    "passed",
                    "started_at",
                    "submitted_at",
                ]
            },
        ),
        ("As shown", {"classes": ["collapse"], "fields": ["questions"]}),
    ]
    inlines = [ResponseInline]

    @admin.display(description="Trainee", ordering="enrollment__trainee__last_name")
    def trainee(self, attempt: Attempt):
        return attempt.enrollment.trainee


@admin.register(QuizOverride)
class QuizOverrideAdmin(EvidenceAdmin):
    """Coordinators' exceptions, with who and why: made on the learner record, kept here."""

    list_display = ["at", "kind", "quiz", "enrollment", "by_name"]
    list_filter = ["kind", "at"]
    list_select_related = ["quiz", "enrollment__trainee", "enrollment__programme"]
    search_fields = ["enrollment__trainee__email", "enrollment__trainee__last_name", "by_name"]
    date_hierarchy = "at"


@admin.register(AttemptRequest)
class AttemptRequestAdmin(EvidenceAdmin):
    list_display = ["requested_at", "quiz", "enrollment", "closed_at"]
    list_filter = ["requested_at", "closed_at"]
    list_select_related = ["quiz", "enrollment__trainee", "enrollment__programme"]
    search_fields = ["enrollment__trainee__email", "enrollment__trainee__last_name"]
    date_hierarchy = "requested_at"
