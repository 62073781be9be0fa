"""Two training providers in the Wagtail admin: X's authors reach X's content, Y's do not.

The page and snippet URLs come from Wagtail's own URL patterns (every admin route that
takes a page or a snippet row), so an admin URL added by a later Wagtail release is
covered, or fails here for want of an argument, rather than being silently skipped.
"""

from dataclasses import dataclass
from functools import cache

import pytest
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from wagtail.models import Page, TaskState

from assessments.models import Question, QuestionCategory, QuizPage
from courses.models import (
    Cohort,
    LessonPage,
    ModulePage,
    ProgrammePage,
    ProviderPage,
    RequirementProfile,
)
from courses.services import enrollment_create
from organisations.roles import Role
from tests.builders import published_quiz, sign_in_with_mfa
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SECRET = "Xylophone"  # in the titles and names of X's drafts and rows, and nowhere else
# Searches use it in lower case: a page echoing the query back is then no false alarm.
QUERY = SECRET.lower()


@dataclass
class Tenants:
    x: object
    y: object
    x_provider_page: ProviderPage
    y_provider_page: ProviderPage
    programme: ProgrammePage
    module: ModulePage
    lesson: LessonPage
    quiz: QuizPage
    cohort: Cohort
    profile: RequirementProfile
    category: QuestionCategory
    question: Question
    x_coordinator: object
    x_editor: object
    y_coordinator: object
    y_editor: object
    trainee: object

    @property
    def pages(self):
        return [self.programme, self.module, self.lesson, self.quiz]

    @property
    def snippets(self):
        return [self.cohort, self.profile, self.category, self.question]


@pytest.fixture
def tenants(build_programme, make_member) -> Tenants:
    x = OrganisationFactory(name="Xavier Peer Academy", slug="xavier")
    y = OrganisationFactory(name="Yarrow Recovery Training", slug="yarrow")
    profile = RequirementProfile.objects.create(name=f"{SECRET} profile", organisation=x)
    programme = build_programme(
        organisation=x, slug="x-programme", title="X program", requirement_profile=profile
    )
    module = ModulePage.objects.child_of(programme).first()
    lesson = LessonPage.objects.child_of(module).first()
    category = QuestionCategory.objects.create(name=f"{SECRET} category", organisation=x)
    quiz = published_quiz(
        module, category=category, questions=[(f"{SECRET} question?", "Yes", ["No"])]
    )
    question = Question.objects.get(category=category)
    question.save_revision(user=None)
    cohort = Cohort.objects.create(
        programme=programme, name=f"{SECRET} cohort", invitation_code="XCODE234"
    )
    x_coordinator = make_member(Role.COORDINATOR, organisation=x)
    x_editor = make_member(Role.EDITOR, organisation=x)
    trainee = make_member(Role.TRAINEE, organisation=x, email="xena.trainee@example.org")
    enrollment_create(trainee=trainee, programme=programme, enrolled_by=x_coordinator)
    # Drafts with the secret in their titles, each in X's review workflow, as X's editor
    # submitted them: revisions, task states and a workflow history to reach.
    for page in (programme, module, lesson, quiz):
        page.title = f"{SECRET} {page.title}"
        page.save_revision(user=x_editor)
        page.get_workflow().start(page, x_editor)
    return Tenants(
        x=x,
        y=y,
        x_provider_page=ProviderPage.objects.get(organisation=x),
        y_provider_page=ProviderPage.objects.get(organisation=y),
        programme=ProgrammePage.objects.get(pk=programme.pk),
        module=ModulePage.objects.get(pk=module.pk),
        lesson=LessonPage.objects.get(pk=lesson.pk),
        quiz=QuizPage.objects.get(pk=quiz.pk),
        cohort=cohort,
        profile=profile,
        category=category,
        question=question,
        x_coordinator=x_coordinator,
        x_editor=x_editor,
        y_coordinator=make_member(Role.COORDINATOR, organisation=y),
        y_editor=make_member(Role.EDITOR, organisation=y),
        trainee=trainee,
    )


# URL patterns, from Wagtail's URL configuration


