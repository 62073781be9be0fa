from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from accounts.mfa import mfa_required
from assessments.models.overrides import MAX_EXTRA_ATTEMPTS, OVERRIDE_REASON_MAX_LENGTH
from assessments.overrides import open_attempt_requests, override_panels
from core.csv import csv_response
from core.idempotency import idempotent
from core.params import positive_int
from courses.models import Enrollment, ProgrammePage
from courses.selectors import DEFAULT_STALLED_DAYS, own_enrollment_or_404
from organisations.models import Organisation
from organisations.roles import OrganisationKind, Role, has_role, role_required

from . import dataintegrity, gradebook, openbadges, services, sharing, statuslist
from .forms import RevokeForm, StatusChangeForm
from .models import Credential, CredentialEvent, SigningKey
from .numbers import normalise


def _downloadable(request, number: str) -> Credential:
    """The credential, if the user is its holder or a coordinator of its issuer; else 404."""
    credential = (
        Credential.objects.select_related("issuer").filter(number=normalise(number) or "").first()
    )
    if credential is None or not request.user.is_authenticated:
        raise Http404("No credential of yours has this number.")
    if credential.holder_id != request.user.pk and not has_role(
        request.user, Role.COORDINATOR, organisation=credential.issuer
    ):
        raise Http404("No credential of yours has this number.")
    return credential


@never_cache
def certificate_pdf(request, number: str):
    credential = _downloadable(request, number)
    if not credential.pdf_ready:
        return render(
            request, "certificates/being_prepared.html", {"credential": credential}, status=202
        )
    return FileResponse(
        credential.pdf.open("rb"),
        as_attachment=True,
        filename=f"{credential.number}.pdf",
        content_type="application/pdf",
    )


def _revoked(request, credential: Credential):
    """A revoked credential's files are gone for good: a new signed copy would only be one
    more file to check against the list. A suspended credential's files are still served:
    suspension may end, and they name the status list, where every verifier reads SUSPENDED
    meanwhile."""
    return render(
        request, "certificates/credential_revoked.html", {"credential": credential}, status=410
    )


