"""Demo credentials in every state, so anyone can try the verification page.

These holders did not work through the demo programme page by page: their lessons are
recorded as done (with the evidence a trainee leaves) and their credentials created
directly, with the same snapshot an issued credential carries, and their PDFs rendered.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates.models import Credential, CredentialEvent
from certificates.services import certificate_render, credential_create
from courses.hours import training_hours
from courses.models import LessonCompletion, LessonPage, ProgrammePage
from courses.services import enrollment_create
from demo.loaders.courses import evidence_record

# email, first name, last name, status, months since issue
HOLDERS = [
    ("active@example.org", "Amani", "Price", Credential.Status.ACTIVE, 3),
    ("expired@example.org", "Eliot", "Marsh", Credential.Status.ACTIVE, 27),
    ("suspended@example.org", "Sunita", "Rao", Credential.Status.SUSPENDED, 8),
    ("revoked@example.org", "Reece", "Hollis", Credential.Status.REVOKED, 14),
]
REASONS = {
    Credential.Status.SUSPENDED: "Suspended while a complaint is reviewed.",
    Credential.Status.REVOKED: "Revoked after a breach of the code of ethics.",
}


def seed_credentials(*, programme: ProgrammePage, password: str) -> list[Credential]:
    from allauth.account.models import EmailAddress

    User = get_user_model()
    profile = programme.requirement_profile
    assert profile is not None, "the demo program has a requirement profile (seed_programme)"
    credentials = []
    for email, first, last, status, months_ago in HOLDERS:
        holder = User.objects.filter(email=email).first()
        if holder is None:
            holder = User.objects.create_user(
                email=email, password=password, first_name=first, last_name=last
            )
            EmailAddress.objects.create(user=holder, email=email, verified=True, primary=True)
        credential = Credential.objects.filter(holder=holder, programme=programme).first()
        if credential is None:
            enrollment = enrollment_create(trainee=holder, programme=programme)
            # They worked through every lesson: the certificate states the hours they earned.
            for lesson in LessonPage.objects.live().descendant_of(programme):
                evidence_record(enrollment=enrollment, lesson=lesson)
                LessonCompletion.objects.get_or_create(
                    enrollment=enrollment,
                    lesson=lesson,
                    defaults={"revision_id": lesson.live_revision_id},
                )
            training = training_hours(enrollment_id=enrollment.pk)
            issued = timezone.localdate() - relativedelta(months=months_ago)
            credential = credential_create(
                holder=holder,
                enrollment=enrollment,
                programme=programme,
                issuer=programme.organisation,
                status=status,
                status_reason=REASONS.get(status, ""),
                issued_on=issued,
                expires_on=issued + relativedelta(months=profile.credential_validity_months),
                achievement={
                    "holder_name": holder.get_full_name(),
                    "programme": programme.title,
                    "issuer": programme.organisation.name,
                    "training_hours": str(training.hours),
                    "training_hours_by_domain": training.as_snapshot(),
                    "practice_hours": str(profile.practice_hours_total),
                    "modules": [module.title for module in programme.modules()],
                    "signing_coordinator": "Corinne Walsh",
                },
            )
            CredentialEvent.objects.create(
                credential=credential,
                action="issued",
                at=timezone.make_aware(datetime.datetime.combine(issued, datetime.time(12))),
            )
        if not credential.pdf_ready:
            certificate_render(credential_id=credential.pk)
        credentials.append(credential)
    return credentials
