from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import Exact
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.models import Orderable, Page

from assessments.forms import QuizPageForm
from assessments.review import (
    AFTER_FAIL_DEFAULT,
    AFTER_LAST_DEFAULT,
    AFTER_PASS_DEFAULT,
    EVERYTHING,
    NEEDS_CORRECTNESS,
    WHILE_OPEN_AT_MOST,
    Moment,
    Reveal,
    Shown,
)

from .bank import Question, QuestionCategory


class QuizPage(Page):
    """A module's graded quiz. Passing it is part of completing the module.

    A final exam is a quiz too, in a module of its own at the end of the programme (a quiz
    lives in a module, and the module is complete when the exam is passed, so sequential
    unlocking and completion need nothing new). It draws its questions by competency
    domain in the proportions of the programme's training hours (``blueprint``), and
    records the trainee's result per domain.
    """

    class Kind(models.TextChoices):
        MODULE = "module", "Module quiz"
        FINAL_EXAM = "final_exam", "Final exam: questions drawn by competency domain"

    class Scoring(models.TextChoices):
        ALL_OR_NOTHING = "all_or_nothing", "All or nothing: every correct option and no wrong one"
        PARTIAL = "partial", "Partial credit: option weights, or correct minus wrong choices"

    introduction = models.TextField(blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MODULE)
    exam_length = models.PositiveSmallIntegerField(
        "questions in the final exam",
        default=0,
        help_text="For a final exam: shared among the competency domains in proportion to "
        "the program's training hours in each, from the bank categories of each domain.",
    )
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        default=3, help_text="0 allows unlimited attempts."
    )
    wait_minutes = models.PositiveIntegerField("minutes to wait between attempts", default=60)
    shuffle_questions = models.BooleanField(default=True)
    shuffle_options = models.BooleanField(default=True)
    draw_count = models.PositiveSmallIntegerField(
        "questions drawn per attempt",
        default=0,
        help_text="Draw this many of the questions chosen from the bank at random; 0 uses "
        "all of them. Categories below draw their own number.",
    )
    multiple_select_scoring = models.CharField(
        max_length=20, choices=Scoring.choices, default=Scoring.ALL_OR_NOTHING
    )
    # What a trainee sees when reviewing a submitted attempt: assessments.review.Reveal
    # flags, one set per moment (the admin shows them as checkboxes).
    review_after_fail = models.PositiveSmallIntegerField(
        "after an attempt that did not pass", default=AFTER_FAIL_DEFAULT
    )
    review_after_pass = models.PositiveSmallIntegerField(
        "once the quiz is passed", default=AFTER_PASS_DEFAULT
    )
    review_after_last = models.PositiveSmallIntegerField(
        "after the last allowed attempt, not passed", default=AFTER_LAST_DEFAULT
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("exam_length")], heading="Kind of quiz"),
        # "Add questions" opens the bank's chooser with checkboxes and filters (by
        # category, kind and words): a whole quiz's questions in one go.
        MultipleChooserPanel(
            "quiz_questions",
            chooser_field_name="question",
            label="Questions from the bank",
            help_text="“Add questions from the bank” opens the bank: filter it by "
            "category, kind or words, tick every question you want and confirm.",
        ),
        InlinePanel(
            "pools",
            label="Questions drawn from a bank category",
            help_text="Each attempt draws this many questions at random from the category, "
            "preferring those the trainee did not see in earlier attempts.",
        ),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("wait_minutes"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("draw_count"),
                FieldPanel("multiple_select_scoring"),
            ],
            heading="Quiz rules",
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_after_fail"),
                FieldPanel("review_after_pass"),
                FieldPanel("review_after_last"),
            ],
            heading="Review options",
            help_text="What trainees see when they look back at a submitted attempt. During "
            "an attempt they only ever see the questions.",
        ),
    ]

    base_form_class = QuizPageForm

    @property
    def is_final_exam(self) -> bool:
        return self.kind == self.Kind.FINAL_EXAM

    def question_pool(self):
        """Every question a module quiz's attempt may draw: chosen ones and its categories'."""
        return Question.objects.filter(
            models.Q(quiz_links__quiz=self) | models.Q(category__quiz_pools__quiz=self)
        ).distinct()

    def review_shown(self, moment: Moment) -> Shown:
        """What a trainee at ``moment`` sees of their submitted attempts."""
        return Shown.of(self.review_mask(moment))

    def review_mask(self, moment: Moment) -> int:
        if moment is Moment.PASSED:
            return self.review_after_pass
        if moment is Moment.LAST_USED:
            return self.review_after_last
        if moment is Moment.WHILE_OPEN:
            return self.review_after_fail & int(WHILE_OPEN_AT_MOST)
        return self.review_after_fail

    def get_context(self, request, *args, **kwargs):
        from assessments.selectors import quiz_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_page_context(quiz=self, user=request.user))
        return context

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "quiz"
        # Each moment's flags are known ones, and never show the right answers or the
        # option feedback while hiding whether an answer was right (assessments.review).
        constraints = [
            constraint
            for field in ("review_after_fail", "review_after_pass", "review_after_last")
            for constraint in (
                models.CheckConstraint(
                    condition=Q(**{f"{field}__lte": int(EVERYTHING)}),
                    name=f"assessments_quiz_{field}_known",
                ),
                models.CheckConstraint(
                    condition=Q(Exact(F(field).bitand(int(NEEDS_CORRECTNESS)), 0))
                    | Q(Exact(F(field).bitand(int(Reveal.CORRECTNESS)), int(Reveal.CORRECTNESS))),
                    name=f"assessments_quiz_{field}_coherent",
                ),
            )
        ] + [
            models.CheckConstraint(
                condition=Q(kind__in=["module", "final_exam"]),
                name="assessments_quiz_kind_valid",
            )
        ]


class QuizQuestion(Orderable):
    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="quiz_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="quiz_links")

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "question"], name="assessments_quiz_question_unique"
            )
        ]


class QuizPool(Orderable):
    """Some questions drawn at random from one bank category for each attempt.

    With several pools (say, one category per learning objective, two questions from each)
    every attempt covers every objective with different questions.
    """

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="pools")
    category = models.ForeignKey(
        QuestionCategory, on_delete=models.PROTECT, related_name="quiz_pools"
    )
    draw = models.PositiveSmallIntegerField(
        "questions per attempt",
        default=0,
        help_text="0 uses every question of the category.",
    )

    panels = [FieldPanel("category"), FieldPanel("draw")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "category"], name="assessments_quiz_pool_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.draw or 'All'} from {self.category}"