def _walk(resolver, namespace="", prefix=""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern, inner, route)
        elif isinstance(pattern, URLPattern) and pattern.name and route.startswith("cms/"):
            yield f"{namespace}{pattern.name}", route, list(pattern.pattern.regex.groupindex)


@cache
def _admin_patterns() -> tuple[tuple[str, str, list[str]], ...]:
    """(name, route, [argument names]) of every admin URL pattern."""
    return tuple(_walk(get_resolver()))


PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id"}


def page_url_names() -> list[str]:
    """Every admin URL that acts on one page, named by a page argument."""
    return sorted(
        {
            name
            for name, _, arguments in _admin_patterns()
            if PAGE_ARGUMENTS & set(arguments)
            or (name.startswith("wagtailadmin_pages:") and "pk" in arguments)
        }
    )


def snippet_url_names(model) -> list[str]:
    namespace = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:"
    return sorted(
        {
            name
            for name, _, arguments in _admin_patterns()
            if name.startswith(namespace) and "pk" in arguments
        }
    )


def page_url(name: str, page, *, t: Tenants, destination) -> str:
    """Fill each of the URL's arguments for ``page``; an unknown argument fails the test."""
    page = page.specific
    task_state = TaskState.objects.filter(workflow_state__object_id=str(page.pk))
    task_state = task_state.order_by("-pk").first()
    child_types = page.specific_class.allowed_subpage_models()
    child = (child_types[0] if child_types else type(page))._meta
    values = {
        "page_id": page.pk,
        "parent_page_id": page.pk,
        "page_to_move_id": page.pk,
        "pk": page.pk,
        "destination_id": destination.pk,
        "revision_id": page.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "action_name": "approve",
        "task_state_id": task_state.pk,
        "task_id": task_state.task_id,
        "workflow_state_id": task_state.workflow_state_id,
        "content_type_app_name": child.app_label,
        "content_type_model_name": child.model_name,
    }
    arguments = next(args for n, _, args in _admin_patterns() if n == name)
    missing = set(arguments) - set(values)
    assert not missing, f"{name} takes {missing}: teach this test what to pass"
    return reverse(name, kwargs={a: values[a] for a in arguments})


def snippet_url(name: str, instance) -> str:
    values = {"pk": instance.pk, "revision_id_a": "earliest", "revision_id_b": "latest"}
    if hasattr(instance, "latest_revision_id"):
        values["revision_id"] = instance.latest_revision_id
    arguments = next(args for n, _, args in _admin_patterns() if n == name)
    missing = set(arguments) - set(values)
    assert not missing, f"{name} takes {missing}: teach this test what to pass"
    return reverse(name, kwargs={a: values[a] for a in arguments})


def _resolved_ids(url: str) -> set[str]:
    try:
        return {str(v) for v in resolve(url.split("?")[0]).kwargs.values()}
    except Resolver404:
        return set()


def refused(response, *, t: Tenants) -> bool:
    """403, 404, or a redirect away: to the dashboard, or to a URL naming none of X's rows.

    Wagtail answers "permission denied" with a redirect to the dashboard and a message.
    """
    if response.status_code in (403, 404):
        return True
    if response.status_code != 302:
        return False
    location = response["Location"]
    if location == reverse("wagtailadmin_home"):
        return True
    xs = {str(page.pk) for page in t.pages} | {str(row.pk) for row in t.snippets}
    return not (_resolved_ids(location) & xs)


def admin_login(client, user):
    """Sign ``user`` in to the admin, second factor included (the admin asks for it)."""
    sign_in_with_mfa(client, user)
    return client


def snapshot(t: Tenants) -> dict:
    """What Y's authors must not be able to change about X's content."""
    return {
        "pages": sorted(
            Page.objects.filter(path__startswith=t.x_provider_page.path).values_list(
                "pk", "path", "live", "locked", "title", "draft_title", "latest_revision_id"
            )
        ),
        "y_pages": Page.objects.filter(path__startswith=t.y_provider_page.path).count(),
        "programme_organisation": ProgrammePage.objects.get(pk=t.programme.pk).organisation_id,
        "task_states": sorted(TaskState.objects.values_list("pk", "status")),
        "cohort": Cohort.objects.filter(pk=t.cohort.pk).values_list("name", "invitation_code")[0],
        "cohorts": Cohort.objects.count(),
        "profile": RequirementProfile.objects.filter(pk=t.profile.pk).values_list("name")[0],
        "category": QuestionCategory.objects.filter(pk=t.category.pk).values_list("name")[0],
        "question": Question.objects.filter(pk=t.question.pk).values_list("text")[0],
        "questions": Question.objects.count(),
    }


