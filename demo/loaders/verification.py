"""Demo roster and API key for the demo clinic, so a verifier has something to look at."""

from certificates.models import Credential
from organisations.models import Organisation
from verification.models import ApiKey, RosterEntry, hash_api_key

# Published on purpose, like the demo password; seed_demo refuses to run in production.
DEMO_API_KEY = "ppk_demo-riverside-clinic-not-for-production"


def seed_verification(*, clinic: Organisation, credentials: list[Credential]) -> str:
    """Put the demo credentials on the clinic's roster; return the demo API key."""
    for credential in credentials:
        RosterEntry.objects.get_or_create(organisation=clinic, credential=credential)
    ApiKey.objects.get_or_create(
        key_hash=hash_api_key(DEMO_API_KEY),
        defaults={
            "organisation": clinic,
            "name": "Demo key",
            "hint": DEMO_API_KEY[: len(ApiKey.PREFIX) + 4],
        },
    )
    return DEMO_API_KEY
