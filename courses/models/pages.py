from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import CharBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from courses.admin_forms import LessonPageForm, ProgrammePageForm
from courses.blocks import LessonStreamBlock
from courses.reading_time import lesson_minutes
from organisations.models import Organisation
from organisations.roles import OrganisationKind

from .requirements import CompetencyDomain, RequirementProfile


def route_to_child(parent: Page, child_model: type[Page], request, path_components):
    """Route on through ``parent``'s child named by the first path component, when it is a
    ``child_model``: one query finds it with its own row, where Wagtail's ``Page.route``
    spends two (the page, then its specific row). None when there is no such child, for the
    caller to go Wagtail's way."""
    if not path_components:
        return None
    child = child_model.objects.child_of(parent).filter(slug=path_components[0]).first()
    if child is None:
        return None
    child._cached_parent_obj = parent  # as Wagtail's route keeps it, for get_parent()
    return child.route(request, path_components[1:])


class ProgrammeIndexPage(Page):
    """The one place that lists every published programme, so trainees can find and enrol.

    Its children are the providers' pages (``ProviderPage``); programmes live one level
    further down.
    """

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.live()
            .public()
            .descendant_of(self)
            .filter(depth=self.depth + 2)
            .select_related("organisation")
            .order_by("title")
        )
        return context

    def route(self, request, path_components):
        """Also answer the addresses programmes had before providers had pages of their own.

        ``/programmes/<programme>/…`` was a programme's address until programmes moved under
        ``/programmes/<provider>/``; signed credentials and old emails still carry it. Where
        exactly one published programme has that slug, redirect there for good.
        """
        if len(path_components) >= 2:
            # Provider and programme in one query: Wagtail would spend two on each.
            url_path = f"{self.url_path}{path_components[0]}/{path_components[1]}/"
            programme = ProgrammePage.objects.filter(
                url_path=url_path, depth=self.depth + 2, locale_id=self.locale_id
            ).first()
            if programme is not None:
                return programme.route(request, path_components[2:])
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            matches = list(
                ProgrammePage.objects.live()
                .public()
                .descendant_of(self)
                .filter(depth=self.depth + 2, slug=path_components[0])[:2]
            )
            if len(matches) != 1:
                raise
            rest = "".join(f"{part}/" for part in path_components[1:])
            return RouteResult(self, kwargs={"moved_to": matches[0].get_url(request) + rest})

    def serve(self, request, *args, moved_to: str | None = None, **kwargs):
        if moved_to is not None:
            return HttpResponsePermanentRedirect(moved_to)
        return super().serve(request, *args, **kwargs)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.ProviderPage"]
    max_count = 1

    class Meta:
        verbose_name = "program index"


class ProviderPage(Page):
    """One training provider's programmes, and the boundary of its rights in the CMS.

    The provider's coordinators and course editors hold their page permissions here and
    nowhere else, and its "Programme review" workflow names the provider's coordinators as
    approvers; so what sits under this page is theirs alone. Made, with its groups, when
    the provider is (``courses.services.provider_space_ensure``); the organisation is not
    editable in the admin.
    """

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="provider_page",
        limit_choices_to={"kind": OrganisationKind.TRAINING_PROVIDER},
        editable=False,
    )
    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.live().public().child_of(self).select_related("organisation")
        )
        return context

    parent_page_types = ["courses.ProgrammeIndexPage"]
    subpage_types = ["courses.ProgrammePage"]

    class Meta:
        verbose_name = "training provider"