# Pages: every admin URL of X's programme, module, lesson and quiz


@pytest.mark.parametrize("intruder", ["y_coordinator", "y_editor"])
def test_every_page_url_of_xs_content_is_closed_to_ys_authors(client, tenants, intruder):
    t = tenants
    admin_login(client, getattr(t, intruder))
    before = snapshot(t)
    open_urls = []
    for page in t.pages:
        for name in page_url_names():
            url = page_url(name, page, t=t, destination=t.y_provider_page)
            for method in (client.get, client.post):
                response = method(url)
                if not refused(response, t=t) and response.status_code != 405:
                    open_urls.append((method.__name__, url, response.status_code))
                assert SECRET.encode() not in response.content, url

    assert open_urls == []
    assert snapshot(t) == before


# Names that are refused to X's own coordinator too, and why.
NOT_APPLICABLE = {
    # None of these pages is a form page.
    "wagtailforms:delete_submissions",
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
    # None of them is an alias.
    "wagtailadmin_pages:convert_alias",
}
# Lessons and quizzes take no child pages.
LEAF_ONLY = {
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:add_subpage",
    "wagtailadmin_pages:preview_on_add",
}
# Coordinators hold no delete right: a page with children is not theirs to delete.
PARENT_ONLY = {"wagtailadmin_pages:delete"}
# Only answer POST; tried below as POSTs.
POST_ONLY = {
    "wagtailadmin_pages:lock",
    "wagtailadmin_pages:unlock",
    "wagtailadmin_pages:set_page_position",
}


def test_the_same_page_urls_work_for_xs_coordinator(client, tenants):
    t = tenants
    admin_login(client, t.x_coordinator)
    closed = []
    for page in t.pages:
        has_children = page.get_children().exists()
        skip = NOT_APPLICABLE | POST_ONLY | (PARENT_ONLY if has_children else LEAF_ONLY)
        for name in sorted(set(page_url_names()) - skip):
            url = page_url(name, page, t=t, destination=t.x_provider_page)
            response = client.get(url)
            if refused(response, t=t):
                closed.append((url, response.status_code))

    assert closed == []


def test_xs_coordinator_locks_and_unlocks_xs_lesson_and_ys_cannot(client, tenants):
    t = tenants
    lock = reverse("wagtailadmin_pages:lock", args=[t.lesson.pk])
    unlock = reverse("wagtailadmin_pages:unlock", args=[t.lesson.pk])

    admin_login(client, t.y_coordinator)
    assert refused(client.post(lock), t=t)
    assert not LessonPage.objects.get(pk=t.lesson.pk).locked

    admin_login(client, t.x_coordinator)
    client.post(lock)
    assert LessonPage.objects.get(pk=t.lesson.pk).locked

    admin_login(client, t.y_coordinator)
    assert refused(client.post(unlock), t=t)
    assert LessonPage.objects.get(pk=t.lesson.pk).locked


# The reproductions from the security test


def test_ys_coordinator_cannot_make_xs_programme_theirs(client, tenants):
    """POSTing X's programme with Y's organisation: refused, and nothing changes."""
    t = tenants
    admin_login(client, t.y_coordinator)
    before = snapshot(t)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[t.programme.pk]),
        {
            "title": "Taken over",
            "slug": "x-programme",
            "summary": "Ours now.",
            "organisation": t.y.pk,
            "action-publish": "publish",
        },
    )

    assert refused(response, t=t)
    assert snapshot(t) == before
    assert ProgrammePage.objects.get(pk=t.programme.pk).organisation == t.x
    csv = client.get(reverse("courses:cohort_progress", args=[t.programme.pk]), {"format": "csv"})
    assert csv.status_code == 404
    assert b"xena.trainee@example.org" not in csv.content


