import math
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.mfa import mfa_required
from core import ratelimit
from core.csv import csv_response
from core.dates import long_date
from core.http import client_ip
from core.idempotency import idempotent
from core.params import positive_int, positive_ints
from courses.models import Enrollment
from courses.selectors import own_enrollment_or_404
from courses.templatetags.courses_tags import hours as format_hours
from organisations.models import Organisation
from organisations.roles import Role, role_required

from . import qualification, services
from .charts import week_chart
from .forms import AssignmentForm, DecisionForm, EntryForm, QueueFilterForm
from .models import Decision, LogEntry, SupervisorAssignment
from .report import render_report_pdf
from .selectors import (
    entry_last_return,
    log_entries_for_export,
    practice_totals,
    signoff_check,
    supervisees,
    supervision_status,
    supervisor_decisions,
    supervisor_queue_page,
    weekly_hours,
)

# The query-string parameters of the sign-off queue's filters (QueueFilterForm's fields).
QUEUE_FILTERS = ("trainee", "category", "date_from", "date_to")


def _own_enrollment(request, enrollment_id: int) -> Enrollment:
    return own_enrollment_or_404(user=request.user, enrollment_id=enrollment_id)


def _own_entry(request, entry_id: int) -> LogEntry:
    entry = (
        LogEntry.objects.select_related("enrollment__programme", "category", "domain")
        .filter(pk=entry_id, enrollment__trainee=request.user)
        .first()
    )
    if entry is None:
        raise Http404("No entry of yours has this number.")
    return entry


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error("hours" if field == "minutes" else field, errors)
    else:
        form.add_error(None, error.messages)


@role_required(Role.TRAINEE)
def log_index(request):
    enrollments = list(Enrollment.objects.filter(trainee=request.user).select_related("programme"))
    if len(enrollments) == 1:
        return redirect("practice:log", enrollment_id=enrollments[0].pk)
    return render(request, "practice/log_index.html", {"enrollments": enrollments})


@role_required(Role.TRAINEE)
def log(request, enrollment_id: int):
    enrollment = _own_enrollment(request, enrollment_id)
    entries = Paginator(
        LogEntry.objects.filter(enrollment=enrollment)
        .select_related("category", "domain", "corrects")
        .prefetch_related("decisions"),
        50,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "practice/log.html",
        {
            "enrollment": enrollment,
            "entries": entries,
            "totals": practice_totals(enrollment=enrollment),
            "chart": week_chart(weekly_hours(enrollment=enrollment)),
            "supervision": supervision_status(enrollment=enrollment),
            "drafts": LogEntry.objects.filter(
                enrollment=enrollment, status=LogEntry.Status.DRAFT
            ).count(),
        },
    )


def _submit_after_saving(request, entry: LogEntry, saved: str) -> None:
    """Save and submit: the entry is saved either way; say whether it went for sign-off."""
    try:
        services.entry_submit(trainee=request.user, entry_id=entry.pk, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, f"{saved} It was not submitted: {' '.join(error.messages)}")
    else:
        messages.success(request, f"{saved} Submitted to your supervisor for sign-off.")


