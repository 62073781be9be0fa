import contextlib
import math
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.models import Page

from accounts.mfa import mfa_required
from core import ratelimit
from core.csv import csv_response
from core.idempotency import idempotent
from core.params import positive_int, positive_ints
from organisations.roles import Role, has_role, role_required

from . import bulk_enrolment, gates, reminders, services
from .forms import (
    CohortFilterForm,
    CoordinatorEnrolForm,
    EnrolForm,
    LessonSearchForm,
    ReflectionForm,
)
from .hours import training_hours_many
from .models import Enrollment, EnrolmentInvitation, LessonPage, ProgrammePage
from .search import lesson_search as find_lessons
from .selectors import DEFAULT_STALLED_DAYS, trainee_dashboard


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_POST
@idempotent
def enrol(request, programme_id: int):
    programme = get_object_or_404(ProgrammePage.objects.live().public(), pk=programme_id)
    form = EnrolForm(request.POST)
    form.is_valid()
    try:
        services.enrollment_create(
            trainee=request.user,
            programme=programme,
            invitation_code=form.cleaned_data.get("invitation_code", ""),
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"You are enrolled in {programme.title}.")
    # From the dashboard's list of open programs, back to the dashboard and its next step.
    if request.POST.get("back") == "dashboard":
        return redirect("dashboard")
    return redirect(programme.get_url(request))


def _live_lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _kept_phrases(request) -> list[str]:
    """The phrases the trainee chose to keep after a warning ("Save anyway"): each ``keep``
    value holds one or more, a line each."""
    return [line for value in request.POST.getlist("keep") for line in value.splitlines()]


def _lesson_page_again(
    request, lesson: LessonPage, *, texts: dict[str, str], feedback: dict, completing: bool = False
):
    """The lesson page as the trainee left it: their typed ``texts`` in the boxes, and next
    to each box what stopped it being saved (``feedback``: block id -> error or concerns).
    ``completing``: the trainee had asked to mark the lesson done, which waits for the text."""
    context = lesson.get_context(request)
    context["reflections"] = {**context["reflections"], **texts}
    context["reflection_feedback"] = feedback
    context["completion_held"] = next(iter(feedback)) if completing else ""
    return TemplateResponse(request, lesson.get_template(request), context, status=400)


def _concerns_json(concerns) -> list[dict]:
    return [{"phrase": c.phrase, "reason": c.reason} for c in concerns]


@login_required
@require_POST
def lesson_complete(request, lesson_id: int):
    lesson = _live_lesson(lesson_id)
    # What the trainee had typed in the lesson's reflection boxes (lesson.js sends it along):
    # marking the lesson done must not lose it.
    texts = {
        key.removeprefix("reflection-"): value
        for key, value in request.POST.items()
        if key.startswith("reflection-") and value.strip()
    }
    try:
        services.lesson_complete(
            trainee=request.user, lesson=lesson, reflections=texts, keep=_kept_phrases(request)
        )
    except services.ReflectionConcerns as error:
        return _lesson_page_again(
            request,
            lesson,
            texts=texts,
            feedback={error.block_id: {"concerns": error.concerns}},
            completing=True,
        )
    except services.LessonNotReadable as error:
        if _wants_json(request):
            return JsonResponse({"error": _error_text(error)}, status=403)
        messages.error(request, _error_text(error))
        return redirect(lesson.get_url(request))
    except services.LessonEvidenceMissing as error:
        if _wants_json(request):
            return JsonResponse({"error": _error_text(error)}, status=409)
        return _lesson_not_done_yet(request, lesson, texts=texts, error=error)
    except services.ReflectionInvalid as error:
        return _lesson_page_again(
            request,
            lesson,
            texts=texts,
            feedback={error.block_id: {"error": _error_text(error)}},
            completing=True,
        )
    except ValidationError as error:
        if _wants_json(request):
            return JsonResponse({"error": _error_text(error)}, status=400)
        messages.error(request, _error_text(error))
        return redirect(lesson.get_url(request))
    if _wants_json(request):
        return JsonResponse({"completed": True})
    messages.success(request, f"“{lesson.title}” marked as done.")
    # "next" is a hint for where to go: a live page beside this lesson in its module (the
    # next lesson, or the module's quiz after its last one); anything else is ignored.
    next_id = positive_int(request.POST.get("next"))
    following = (
        Page.objects.live()
        .filter(pk=next_id, path__startswith=lesson.path[: -lesson.steplen], depth=lesson.depth)
        .first()
        if next_id
        else None
    )
    return redirect((following or lesson).get_url(request))


