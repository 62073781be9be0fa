"""The domain signals courses sends: what happened to an enrolment, for the apps above it.

Courses sits below assessments, practice and certificates and imports none of them. Where
something they care about happens in courses (or in an app that builds on courses), it is
announced here, and the higher app decides what follows: certificates listens for
``enrollment_progressed`` and issues the credential once every requirement is met.
"""

from django.dispatch import Signal

# Sent after the commit (never inside the transaction that made the change, so a listener
# sees the committed rows and a rollback announces nothing) whenever a requirement of the
# enrolment may have become met: a lesson finished, a quiz passed, practice hours approved,
# the code of ethics signed. Sent through ``services.enrollment_progress_announce``.
#
# Arguments: ``enrollment_id`` (int). ``sender`` is ``courses.models.Enrollment``.
# Listeners must be idempotent: the signal may be sent more than once for one change, and
# for an enrolment that is not yet, or no longer, eligible for anything.
enrollment_progressed = Signal()
