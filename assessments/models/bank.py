"""The question bank: questions written once and reused by any number of quizzes."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from assessments.formatting import readable_text
from assessments.forms import QuestionAdminForm
from organisations.tenancy import ProviderScopedModelForm


# The plugin cannot build reverse managers from models on untyped Wagtail bases.
class QuestionCategory(models.Model):  # type: ignore[django-manager-missing]
    """A shelf in the bank, e.g. "Boundaries" or a category imported from Moodle.

    A category belongs to one training provider, whose coordinators and course editors
    keep its questions; one without a provider is shared: every provider's quizzes may use
    it, only site administrators change it.
    """

    name = models.CharField(max_length=255)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="question_categories",
        null=True,
        blank=True,
        limit_choices_to={"kind": "provider"},
        help_text="The training provider that keeps this category. Without one, the category "
        "is shared by every provider and only site administrators change it.",
    )
    # The domain sits on the shelf, not on each question: authors (and GIFT imports) file
    # questions by topic already, and a topic belongs to one domain, so one choice per
    # category tags every question on it, those added later included.
    domain = models.ForeignKey(
        "courses.CompetencyDomain",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The competency domain its questions test. Final exams draw questions "
        "by domain from the categories that have one.",
    )

    panels = [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("domain")]

    base_form_class = ProviderScopedModelForm
    # organisations.tenancy
    provider_owner = "organisation"
    provider_shared_if_unowned = True

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "question categories"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="assessments_category_unique_name"
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(organisation__isnull=True),
                name="assessments_shared_category_unique_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Question(RevisionMixin, index.Indexed, ClusterableModel):
    """One question with its options. Edits make revisions; past attempts keep a snapshot."""

    class Kind(models.TextChoices):
        SINGLE = "single", "Single choice"
        MULTIPLE = "multiple", "Multiple select"
        TRUE_FALSE = "true_false", "True or false"
        SCENARIO = "scenario", "Scenario (vignette, then a single-choice question)"

    class TextFormat(models.TextChoices):
        PLAIN = "plain", "Plain text"
        # Sanitised when imported and again whenever shown (assessments.formatting).
        HTML = "html", "HTML"

    category = models.ForeignKey(
        QuestionCategory, on_delete=models.PROTECT, related_name="questions"
    )
    name = models.CharField(
        max_length=255,
        blank=True,
        help_text="A short title for finding the question in the bank. A GIFT import matches "
        "questions by name within their category, so importing a file again updates them.",
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    vignette = models.TextField(
        blank=True, help_text="For scenario questions: the situation, in two to four sentences."
    )
    text = models.TextField("question")
    text_format = models.CharField(
        max_length=5,
        choices=TextFormat.choices,
        default=TextFormat.PLAIN,
        help_text="How the question, its options and feedback are written. HTML keeps simple "
        "formatting (paragraphs, emphasis, lists, links); anything else is removed.",
    )
    explanation = models.TextField(
        blank=True, help_text="The teaching point, shown with the result after submission."
    )
    imported_from = models.CharField(max_length=255, blank=True, editable=False)

    base_form_class = QuestionAdminForm

    panels = [
        FieldPanel("category"),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("vignette"),
        FieldPanel("text"),
        FieldPanel("text_format"),
        InlinePanel("options", min_num=2, label="Options"),
        FieldPanel("explanation"),
    ]
    # Wagtail's database backend (SQLite FTS5 or PostgreSQL full text, cms.settings). The
    # autocomplete fields let the admin's live search match the start of a word ("bound"
    # finds "boundaries"); listings and choosers search these, never named columns.
    search_fields = [
        index.SearchField("text"),
        index.SearchField("vignette"),
        index.AutocompleteField("text"),
        index.AutocompleteField("vignette"),
        # Listings and choosers search within the author's providers' categories.
        index.RelatedFields("category", [index.FilterField("organisation")]),
    ]

    # organisations.tenancy: a question belongs to its category's provider.
    provider_owner = "category__organisation"
    provider_shared_if_unowned = True

    class Meta:
        ordering = ["category__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(text_format__in=["plain", "html"]),
                name="assessments_question_text_format_valid",
            ),
        ]

    def __str__(self) -> str:
        text = readable_text(self.text, self.text_format)
        return text if len(text) <= 80 else text[:77] + "…"

    def clean(self) -> None:
        if self.kind == self.Kind.SCENARIO and not self.vignette.strip():
            raise ValidationError({"vignette": "A scenario question needs its situation."})

    def validate_options(self, options: list["Option"]) -> None:
        """Rules that span the inline options; called by the admin form and the importer."""
        correct = [o for o in options if o.is_correct]
        if len(options) < 2:
            raise ValidationError("A question needs at least two options.")
        if not correct:
            raise ValidationError("Mark at least one option as correct.")
        # A single choice may have several right options, any one of which scores in full
        # (Moodle's GIFT "{=Nazareth =Nazareth, Galilee ~Rome}").
        if self.kind in (self.Kind.TRUE_FALSE, self.Kind.SCENARIO) and len(correct) != 1:
            kind = self.get_kind_display().lower()
            raise ValidationError(f"A {kind} question has exactly one correct option.")
        if self.kind == self.Kind.TRUE_FALSE and len(options) != 2:
            raise ValidationError("A true-or-false question has exactly two options.")


class Option(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField(default=False)
    # Five decimals in percent are Moodle's seven in fractions: its thirds (33.33333%) add
    # up to a full answer.
    weight = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-100")), MaxValueValidator(Decimal("100"))],
        help_text="Partial credit in percent for multiple-select quizzes that use it "
        "(e.g. 50 or -100). Leave empty for an even split.",
    )
    feedback = models.TextField(blank=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("is_correct"),
        FieldPanel("weight"),
        FieldPanel("feedback"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=-100, weight__lte=100) | models.Q(weight=None),
                name="assessments_option_weight_range",
            ),
        ]

    def __str__(self) -> str:
        return self.text
