from decimal import Decimal

from django.db import models
from django.db.models import Sum
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import CharBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonStreamBlock
from organisations.models import Organisation
from organisations.roles import OrganisationKind

from .requirements import CompetencyDomain, RequirementProfile


class ProgrammeIndexPage(Page):
    """The one place that lists every published programme, so trainees can find and enrol."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.live().public().child_of(self).select_related("organisation")
        )
        return context

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.ProgrammePage"]
    max_count = 1

    class Meta:
        verbose_name = "programme index"


class ProgrammePage(Page):
    """A training programme leading to a credential, e.g. "Certified Peer Support Worker"."""

    class EnrolmentMode(models.TextChoices):
        OPEN = "open", "Open: any signed-in user can enrol"
        CODE = "code", "By invitation code"
        CLOSED = "closed", "Closed: coordinators enrol trainees"

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programmes",
        limit_choices_to={"kind": OrganisationKind.TRAINING_PROVIDER},
        help_text="The training provider that runs the programme and issues its credential.",
    )
    summary = models.TextField(max_length=600)
    description = RichTextField(
        blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    requirement_profile = models.ForeignKey(
        RequirementProfile,
        on_delete=models.PROTECT,
        related_name="programmes",
        null=True,
        blank=True,
    )
    sequential_unlocking = models.BooleanField(
        default=True, help_text="Each module opens only when the modules before it are complete."
    )
    enrolment_mode = models.CharField(
        max_length=10, choices=EnrolmentMode.choices, default=EnrolmentMode.OPEN
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("requirement_profile"),
                FieldPanel("sequential_unlocking"),
                FieldPanel("enrolment_mode"),
            ],
            heading="Programme rules",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    def modules(self):
        return ModulePage.objects.live().child_of(self).select_related("domain").order_by("path")

    def total_training_hours(self) -> Decimal:
        total = self.modules().aggregate(total=Sum("training_hours"))["total"]
        return total or Decimal("0")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import programme_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_page_context(programme=self, user=request.user))
        return context

    parent_page_types = ["courses.ProgrammeIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = "programme"


class ModulePage(Page):
    """A unit of a programme on one competency domain, e.g. "Boundaries"."""

    domain = models.ForeignKey(CompetencyDomain, on_delete=models.PROTECT, related_name="modules")
    summary = models.TextField(max_length=600)
    objectives = StreamField(
        [("objective", CharBlock(max_length=250, label="Learning objective"))],
        blank=True,
        help_text="What a trainee can do after the module, each starting with a verb.",
    )
    training_hours = models.DecimalField(
        max_digits=5, decimal_places=2, help_text="Estimated training hours for the whole module."
    )
    is_required = models.BooleanField(
        default=True, help_text="Required for the programme's credential."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("domain"), FieldPanel("training_hours"), FieldPanel("is_required")],
            heading="Credit",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    def lessons(self):
        return LessonPage.objects.live().child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import module_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_page_context(module=self, user=request.user))
        return context

    parent_page_types = ["courses.ProgrammePage"]
    subpage_types = ["courses.LessonPage", "assessments.QuizPage"]

    class Meta:
        verbose_name = "module"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(training_hours__gte=0), name="courses_module_hours_not_negative"
            )
        ]


class LessonPage(Page):
    """One sitting of teaching: text, stories, scenarios, reflections and practice questions."""

    summary = models.CharField(max_length=300)
    estimated_minutes = models.PositiveSmallIntegerField(default=30)
    body = StreamField(LessonStreamBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    def body_sections(self):
        """Split the body at content warnings: each warning hides what follows it."""
        sections = [{"warning": None, "blocks": []}]
        for block in self.body:
            if block.block_type == "callout" and block.value["kind"] == "content_warning":
                sections.append({"warning": block, "blocks": []})
            else:
                sections[-1]["blocks"].append(block)
        return sections

    def reflection_block_ids(self) -> set[str]:
        return {block.id for block in self.body if block.block_type == "reflection"}

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lesson_page_context(
                lesson=self, user=request.user, preview=getattr(request, "is_preview", False)
            )
        )
        return context

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "lesson"
