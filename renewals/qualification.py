"""A supervisor approves practice hours only while their supervisor credential is current.

Registered with ``practice.qualification`` when the app is ready. It looks only at the
credentials a board marks as qualifying supervisors (``RuleSet.qualifies_supervisors``,
Texas's Peer Specialist Supervisor): a supervisor holding none of them is not judged here,
since boards that do not certify supervisors leave that to the employer.
"""

from django.utils import timezone

from certificates.models import Credential
from core.dates import long_date

from .selectors import verdicts_many


def supervisor_refusal(supervisor) -> str | None:
    held = list(
        Credential.objects.filter(
            holder=supervisor,
            programme__requirement_profile__renewal_rule_sets__qualifies_supervisors=True,
        )
        .values_list(
            "pk",
            "status",
            "programme__requirement_profile__renewal_rule_sets__credential_name",
        )
        .order_by("pk")
        .distinct()
    )
    if not held:
        return None
    today = timezone.localdate()
    verdicts = verdicts_many(credential_ids=[pk for pk, _, _ in held], today=today)
    for pk, status, name in held:
        if status != Credential.Status.ACTIVE:
            return f"You cannot approve hours while your {name} credential is {status}."
        verdict = verdicts[pk]
        evaluation = verdict.evaluation
        expired = evaluation.expired if evaluation else verdict.expires_on < today
        if expired:
            return (
                f"You cannot approve hours while your {name} credential is not current: it "
                f"expired on {long_date(verdict.expires_on)}. Renew it under Keep my "
                "credential."
            )
    return None
