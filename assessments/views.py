from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.mfa import mfa_required
from core.idempotency import idempotent
from core.params import positive_int
from courses.models import Cohort
from courses.selectors import module_outcome
from organisations.roles import Role, has_role, role_required

from . import services
from .itemstats import MIN_RESPONSES
from .models import Attempt, QuizPage
from .selectors import (
    attempt_review,
    cohort_results,
    item_analysis,
    quiz_flags,
    quiz_page_context,
    quiz_place,
)


@login_required
@require_POST
@idempotent
def attempt_start(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.live().public(), pk=quiz_id)
    try:
        attempt = services.attempt_start(trainee=request.user, quiz=quiz)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(quiz.get_url(request))
    return redirect("assessments:attempt", attempt_id=attempt.pk)


@login_required
def attempt_detail(request, attempt_id: int):
    """Take an open attempt, or review a submitted one. Only its own trainee sees it."""
    attempt = (
        Attempt.objects.select_related("quiz", "enrollment")
        .filter(pk=attempt_id, enrollment__trainee=request.user)
        .first()
    )
    if attempt is None:
        raise Http404("No attempt of yours has this number.")
    quiz = attempt.quiz.specific
    if request.method == "POST" and attempt.is_open:
        answers = {
            key[2:]: request.POST.getlist(key) for key in request.POST if key.startswith("q-")
        }
        try:
            attempt = services.attempt_submit(
                trainee=request.user, attempt_id=attempt.pk, answers=answers
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            unanswered = [q["key"] for q in attempt.questions if not answers.get(q["key"])]
            return render(
                request,
                "assessments/attempt_take.html",
                {"attempt": attempt, "quiz": quiz, "given": answers, "unanswered": unanswered},
                status=400,
            )
        return redirect("assessments:attempt", attempt_id=attempt.pk)
    if attempt.is_open:
        return render(request, "assessments/attempt_take.html", {"attempt": attempt, "quiz": quiz})
    context = quiz_page_context(quiz=quiz, user=request.user)
    context.update(
        {
            "attempt": attempt,
            "quiz": quiz,
            "review": attempt_review(attempt, shown=context["shown"]),
        }
    )
    if attempt.passed:
        # What the pass completed and what it opened: the module, and the one after it.
        context["outcome"] = module_outcome(enrollment=attempt.enrollment, module=context["module"])
    return render(request, "assessments/attempt_result.html", context)


@role_required(Role.COORDINATOR)
@mfa_required
def quiz_results(request, quiz_id: int):
    quiz = QuizPage.objects.filter(pk=quiz_id).first()
    if quiz is None:
        raise Http404("No quiz you coordinate has this id.")
    module, programme = quiz_place(quiz)
    if not has_role(request.user, Role.COORDINATOR, organisation=programme.organisation):
        raise Http404("No quiz you coordinate has this id.")
    cohorts = Cohort.objects.filter(programme=programme)
    # A filter: a cohort id that is not one of this programme's shows every trainee.
    cohort_id = positive_int(request.GET.get("cohort"))
    cohort = cohorts.filter(pk=cohort_id).first() if cohort_id else None
    items = item_analysis(quiz=quiz, cohort=cohort)
    return render(
        request,
        "assessments/quiz_results.html",
        {
            "quiz": quiz,
            "module": module,
            "programme": programme,
            "cohorts": cohorts,
            "cohort": cohort,
            "results": cohort_results(quiz=quiz, cohort=cohort),
            "items": items,
            "quiz_flags": quiz_flags(items),
            "min_responses": MIN_RESPONSES,
        },
    )