def _lesson_not_done_yet(
    request, lesson: LessonPage, *, texts: dict[str, str], error: services.LessonEvidenceMissing
):
    """The lesson page again, saying next to the button what is still needed; what the
    trainee had typed is saved where it can be, and stays in its box either way."""
    kept = _kept_phrases(request)
    for block_id, text in texts.items():
        # One that cannot be saved is shown again in its box, as typed; autosave says why.
        with contextlib.suppress(ValidationError):
            services.reflection_save(
                trainee=request.user, lesson=lesson, block_id=block_id, text=text, keep=kept
            )
    context = lesson.get_context(request)
    context["reflections"] = {**context["reflections"], **texts}
    context["completion_refused"] = _error_text(error)
    return TemplateResponse(request, lesson.get_template(request), context, status=409)


def _count(value: str | None) -> int | None:
    """A whole number from 0 up, or None."""
    return 0 if value == "0" else positive_int(value, maximum=86_400)


# Heartbeats and the page's other reports, per trainee: a tab beats twice a minute, and
# opening a section or answering a question adds one each.
ENGAGEMENT_RATE = "40/m"


@login_required
@require_POST
def lesson_engagement(request, lesson_id: int):
    """The lesson page's heartbeat (lesson.js): active seconds, sections opened, answers."""
    lesson = _live_lesson(lesson_id)
    retry = ratelimit.hit("lesson-engagement", request.user.pk, ENGAGEMENT_RATE)
    if retry is not None:
        response = JsonResponse({"error": "Too many reports; wait a moment."}, status=429)
        response["Retry-After"] = str(math.ceil(retry))
        return response
    answers = {}
    for key, value in request.POST.items():
        option = _count(value)
        if key.startswith("answer-") and option is not None:
            answers[key.removeprefix("answer-")] = option
    try:
        result = services.lesson_engagement_beat(
            trainee=request.user,
            lesson=lesson,
            active_seconds=_count(request.POST.get("active_seconds")),
            opened=request.POST.getlist("opened"),
            answers=answers,
        )
    except services.LessonNotReadable as error:
        return JsonResponse({"error": _error_text(error)}, status=403)
    if result.done or result.evidence is None:
        return JsonResponse({"done": True})
    return JsonResponse(
        {
            "done": False,
            "ready": result.evidence.complete,
            "missing": result.evidence.message,
            "credited_seconds": result.credited_seconds,
        }
    )


@login_required
@require_POST
def reflection_save(request, lesson_id: int, block_id: str):
    """Save a reflection: by lesson.js as the trainee types (JSON), or by the form's button.

    Something that looks identifying is not saved until the trainee chooses "Save anyway";
    either way the answer comes next to the box, and typed text is never dropped.
    """
    lesson = _live_lesson(lesson_id)
    as_json = _wants_json(request)
    form = ReflectionForm(request.POST)
    text = request.POST.get("text", "")
    try:
        if not form.is_valid():
            raise ValidationError(" ".join(map(str, form.errors["text"])))
        reflection = services.reflection_save(
            trainee=request.user,
            lesson=lesson,
            block_id=block_id,
            text=form.cleaned_data["text"],
            keep=_kept_phrases(request),
        )
    except services.ReflectionConcerns as error:
        if as_json:
            return JsonResponse(
                {"saved": False, "concerns": _concerns_json(error.concerns)}, status=409
            )
        return _lesson_page_again(
            request,
            lesson,
            texts={block_id: text},
            feedback={block_id: {"concerns": error.concerns}},
        )
    except services.LessonNotReadable as error:
        if as_json:
            return JsonResponse({"saved": False, "error": _error_text(error)}, status=403)
        messages.error(request, _error_text(error))
        return redirect(lesson.get_url(request))
    except ValidationError as error:
        if as_json:
            return JsonResponse({"saved": False, "error": _error_text(error)}, status=400)
        if block_id not in lesson.reflection_block_ids():
            messages.error(request, _error_text(error))
            return redirect(lesson.get_url(request))
        return _lesson_page_again(
            request,
            lesson,
            texts={block_id: text},
            feedback={block_id: {"error": _error_text(error)}},
        )
    if as_json:
        return JsonResponse({"saved": True, "saved_at": reflection.updated_at.isoformat()})
    # The confirmation is the "Saved" note next to the box the page goes back to.
    return redirect(f"{lesson.get_url(request)}#reflection-{block_id}")


@role_required(Role.TRAINEE)
def my_training(request):
    return render(
        request, "courses/my_training.html", {"progress_list": trainee_dashboard(user=request.user)}
    )


