from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.services import GiftImportError, gift_import
from organisations.models import Organisation
from organisations.roles import OrganisationKind


class Command(BaseCommand):
    help = (
        "Import questions from a Moodle GIFT file into the question bank, all or nothing. "
        "Importing a file again updates its questions (matched by name within their category) "
        "instead of adding copies."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--category",
            default="Imported questions",
            help="Category for questions the file does not place in one.",
        )
        parser.add_argument(
            "--organisation",
            metavar="SLUG",
            help="The training provider whose bank receives the questions; "
            "without it they go into shared categories.",
        )
        parser.add_argument(
            "--skip-unsupported",
            action="store_true",
            help="Leave out question types Peerpath does not support, and import the rest.",
        )

    def handle(
        self,
        *args,
        file: Path,
        category: str,
        skip_unsupported: bool,
        organisation: str | None = None,
        **options,
    ):
        provider = None
        if organisation:
            provider = Organisation.objects.filter(
                slug=organisation, kind=OrganisationKind.TRAINING_PROVIDER
            ).first()
            if provider is None:
                raise CommandError(f"No training provider has the slug {organisation!r}.")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError as error:
            raise CommandError(f"No file at {file}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{file} is not UTF-8 text; save it as UTF-8 and try again."
            ) from error
        try:
            report = gift_import(
                text=text,
                default_category=category,
                skip_unsupported=skip_unsupported,
                source=file.name,
                organisation=provider,
            )
        except GiftImportError as error:
            raise CommandError(str(error)) from error
        for question in report.skipped:
            title = f" ({question.title})" if question.title else ""
            kind = question.kind.replace("_", " ")
            self.stdout.write(f"Skipped line {question.line}: {kind} question{title}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
