"""Renewals listens below it; connected in ``RenewalsConfig.ready()``.

Courses announces that an enrolment progressed (``enrollment_progressed``); when that
completed a programme or a module offered as continuing education, the hours are added to
the holder's credentials as a Peerpath-verified activity. Courses knows nothing of it.
"""

from django.dispatch import receiver
from django.utils import timezone

from courses.models import Enrollment
from courses.selectors import programme_progress
from courses.signals import enrollment_progressed

from .models import CEOffering
from .services import peerpath_ce_add


@receiver(enrollment_progressed, dispatch_uid="renewals_peerpath_ce")
def _peerpath_ce(sender, *, enrollment_id: int, **kwargs) -> None:
    enrollment = (
        Enrollment.objects.select_related("programme", "trainee").filter(pk=enrollment_id).first()
    )
    if enrollment is None:
        return
    progress = programme_progress(enrollment=enrollment)
    done_pages = {m.module.pk for m in progress.modules if m.is_complete}
    if progress.modules and len(done_pages) == len(progress.modules):
        done_pages.add(enrollment.programme.pk)
    if not done_pages:
        return
    today = timezone.localdate()
    for offering in CEOffering.objects.filter(page_id__in=done_pages).select_related("page"):
        peerpath_ce_add(holder=enrollment.trainee, offering=offering, completed_on=today)
