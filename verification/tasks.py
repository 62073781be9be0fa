from celery import shared_task


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