def test_a_programmes_organisation_is_where_it_lives_whatever_the_form_says(client, tenants):
    """Even X's own coordinator cannot hand a programme to Y by naming Y in the form."""
    t = tenants
    admin_login(client, t.x_coordinator)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[t.programme.pk]))
    assert 'name="organisation"' not in edit.content.decode()

    client.post(
        reverse("wagtailadmin_pages:edit", args=[t.programme.pk]),
        {
            "title": "X program, renamed",
            "slug": "x-programme",
            "summary": "Still X's.",
            "organisation": t.y.pk,
            "sequential_unlocking": "on",
            "enrolment_mode": "open",
            "action-publish": "publish",
        },
    )

    programme = ProgrammePage.objects.get(pk=t.programme.pk)
    assert programme.title == "X program, renamed"
    assert programme.organisation == t.x


def test_ys_coordinator_cannot_unpublish_xs_lesson(client, tenants):
    t = tenants
    admin_login(client, t.y_coordinator)

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[t.lesson.pk]))

    assert refused(response, t=t)
    assert LessonPage.objects.get(pk=t.lesson.pk).live


def test_xs_coordinator_can_unpublish_xs_lesson(client, tenants):
    t = tenants
    admin_login(client, t.x_coordinator)

    client.post(reverse("wagtailadmin_pages:unpublish", args=[t.lesson.pk]))

    assert not LessonPage.objects.get(pk=t.lesson.pk).live


def test_ys_coordinator_cannot_rewrite_xs_invitation_code(client, tenants):
    t = tenants
    admin_login(client, t.y_coordinator)

    response = client.post(
        reverse("wagtailsnippets_courses_cohort:edit", args=[t.cohort.pk]),
        {"programme": t.programme.pk, "name": "Spring", "invitation_code": "YOURS123"},
    )

    assert refused(response, t=t)
    assert Cohort.objects.get(pk=t.cohort.pk).invitation_code == "XCODE234"


def test_ys_coordinator_cannot_add_a_cohort_to_xs_programme(client, tenants):
    t = tenants
    admin_login(client, t.y_coordinator)

    response = client.post(
        reverse("wagtailsnippets_courses_cohort:add"),
        {"programme": t.programme.pk, "name": "Back door", "invitation_code": "BACKDOOR"},
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Cohort.objects.filter(name="Back door").exists()


def test_xs_coordinator_rewrites_xs_invitation_code(client, tenants):
    t = tenants
    admin_login(client, t.x_coordinator)

    response = client.post(
        reverse("wagtailsnippets_courses_cohort:edit", args=[t.cohort.pk]),
        {"programme": t.programme.pk, "name": "Spring", "invitation_code": "NEWCODE2"},
    )

    assert response.status_code == 302
    assert Cohort.objects.get(pk=t.cohort.pk).invitation_code == "NEWCODE2"


def test_only_xs_coordinator_downloads_xs_cohort_csv(client, tenants):
    t = tenants
    url = reverse("courses:cohort_progress", args=[t.programme.pk])

    admin_login(client, t.y_coordinator)
    theirs = client.get(url, {"format": "csv"})
    admin_login(client, t.x_coordinator)
    ours = client.get(url, {"format": "csv"})

    assert theirs.status_code == 404
    assert ours.status_code == 200
    assert b"xena.trainee@example.org" in ours.content


def test_ys_coordinator_cannot_move_or_copy_xs_programme_to_y(client, tenants):
    t = tenants
    admin_login(client, t.y_coordinator)
    before = snapshot(t)

    client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[t.programme.pk, t.y_provider_page.pk])
    )
    client.post(
        reverse("wagtailadmin_pages:copy", args=[t.programme.pk]),
        {"new_title": "Copied", "new_slug": "copied", "new_parent_page": t.y_provider_page.pk},
    )

    assert snapshot(t) == before


def test_review_is_per_provider(client, tenants):
    """X's editor submitted the lesson; Y's coordinator cannot approve it, X's can."""
    t = tenants
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(t.lesson.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[t.lesson.pk, "approve", task_state.pk]
    )

    admin_login(client, t.y_coordinator)
    assert refused(client.post(approve), t=t)
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    # X's editor submitted it: sent back to the lesson, which they may edit, with the reason
    # (tests/courses/test_review_workflow.py).
    admin_login(client, t.x_editor)
    response = client.post(approve)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[t.lesson.pk])
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS

    admin_login(client, t.x_coordinator)
    client.post(approve)

    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert LessonPage.objects.get(pk=t.lesson.pk).title.startswith(SECRET)


