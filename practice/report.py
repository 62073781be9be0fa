"""The signed practice-hours report a certification board asks for."""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.pdf import html_to_pdf
from courses.models import Enrollment
from notifications.services import absolute_link

from .models import Decision, LogEntry
from .selectors import practice_totals


def report_context(*, enrollment: Enrollment) -> dict:
    entries = (
        LogEntry.objects.filter(enrollment=enrollment)
        .counting()
        .select_related("category", "domain")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.filter(outcome=Decision.Outcome.APPROVED),
                to_attr="approvals",
            )
        )
        .order_by("date", "pk")
    )
    return {
        "enrollment": enrollment,
        "trainee": enrollment.trainee,
        "programme": enrollment.programme,
        "organisation": enrollment.programme.organisation,
        "entries": entries,
        "totals": practice_totals(enrollment=enrollment),
        "generated_at": timezone.now(),
        "check_url": absolute_link(reverse("practice:check")),
    }


def render_report_pdf(*, enrollment: Enrollment) -> bytes:
    html = render_to_string("practice/report.html", report_context(enrollment=enrollment))
    return html_to_pdf(html)
