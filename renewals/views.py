"""Keep my credential (holders), the renewal review queue (coordinators), evidence and
transcripts. Views are thin: services write, selectors read."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.mfa import mfa_required, session_passed_mfa
from core.dates import long_date
from organisations.roles import Role, has_role, role_required

from . import engine, services, transcript
from .forms import ActivityForm, ApplyForm, BirthdayForm, ReturnForm
from .models import CEActivity, RenewalApplication
from .selectors import _credentials, holder_standings, judge, standing_many


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@login_required
def keep(request, *, forms=None, preview=None, status=200):
    """One screen per holder: each credential's standing, bars, activities and a log form."""
    today = timezone.localdate()
    standings = holder_standings(holder=request.user, today=today)
    forms = forms or {}
    sections = []
    for standing in standings:
        rules = standing.rules
        allocations = {}
        if standing.evaluation is not None:
            allocations = {a.activity_id: a for a in standing.evaluation.allocations}
        sections.append(
            {
                "standing": standing,
                "ev": standing.evaluation,
                "rows": [(a, allocations.get(a.pk)) for a in reversed(standing.activities)],
                "form": forms.get(standing.credential.pk) or ActivityForm(rules=rules),
                "preview": preview if preview and preview[0] == standing.credential.pk else None,
                "others": [s.credential for s in standings if s is not standing],
            }
        )
    # The birthday is asked only where a credential's rules end the cycle on it.
    birthday_asked = any(
        s.rules is not None and s.rules.anchor == engine.Anchor.BIRTHDAY for s in standings
    )
    return render(
        request,
        "renewals/keep.html",
        {
            "sections": sections,
            "today": today,
            "birthday_asked": birthday_asked,
            "birthday": request.user.renewal_birthday if birthday_asked else None,
        },
        status=status,
    )


@login_required
def birthday(request):
    """The signed-in holder gives (or removes) the month and day their cycle ends on: only
    their own, never anyone else's."""
    user = request.user
    if request.method == "POST":
        form = BirthdayForm(request.POST)
        if form.is_valid():
            month, day = form.cleaned_data["month"], form.cleaned_data["day"]
            services.renewal_birthday_set(user=user, month=month, day=day)
            messages.success(
                request,
                "Your birthday is saved. A credential already issued keeps its expiry date; "
                "its next cycle ends on your birthday."
                if month
                else "Your birthday is removed.",
            )
            return redirect("renewals:keep")
        status = 400
    else:
        form = BirthdayForm(
            initial={"month": user.renewal_birthday_month, "day": user.renewal_birthday_day}
        )
        status = 200
    return render(request, "renewals/birthday.html", {"form": form}, status=status)


@login_required
@require_POST
def log(request, credential_id: int):
    """Log an activity: "Would this count?" previews it; "Save" stores it."""
    credential = _credentials([credential_id]).filter(holder=request.user).first()
    if credential is None:
        raise Http404
    standing = judge(credential, today=timezone.localdate())
    form = ActivityForm(request.POST, request.FILES, rules=standing.rules)
    if not form.is_valid():
        return keep(request, forms={credential_id: form}, status=400)
    try:
        if request.POST.get("action") == "preview":
            allocation, after = services.ce_activity_preview(
                holder=request.user, credential_id=credential_id, data=form.data_for_service()
            )
            return keep(
                request, forms={credential_id: form}, preview=(credential_id, allocation, after)
            )
        services.ce_activity_log(
            holder=request.user,
            credential_id=credential_id,
            data=form.data_for_service(),
            evidence=form.cleaned_data.get("evidence"),
        )
    except ValidationError as error:
        _form_errors(form, error)
        return keep(request, forms={credential_id: form}, status=400)
    messages.success(request, f"“{form.cleaned_data['title']}” is in your log.")
    return redirect(reverse("renewals:keep") + f"#credential-{credential_id}")


