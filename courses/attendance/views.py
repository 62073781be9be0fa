"""Pages for live sessions: facilitators and coordinators schedule, take attendance, show the
rotating check-in code and import meeting reports; trainees check in and follow theirs."""

from functools import wraps

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.mfa import mfa_challenge, mfa_required
from core.params import positive_int
from organisations.roles import has_any_role

from ..models import AttendanceChange, AttendanceRecord, Cohort, Enrollment, LiveSession
from . import access, selectors, services, tokens
from .forms import ReportUploadForm, ScheduleForm
from .importer import MAX_BYTES, ReportRefused


def facilitators_only(view_func):
    """Signed-in provider staff who may facilitate (coordinators, supervisors) or anyone
    facilitating a session; others get 403 before being asked for a second factor."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (
            has_any_role(request.user, access.FACILITATOR_ROLES)
            or request.user.facilitated_sessions.exists()
        ):
            raise PermissionDenied("Live sessions are run by the provider's facilitators.")
        return mfa_required(view_func)(request, *args, **kwargs)

    return wrapper


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@facilitators_only
def session_list(request):
    sessions = (
        selectors.sessions_with_domains()
        .filter(pk__in=access.editable_sessions(request.user).values("pk"))
        .order_by("-starts_at")
    )
    cohorts = access.schedulable_cohorts(request.user)
    coordinated = Cohort.objects.filter(
        programme__organisation__in=access.coordinated_organisation_ids(request.user)
    ).select_related("programme")
    if not sessions and not cohorts.exists():
        raise PermissionDenied("You facilitate no sessions and may schedule none.")
    now = timezone.now()
    return render(
        request,
        "courses/sessions/list.html",
        {
            "upcoming": [s for s in sessions if s.ends_at >= now][::-1],
            "past": [s for s in sessions if s.ends_at < now],
            "may_schedule": cohorts.exists(),
            "coordinated_cohorts": coordinated,
        },
    )


@facilitators_only
def session_schedule(request):
    if not access.schedulable_cohorts(request.user).exists():
        raise PermissionDenied("Only the provider's coordinators and facilitators schedule.")
    form = ScheduleForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.session_schedule(
                actor=request.user,
                cohort=data["cohort"],
                title=data["title"],
                place=data["place"],
                meeting_link=data["meeting_link"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                facilitators=data["facilitators"],
                domain_minutes=form.domain_minutes(),
                make_up_for=data["make_up_for"],
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, f"“{session.title}” is scheduled.")
            return redirect("courses:session_register", session_id=session.pk)
    return render(
        request,
        "courses/sessions/schedule.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _register_rows(session: LiveSession):
    enrollments = (
        Enrollment.objects.filter(cohort=session.cohort)
        .select_related("trainee")
        .order_by("trainee__last_name", "trainee__first_name", "pk")
    )
    records = {r.enrollment_id: r for r in AttendanceRecord.objects.filter(session=session)}
    return [{"enrollment": e, "record": records.get(e.pk)} for e in enrollments]


@facilitators_only
def session_register(request, session_id: int):
    """The register, on a phone or a laptop: one row per trainee of the cohort."""
    session = access.editable_session_or_404(request.user, session_id)
    rows = _register_rows(session)
    errors: list[str] = []
    if request.method == "POST":
        entries = []
        for row in rows:
            pk = row["enrollment"].pk
            status = request.POST.get(f"status-{pk}", "")
            if not status:
                continue
            if status not in AttendanceRecord.Status.values:
                errors.append("Choose present, late, left early or absent.")
                break
            raw_minutes = request.POST.get(f"minutes-{pk}", "").strip()
            minutes = int(raw_minutes) if raw_minutes.isdecimal() else None
            entries.append(
                services.RegisterEntry(
                    pk, status, minutes, request.POST.get(f"note-{pk}", "").strip()[:500]
                )
            )
        if not errors:
            try:
                changed = services.register_save(
                    actor=request.user,
                    session=session,
                    entries=entries,
                    reason=request.POST.get("reason", ""),
                )
            except ValidationError as error:
                errors.append(_error_text(error))
            else:
                messages.success(
                    request,
                    f"Register saved: {changed} record{'' if changed == 1 else 's'} changed.",
                )
                return redirect("courses:session_register", session_id=session.pk)
    return render(
        request,
        "courses/sessions/register.html",
        {
            "session": session,
            "rows": rows,
            "errors": errors,
            "posted": request.POST if errors else None,
            "statuses": AttendanceRecord.Status.choices,
            "changes": AttendanceChange.objects.filter(record__session=session)
            .select_related("actor", "record__enrollment__trainee")
            .order_by("-created_at", "-pk")[:50],
        },
        status=400 if errors else 200,
    )


def _direction(request) -> str:
    direction = request.GET.get("direction", "in")
    if direction not in tokens.DIRECTIONS:
        raise Http404("Check in or out.")
    return direction


def _code(request, session: LiveSession, direction: str) -> dict:
    token = tokens.token_make(session_id=session.pk, direction=direction)
    url = request.build_absolute_uri(reverse("courses:check_in", kwargs={"token": token}))
    return {
        "token": token,
        "url": url,
        "qr": segno.make(url, error="m").svg_data_uri(scale=6, dark="#1d2433"),
        "rotate_seconds": tokens.ROTATE_SECONDS,
    }


@facilitators_only
@never_cache
def session_qr(request, session_id: int):
    """The rotating check-in (or check-out) code, shown to the room."""
    session = access.editable_session_or_404(request.user, session_id)
    direction = _direction(request)
    return render(
        request,
        "courses/sessions/qr.html",
        {"session": session, "direction": direction, **_code(request, session, direction)},
    )


@facilitators_only
@never_cache
def session_qr_json(request, session_id: int):
    session = access.editable_session_or_404(request.user, session_id)
    return JsonResponse(_code(request, session, _direction(request)))


@login_required
def check_in(request, token: str):
    """What the trainee's phone opens from the code: confirm, then checked in (or out)."""
    try:
        parsed = tokens.token_read(token)
    except tokens.TokenRefused as error:
        return render(
            request, "courses/sessions/check_in.html", {"refused": str(error)}, status=400
        )
    session = LiveSession.objects.filter(pk=parsed.session_id).first()
    context: dict = {"session": session, "direction": parsed.direction, "token": token}
    if request.method == "POST":
        try:
            record = services.check_in(user=request.user, token=token)
        except tokens.TokenRefused as error:
            context["refused"] = str(error)
            return render(request, "courses/sessions/check_in.html", context, status=400)
        context["record"] = record
    return render(request, "courses/sessions/check_in.html", context)