class ProgrammePage(Page):
    """A training programme leading to a credential, e.g. "Certified Peer Support Worker"."""

    class EnrolmentMode(models.TextChoices):
        OPEN = "open", "Open: any signed-in user can enroll"
        CODE = "code", "By invitation code"
        CLOSED = "closed", "Closed: coordinators enroll trainees"

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programmes",
        limit_choices_to={"kind": OrganisationKind.TRAINING_PROVIDER},
        editable=False,
        help_text="The training provider that runs the program and issues its credential: "
        "always the provider whose page the program sits under.",
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
                FieldPanel("requirement_profile"),
                FieldPanel("sequential_unlocking"),
                FieldPanel("enrolment_mode"),
            ],
            heading="Program rules",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    base_form_class = ProgrammePageForm
    # organisations.tenancy: cohorts and forms follow the programme's provider.
    provider_owner = "organisation"

    def save(self, *args, **kwargs):
        """The organisation is the provider whose page holds the programme, on every save.

        Creating, copying, moving or publishing an old revision all save the page, so a
        programme can never carry another provider's organisation, whatever a form, a
        revision or a copy held.
        """
        if self.path and self.depth and self.depth > 1:
            provider = ProviderPage.objects.filter(path=self.path[: -Page.steplen]).only(
                "organisation_id"
            )
            organisation_id = provider.values_list("organisation_id", flat=True).first()
            if organisation_id is not None:
                self.organisation_id = organisation_id
        return super().save(*args, **kwargs)

    def modules(self):
        return ModulePage.objects.live().child_of(self).select_related("domain").order_by("path")

    def route(self, request, path_components):
        """A programme's children are modules, found in one query (``route_to_child``).
        Anything else goes Wagtail's way."""
        routed = route_to_child(self, ModulePage, request, path_components)
        return routed if routed is not None else super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import programme_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_page_context(programme=self, user=request.user))
        return context

    parent_page_types = ["courses.ProviderPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = "program"


class ModulePage(Page):
    """A unit of a programme on one competency domain, e.g. "Boundaries"."""

    domain = models.ForeignKey(CompetencyDomain, on_delete=models.PROTECT, related_name="modules")
    summary = models.TextField(max_length=600)
    objectives = StreamField(
        [("objective", CharBlock(max_length=250, label="Learning objective"))],
        blank=True,
        help_text="What a trainee can do after the module, each starting with a verb.",
    )
    # What a board or an old syllabus says the module takes. Never shown to trainees nor
    # printed on a certificate: the hours that count are computed from the lessons
    # (``courses.hours``); this is only checked against them.
    declared_hours = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Optional: the hours a syllabus declares for this module, to compare with "
        "the hours computed from its lessons. Certificates never use it.",
    )
    # Live skills practice is delivered to each cohort as scheduled sessions, whose attended
    # minutes are what a trainee is credited (courses.attendance); this is the time the
    # module plans for them, so its hours can be checked: lessons plus live time.
    live_minutes = models.PositiveSmallIntegerField(
        default=0,
        help_text="Minutes of live or virtual skills practice the module plans for each "
        "cohort, counted in the module's domain.",
    )
    is_required = models.BooleanField(
        default=True, help_text="Required for the program's credential."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("domain"),
                FieldPanel("declared_hours"),
                FieldPanel("live_minutes"),
                FieldPanel("is_required"),
            ],
            heading="Credit",
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    def lessons(self):
        return LessonPage.objects.live().child_of(self).order_by("path")

    @staticmethod
    def address_under(programme_url: str, slug: str) -> str:
        """A module's address from its programme's, as Wagtail gives that, and the module's
        slug: modules are children of their programme, routed by slug (Wagtail's default
        ``route``), so this is the address Wagtail would give without asking it per module
        (tests/courses/test_progress.py compares the two)."""
        if programme_url.endswith("/"):
            return f"{programme_url}{slug}/"
        return f"{programme_url}/{slug}"

    def route(self, request, path_components):
        """Most of a module's children, and of the pages trainees open, are lessons, found
        in one query (``route_to_child``). Other children (a quiz) go Wagtail's way, after
        that query."""
        routed = route_to_child(self, LessonPage, request, path_components)
        return routed if routed is not None else super().route(request, path_components)

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
                condition=models.Q(declared_hours__gte=0) | models.Q(declared_hours__isnull=True),
                name="courses_module_hours_not_negative",
            )
        ]


