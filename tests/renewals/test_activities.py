"""Logging CE: every bad input refused with its reason and nothing stored; evidence by content."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from renewals import services
from renewals.models import CEActivity

from .conftest import PDF_BYTES, activity_data, days_ago, png_bytes

pytestmark = pytest.mark.django_db


def test_an_activity_is_logged_with_its_pdf(credential):
    upload = SimpleUploadedFile("certificate.pdf", PDF_BYTES, content_type="application/pdf")
    activity = services.ce_activity_log(
        holder=credential.holder,
        credential_id=credential.pk,
        data=activity_data(),
        evidence=upload,
    )
    assert activity.evidence_type == "application/pdf"
    assert activity.evidence.name.endswith(".pdf")
    assert activity.source == CEActivity.Source.SELF_REPORTED


def test_a_photo_is_accepted_whatever_its_name(credential):
    upload = SimpleUploadedFile("scan.pdf", png_bytes(), content_type="application/pdf")
    activity = services.ce_activity_log(
        holder=credential.holder,
        credential_id=credential.pk,
        data=activity_data(),
        evidence=upload,
    )
    assert activity.evidence_type == "image/png"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00 not a certificate", "certificate.pdf", "neither"),
        (b"<html><script>alert(1)</script></html>", "certificate.png", "neither"),
        (b"%PDF-1.4 cut off in the middle", "certificate.pdf", "could not be read"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "photo.png", "could not be read"),
        (b"", "empty.pdf", "could not be read"),
        (b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024) + b"%%EOF", "big.pdf", "over 10 MB"),
    ],
    ids=["executable", "html", "truncated-pdf", "broken-png", "empty", "too-big"],
)
def test_bad_evidence_is_refused_and_nothing_is_stored(
    credential, content, name, message, settings
):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError) as error:
        services.ce_activity_log(
            holder=credential.holder,
            credential_id=credential.pk,
            data=activity_data(),
            evidence=upload,
        )
    assert message in " ".join(error.value.message_dict["evidence"])
    assert not CEActivity.objects.exists()
    media = settings.MEDIA_ROOT / "ce-evidence"
    assert not media.exists() or not any(media.iterdir())


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"hours": Decimal("0")}, "hours", "more than zero"),
        ({"hours": Decimal("-2")}, "hours", "more than zero"),
        ({"hours": "six"}, "hours", "as a number"),
        ({"hours": Decimal("25")}, "hours", "more than 24 hours a day"),
        ({"started_on": days_ago(31), "hours": Decimal("49")}, "hours", "over 2 days"),
        ({"completed_on": days_ago(-1), "started_on": days_ago(-1)}, "completed_on", "future"),
        (
            {"started_on": days_ago(5000), "completed_on": days_ago(5000)},
            "started_on",
            "before you were certified",
        ),
        ({"started_on": days_ago(3), "completed_on": days_ago(5)}, "started_on", "after the end"),
        ({"title": "  "}, "title", "title"),
        ({"provider": ""}, "provider", "provided it"),
        ({"categories": ["astrology"]}, "categories", "from the list"),
        ({"format": "podcast"}, "format", "live, online or self-study"),
        ({"kind": "college_credit", "units": "0"}, "units", "college credits"),
    ],
)
def test_bad_activities_are_refused_with_a_reason(credential, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        services.ce_activity_log(
            holder=credential.holder,
            credential_id=credential.pk,
            data=activity_data(**overrides),
        )
    assert message in " ".join(error.value.message_dict[field])
    assert not CEActivity.objects.exists()


def test_a_duplicate_is_refused_naming_it(credential):
    services.ce_activity_log(
        holder=credential.holder, credential_id=credential.pk, data=activity_data()
    )
    with pytest.raises(ValidationError) as error:
        services.ce_activity_log(
            holder=credential.holder,
            credential_id=credential.pk,
            data=activity_data(title="ETHICS in peer work ", provider="state peer network"),
        )
    assert "You already logged “ETHICS in peer work”" in error.value.message_dict["title"][0]
    assert CEActivity.objects.count() == 1


def test_nobody_logs_on_someone_elses_credential(credential, make_member):
    from organisations.roles import Role

    other = make_member(Role.TRAINEE)
    with pytest.raises(ValidationError):
        services.ce_activity_log(holder=other, credential_id=credential.pk, data=activity_data())
    assert not CEActivity.objects.exists()


def test_would_this_count_stores_nothing(credential):
    allocation, after = services.ce_activity_preview(
        holder=credential.holder, credential_id=credential.pk, data=activity_data()
    )
    assert allocation.counted_hours == 6
    assert dict(allocation.by_category) == {"ethics": Decimal("6")}
    assert after.evaluation.gaps()["ethics"] == 0
    assert not CEActivity.objects.exists()


def test_move_between_credentials_where_the_cycle_allows(make_credential):
    first = make_credential(board="pennsylvania-cps")
    second = make_credential(board="texas-mhps-rsps", holder=first.holder)
    activity = services.ce_activity_log(
        holder=first.holder,
        credential_id=first.pk,
        data=activity_data(categories=["ethics", "peer_specific"]),
    )
    moved = services.ce_activity_move(
        holder=first.holder, activity_id=activity.pk, credential_id=second.pk
    )
    assert moved.credential == second
    assert moved.categories == ["ethics"]  # Texas has no peer-specific category


def test_move_outside_the_target_cycle_is_refused(make_credential):
    first = make_credential(expires_in_days=700)
    second = make_credential(board="texas-mhps-rsps", holder=first.holder, expires_in_days=20)
    activity = services.ce_activity_log(
        holder=first.holder,
        credential_id=first.pk,
        data=activity_data(started_on=days_ago(3), completed_on=days_ago(3)),
    )
    # second's cycle: issued 710 days ago; first's certification: 30 days ago. Both fit;
    # an activity before the second's start cannot move there.
    CEActivity.objects.filter(pk=activity.pk).update(
        completed_on=days_ago(800), started_on=days_ago(800)
    )
    with pytest.raises(ValidationError, match="outside that credential's cycle"):
        services.ce_activity_move(
            holder=first.holder, activity_id=activity.pk, credential_id=second.pk
        )
    assert CEActivity.objects.get(pk=activity.pk).credential == first


def test_completed_peerpath_ce_adds_a_verified_activity_once(credential):
    from renewals.models import CEOffering

    offering = CEOffering.objects.create(
        page=credential.programme, hours=Decimal("3"), categories=["ethics"]
    )
    today = datetime.date.today()
    assert (
        services.peerpath_ce_add(holder=credential.holder, offering=offering, completed_on=today)
        == 1
    )
    assert (
        services.peerpath_ce_add(holder=credential.holder, offering=offering, completed_on=today)
        == 0
    )
    activity = CEActivity.objects.get()
    assert activity.source == CEActivity.Source.PEERPATH
    assert activity.provider == "Peerpath"


def test_finishing_a_module_offered_as_ce_adds_it_by_itself(
    credential, django_capture_on_commit_callbacks
):
    from renewals.models import CEOffering
    from tests.builders import lesson_done, lessons_of

    module = credential.programme.get_children().first()
    CEOffering.objects.create(page=module, hours=Decimal("2"), categories=["ethics"])
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(credential.programme):
            lesson_done(trainee=credential.holder, lesson=lesson)
    activity = CEActivity.objects.get(credential=credential)
    assert (activity.title, activity.hours, activity.source) == (
        module.title,
        Decimal("2"),
        CEActivity.Source.PEERPATH,
    )
