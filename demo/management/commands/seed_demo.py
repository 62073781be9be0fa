from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loaders import certificates as certificates_demo
from demo.loaders import cms as demo
from demo.loaders import courses as courses_demo
from demo.loaders import practice as practice_demo
from demo.loaders import renewals as renewals_demo
from demo.loaders import sessions as sessions_demo
from demo.loaders import verification as verification_demo
from syllabus.problems import CurriculumError


class Command(BaseCommand):
    help = (
        "Create demo organizations, accounts for every role and demo records, and load the "
        "curriculum (curriculum/, as load_curriculum does). Idempotent."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "seed_demo refuses to run under production settings: it creates accounts "
                "with a published password."
            )
        with transaction.atomic():
            organisations = demo.seed_organisations()
            accounts = demo.seed_accounts(organisations)
            demo.seed_home_page()
            try:
                programme = courses_demo.seed_programme(
                    organisation=organisations[demo.PROVIDER["slug"]]
                )
            except CurriculumError as error:
                raise CommandError(
                    f"The curriculum has problems; nothing was loaded.\n{error}"
                ) from error
            courses_demo.seed_trainee_progress(programme=programme, email="trainee@example.org")
            sessions_demo.seed_live_sessions(
                programme=programme,
                trainee_email="trainee@example.org",
                facilitator_email="supervisor@example.org",
                password=demo.DEMO_PASSWORD,
            )
            practice_demo.seed_practice(
                programme=programme,
                trainee_email="trainee@example.org",
                supervisor_email="supervisor@example.org",
                coordinator_email="coordinator@example.org",
            )
            credentials = certificates_demo.seed_credentials(
                programme=programme, password=demo.DEMO_PASSWORD
            )
            renewal_credentials = renewals_demo.seed_renewals(
                programme=programme,
                password=demo.DEMO_PASSWORD,
                coordinator_email="coordinator@example.org",
            )
            api_key = verification_demo.seed_verification(
                clinic=organisations[demo.CLINIC["slug"]],
                credentials=credentials + renewal_credentials,
            )

        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(f"Demo programme: {programme.get_url()}")
        self.stdout.write(f"Demo accounts (password for all: {demo.DEMO_PASSWORD}):")
        for account in accounts:
            what = account.role.label if account.role else "Site administrator"
            self.stdout.write(f"  {account.email:<26} {what}")
        self.stdout.write("Demo credentials, one in each state (try them at /verify/<number>/):")
        for credential in credentials:
            self.stdout.write(
                f"  {credential.number}  {credential.effective_status:<10} "
                f"{credential.achievement['holder_name']} ({credential.holder.email})"
            )
        self.stdout.write("Renewal holders (sign in, then open /renewals/ 'Keep my credential'):")
        for credential in renewal_credentials:
            self.stdout.write(f"  {credential.number}  {credential.holder.email}")
        self.stdout.write(
            f"The clinic's verifier has them on the roster. Demo API key: {api_key}\n"
            f"  curl -H 'Authorization: Bearer {api_key}' "
            f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/api/v1/credentials/"
            f"{credentials[0].number}"
        )
        self.stdout.write(
            "The supervisor, coordinator, course editor and administrator have two-factor "
            "authentication on: "
            "when asked for "
            f"a code, enter {demo.DEV_TOTP_CODE} (accepted only in development, with DEBUG on)."
        )