@login_required
@require_POST
def move(request, activity_id: int):
    try:
        target = int(request.POST.get("credential_id", ""))
        activity = services.ce_activity_move(
            holder=request.user, activity_id=activity_id, credential_id=target
        )
    except (ValueError, ValidationError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else "Choose one."
        messages.error(request, f"Nothing was moved. {text}")
        return redirect("renewals:keep")
    messages.success(
        request,
        f"“{activity.title}” now counts toward credential {activity.credential.number} only.",
    )
    return redirect("renewals:keep")


@login_required
@require_POST
def delete(request, activity_id: int):
    try:
        services.ce_activity_delete(holder=request.user, activity_id=activity_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The activity was removed from your log.")
    return redirect("renewals:keep")


def _may_see_holder_records(request, credential) -> bool:
    """The holder, or a coordinator of the issuer in a session that passed MFA."""
    if credential.holder_id == request.user.pk:
        return True
    return has_role(
        request.user, Role.COORDINATOR, organisation=credential.issuer
    ) and session_passed_mfa(request)


@login_required
def evidence(request, activity_id: int):
    """The certificate of attendance: the holder's and the issuer's coordinators' only."""
    activity = (
        CEActivity.objects.select_related("credential__issuer").filter(pk=activity_id).first()
    )
    if (
        activity is None
        or not activity.evidence
        or not _may_see_holder_records(request, activity.credential)
    ):
        raise Http404
    response = FileResponse(activity.evidence.open("rb"), content_type=activity.evidence_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def apply(request, credential_id: int):
    credential = _credentials([credential_id]).filter(holder=request.user).first()
    if credential is None:
        raise Http404
    today = timezone.localdate()
    standing = judge(credential, today=today)
    if standing.rules is None or standing.evaluation is None:
        raise Http404
    ev = standing.evaluation
    form = ApplyForm(request.POST or None, rules=standing.rules)
    refusal = ""
    if ev.status == engine.Status.NOT_YET_OPEN:
        refusal = f"Renewal is not open yet: you can apply from {long_date(ev.window_opens_on)}."
    elif ev.needs_retraining:
        refusal = " ".join(ev.reinstatement)
    elif not ev.met:
        refusal = " ".join(ev.sentences[:2])
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.renewal_apply(
                holder=request.user,
                credential_id=credential_id,
                attestations=form.attestations(),
                signed_name=form.cleaned_data.get("signed_name", ""),
                today=today,
            )
        except ValidationError as error:
            _form_errors(form, error)
            status = 400
        else:
            kind = "reinstatement" if ev.reinstating else "renewal"
            messages.success(
                request, f"Your {kind} application is sent. Your coordinator will review it."
            )
            return redirect("renewals:keep")
    elif request.method == "POST":
        status = 400
    code = None
    if standing.rules.resign_ethics:
        from certificates.services import current_ethics_code

        code = current_ethics_code(credential.enrollment)
    return render(
        request,
        "renewals/apply.html",
        {"standing": standing, "ev": ev, "form": form, "refusal": refusal, "code": code},
        status=status,
    )


@role_required(Role.COORDINATOR)
@mfa_required
def queue(request):
    """Applications waiting for the coordinator's organisations, oldest first."""
    applications = list(
        RenewalApplication.objects.filter(
            status=RenewalApplication.Status.SUBMITTED,
            credential__issuer__memberships__user=request.user,
            credential__issuer__memberships__role=Role.COORDINATOR,
        )
        .select_related("credential__holder", "rule_version__rule_set")
        .order_by("submitted_at")
        .distinct()
    )
    standings = standing_many(
        credential_ids=[a.credential_id for a in applications], today=timezone.localdate()
    )
    rows = [{"application": a, "standing": standings[a.credential_id]} for a in applications]
    return render(request, "renewals/queue.html", {"rows": rows, "form": ReturnForm()})


def credential_expiry(application: RenewalApplication):
    return application.new_expires_on or application.credential.expires_on


@role_required(Role.COORDINATOR)
@mfa_required
@require_POST
def decide(request, application_id: int):
    try:
        if request.POST.get("decision") == "approve":
            application = services.renewal_approve(
                actor=request.user, application_id=application_id
            )
            messages.success(
                request,
                f"Credential {application.credential.number} "
                f"{'reinstated' if application.reinstatement else 'renewed'} until "
                f"{long_date(credential_expiry(application))}.",
            )
        else:
            form = ReturnForm(request.POST)
            reason = form.data.get("reason", "")
            services.renewal_return(
                actor=request.user, application_id=application_id, reason=reason
            )
            messages.success(request, "The application was returned to the holder.")
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, "Nothing was changed. " + " ".join(error.messages))
    return redirect("renewals:queue")


@login_required
def transcript_file(request, credential_id: int, fmt: str):
    """The CE transcript of the current cycle: CSV, or a signed PDF."""
    credential = _credentials([credential_id]).first()
    if fmt not in ("csv", "pdf"):
        raise Http404
    if credential is None or not _may_see_holder_records(request, credential):
        raise Http404
    standing = judge(credential, today=timezone.localdate())
    if standing.evaluation is None:
        raise Http404
    name = f"ce-transcript-{credential.number}-cycle-{standing.evaluation.cycle.number}"
    if fmt == "csv":
        buffer = io.StringIO()
        transcript.write_csv(buffer, standing)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    pdf = transcript.pdf(standing)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
