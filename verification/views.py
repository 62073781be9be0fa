import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from certificates.api import credential_of_holder
from core import ratelimit
from core.csv import csv_response
from core.http import client_ip
from core.idempotency import idempotent
from organisations.roles import Role, role_required

from . import csvcheck, selectors, services
from .csvcheck import HEADER
from .forms import ApiKeyForm, BulkCheckForm, LookupForm, RosterFilterForm
from .models import ApiKey, BulkCheck, RosterEntry
from .results import NO_MATCH_MESSAGE, Verdict, VerificationResult

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# ---------------------------------------------------------------- public


def _too_many(request):
    """Public lookups are limited per address: numbers cannot be guessed at any speed."""
    retry_after = ratelimit.hit(
        "verify", client_ip(request), settings.VERIFICATION_PUBLIC_RATE_LIMIT
    )
    if retry_after is None:
        return None
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

    A VALID answer may be cached by proxies for VERIFICATION_CACHE_SECONDS, so a
    revocation shows within that time; any other answer, and any page for a signed-in
    user, is never cached.
    """
    limited = _too_many(request)
    if limited:
        return limited
    result = services.credential_verify(number=number, channel=services.Channel.PAGE)
    response = render(
        request,
        "verification/verify.html",
        {"result": result, "lookup_form": None},
        status=200 if result.found else 404,
    )
    if result.is_valid and not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=settings.VERIFICATION_CACHE_SECONDS)
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


@role_required(Role.VERIFIER)
@idempotent
def roster(request, organisation_id: int):
    clinic = _clinic(request, organisation_id)
    add_form = LookupForm(request.POST or None, prefix="add")
    if request.method == "POST" and add_form.is_valid():
        try:
            entry = services.roster_add(
                organisation=clinic,
                number=add_form.cleaned_data["number"],
                last_name=add_form.cleaned_data["last_name"],
                added_by=request.user,
            )
        except ValidationError as error:
            add_form.add_error(None, error)
        else:
            messages.success(request, f"{entry.credential.number} added to the roster.")
            return redirect("verification:roster", clinic.pk)
    filter_form = RosterFilterForm(request.GET)
    if not filter_form.is_valid():
        messages.error(request, filter_form.error_text())
    filters = filter_form.filters()
    entries = selectors.roster_entries(organisation=clinic, **filters)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    checked_at = timezone.now()
    rows = [
        (entry, VerificationResult.of(entry.credential, checked_at=checked_at)) for entry in page
    ]
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
            "verdicts": [Verdict.VALID, Verdict.EXPIRED, Verdict.SUSPENDED, Verdict.REVOKED],
        },
        status=400 if add_form.errors or filter_form.errors else 200,
    )


@role_required(Role.VERIFIER)
@require_POST
def roster_remove(request, organisation_id: int, entry_id: int):
    clinic = _clinic(request, organisation_id)
    entry = get_object_or_404(RosterEntry, pk=entry_id, organisation=clinic)
    number = entry.credential.number
    entry.delete()
    messages.success(request, f"{number} removed from the roster.")
    return redirect("verification:roster", clinic.pk)


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
        organisation=clinic, verdict=filters["verdict"], query=filters["query"]
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
            "added_on",
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
                timezone.localdate(entry.added_at),
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
@require_POST
def api_key_revoke(request, organisation_id: int, key_id: int):
    clinic = _clinic(request, organisation_id)
    api_key = get_object_or_404(ApiKey, pk=key_id, organisation=clinic)
    services.api_key_revoke(api_key=api_key)
    messages.success(request, f"The key “{api_key.name}” is revoked: it stops working now.")
    return redirect("verification:api_keys", clinic.pk)