@role_required(Role.TRAINEE)
def lesson_search(request):
    form = LessonSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    found = find_lessons(user=request.user, query=query) if query else None
    return render(
        request,
        "courses/search.html",
        {"query": query, "found": found, "form": form},
        status=400 if form.errors else 200,
    )


def _coordinated_programme(request, programme_id: int) -> ProgrammePage:
    """A programme the user coordinates; 404 for anything else, so ids reveal nothing."""
    programme = ProgrammePage.objects.filter(pk=programme_id).select_related("organisation").first()
    if programme is None or not has_role(
        request.user, Role.COORDINATOR, organisation=programme.organisation
    ):
        raise Http404("No program you coordinate has this id.")
    return programme


@role_required(Role.COORDINATOR)
@mfa_required
def coordinated_programmes(request):
    programmes = (
        ProgrammePage.objects.filter(
            organisation__memberships__user=request.user,
            organisation__memberships__role=Role.COORDINATOR,
        )
        .annotate(enrolled=Count("enrollments", distinct=True))
        .order_by("title")
    )
    return render(request, "courses/coordinated_programmes.html", {"programmes": programmes})


@role_required(Role.COORDINATOR)
@mfa_required
def cohort_progress(request, programme_id: int):
    programme = _coordinated_programme(request, programme_id)
    filters = CohortFilterForm(request.GET or None)
    stalled_days = (
        filters.cleaned_data.get("stalled_days") if filters.is_valid() else None
    ) or DEFAULT_STALLED_DAYS
    lessons_total = (
        LessonPage.objects.live().descendant_of(programme).filter(depth=programme.depth + 2).count()
    )
    stalled_before = timezone.now() - timedelta(days=stalled_days)
    enrollments = (
        Enrollment.objects.filter(programme=programme)
        .with_lessons_done()
        .select_related("trainee", "cohort")
        .order_by(F("last_activity_at").asc())
    )
    enrollments = list(enrollments)
    training = training_hours_many(enrollment_ids=[e.pk for e in enrollments])
    rows = [
        {
            "enrollment": e,
            "training": training[e.pk],
            "percent": round(100 * e.lessons_done / lessons_total) if lessons_total else 0,
            "stalled": e.completed_at is None and e.last_activity_at < stalled_before,
        }
        for e in enrollments
    ]
    if request.GET.get("format") == "csv":
        return csv_response(
            filename=f"{programme.slug}-progress.csv",
            header=[
                "Last name",
                "First name",
                "Email",
                "Cohort",
                "Enrolled",
                "Lessons done",
                "Lessons total",
                "Percent",
                "Training hours",
                "Last activity",
                "Completed",
                "Stalled",
            ],
            rows=(
                [
                    r["enrollment"].trainee.last_name,
                    r["enrollment"].trainee.first_name,
                    r["enrollment"].trainee.email,
                    r["enrollment"].cohort.name if r["enrollment"].cohort else "",
                    r["enrollment"].started_at.date().isoformat(),
                    r["enrollment"].lessons_done,
                    lessons_total,
                    r["percent"],
                    r["training"].hours,
                    r["enrollment"].last_activity_at.isoformat(timespec="minutes"),
                    r["enrollment"].completed_at.date().isoformat()
                    if r["enrollment"].completed_at
                    else "",
                    "yes" if r["stalled"] else "no",
                ]
                for r in rows
            ),
        )
    return render(
        request,
        "courses/cohort_progress.html",
        {
            "programme": programme,
            "rows": rows,
            "lessons_total": lessons_total,
            "filters": filters,
            "stalled_days": stalled_days,
            "enrol_form": CoordinatorEnrolForm(),
            "invitations": programme.invitations.filter(
                status=EnrolmentInvitation.Status.PENDING
            ).order_by("-created_at"),
            # Gate pages (quizzes) with a results page for coordinators, drafts included.
            "gate_results": [
                {"page": page, "url": gate.results_url(page)}
                for gate in gates.registered()
                if gate.results_url is not None
                for page in gate.page_model.objects.descendant_of(programme).order_by("path")
            ],
        },
    )