class LessonPage(Page):
    """One sitting of teaching: text, stories, scenarios, reflections and practice questions.

    Its length is not typed: ``estimated_minutes`` is computed from the body on every save,
    and ``domain_minutes`` shares those minutes among competency domains (all of them to the
    module's domain unless the author splits them). A trainee credited with the lesson is
    credited with exactly these minutes (``courses.hours``).
    """

    summary = models.CharField(max_length=300)
    estimated_minutes = models.PositiveSmallIntegerField(
        default=0,
        help_text="Computed from the lesson's content when it is saved: its words read at "
        "a steady pace plus the minutes of its activities.",
    )
    body = StreamField(LessonStreamBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes", read_only=True),
        FieldPanel("body"),
        InlinePanel(
            "domain_minutes",
            heading="Training minutes by competency domain",
            help_text="Leave empty to count every minute in the module's domain. If you "
            "split them, the minutes must add up to the lesson's minutes.",
        ),
    ]

    base_form_class = LessonPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        # Trainees' search falls back to words begun ("bound" finds "boundaries").
        index.AutocompleteField("summary"),
        index.AutocompleteField("body"),
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

    def content_minutes(self) -> int:
        """The minutes the body as it stands comes to: a preview of an edit shows its own."""
        return lesson_minutes(self.body)

    def gated_section_ids(self) -> list[str]:
        """The block ids of the content warnings that fold what follows them."""
        return [section["warning"].id for section in self.body_sections() if section["warning"]]

    def knowledge_check_answers(self) -> dict[str, set[int]]:
        """Each practice question's block id and the positions of its correct options."""
        return {
            block.id: {i for i, option in enumerate(block.value["options"]) if option["correct"]}
            for block in self.body
            if block.block_type == "knowledge_check"
        }

    def module_domain_id(self) -> int | None:
        if not self.path or len(self.path) <= self.steplen:
            return None
        return (
            ModulePage.objects.filter(path=self.path[: -self.steplen])
            .values_list("domain_id", flat=True)
            .first()
        )

    def allocation_fit(self) -> None:
        """Make the domain allocation add up to ``estimated_minutes``.

        No split: every minute to the module's domain. One domain: all the minutes. A split
        that no longer adds up (the content changed since; the editor's form refuses one it
        is given) keeps its proportions, by largest remainder.
        """
        # The child relation (modelcluster) is read and replaced in memory, and committed by
        # the page's save with the rest of the page.
        minutes = self.estimated_minutes
        rows = list(getattr(self, "domain_minutes").all())  # noqa: B009
        if not minutes:
            setattr(self, "domain_minutes", [])  # noqa: B010
            return
        if not rows:
            domain_id = self.module_domain_id()
            if domain_id is not None:
                only = LessonDomainMinutes(domain_id=domain_id, minutes=minutes)
                setattr(self, "domain_minutes", [only])  # noqa: B010
            return
        if sum(row.minutes for row in rows) == minutes:
            return
        for row, share in zip(rows, split_minutes([r.minutes for r in rows], minutes), strict=True):
            row.minutes = share
        setattr(self, "domain_minutes", [row for row in rows if row.minutes])  # noqa: B010

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.estimated_minutes = lesson_minutes(self.body)
            self.allocation_fit()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "estimated_minutes", "domain_minutes"}
        return super().save(*args, **kwargs)

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
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "lesson"


def split_minutes(weights: list[int], total: int) -> list[int]:
    """``total`` shared in proportion to ``weights`` (largest remainder), summing exactly."""
    weight = sum(weights)
    if not weight:
        return [total] + [0] * (len(weights) - 1)
    exact = [w * total / weight for w in weights]
    shares = [int(x) for x in exact]
    left = total - sum(shares)
    for i in sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)[:left]:
        shares[i] += 1
    return shares


class LessonDomainMinutes(Orderable):
    """A share of a lesson's minutes counted towards one competency domain."""

    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="domain_minutes")
    domain = models.ForeignKey(CompetencyDomain, on_delete=models.PROTECT, related_name="+")
    minutes = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])

    panels = [FieldPanel("domain"), FieldPanel("minutes")]

    class Meta(Orderable.Meta):
        verbose_name = "training minutes in a domain"
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "domain"], name="courses_lesson_domain_minutes_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="courses_lesson_domain_minutes_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} min {self.domain_id}"