@facilitators_only
def session_import(request, session_id: int):
    """Upload a meeting's participant report; then resolve the rows matched to nobody."""
    session = access.editable_session_or_404(request.user, session_id)
    form = ReportUploadForm(request.POST or None, request.FILES or None)
    context: dict = {"session": session, "form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["report"]
        try:
            outcome = services.report_import(
                actor=request.user,
                session=session,
                data=upload.read(MAX_BYTES + 1),
                filename=upload.name,
            )
        except ReportRefused as error:
            context["refused"] = str(error)
            return render(request, "courses/sessions/import.html", context, status=400)
        context.update(outcome=outcome, trainees=_register_rows(session))
    return render(request, "courses/sessions/import.html", context)


@facilitators_only
@require_POST
def session_import_resolve(request, session_id: int):
    session = access.editable_session_or_404(request.user, session_id)
    token = request.POST.get("rows", "")
    try:
        payload = services.unmatched_read(session=session, token=token)
        choices = {
            index: positive_int(request.POST.get(f"assign-{index}"))
            for index in range(len(payload["rows"]))
        }
        written = services.unmatched_resolve(
            actor=request.user, session=session, token=token, choices=choices
        )
    except ValidationError as error:
        messages.error(request, f"Nothing was changed: {_error_text(error)}")
        return redirect("courses:session_import", session_id=session.pk)
    ignored = sum(1 for value in choices.values() if not value)
    messages.success(
        request,
        f"{written} record{'' if written == 1 else 's'} written from the rows you assigned; "
        f"{ignored} ignored.",
    )
    return redirect("courses:session_register", session_id=session.pk)


@facilitators_only
def cohort_attendance(request, cohort_id: int):
    """Every session of a cohort by every trainee: coordinators of the programme's provider."""
    cohort = get_object_or_404(
        Cohort.objects.select_related("programme").filter(
            programme__organisation__in=access.coordinated_organisation_ids(request.user)
        ),
        pk=cohort_id,
    )
    return render(
        request,
        "courses/sessions/cohort.html",
        {"grid": selectors.cohort_attendance(cohort=cohort)},
    )


# ---------------------------------------------------------------- trainees


@login_required
def my_sessions(request):
    """A trainee's live sessions, their attendance, hours credited, and calendar address."""
    from . import calendar

    if request.method == "POST" and request.POST.get("action") == "reset-calendar":
        calendar.feed_reset(user=request.user)
        messages.success(
            request, "Your calendar address is new. The old one no longer works anywhere."
        )
        return redirect("courses:my_sessions")
    feed = calendar.feed_for(request.user)
    context = selectors.trainee_sessions(user=request.user)
    context["feed_url"] = request.build_absolute_uri(
        reverse("courses:calendar_feed", kwargs={"token": feed.token})
    )
    context["hours"] = selectors.trainee_domain_hours(enrollments=context["enrollments"])
    return render(request, "courses/sessions/mine.html", context)


@never_cache
def calendar_feed(request, token: str):
    """The .ics feed: no sign-in (calendar apps cannot), the token is the credential."""
    from ..models import CalendarFeed
    from . import calendar

    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404("No calendar has this address.")
    sessions = (
        LiveSession.objects.filter(cohort__enrollments__trainee=feed.user)
        .select_related("cohort__programme")
        .order_by("starts_at")
    )
    body = calendar.ics(
        sessions=sessions, host=request.get_host().split(":")[0], name="Peerpath sessions"
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="peerpath-sessions.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def attendance_certificate(request, enrollment_id: int):
    """The trainee's certificate of attendance: for them and the programme's coordinators."""
    from .certificate import certificate_pdf

    enrollment = get_object_or_404(
        Enrollment.objects.select_related(
            "trainee", "programme__organisation", "programme__requirement_profile"
        ),
        pk=enrollment_id,
    )
    if enrollment.trainee_id != request.user.pk:
        if not access.is_programme_coordinator(request.user, enrollment.programme):
            raise Http404("No certificate of yours has this number.")
        challenge = mfa_challenge(request)
        if challenge is not None:
            return challenge
    response = HttpResponse(certificate_pdf(enrollment=enrollment), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="attendance-{enrollment.programme.slug}-{enrollment.pk}.pdf"'
    )
    return response


@facilitators_only
def attendance_policy(request, programme_id: int):
    """A programme's attendance policy, set by its provider's coordinators."""
    from ..models import AttendancePolicy, ProgrammePage
    from .forms import PolicyForm

    programme = get_object_or_404(
        ProgrammePage.objects.filter(
            organisation__in=access.coordinated_organisation_ids(request.user)
        ),
        pk=programme_id,
    )
    policy = AttendancePolicy.objects.filter(programme=programme).first() or AttendancePolicy(
        programme=programme
    )
    form = PolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"The attendance policy of {programme.title} is saved.")
        return redirect("courses:session_list")
    return render(
        request,
        "courses/sessions/policy.html",
        {"programme": programme, "form": form},
        status=400 if form.errors else 200,
    )
