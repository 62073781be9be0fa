"""Certificates listens to courses: issuing follows progress, rather than courses calling up.

Courses (and assessments and practice, through it) announce that an enrolment progressed;
whether that earns a credential is this app's rule, checked in ``credential_issue_if_eligible``.
Connected in ``CertificatesConfig.ready()``.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from courses.models import Enrollment
from courses.signals import enrollment_progressed

from .models import Credential
from .services import credential_issue_if_eligible
from .signals import credential_changed_announce


@receiver(enrollment_progressed, dispatch_uid="certificates_issue_if_eligible")
def _issue_if_eligible(sender, *, enrollment_id: int, **kwargs) -> None:
    """Issue the credential if this progress met the last requirement; a no-op otherwise.

    Runs after the caller's commit, so the enrolment is there unless it was erased since.
    """
    enrollment = Enrollment.objects.filter(pk=enrollment_id).first()
    if enrollment is not None:
        credential_issue_if_eligible(enrollment=enrollment)


@receiver(post_delete, sender=Credential, dispatch_uid="certificates_credential_deleted")
def _announce_deletion(sender, *, instance: Credential, **kwargs) -> None:
    """A deleted credential (erasure) is announced too: whatever was kept of it elsewhere,
    a cached answer with the holder's name, goes once the deletion commits."""
    credential_changed_announce(credential_id=instance.pk, number=instance.number)
