import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from certificates.api import credential_of_holder
from core.csv import csv_response
from core.http import client_ip
from core.idempotency import idempotent
from organisations.roles import Role, role_required
from renewals.api import expiry_note, readiness_many

from . import csvcheck, receipts, selectors, services
from .csvcheck import HEADER
from .forms import (
    ApiKeyForm,
    BulkCheckForm,
    InviteVerifierForm,
    LookupForm,
    ReceiptLookupForm,
    RosterAddForm,
    RosterEntryForm,
    RosterFilterForm,
)
from .models import ApiKey, BulkCheck, RosterEntry, VerificationReceipt, VerifierInvitation
from .results import NO_MATCH_MESSAGE, Verdict, VerificationResult

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# ---------------------------------------------------------------- public


def _too_many(request):
    """Public lookups are limited per address (one count with the public page's):
    numbers cannot be guessed at any speed."""
    retry_after = services.page_check(address=client_ip(request) or "", number=None).retry_after
    if retry_after is None:
        return None
    return _refused(request, retry_after)


def _refused(request, retry_after: float):
    response = render(
        request,
        "verification/too_many.html",
        {"retry_after": math.ceil(retry_after)},
        status=429,
    )
    response["Retry-After"] = str(math.ceil(retry_after))
    add_never_cache_headers(response)  # a refusal is for this address only, never shared
    return response


def verify(request, number: str):
    """Public (the QR code opens it): is this credential real and current?

    The rate limit and the answer come from Redis in one round trip (services.page_check).
    A VALID answer may be kept by shared caches (a CDN, a proxy) for
    VERIFICATION_CACHE_SECONDS, never by the browser, so a reload after a revocation asks
    again; any other answer, and any page for a signed-in user, is never cached.
    """
    checked = services.page_check(address=client_ip(request) or "", number=number)
    if checked.retry_after is not None:
        return _refused(request, checked.retry_after)
    result = checked.result
    assert result is not None  # a number was asked
    note = ""
    if result.verdict is Verdict.EXPIRED and result.credential_id is not None:
        note = expiry_note(credential_id=result.credential_id, today=timezone.localdate())
    response = render(
        request,
        "verification/verify.html",
        {"result": result, "lookup_form": None, "expiry_note": note},
        status=200 if result.found else 404,
    )
    if result.is_valid and not request.user.is_authenticated:
        patch_cache_control(
            response, public=True, s_maxage=settings.VERIFICATION_CACHE_SECONDS, max_age=0
        )
    else:
        add_never_cache_headers(response)
    return response


@never_cache
def lookup(request):
    """Public: check by number and last name. A wrong name looks exactly like no number."""
    form = LookupForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        limited = _too_many(request)
        if limited:
            return limited
        result = services.credential_verify(
            number=form.cleaned_data["number"],
            last_name=form.cleaned_data["last_name"],
            channel=services.Channel.PAGE,
        )
        if not result.found:
            form.add_error(None, NO_MATCH_MESSAGE)
            result = None
    status = 200
    if form.errors:
        status = 404 if form.non_field_errors() else 400
    return render(
        request,
        "verification/verify.html",
        {"result": result, "lookup_form": form},
        status=status,
    )


# ---------------------------------------------------------------- holders


@login_required
def holder_checks(request, number: str):
    """Who has checked my credential and when: it is the holder's data."""
    credential = credential_of_holder(number=number, holder=request.user)
    if credential is None:
        raise Http404("No credential of yours has this number.")
    page = Paginator(selectors.checks_of(credential), 50).get_page(request.GET.get("page"))
    rosters = credential.roster_entries.select_related("organisation").order_by("added_at")
    return render(
        request,
        "verification/holder_checks.html",
        {"credential": credential, "page": page, "rosters": rosters},
    )


# ---------------------------------------------------------------- clinics


