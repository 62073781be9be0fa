"""What other apps (verification: the public page, the clinic roster) may use of renewals.

Plain words and flags only: never an activity, an hour count or a category.
"""

import datetime
from collections.abc import Iterable

from core.dates import long_date

from . import engine
from .selectors import Verdict, verdicts_many

__all__ = ["Readiness", "expiry_note", "readiness_many"]


def expiry_note(*, credential_id: int, today: datetime.date) -> str:
    """What the public page adds to EXPIRED: "renewal in progress" in a grace window,
    "late renewal window until …", or "lapsed"/"inactive"; "" otherwise.

    Read through the nightly path's plain rows (``verdicts_many``), not model instances:
    loading the credential with its programme page, holder and issuer took twice as long
    (4.2 against 2.1 ms in-process), four times what the rest of the page costs."""
    verdict = verdicts_many(credential_ids=[credential_id], today=today).get(credential_id)
    if verdict is None or verdict.evaluation is None:
        return ""
    ev = verdict.evaluation
    if ev.status == engine.Status.GRACE or (
        verdict.application_open and ev.status == engine.Status.LATE
    ):
        return "renewal in progress"
    if ev.status == engine.Status.LATE and ev.late_until:
        return f"late renewal window until {long_date(ev.late_until)}"
    if ev.status in (engine.Status.LAPSED, engine.Status.INACTIVE):
        return ev.status.value
    return ""


class Readiness:
    """A roster row's renewal column: a word and whether it is at risk."""

    __slots__ = ("at_risk", "renewed_on", "word")

    def __init__(self, verdict: Verdict):
        self.word = verdict.readiness
        self.at_risk = verdict.at_risk
        self.renewed_on = verdict.renewed_on


def readiness_many(*, credential_ids: Iterable[int], today: datetime.date) -> dict[int, Readiness]:
    return {
        pk: Readiness(verdict)
        for pk, verdict in verdicts_many(credential_ids=credential_ids, today=today).items()
    }