# Snippets: cohorts, requirement profiles, question categories and questions


@pytest.mark.parametrize("intruder", ["y_coordinator", "y_editor"])
def test_every_snippet_url_of_xs_rows_is_closed_to_ys_authors(client, tenants, intruder):
    t = tenants
    admin_login(client, getattr(t, intruder))
    before = snapshot(t)
    open_urls = []
    for row in t.snippets:
        for name in snippet_url_names(type(row)):
            url = snippet_url(name, row)
            for method in (client.get, client.post):
                response = method(url)
                if not refused(response, t=t):
                    open_urls.append((method.__name__, url, response.status_code))
                assert SECRET.encode() not in response.content, url

    assert open_urls == []
    assert snapshot(t) == before


# Coordinators hold no delete right on cohorts and requirement profiles (enrolments and
# programmes hang off them).
SNIPPETS_NOT_DELETED_BY_COORDINATORS = {
    "wagtailsnippets_courses_cohort:delete",
    "wagtailsnippets_courses_requirementprofile:delete",
}


def test_the_same_snippet_urls_work_for_xs_coordinator(client, tenants):
    t = tenants
    admin_login(client, t.x_coordinator)
    closed = []
    for row in t.snippets:
        for name in sorted(
            set(snippet_url_names(type(row))) - SNIPPETS_NOT_DELETED_BY_COORDINATORS
        ):
            response = client.get(snippet_url(name, row))
            if refused(response, t=t):
                closed.append((name, response.status_code))

    assert closed == []


def test_xs_course_editor_keeps_xs_question_bank_but_not_its_cohorts(client, tenants):
    t = tenants
    admin_login(client, t.x_editor)

    question = client.get(
        reverse("wagtailsnippets_assessments_question:edit", args=[t.question.pk])
    )
    cohort = client.get(reverse("wagtailsnippets_courses_cohort:edit", args=[t.cohort.pk]))

    assert question.status_code == 200
    assert refused(cohort, t=t)


LISTINGS = [
    "wagtailsnippets_courses_cohort:list",
    "wagtailsnippets_courses_requirementprofile:list",
    "wagtailsnippets_assessments_questioncategory:list",
    "wagtailsnippets_assessments_question:list",
    "wagtailsnippetchoosers_courses_cohort:choose",
    "wagtailsnippetchoosers_courses_requirementprofile:choose",
    "wagtailsnippetchoosers_assessments_questioncategory:choose",
    "wagtailsnippetchoosers_assessments_question:choose",
]


@pytest.mark.parametrize("name", LISTINGS)
def test_listings_and_choosers_show_each_provider_its_own_rows(client, tenants, name):
    t = tenants
    admin_login(client, t.y_coordinator)
    theirs = client.get(reverse(name))
    admin_login(client, t.x_coordinator)
    ours = client.get(reverse(name))

    assert theirs.status_code == ours.status_code == 200
    assert SECRET not in theirs.content.decode()
    assert SECRET in ours.content.decode()


def test_snippet_listing_filters_offer_only_own_programmes_and_categories(client, tenants):
    t = tenants
    admin_login(client, t.y_coordinator)

    cohorts = client.get(reverse("wagtailsnippets_courses_cohort:list"))
    questions = client.get(reverse("wagtailsnippets_assessments_question:list"))

    assert "X program" not in cohorts.content.decode()
    assert SECRET not in questions.content.decode()


def test_a_chosen_row_of_another_provider_is_not_found(client, tenants):
    t = tenants
    admin_login(client, t.y_coordinator)

    response = client.get(
        reverse("wagtailsnippetchoosers_courses_requirementprofile:chosen", args=[t.profile.pk])
    )

    assert response.status_code == 404


# Everything else in the admin: dashboard, explorer, search, choosers, reports, API


def _plain_admin_urls() -> list[str]:
    """Every admin URL that takes no argument, except signing out."""
    return sorted(
        reverse(name)
        for name, _, arguments in _admin_patterns()
        if not arguments
        and "logout" not in name
        and "password" not in name
        and name != "wagtailadmin_error_test"  # raises on purpose
    )


