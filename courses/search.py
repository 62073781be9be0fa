"""Lesson search for trainees: their programmes' lessons, where each hit sits, and typos forgiven.

Wagtail's database backend matches whole words. A trainee types "boundries" or "boundar"
and finds nothing, so when a search has no hit this tries, in order, the words as
prefixes (Wagtail's autocomplete) and then each unknown word replaced by the closest word
the lessons use (``difflib``, over a vocabulary of the lessons' own searchable text, kept
in the cache). The page says which search it shows.
"""

import difflib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max

from .models import Enrollment, LessonPage, ModulePage, ProgrammePage
from .selectors import ModuleState, ModuleSummary, module_progress_list

# Hits read before keeping the trainee's own programmes': a page of results, with room.
SEARCH_LIMIT = 200
SHOWN = 50
# Words shorter than this are left as typed: too many short words are one letter apart.
MIN_WORD = 4
# How alike a word must be to a lesson word to replace it (difflib's ratio, 0 to 1).
CLOSENESS = 0.8
VOCABULARY_SECONDS = 600
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LessonHit:
    lesson: LessonPage
    module: ModulePage
    programme: ProgrammePage
    locked_by: ModuleSummary | None  # the module to finish first, where it is locked


@dataclass(frozen=True)
class LessonSearch:
    query: str  # what the trainee typed
    searched: str  # what the hits are for: the query, or the corrected query
    how: str  # "words", "prefixes" or "corrected"
    hits: list[LessonHit]


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _vocabulary() -> frozenset[str]:
    """Every word of MIN_WORD letters or more in the published lessons' searchable text.

    Cached, and rebuilt when a lesson is published or unpublished (the key carries their
    count and latest publication time).
    """
    live = LessonPage.objects.live()
    stamp = live.aggregate(n=Count("pk"), at=Max("last_published_at"))
    at = stamp["at"].timestamp() if stamp["at"] else 0
    key = f"courses:lesson-vocabulary:{stamp['n']}:{at:.6f}"
    words = cache.get(key)
    if words is None:
        found: set[str] = set()
        for lesson in live.specific().only("title", "summary", "body"):
            texts = [lesson.title, lesson.summary]
            for block in lesson.body:
                texts.extend(block.block.get_searchable_content(block.value))
            found.update(w for text in texts for w in _words(str(text)) if len(w) >= MIN_WORD)
        words = frozenset(found)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def corrected(query: str) -> str:
    """``query`` with each unknown word of MIN_WORD letters or more replaced by the
    closest word the lessons use, where one is close enough; otherwise unchanged."""
    vocabulary = _vocabulary()
    fixed = []
    for word in _words(query):
        if len(word) >= MIN_WORD and word not in vocabulary:
            word = next(iter(difflib.get_close_matches(word, vocabulary, 1, CLOSENESS)), word)
        fixed.append(word)
    return " ".join(fixed)


def lesson_search(*, user, query: str) -> LessonSearch:
    """The lessons of ``user``'s programmes matching ``query``, with module and lock.

    Queries: the trainee's enrolments, the search (up to three tries), the hits' modules
    and programmes, and three per programme with hits for its modules' states.
    """
    enrollments = {
        e.programme.path: e
        for e in Enrollment.objects.for_trainee(user).select_related("programme")
    }
    step = LessonPage.steplen

    def own(lessons) -> list[LessonPage]:
        return [lesson for lesson in lessons if lesson.path[: -2 * step] in enrollments]

    pages = LessonPage.objects.live().specific()
    how, searched = "words", query
    found = own(pages.search(query)[:SEARCH_LIMIT])
    if not found:
        how, found = "prefixes", own(pages.autocomplete(query)[:SEARCH_LIMIT])
    if not found and (better := corrected(query)) != " ".join(_words(query)):
        how, searched = "corrected", better
        found = own(pages.search(better)[:SEARCH_LIMIT])
    if not found:
        how, searched = "words", query
    found = found[:SHOWN]

    modules = {
        m.path: m
        for m in ModulePage.objects.filter(path__in={h.path[:-step] for h in found}).only(
            "title", "path", "url_path", "depth"
        )
    }
    states: dict[str, tuple[ModuleState, ModuleSummary | None]] = {}
    for path in {h.path[: -2 * step] for h in found}:
        enrollment = enrollments[path]
        for progress in module_progress_list(programme=enrollment.programme, enrollment=enrollment):
            states[progress.module.path] = (progress.state, progress.unlocked_by)
    hits = []
    for lesson in found:
        module = modules[lesson.path[:-step]]
        state, unlocked_by = states.get(module.path, (ModuleState.AVAILABLE, None))
        hits.append(
            LessonHit(
                lesson=lesson,
                module=module,
                programme=enrollments[lesson.path[: -2 * step]].programme,
                locked_by=unlocked_by if state == ModuleState.LOCKED else None,
            )
        )
    return LessonSearch(query=query, searched=searched, how=how, hits=hits)