def _clinic(request, organisation_id: int):
    """A clinic the user verifies for; anything else is 404, not a hint that it exists."""
    clinic = selectors.clinics_of(request.user).filter(pk=organisation_id).first()
    if clinic is None:
        raise Http404("You are not a verifier at this clinic.")
    return clinic


@role_required(Role.VERIFIER)
def clinic_home(request):
    clinic = selectors.clinics_of(request.user).order_by("name").first()
    if clinic is None:
        raise PermissionDenied("Verification is for members of a clinic.")
    return redirect("verification:roster", clinic.pk)


# Verdicts that need the clinic to act, as the message after adding someone says them.
_NEEDS_ACTION = {Verdict.REVOKED, Verdict.SUSPENDED, Verdict.EXPIRED}


def _added_message(request, result: VerificationResult) -> None:
    if result.verdict not in _NEEDS_ACTION:
        messages.success(
            request, f"{result.number} added to the roster. The credential is {result.verdict}."
        )
        return
    when = ""
    if result.status_changed_at:
        when = f" on {timezone.localtime(result.status_changed_at):%B %d, %Y}"
    elif result.verdict is Verdict.EXPIRED and result.expires_on:
        when = f" on {result.expires_on:%B %d, %Y}"
    reason = f" Reason given by the issuer: {result.public_reason}" if result.public_reason else ""
    messages.warning(
        request,
        f"Added {result.holder_name} ({result.number}) to the roster, but this credential is "
        f"{result.verdict}{when}. {result.explanation}{reason}",
    )


@role_required(Role.VERIFIER)
@idempotent
def roster(request, organisation_id: int):
    clinic = _clinic(request, organisation_id)
    add_form = RosterAddForm(request.POST or None, prefix="add")
    if request.method == "POST" and add_form.is_valid():
        try:
            entry = services.roster_add(
                organisation=clinic,
                number=add_form.cleaned_data["number"],
                last_name=add_form.cleaned_data["last_name"],
                added_by=request.user,
                employee_id=add_form.cleaned_data["employee_id"],
                site=add_form.cleaned_data["site"],
            )
        except ValidationError as error:
            add_form.add_error(None, error)
        else:
            _added_message(
                request, VerificationResult.of(entry.credential, checked_at=timezone.now())
            )
            return redirect("verification:roster", clinic.pk)
    filter_form = RosterFilterForm(request.GET)
    if not filter_form.is_valid():
        messages.error(request, filter_form.error_text())
    filters = filter_form.filters()
    entries = selectors.roster_entries(organisation=clinic, **filters)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    checked_at = timezone.now()
    entries_here = list(page)
    # Renewal readiness per worker, in a fixed number of queries; a word, never CE detail.
    readiness = readiness_many(
        credential_ids=[entry.credential_id for entry in entries_here],
        today=timezone.localdate(),
    )
    rows = []
    for entry in entries_here:
        renewal = readiness.get(entry.credential_id)
        result = VerificationResult.of(
            entry.credential,
            checked_at=checked_at,
            renewed_on=renewal.renewed_on if renewal else None,
        )
        rows.append((entry, result, renewal))
    return render(
        request,
        "verification/roster.html",
        {
            "clinic": clinic,
            "clinics": selectors.clinics_of(request.user).order_by("name"),
            "add_form": add_form,
            "page": page,
            "rows": rows,
            "filters": filters,
            "attention": selectors.roster_attention(organisation=clinic),
            "checked_at": checked_at,
            "verdicts": [Verdict.VALID, Verdict.EXPIRED, Verdict.SUSPENDED, Verdict.REVOKED],
        },
        status=400 if add_form.errors or filter_form.errors else 200,
    )


def _roster_entry(request, organisation_id: int, entry_id: int) -> RosterEntry:
    clinic = _clinic(request, organisation_id)
    return get_object_or_404(
        RosterEntry.objects.select_related("credential__holder", "organisation"),
        pk=entry_id,
        organisation=clinic,
    )


