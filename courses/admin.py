"""Enrolments for support staff: who takes which programme, and how far they are.

Read-only: enrolling and completing go through ``courses.services``.
"""

from django.contrib import admin

from core.admin import EvidenceAdmin, EvidenceInline

from .models import Enrollment, LessonCompletion


class LessonCompletionInline(EvidenceInline):
    model = LessonCompletion
    fields = ["lesson", "completed_at"]
    ordering = ["completed_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("lesson")


@admin.register(Enrollment)
class EnrollmentAdmin(EvidenceAdmin):
    list_display = ["trainee", "programme", "cohort", "last_activity_at", "completed_at"]
    list_filter = ["programme", ("completed_at", admin.EmptyFieldListFilter), "started_at"]
    list_select_related = ["trainee", "programme", "cohort__programme"]
    search_fields = ["trainee__email", "trainee__last_name", "cohort__name"]
    date_hierarchy = "started_at"
    fields = ["trainee", "programme", "cohort", "started_at", "last_activity_at", "completed_at"]
    inlines = [LessonCompletionInline]
