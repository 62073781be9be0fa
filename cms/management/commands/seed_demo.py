from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    """Stands in for ``demo``'s seed_demo where that app is not installed (production).

    The dev and test settings list ``demo`` before ``cms``, so there its command wins.
    """

    help = "Refuses: demo data is only available where the demo app is installed."

    def handle(self, *args, **options):
        raise CommandError(
            "seed_demo refuses to run under production settings: it creates accounts "
            "with a published password, and the demo app is installed only by "
            "cms.settings.dev and cms.settings.test."
        )