@role_required(Role.TRAINEE)
@idempotent
def entry_new(request, enrollment_id: int):
    enrollment = _own_enrollment(request, enrollment_id)
    corrects = None
    if request.GET.get("corrects"):
        corrects_id = positive_int(request.GET["corrects"])
        if corrects_id is None:
            raise Http404("No entry of yours has this number.")
        corrects = _own_entry(request, corrects_id)
    form = EntryForm(
        request.POST or None,
        categories=services.allowed_categories(enrollment),
        initial=EntryForm.initial_from(corrects) if corrects else {"date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_create(
                trainee=request.user,
                enrollment=enrollment,
                ip=client_ip(request),
                corrects=corrects,
                **form.entry_fields(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if request.POST.get("and_submit"):
                _submit_after_saving(request, entry, "Saved.")
            else:
                messages.success(
                    request, "Saved as a draft. Submit it when it is ready for sign-off."
                )
            return redirect("practice:log", enrollment_id=enrollment.pk)
    return render(
        request,
        "practice/entry_form.html",
        {"form": form, "enrollment": enrollment, "corrects": corrects},
        status=400 if form.errors else 200,
    )


@role_required(Role.TRAINEE)
def entry_edit(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    if entry.status == LogEntry.Status.SUBMITTED:
        messages.error(
            request, "This entry is waiting for sign-off. Withdraw it first to change it."
        )
        return redirect("practice:log", enrollment_id=entry.enrollment_id)
    if not entry.is_editable:
        messages.error(request, "Approved entries are locked. Add a correction instead.")
        return redirect("practice:log", enrollment_id=entry.enrollment_id)
    form = EntryForm(
        request.POST or None,
        categories=services.allowed_categories(entry.enrollment),
        initial=EntryForm.initial_from(entry),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(
                trainee=request.user,
                entry_id=entry.pk,
                ip=client_ip(request),
                **form.entry_fields(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if request.POST.get("and_submit"):
                _submit_after_saving(request, entry, "Entry updated.")
            else:
                messages.success(request, "Entry updated.")
            return redirect("practice:log", enrollment_id=entry.enrollment_id)
    return render(
        request,
        "practice/entry_form.html",
        {
            "form": form,
            "enrollment": entry.enrollment,
            "entry": entry,
            "corrects": entry.corrects,
            "returned": entry_last_return(entry=entry),
        },
        status=400 if form.errors else 200,
    )


def _delete_confirmation(request, entry: LogEntry):
    """Deleting a draft cannot be undone: a page that says what goes, posting confirm=yes."""
    return render(
        request,
        "includes/confirm_page.html",
        {
            "heading": "Delete this draft?",
            "consequences": [
                f"The draft entry of {long_date(entry.date)} "
                f"({format_hours(entry.hours)} hours, {entry.category.name}) is deleted from "
                "your practice log.",
                "It was never submitted, so no supervisor has seen it.",
            ],
            "irreversible": True,
            "action_url": request.path,
            "button_label": "Delete the draft",
            "cancel_url": reverse("practice:log", args=[entry.enrollment_id]),
        },
    )


@role_required(Role.TRAINEE)
@require_http_methods(["GET", "HEAD", "POST"])
def entry_action(request, entry_id: int, action: str):
    entry = _own_entry(request, entry_id)
    if action == "delete" and (request.method != "POST" or request.POST.get("confirm") != "yes"):
        return _delete_confirmation(request, entry)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        if action == "submit":
            services.entry_submit(trainee=request.user, entry_id=entry.pk, ip=client_ip(request))
            messages.success(request, "Submitted to your supervisor for sign-off.")
        elif action == "withdraw":
            services.entry_withdraw(trainee=request.user, entry_id=entry.pk, ip=client_ip(request))
            messages.success(
                request, "Withdrawn: the entry is a draft again. Edit it and submit it again."
            )
        elif action == "delete":
            services.entry_delete(trainee=request.user, entry_id=entry.pk, ip=client_ip(request))
            messages.success(request, "Draft deleted.")
        else:
            raise Http404("Unknown action.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("practice:log", enrollment_id=entry.enrollment_id)


@role_required(Role.TRAINEE)
@require_POST
def submit_drafts(request, enrollment_id: int):
    enrollment = _own_enrollment(request, enrollment_id)
    try:
        count = services.entries_submit_drafts(
            trainee=request.user, enrollment=enrollment, ip=client_ip(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if count:
            messages.success(
                request,
                f"Submitted {count} {'entry' if count == 1 else 'entries'} to your "
                "supervisor for sign-off.",
            )
        else:
            messages.info(request, "You have no drafts to submit.")
    return redirect("practice:log", enrollment_id=enrollment.pk)


def _hours_text(minutes: int) -> str:
    return format_hours(Decimal(minutes) / 60)


@role_required(Role.TRAINEE)
def log_csv(request, enrollment_id: int):
    """The trainee's own log as a spreadsheet: every entry, with its latest decision."""
    enrollment = _own_enrollment(request, enrollment_id)
    rows = []
    for entry in log_entries_for_export(enrollment=enrollment):
        decisions = list(entry.decisions.all())
        decision = decisions[-1] if decisions else None
        rows.append(
            [
                entry.date.isoformat(),
                _hours_text(entry.minutes),
                entry.category.name,
                entry.domain.name,
                entry.get_setting_display(),
                entry.get_status_display(),
                entry.reflection,
                entry.corrects.date.isoformat() if entry.corrects else "",
                decision.get_outcome_display() if decision else "",
                decision.supervisor_name if decision else "",
                timezone.localdate(decision.decided_at).isoformat() if decision else "",
                decision.comment if decision else "",
                decision.verification_code
                if decision and decision.outcome == decision.Outcome.APPROVED
                else "",
            ]
        )
    return csv_response(
        filename=f"practice-log-{enrollment.programme.slug}.csv",
        bom=True,
        header=[
            "Date",
            "Hours",
            "Category",
            "Competency domain",
            "Setting",
            "Status",
            "Reflection",
            "Corrects the entry of",
            "Last decision",
            "Decided by",
            "Decided on",
            "Supervisor's comment",
            "Verification code",
        ],
        rows=rows,
    )


@role_required(Role.TRAINEE)
def report_pdf(request, enrollment_id: int):
    enrollment = _own_enrollment(request, enrollment_id)
    pdf = render_report_pdf(enrollment=enrollment)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="practice-hours-{enrollment.programme.slug}.pdf"'
    )
    return response


def _queue_filter_form(request) -> QueueFilterForm:
    """The queue's filters from the query string (of the queue, or of a form posted from it)."""
    return QueueFilterForm(
        request.GET if any(name in request.GET for name in QUEUE_FILTERS) else None,
        trainees=supervisees(supervisor=request.user),
    )


def _queue_query(filter_form: QueueFilterForm, page: str | None = None) -> str:
    """The valid filters (and the page) as a query string, to come back to the same view."""
    params = filter_form.query()
    if page is not None and positive_int(page) is not None:
        params["page"] = page
    return urlencode(params)


def _back_to_queue(request):
    query = _queue_query(_queue_filter_form(request), request.GET.get("page"))
    return redirect(reverse("practice:queue") + (f"?{query}" if query else ""))


def _render_queue(request, *, row_error: dict | None = None, status: int = 200):
    """The queue page; ``row_error`` is a refused return, shown on the entry's own row."""
    filter_form = _queue_filter_form(request)
    if filter_form.is_bound and not filter_form.is_valid():
        status = 400
    queue_page = supervisor_queue_page(
        supervisor=request.user, page_number=request.GET.get("page"), **filter_form.filters()
    )
    if row_error and not any(
        entry.pk == row_error["entry_id"] for group in queue_page.groups for entry in group.entries
    ):
        # Not on this page any more (the page moved under it): say it at the top instead.
        messages.error(request, f"The entry was not returned: {row_error['message']}")
        row_error = None
    query = _queue_query(filter_form)
    return render(
        request,
        "practice/queue.html",
        {
            "queue": queue_page,
            "page": queue_page.page,
            "filter_form": filter_form,
            "trainee_options": filter_form.options("trainee"),
            "category_options": filter_form.options("category"),
            "filtered": bool(filter_form.filters()),
            "query": query,
            "action_query": _queue_query(filter_form, request.GET.get("page")),
            "row_error": row_error,
            "comment_max_length": Decision.COMMENT_MAX_LENGTH,
            "cannot_approve": qualification.refusal(request.user),
        },
        status=status,
    )


@role_required(Role.SUPERVISOR)
@mfa_required
def queue(request):
    return _render_queue(request)


@role_required(Role.SUPERVISOR)
@mfa_required
def decided(request):
    page = Paginator(supervisor_decisions(supervisor=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "practice/decided.html", {"page": page})


@role_required(Role.SUPERVISOR)
@mfa_required
@require_POST
def decide(request, entry_id: int):
    """Approve or return one entry. A return refused for its comment comes back on the
    entry's own row, with the comment as typed; the queue's filters and page are kept."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        if "comment" in form.errors and form.data.get("decision") == "return":
            return _render_queue(
                request,
                row_error={
                    "entry_id": entry_id,
                    "message": form.error_text(),
                    "comment": form.data.get("comment", ""),
                },
                status=400,
            )
        messages.error(request, f"The entry was not decided: {form.error_text()}")
        return _back_to_queue(request)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.entry_decide(
            supervisor=request.user,
            entry_id=entry_id,
            approve=approve,
            comment=form.cleaned_data["comment"],
            ip=client_ip(request),
        )
    except LogEntry.DoesNotExist as error:
        raise Http404("No entry has this number.") from error
    except PermissionDenied:
        raise
    except ValidationError as error:
        if not approve and hasattr(error, "error_dict") and "comment" in error.error_dict:
            return _render_queue(
                request,
                row_error={
                    "entry_id": entry_id,
                    "message": " ".join(error.messages),
                    "comment": form.cleaned_data["comment"],
                },
                status=400,
            )
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Approved." if approve else "Returned to the trainee.")
    return _back_to_queue(request)


@role_required(Role.SUPERVISOR)
@mfa_required
@require_POST
def approve_selected(request):
    ids = positive_ints(request.POST.getlist("entries"))
    if ids is None:
        messages.error(request, "Nothing was approved: an entry number was not a number.")
        return _back_to_queue(request)
    if not ids:
        messages.error(request, "Tick the entries you want to approve.")
        return _back_to_queue(request)
    try:
        result = services.entries_approve(
            supervisor=request.user, entry_ids=ids, ip=client_ip(request)
        )
    except ValidationError as error:
        messages.error(request, f"Nothing was approved: {' '.join(error.messages)}")
        return _back_to_queue(request)
    if result["approved"]:
        count = len(result["approved"])
        hours = format_hours(Decimal(result["minutes"]) / 60)
        messages.success(
            request,
            f"Approved {count} {'entry' if count == 1 else 'entries'} "
            f"({hours} {'hour' if hours == '1' else 'hours'}). "
            "Each trainee gets one email listing theirs.",
        )
    reasons: dict[str, int] = {}
    for reason in result["refused"].values():
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in reasons.items():
        messages.error(
            request,
            f"{count} {'entry was' if count == 1 else 'entries were'} not approved: {reason}",
        )
    return _back_to_queue(request)


def _coordinated_organisation(request, organisation_id: int) -> Organisation:
    organisation = Organisation.objects.filter(
        pk=organisation_id, memberships__user=request.user, memberships__role=Role.COORDINATOR
    ).first()
    if organisation is None:
        raise Http404("No organization you coordinate has this id.")
    return organisation


@role_required(Role.COORDINATOR)
@mfa_required
@idempotent
def assignments(request, organisation_id: int):
    organisation = _coordinated_organisation(request, organisation_id)
    User = get_user_model()
    form = AssignmentForm(
        request.POST or None,
        trainees=User.objects.filter(
            memberships__organisation=organisation, memberships__role=Role.TRAINEE
        ).distinct(),
        supervisors=User.objects.filter(
            memberships__organisation=organisation, memberships__role=Role.SUPERVISOR
        ).distinct(),
        # From the "needs a supervisor" email: the trainee it names, chosen already.
        initial={"trainee": positive_int(request.GET.get("trainee", ""))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.supervisor_assign(
                coordinator=request.user,
                organisation=organisation,
                trainee=form.cleaned_data["trainee"],
                supervisor=form.cleaned_data["supervisor"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Supervisor assigned.")
            return redirect("practice:assignments", organisation_id=organisation.pk)
    history = SupervisorAssignment.objects.filter(organisation=organisation).select_related(
        "trainee", "supervisor", "assigned_by"
    )
    return render(
        request,
        "practice/assignments.html",
        {"organisation": organisation, "form": form, "history": history},
        status=400 if form.errors else 200,
    )


@role_required(Role.COORDINATOR)
@mfa_required
def assignments_index(request):
    organisations = Organisation.objects.filter(
        memberships__user=request.user, memberships__role=Role.COORDINATOR
    ).distinct()
    if len(organisations) == 1:
        return redirect("practice:assignments", organisation_id=organisations[0].pk)
    return render(request, "practice/assignments_index.html", {"organisations": organisations})


# ---------------------------------------------------------------- public: sign-off codes


@never_cache
@require_safe
def signoff_code_check(request, code: str | None = None):
    """Public: is this sign-off code on a practice-hours report real? Rate limited per
    address like credential lookups (the same allowance, a count of its own), so codes
    cannot be guessed at any speed. A malformed code, an unknown one and a returned
    entry's code get the same answer. Nothing is logged: a code is a capability."""
    asked = code if code is not None else request.GET.get("code")
    if asked is None or not asked.strip():
        return render(request, "practice/check.html", {"asked": False})
    retry_after = ratelimit.hit(
        "practice-check", client_ip(request) or "", settings.VERIFICATION_PUBLIC_RATE_LIMIT
    )
    if retry_after is not None:
        response = render(
            request,
            "practice/check.html",
            {"asked": False, "retry_after": math.ceil(retry_after)},
            status=429,
        )
        response["Retry-After"] = str(math.ceil(retry_after))
        return response
    check = signoff_check(code=asked)
    return render(
        request,
        "practice/check.html",
        {"asked": True, "check": check},
        status=200 if check is not None else 404,
    )
