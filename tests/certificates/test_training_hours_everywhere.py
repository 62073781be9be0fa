"""One number for training hours: the dashboard, My training, the credential checklist, the
cohort page, the gradebook, the certificate and the Open Badges achievement all state the
hours ``courses.hours`` computes from credited lessons, by competency domain."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from certificates.openbadges import credential_document
from certificates.services import certificate_html, credential_issue_if_eligible, ethics_affirm
from courses.formatting import format_hours
from courses.hours import training_hours
from tests.builders import lessons_of

pytestmark = pytest.mark.django_db


def _training_hours_text(html: str) -> list[str]:
    """The text of every element marked ``data-training-hours``, tags stripped."""
    found = re.findall(r"<(\w+)[^>]*data-training-hours[^>]*>(.*?)</\1>", html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip() for _, text in found]


def test_every_surface_states_the_same_training_hours(
    client, trainee, nearly_done, practice_programme, coordinator, mfa_login, with_totp
):
    earned = training_hours(enrollment_id=nearly_done.pk)
    lesson_minutes = sum(lesson.estimated_minutes for lesson in lessons_of(practice_programme))
    assert earned.minutes == lesson_minutes > 0  # every lesson credited, nothing declared
    hours = format_hours(earned.hours)
    (domain,) = earned.domains

    client.force_login(trainee)
    dashboard = _training_hours_text(client.get(reverse("dashboard")).content.decode())
    my_training = _training_hours_text(client.get(reverse("courses:my_training")).content.decode())
    checklist = _training_hours_text(client.get(reverse("certificates:mine")).content.decode())

    assert dashboard == [f"{hours} of {hours} training hours completed"]
    assert my_training == [f"{hours} of {hours} training hours completed."]
    assert checklist == [f"{hours} training hours earned: {domain.name} {hours}."]

    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())
    credential = credential_issue_if_eligible(enrollment=nearly_done)
    assert credential is not None
    assert Decimal(credential.achievement["training_hours"]) == earned.hours
    assert credential.achievement["training_hours_by_domain"] == {domain.name: str(earned.hours)}

    certificate = certificate_html(credential, verify_url="https://example.org/verify/x/")
    assert f"{hours} hours" in certificate
    assert f"{domain.name} {hours} h" in certificate
    narrative = credential_document(credential)["credentialSubject"]["achievement"]["criteria"][
        "narrative"
    ]
    assert f"- {hours} hours of training by competency domain ({domain.name}: {hours});" in (
        narrative
    )

    with_totp(coordinator)
    mfa_login(client, coordinator)
    cohort = _training_hours_text(
        client.get(
            reverse("courses:cohort_progress", args=[practice_programme.pk])
        ).content.decode()
    )
    gradebook_csv = client.get(
        reverse("certificates:gradebook", args=[practice_programme.pk]), {"format": "csv"}
    ).content.decode("utf-8-sig")
    assert cohort == [f"{hours} h"]
    assert str(earned.hours) in gradebook_csv.splitlines()[1].split(",")