@role_required(Role.VERIFIER)
def roster_remove(request, organisation_id: int, entry_id: int):
    """GET: what removing does; POST with confirm=yes: remove (without it, ask again)."""
    entry = _roster_entry(request, organisation_id, entry_id)
    clinic = entry.organisation
    number = entry.credential.number
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.roster_remove(entry=entry)
        messages.success(request, f"{number} removed from the roster.")
        return redirect("verification:roster", clinic.pk)
    name = entry.credential.holder.get_full_name()
    consequences = [
        f"{name} ({number}) is taken off {clinic.name}'s roster, with the employee ID, site "
        "and notes you kept for them.",
        "You stop getting alerts when this credential is suspended, revoked or about to expire.",
        "The credential itself is not changed. You can add them again with their number and "
        "last name.",
    ]
    return render(
        request,
        "includes/confirm_page.html",
        {
            "heading": f"Remove {name} from the roster?",
            "consequences": consequences,
            "irreversible": False,
            "action_url": request.path,
            "button_label": "Remove from the roster",
            "cancel_url": reverse("verification:roster", args=[clinic.pk]),
        },
    )


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@role_required(Role.VERIFIER)
def roster_entry(request, organisation_id: int, entry_id: int):
    """The clinic's own columns of one roster entry: employee ID, site, notes."""
    entry = _roster_entry(request, organisation_id, entry_id)
    form = RosterEntryForm(
        request.POST or None,
        initial={"employee_id": entry.employee_id, "site": entry.site, "notes": entry.notes},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.roster_entry_update(entry=entry, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, f"Saved the details of {entry.credential.number}.")
            return redirect("verification:roster", entry.organisation_id)
    return render(
        request,
        "verification/roster_entry.html",
        {
            "clinic": entry.organisation,
            "entry": entry,
            "result": VerificationResult.of(entry.credential, checked_at=timezone.now()),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@role_required(Role.VERIFIER)
@require_POST
def roster_receipt(request, organisation_id: int, entry_id: int):
    """Check one roster entry now and download the receipt (PDF) of the answer."""
    entry = _roster_entry(request, organisation_id, entry_id)
    try:
        receipt = services.receipt_create(entry=entry, created_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("verification:roster", entry.organisation_id)
    return redirect("verification:receipt_pdf", entry.organisation_id, receipt.pk)


@role_required(Role.VERIFIER)
@never_cache
def receipt_pdf(request, organisation_id: int, receipt_id: int):
    clinic = _clinic(request, organisation_id)
    receipt = get_object_or_404(VerificationReceipt, pk=receipt_id, organisation=clinic)
    pdf = receipts.receipt_pdf(
        receipt, check_url=request.build_absolute_uri(reverse("verification:receipt_check"))
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="receipt-{receipt.number}-{receipt.checked_at:%Y-%m-%d}.pdf"'
    )
    return response


@never_cache
def receipt_check(request):
    """Public: is this receipt real? Shows only what the receipt says. Rate limited like
    credential lookups, so codes cannot be guessed at any speed."""
    form = ReceiptLookupForm(request.GET if "code" in request.GET else None)
    receipt = None
    status = 200
    if form.is_bound and form.is_valid():
        limited = _too_many(request)
        if limited:
            return limited
        receipt = services.receipt_by_code(code=form.cleaned_data["code"])
        if receipt is None:
            form.add_error("code", "No receipt has this code — check the characters.")
            status = 404
    elif form.is_bound:
        status = 400
    return render(
        request,
        "verification/receipt_check.html",
        {"form": form, "receipt": receipt},
        status=status,
    )


@role_required(Role.VERIFIER)
@idempotent
def colleagues(request, organisation_id: int):
    """The clinic's verifiers, and inviting a colleague by email."""
    clinic = _clinic(request, organisation_id)
    form = InviteVerifierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invited = services.verifier_invite(
                organisation=clinic, email=form.cleaned_data["email"], invited_by=request.user
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                f"Invitation sent to {invited.email}. They become a verifier here once "
                "they accept.",
            )
            return redirect("verification:colleagues", clinic.pk)
    return render(
        request,
        "verification/colleagues.html",
        {
            "clinic": clinic,
            "form": form,
            "verifiers": selectors.verifiers_of(clinic),
            "invitations": clinic.verifier_invitations.filter(
                status=VerifierInvitation.Status.PENDING
            ).select_related("invited_by"),
        },
        status=400 if form.errors else 200,
    )


@login_required
def invitation(request, invitation_id: int):
    """An invitation to verify for a clinic, for the person it was sent to (404 for others)."""
    try:
        invited = services.verifier_invitation_for(user=request.user, invitation_id=invitation_id)
    except VerifierInvitation.DoesNotExist as error:
        raise Http404(str(error)) from error
    error_text = ""
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            services.verifier_invitation_answer(
                user=request.user, invitation_id=invited.pk, accept=accept
            )
        except ValidationError as error:
            error_text = " ".join(error.messages)
        else:
            if accept:
                messages.success(
                    request, f"You now verify credentials for {invited.organisation.name}."
                )
                return redirect("verification:roster", invited.organisation_id)
            messages.info(request, "Invitation declined.")
            return redirect("/")
    return render(
        request,
        "verification/invitation.html",
        {"invitation": invited, "error": error_text},
        status=400 if error_text else 200,
    )


@role_required(Role.VERIFIER)
def roster_csv(request, organisation_id: int):
    clinic = _clinic(request, organisation_id)
    filter_form = RosterFilterForm(request.GET)
    if not filter_form.is_valid():
        return HttpResponseBadRequest(
            filter_form.error_text(), content_type="text/plain; charset=utf-8"
        )
    filters = filter_form.filters()
    checked_at = timezone.now()
    entries = selectors.roster_entries(
        organisation=clinic, verdict=filters["verdict"], query=filters["query"], sort="attention"
    )
    return csv_response(
        filename=f"roster-{clinic.slug}-{checked_at:%Y-%m-%d}.csv",
        header=[
            "credential_number",
            "holder_name",
            "status",
            "programme",
            "issuer",
            "issued_on",
            "expires_on",
            "status_changed_on",
            "public_reason",
            "added_on",
            "employee_id",
            "site",
            "notes",
            "checked_at",
        ],
        rows=(
            [
                result.number,
                result.holder_name,
                result.verdict.value,
                result.programme,
                result.issuer,
                result.issued_on,
                result.expires_on,
                timezone.localdate(result.status_changed_at) if result.status_changed_at else "",
                result.public_reason,
                timezone.localdate(entry.added_at),
                entry.employee_id,
                entry.site,
                entry.notes,
                timezone.localtime(checked_at).isoformat(timespec="seconds"),
            ]
            for entry in entries.iterator(chunk_size=1000)
            for result in [VerificationResult.of(entry.credential, checked_at=checked_at)]
        ),
    )


@role_required(Role.VERIFIER)
@idempotent
def bulk_check(request, organisation_id: int):
    clinic = _clinic(request, organisation_id)
    form = BulkCheckForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            checked = services.bulk_check_run(
                organisation=clinic,
                upload=form.cleaned_data["file"],
                created_by=request.user,
                add_to_roster=form.cleaned_data["add_to_roster"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("verification:bulk_check_detail", clinic.pk, checked.pk)
    return render(
        request,
        "verification/bulk_check.html",
        {
            "clinic": clinic,
            "form": form,
            "header": ",".join(HEADER),
            "recent": clinic.bulk_checks.order_by("-created_at")[:10],
        },
        status=400 if form.errors else 200,
    )


def _bulk_check(request, organisation_id: int, check_id: int) -> BulkCheck:
    return get_object_or_404(BulkCheck, pk=check_id, organisation=_clinic(request, organisation_id))


# The order results are counted in on the page: verdicts first, then each kind of problem.
_RESULT_ORDER = {name: i for i, name in enumerate([*Verdict, *csvcheck.PROBLEMS])}


@role_required(Role.VERIFIER)
def bulk_check_detail(request, organisation_id: int, check_id: int):
    checked = _bulk_check(request, organisation_id, check_id)
    counts: dict[str, int] = {}
    for row in checked.results:
        counts[row["result"]] = counts.get(row["result"], 0) + 1
    return render(
        request,
        "verification/bulk_check_detail.html",
        {
            "clinic": checked.organisation,
            "checked": checked,
            "read_as": csvcheck.describe(checked.encoding, checked.separator),
            "counts": sorted(
                counts.items(), key=lambda item: (_RESULT_ORDER.get(item[0], 99), item[0])
            ),
            "rows": checked.results[:200],
        },
    )


def _results_name(checked: BulkCheck, suffix: str) -> str:
    return f"checked-{timezone.localtime(checked.created_at):%Y-%m-%d-%H%M}{suffix}"


@role_required(Role.VERIFIER)
def bulk_check_csv(request, organisation_id: int, check_id: int):
    """The results as CSV, in the clinic's columns and separator, with a byte order mark."""
    checked = _bulk_check(request, organisation_id, check_id)
    response = HttpResponse(
        csvcheck.results_csv(
            columns=checked.columns, results=checked.results, separator=checked.separator
        ),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_results_name(checked, ".csv")}"'
    return response


@role_required(Role.VERIFIER)
def bulk_check_xlsx(request, organisation_id: int, check_id: int):
    """The results as an Excel workbook."""
    checked = _bulk_check(request, organisation_id, check_id)
    response = HttpResponse(
        csvcheck.results_xlsx(columns=checked.columns, results=checked.results),
        content_type=XLSX_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{_results_name(checked, ".xlsx")}"'
    return response


@role_required(Role.VERIFIER)
@never_cache
def api_keys(request, organisation_id: int):
    """The clinic's API keys. A new key's secret is shown once, on this response only."""
    clinic = _clinic(request, organisation_id)
    form = ApiKeyForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _, secret = services.api_key_create(
                organisation=clinic, name=form.cleaned_data["name"], created_by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form = ApiKeyForm()
    return render(
        request,
        "verification/api_keys.html",
        {
            "clinic": clinic,
            "form": form,
            "secret": secret,
            "keys": clinic.api_keys.all(),
            "rate_limit": settings.VERIFICATION_API_RATE_LIMIT,
        },
        status=400 if form.errors else 200,
    )


@role_required(Role.VERIFIER)
def api_key_revoke(request, organisation_id: int, key_id: int):
    """GET: what revoking does; POST with confirm=yes: revoke (without it, ask again)."""
    clinic = _clinic(request, organisation_id)
    api_key = get_object_or_404(ApiKey, pk=key_id, organisation=clinic)
    if api_key.is_revoked:
        messages.info(request, f"The key “{api_key.name}” is already revoked.")
        return redirect("verification:api_keys", clinic.pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.api_key_revoke(api_key=api_key)
        messages.success(request, f"The key “{api_key.name}” is revoked: it stops working now.")
        return redirect("verification:api_keys", clinic.pk)
    return render(
        request,
        "includes/confirm_page.html",
        {
            "heading": f"Revoke the API key “{api_key.name}”?",
            "consequences": [
                f"The key starting {api_key.hint}… stops working at once: every request that "
                "sends it is refused.",
                "Any system still using it (for example your HR system) can no longer check "
                "credentials until you give it a new key.",
            ],
            "irreversible": True,
            "action_url": request.path,
            "button_label": "Revoke the key",
            "cancel_url": reverse("verification:api_keys", args=[clinic.pk]),
        },
    )
