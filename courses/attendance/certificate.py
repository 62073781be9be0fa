"""The certificate of attendance: one PDF per trainee for a programme's live sessions.

In the form boards ask of attendance certificates: the participant's name, the title, the
dates, the minutes of each session and the hours credited by domain (under the programme's
attendance policy), the facilitators, the sponsor (the provider) and the approving body
(the programme's requirement profile, where it has one).
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import AttendanceRecord, CompetencyDomain, Enrollment
from . import selectors

STYLESHEET = Path(settings.BASE_DIR) / "templates" / "courses" / "sessions" / "certificate.css"


def certificate_context(*, enrollment: Enrollment) -> dict:
    records = list(
        AttendanceRecord.objects.filter(enrollment=enrollment, minutes_attended__gt=0)
        .select_related("session")
        .prefetch_related("session__facilitators")
        .order_by("session__starts_at")
    )
    credited = selectors.credited_session_minutes([enrollment.pk])[enrollment.pk]
    names = dict(CompetencyDomain.objects.filter(pk__in=credited).values_list("pk", "name"))
    facilitators = sorted(
        {
            user.get_full_name() or user.email
            for record in records
            for user in record.session.facilitators.all()
        }
    )
    programme = enrollment.programme
    profile = programme.requirement_profile
    return {
        "holder": enrollment.trainee.name_for_certificate() or enrollment.trainee.email,
        "programme": programme.title,
        "provider": programme.organisation.name,
        "approving_body": profile.name if profile else "",
        "records": records,
        "first": records[0].session.starts_at if records else None,
        "last": records[-1].session.starts_at if records else None,
        "minutes_attended": sum(r.minutes_attended for r in records),
        "domains": sorted(
            ({"name": names[d], "hours": selectors.hours(m)} for d, m in credited.items()),
            key=lambda item: item["name"],
        ),
        "total_hours": selectors.hours(sum(credited.values())),
        "facilitators": facilitators,
        "issued_on": timezone.localdate(),
    }


def certificate_pdf(*, enrollment: Enrollment) -> bytes:
    from core.pdf import html_to_pdf, stylesheet

    html = render_to_string(
        "courses/sessions/certificate.html", certificate_context(enrollment=enrollment)
    )
    return html_to_pdf(html, stylesheets=[stylesheet(STYLESHEET)])
