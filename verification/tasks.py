from celery import shared_task

from notifications.outbox import OutboxTask


# A worker lost mid-task hands the checks back to the queue: they are not in any outbox.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def record_verifications(
    *, credential_ids: list[int], channel: str, organisation_id: int | None, at: str
) -> int:
    """Store checks after the answer has gone out, so recording never slows a lookup."""
    from .services import verifications_record

    return verifications_record(
        credential_ids=credential_ids, channel=channel, organisation_id=organisation_id, at=at
    )


@shared_task(acks_late=True)
def send_roster_alerts() -> int:
    """Hourly: tell clinics about roster expiries (60 and 30 days), suspensions, revocations."""
    from .alerts import roster_alerts_send

    return roster_alerts_send()


@shared_task
def drain_checks() -> int:
    """Every few seconds: checks appended to the Redis stream go into VerificationEvent.
    Safe to overlap or repeat (each entry's id is unique in the database)."""
    from .services import checks_drain

    return checks_drain()


@shared_task(base=OutboxTask)
def refresh_answer(*, credential_id: int, number: str) -> None:
    """A credential changed while Redis was away: write its answer through now. Raises while
    Redis is still away, so the outbox sweep tries again later."""
    from .services import answer_refresh

    if not answer_refresh(credential_id=credential_id, number=number, retry_later=False):
        raise RuntimeError("Redis did not take the credential's answer yet")