@role_required(Role.COORDINATOR)
@mfa_required
@require_POST
@idempotent
def coordinator_enrol(request, programme_id: int):
    programme = _coordinated_programme(request, programme_id)
    form = CoordinatorEnrolForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter a valid email address.")
        return redirect("courses:cohort_progress", programme_id=programme.pk)
    email = form.cleaned_data["email"]
    try:
        result = services.enrollment_by_email(
            coordinator=request.user, programme=programme, email=email
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        if result.outcome == "enrolled":
            messages.success(request, f"{email} is enrolled in {programme.title}.")
        elif result.outcome == "already":
            messages.info(request, f"{email} is already enrolled in {programme.title}.")
        else:
            assert result.invitation is not None  # outcome "invited"
            # The same words whether or not the address has an account: the answer must not
            # tell a coordinator who uses Peerpath elsewhere.
            messages.success(
                request,
                f"We sent an invitation to {result.invitation.email}. They are enrolled when "
                "they accept it, signed in with that address.",
            )
    return redirect("courses:cohort_progress", programme_id=programme.pk)


def _own_invitation(request, invitation_id: int):
    try:
        return services.invitation_for(user=request.user, invitation_id=invitation_id)
    except EnrolmentInvitation.DoesNotExist as error:
        raise Http404("No invitation to you has this number.") from error


@login_required
def invitation(request, invitation_id: int):
    """The invited person, signed in, reads the offer and accepts or declines it."""
    invitation = _own_invitation(request, invitation_id)
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            if accept:
                services.invitation_accept(user=request.user, invitation_id=invitation.pk)
            else:
                services.invitation_decline(user=request.user, invitation_id=invitation.pk)
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect("courses:invitation", invitation_id=invitation.pk)
        if accept:
            messages.success(request, f"You are enrolled in {invitation.programme.title}.")
            return redirect(invitation.programme.get_url(request))
        messages.info(request, f"You declined the invitation to {invitation.programme.title}.")
        return redirect("/")
    return render(request, "courses/invitation.html", {"invitation": invitation})


@role_required(Role.COORDINATOR)
@mfa_required
def coordinator_enrol_csv(request, programme_id: int):
    """Upload a CSV of people, check every row, confirm, then enrol or invite them all."""
    programme = _coordinated_programme(request, programme_id)
    context: dict = {"programme": programme, "columns": bulk_enrolment.COLUMNS}
    if request.method != "POST":
        return render(request, "courses/enrol_csv.html", context)
    token = request.POST.get("confirm", "")
    if token:
        try:
            rows = bulk_enrolment.rows_unsign(programme=programme, token=token)
            results = bulk_enrolment.enrollment_bulk_apply(
                coordinator=request.user, programme=programme, rows=rows
            )
        except (ValidationError, PermissionDenied) as error:
            text = _error_text(error) if isinstance(error, ValidationError) else str(error)
            context["errors"] = [f"Nothing was changed: {text}"]
            return render(request, "courses/enrol_csv.html", context, status=400)
        counts = {"enrolled": 0, "already": 0, "invited": 0}
        for _, result in results:
            counts[result.outcome] += 1
        messages.success(
            request,
            f"{counts['enrolled']} enrolled, {counts['invited']} invited by email, "
            f"{counts['already']} already enrolled.",
        )
        return redirect("courses:cohort_progress", programme_id=programme.pk)
    upload = request.FILES.get("file")
    if upload is None:
        context["errors"] = ["Choose a CSV file to upload."]
        return render(request, "courses/enrol_csv.html", context, status=400)
    read = bulk_enrolment.bulk_enrolment_read(data=upload.read(bulk_enrolment.MAX_BYTES + 1))
    context.update(read=read, errors=read.errors)
    if read.errors:
        return render(request, "courses/enrol_csv.html", context, status=400)
    context["token"] = bulk_enrolment.rows_sign(programme=programme, rows=read.rows)
    return render(request, "courses/enrol_csv.html", context)


@role_required(Role.COORDINATOR)
@mfa_required
@require_POST
@idempotent
def coordinator_remind(request, programme_id: int):
    """Remind the trainees chosen in the gradebook, once per stall each."""
    programme = _coordinated_programme(request, programme_id)
    ids = positive_ints(request.POST.getlist("enrollment"))
    back = request.POST.get("back", "")
    if not back.startswith(f"/coordinate/{programme.pk}/"):
        back = reverse("certificates:gradebook", kwargs={"programme_id": programme.pk})
    if not ids:
        messages.error(request, "Choose the trainees to remind first.")
        return redirect(back)
    sent, skipped = reminders.stall_reminders_send_chosen(
        coordinator=request.user, programme=programme, enrollment_ids=ids
    )
    text = f"Reminder sent to {sent} trainee{'' if sent == 1 else 's'}."
    if skipped:
        text += f" {skipped} not sent: already reminded since their last progress, or finished."
    messages.success(request, text)
    return redirect(back)