@never_cache
def credential_jwt(request, number: str):
    """The Open Badges 3.0 credential as a signed VC-JWT, for its holder and coordinators."""
    credential = _downloadable(request, number)
    if credential.status == Credential.Status.REVOKED:
        return _revoked(request, credential)
    response = HttpResponse(
        openbadges.credential_jwt(credential), content_type=openbadges.JWT_MEDIA_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{credential.number}.jwt"'
    return response


@never_cache
def credential_jsonld(request, number: str):
    """The same credential as JSON-LD with an embedded Data Integrity proof."""
    credential = _downloadable(request, number)
    if credential.status == Credential.Status.REVOKED:
        return _revoked(request, credential)
    response = JsonResponse(
        dataintegrity.credential_with_proof(credential),
        content_type=dataintegrity.MEDIA_TYPE,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = f'attachment; filename="{credential.number}.jsonld"'
    return response


def _published(response):
    """Public documents that verifiers fetch, from any origin, and may cache briefly."""
    response["Cache-Control"] = "public, max-age=60"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def issuer_profile(request):
    """Peerpath's Profile: it holds the signing key and issues the status lists."""
    return _published(
        JsonResponse(openbadges.platform_profile(), content_type="application/ld+json")
    )


@require_safe
def organisation_profile(request, organisation_id: int):
    """A training provider's issuer Profile: the ``issuer`` of its credentials."""
    organisation = Organisation.objects.filter(
        pk=organisation_id, kind=OrganisationKind.TRAINING_PROVIDER
    ).first()
    if organisation is None:
        raise Http404("No training provider has this id.")
    return _published(
        JsonResponse(
            openbadges.organisation_profile(organisation), content_type="application/ld+json"
        )
    )


@require_safe
def jwks(request):
    """Every public key that signed credentials and status lists, current and retired."""
    return _published(JsonResponse(openbadges.jwks()))


@require_safe
def signing_key(request, kid: str):
    """One public key, alone: what a JWT header's ``kid`` dereferences to (OB 3.0 §8.2)."""
    key = SigningKey.objects.filter(kid=kid).first()
    if key is None:
        raise Http404("No signing key has this id.")
    return _published(
        JsonResponse(openbadges.published_jwk(key), content_type="application/jwk+json")
    )


@require_safe
def controller_document(request):
    """The keys that sign embedded proofs, and that they may sign credentials."""
    return _published(
        JsonResponse(dataintegrity.controller_document(), content_type="application/ld+json")
    )


@require_safe
def multikey(request, multibase: str):
    """One public key as a Multikey: what a proof's ``verificationMethod`` dereferences to."""
    document = dataintegrity.multikey_document(multibase)
    if document is None:
        raise Http404("No key of this site has this id.")
    return _published(JsonResponse(document, content_type="application/ld+json"))


@require_safe
def status_list(request, purpose: str):
    """The BitstringStatusListCredential for ``purpose``, signed as a VC-JWT."""
    if purpose not in openbadges.STATUS_PURPOSES:
        raise Http404("No status list has this purpose.")
    return _published(
        HttpResponse(statuslist.status_list_jwt(purpose), content_type=openbadges.JWT_MEDIA_TYPE)
    )


@role_required(Role.TRAINEE)
@idempotent
def ethics(request, enrollment_id: int):
    enrollment = own_enrollment_or_404(user=request.user, enrollment_id=enrollment_id)
    code = services.current_ethics_code(enrollment)
    error = ""
    if request.method == "POST":
        try:
            services.ethics_affirm(
                trainee=request.user,
                enrollment=enrollment,
                signed_name=request.POST.get("signed_name", ""),
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, "Thank you: your affirmation of the code of ethics is recorded."
            )
            return redirect("certificates:mine")
    affirmed = code is not None and code.affirmations.filter(trainee=request.user).exists()
    return render(
        request,
        "certificates/ethics.html",
        {"enrollment": enrollment, "code": code, "affirmed": affirmed, "error": error},
        status=400 if error else 200,
    )


@role_required(Role.TRAINEE)
def mine(request):
    enrollments = Enrollment.objects.filter(trainee=request.user).select_related(
        "programme__requirement_profile"
    )
    rows = [
        {
            "enrollment": enrollment,
            "credential": Credential.objects.filter(enrollment=enrollment).order_by("-pk").first(),
            "eligibility": services.credential_eligibility(enrollment=enrollment),
            "ethics_code": services.current_ethics_code(enrollment),
        }
        for enrollment in enrollments
    ]
    for row in rows:
        credential = row["credential"]
        if credential is not None and sharing.shareable(credential):
            row["share"] = {
                "linkedin_url": sharing.linkedin_add_url(credential),
                "public_url": openbadges.verification_url(credential.number),
            }
    return render(request, "certificates/mine.html", {"rows": rows})


@role_required(Role.COORDINATOR)
@mfa_required
def manage(request):
    """Every credential issued by an organisation the user coordinates."""
    credentials = (
        Credential.objects.filter(
            issuer__memberships__user=request.user,
            issuer__memberships__role=Role.COORDINATOR,
        )
        .select_related("holder", "programme", "issuer")
        .prefetch_related(Prefetch("events", queryset=CredentialEvent.objects.order_by("-at")))
        .distinct()
        .order_by("-issued_on", "number")
    )
    wanted = request.GET.get("status", "")
    if wanted in Credential.Status.values:
        credentials = credentials.filter(status=wanted)
    page = Paginator(credentials, 50).get_page(request.GET.get("page"))
    return render(request, "certificates/manage.html", {"page": page, "wanted": wanted})


@role_required(Role.COORDINATOR)
@mfa_required
@require_POST
def change_status(request, number: str):
    credential = Credential.objects.filter(number=normalise(number) or "").first()
    if credential is None:
        raise Http404("No credential has this number.")
    form = StatusChangeForm(request.POST)
    if not form.is_valid():
        if not has_role(request.user, Role.COORDINATOR, organisation=credential.issuer):
            raise Http404("No credential you manage has this number.")
        messages.error(request, f"{credential.number} was not changed: {form.error_text()}")
        return redirect("certificates:manage")
    try:
        if form.cleaned_data["action"] == "rerender":
            services.credential_rerender(actor=request.user, credential_id=credential.pk)
            messages.success(
                request, f"{credential.number}: the certificate is being rendered again."
            )
        else:
            services.credential_change_status(
                actor=request.user,
                credential_id=credential.pk,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                public_reason=form.cleaned_data["public_reason"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, f"{credential.number} updated.")
    except PermissionDenied as error:
        raise Http404("No credential you manage has this number.") from error
    except ValidationError as error:
        messages.error(request, f"{credential.number}: {' '.join(error.messages)}")
    return redirect("certificates:manage")


def _managed_or_404(request, number: str) -> Credential:
    """A credential of an organisation the user coordinates; anyone else's is 404."""
    credential = (
        Credential.objects.select_related("holder", "programme", "issuer")
        .filter(number=normalise(number) or "")
        .first()
    )
    if credential is None or not has_role(
        request.user, Role.COORDINATOR, organisation=credential.issuer
    ):
        raise Http404("No credential you manage has this number.")
    return credential


@role_required(Role.COORDINATOR)
@mfa_required
@never_cache
def revoke(request, number: str):
    """Revoking cannot be undone: a page that says so, with its own reason, and the number
    typed to confirm. GET shows it; POST revokes (or shows what is wrong; nothing changes)."""
    credential = _managed_or_404(request, number)
    form = RevokeForm(request.POST or None)
    if credential.status == Credential.Status.REVOKED:
        messages.info(request, f"{credential.number} is already revoked.")
        return redirect("certificates:manage")
    if request.method == "POST" and form.is_valid():
        try:
            services.credential_change_status(
                actor=request.user,
                credential_id=credential.pk,
                action="revoke",
                reason=form.cleaned_data["reason"],
                public_reason=form.cleaned_data["public_reason"],
                note=form.cleaned_data["note"],
                confirm_number=form.cleaned_data["confirm_number"],
            )
        except PermissionDenied as error:
            raise Http404("No credential you manage has this number.") from error
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(
                request,
                f"{credential.number} is revoked. The holder has been told, and anyone who "
                "checks it now sees REVOKED.",
            )
            return redirect("certificates:manage")
    return render(
        request,
        "certificates/revoke.html",
        {"credential": credential, "form": form},
        status=400 if form.errors else 200,
    )


# ---------------------------------------------------------------- gradebook and learner record


def _coordinated_programme(request, programme_id: int) -> ProgrammePage:
    """A programme the user coordinates; 404 for anything else, so ids reveal nothing."""
    programme = (
        ProgrammePage.objects.filter(pk=programme_id)
        .select_related("organisation", "requirement_profile")
        .first()
    )
    if programme is None or not has_role(
        request.user, Role.COORDINATOR, organisation=programme.organisation
    ):
        raise Http404("No program you coordinate has this id.")
    return programme


def _gradebook_csv(programme: ProgrammePage, rows: list[gradebook.GradebookRow]):
    quiz_titles = [q.title for q in rows[0].quizzes] if rows else []
    return csv_response(
        filename=f"{programme.slug}-gradebook.csv",
        bom=True,
        header=[
            "Last name",
            "First name",
            "Email",
            "Cohort",
            "Progress %",
            "Lessons done",
            "Lessons total",
            "Training hours done",
            "Quizzes passed",
            "Quizzes total",
            *[f"Best score: {title}" for title in quiz_titles],
            "Practice hours approved",
            "Practice hours waiting",
            "Practice hours required",
            "Practice minimums met",
            "Ethics affirmed",
            "Credential",
            "Credential status",
            "Last activity",
            "Stalled",
        ],
        rows=(
            [
                r.trainee.last_name,
                r.trainee.first_name,
                r.trainee.email,
                r.enrollment.cohort.name if r.enrollment.cohort else "",
                r.progress.percent,
                r.progress.lessons_done,
                r.progress.lessons_total,
                r.progress.hours_done,
                r.quizzes_passed,
                r.quizzes_total,
                *["" if q.best_score is None else q.best_score for q in r.quizzes],
                r.practice.approved.quantize(Decimal("0.01")),
                r.practice.pending.quantize(Decimal("0.01")),
                r.practice.required_total,
                "yes" if r.practice.all_met else "no",
                r.ethics_affirmed_at.date().isoformat() if r.ethics_affirmed_at else "",
                r.credential.number if r.credential else "",
                r.credential_status,
                r.enrollment.last_activity_at.isoformat(timespec="minutes"),
                "yes" if r.stalled else "no",
            ]
            for r in rows
        ),
    )


@role_required(Role.COORDINATOR)
@mfa_required
@require_safe
def programme_gradebook(request, programme_id: int):
    """Every trainee of a programme: lessons, quizzes, practice hours, ethics, credential."""
    programme = _coordinated_programme(request, programme_id)
    requested = request.GET.get("sort")
    sort = gradebook.valid_sort(requested) or gradebook.DEFAULT_SORT
    if requested and sort != requested:
        messages.error(
            request,
            "That sort order is not one of the columns; the gradebook is sorted by name.",
        )
    stalled_days = (
        positive_int(request.GET.get("stalled_days"), maximum=365) or DEFAULT_STALLED_DAYS
    )
    rows = gradebook.gradebook_rows(programme=programme, stalled_days=stalled_days, sort=sort)
    if request.GET.get("format") == "csv":
        return _gradebook_csv(programme, rows)
    columns = [
        {
            "key": key,
            "label": label,
            "active": sort.removeprefix("-") == key,
            "descending": sort == f"-{key}",
            "next": f"-{key}" if sort == key else key,
        }
        for key, label in gradebook.SORTS.items()
    ]
    return render(
        request,
        "certificates/gradebook.html",
        {
            "programme": programme,
            "rows": rows,
            "sort": sort,
            "sort_label": gradebook.SORTS[sort.removeprefix("-")]
            + (" (descending)" if sort.startswith("-") else ""),
            "columns": {c["key"]: c for c in columns},
            "stalled_days": stalled_days,
            "stalled_count": sum(1 for r in rows if r.stalled),
            "reminder_days": settings.STALL_REMINDER_DAYS,
            "attempt_requests": list(
                open_attempt_requests(coordinator=request.user, programme=programme)
            ),
        },
    )


@role_required(Role.COORDINATOR)
@mfa_required
@require_safe
def learner_record(request, programme_id: int, enrollment_id: int):
    programme = _coordinated_programme(request, programme_id)
    enrollment = (
        Enrollment.objects.filter(pk=enrollment_id, programme=programme)
        .select_related("trainee", "cohort")
        .first()
    )
    if enrollment is None:
        raise Http404("No trainee of a program you coordinate has this enrollment.")
    enrollment.programme = programme
    return render(
        request,
        "certificates/learner_record.html",
        {
            "programme": programme,
            "record": gradebook.learner_record(enrollment=enrollment),
            "enrollment": enrollment,
            "override_panels": override_panels(enrollment=enrollment),
            "reason_max_length": OVERRIDE_REASON_MAX_LENGTH,
            "max_extra_attempts": MAX_EXTRA_ATTEMPTS,
        },
    )
