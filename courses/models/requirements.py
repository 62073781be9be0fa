"""What a programme asks of a trainee before a credential is issued.

Boards differ (IC&RC, NAADAC, state boards), so requirements are data that staff edit,
not code. A profile is a snippet so several programmes can share one.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from organisations.tenancy import ProviderScopedModelForm


# The plugin cannot build reverse managers from models on untyped Wagtail bases.
class CompetencyDomain(models.Model):  # type: ignore[django-manager-missing]
    """A area of competence (advocacy, ethics…) that modules and practice hours count towards."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RequirementProfile(ClusterableModel):
    """The requirements of one credential: training, practice, validity and renewal."""

    name = models.CharField(max_length=150, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="requirement_profiles",
        null=True,
        blank=True,
        limit_choices_to={"kind": "provider"},
        help_text="The training provider that keeps this profile. Profiles without one are "
        "shared by every provider and only site administrators change them.",
    )
    description = models.TextField(blank=True)
    credential_validity_months = models.PositiveSmallIntegerField(
        default=24, validators=[MinValueValidator(1)]
    )
    practice_hours_total = models.DecimalField(
        "supervised practice hours in total",
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text="Approved practice hours across all categories, e.g. 500 for IC&RC.",
    )
    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("description"),
        InlinePanel("training_minimums", heading="Training hours by competency domain"),
        FieldPanel("practice_hours_total"),
        InlinePanel("practice_minimums", heading="Practice hours by category"),
        MultiFieldPanel(
            [
                FieldPanel("credential_validity_months"),
            ],
            heading="Validity (renewal rules: Renewals > Renewal rules)",
        ),
    ]

    # organisations.tenancy: a provider's own profile, or a shared one (no organisation).
    provider_owner = "organisation"
    provider_shared_if_unowned = True

    base_form_class = ProviderScopedModelForm

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TrainingHourMinimum(Orderable):
    """Completed required modules must add up to at least this many hours in a domain."""

    profile = ParentalKey(
        RequirementProfile, on_delete=models.CASCADE, related_name="training_minimums"
    )
    domain = models.ForeignKey(CompetencyDomain, on_delete=models.PROTECT, related_name="+")
    hours = models.DecimalField(
        max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.25"))]
    )

    panels = [FieldPanel("domain"), FieldPanel("hours")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "domain"], name="courses_training_minimum_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gt=0), name="courses_training_minimum_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hours} h {self.domain}"