@pytest.mark.parametrize("reader", ["y_coordinator", "y_editor"])
def test_no_admin_listing_report_or_search_shows_xs_titles_to_y(client, tenants, reader):
    t = tenants
    LessonPage.objects.get(pk=t.lesson.pk).save_revision(user=t.x_coordinator).publish()
    LessonPage.objects.get(pk=t.lesson.pk).save_revision(user=t.x_coordinator, log_action=True)
    admin_login(client, getattr(t, reader))
    leaking = []
    for url in _plain_admin_urls():
        for query in ({}, {"q": QUERY}, {"search": QUERY}):
            response = client.get(url, query)
            if SECRET.encode() in response.content:
                leaking.append((url, query))

    assert leaking == []


def test_the_leak_check_would_see_xs_titles(client, tenants):
    """The same URLs do show X's coordinator the secret: the check above can fail."""
    t = tenants
    admin_login(client, t.x_coordinator)
    showing = {
        url
        for url in _plain_admin_urls()
        if SECRET.encode() in client.get(url, {"q": QUERY}).content
    }

    assert reverse("wagtailadmin_home") in showing  # pages awaiting X's review
    assert reverse("wagtailadmin_reports:workflow") in showing
    assert reverse("wagtailadmin_reports:site_history") in showing
    assert reverse("wagtailsnippets_assessments_question:list") in showing


# Forms offer only the author's providers' rows, and shared ones


def test_page_forms_offer_only_own_and_shared_profiles_and_questions(tenants):
    t = tenants
    shared = RequirementProfile.objects.create(name="Shared board profile")
    y_category = QuestionCategory.objects.create(name="Yarrow bank", organisation=t.y)
    y_question = Question.objects.create(category=y_category, text="Y's question?")
    y_programme_form = ProgrammePage.get_edit_handler().get_form_class()(
        instance=ProgrammePage(), for_user=t.y_coordinator, parent_page=t.y_provider_page
    )
    question_form_class = QuizPage.get_edit_handler().get_form_class()
    bound = question_form_class(
        data={
            "title": "Y quiz",
            "slug": "y-quiz",
            "quiz_questions-TOTAL_FORMS": "1",
            "quiz_questions-INITIAL_FORMS": "0",
            "quiz_questions-MIN_NUM_FORMS": "0",
            "quiz_questions-MAX_NUM_FORMS": "1000",
            "quiz_questions-0-question": t.question.pk,
            "quiz_questions-0-ORDER": "1",
            "pools-TOTAL_FORMS": "1",
            "pools-INITIAL_FORMS": "0",
            "pools-MIN_NUM_FORMS": "0",
            "pools-MAX_NUM_FORMS": "1000",
            "pools-0-category": t.category.pk,
            "pools-0-draw": "1",
            "pools-0-ORDER": "1",
        },
        instance=QuizPage(),
        for_user=t.y_coordinator,
        parent_page=t.module,
    )

    profiles = set(y_programme_form.fields["requirement_profile"].queryset)
    assert shared in profiles and t.profile not in profiles
    pool = bound.formsets["pools"].forms[0]
    assert t.category not in set(pool.fields["category"].queryset)
    assert y_category in set(pool.fields["category"].queryset)
    child = bound.formsets["quiz_questions"].forms[0]
    assert set(child.fields["question"].queryset) == {y_question}
    assert not bound.is_valid()
    assert "category" in pool.errors


def test_question_and_cohort_forms_file_rows_only_with_own_providers(tenants):
    """Y has no programme yet: a cohort form offers Y's coordinator no programme at all."""
    t = tenants
    cohort_form = Cohort.snippet_viewset.get_form_class()(for_user=t.y_coordinator)
    question_form = Question.snippet_viewset.get_form_class()(for_user=t.y_editor)
    category_form = QuestionCategory.snippet_viewset.get_form_class()(for_user=t.y_editor)

    assert list(cohort_form.fields["programme"].queryset) == []
    assert t.category not in set(question_form.fields["category"].queryset)
    assert list(category_form.fields["organisation"].queryset) == [t.y]
    assert category_form.fields["organisation"].required
