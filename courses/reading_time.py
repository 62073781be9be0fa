"""A lesson's minutes from its content: reading time plus the time of its activities.

Boards ask how contact hours were established; "the author guessed" is not an answer. A
lesson's minutes are the words a trainee reads (headings, paragraphs, callouts and content
warnings, stories, scenario situations) at ``settings.LESSON_READING_WPM`` words a minute,
rounded up, plus a set allowance for each activity unless the block states its own
``minutes``. ``lesson_minutes`` reads both a page's ``StreamValue`` and the raw
``[(block_type, value), …]`` list the curriculum loader builds, so the loader's check and
the page agree.
"""

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.utils.html import strip_tags

DEFAULT_READING_WPM = 150

# Minutes an activity takes when its block does not say: discussing a scenario, writing a
# reflection, answering a knowledge check. A video takes the minutes its block states.
ACTIVITY_MINUTES = {"scenario": 10, "reflection": 5, "knowledge_check": 2, "video": 0}

_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*", re.UNICODE)


def reading_wpm() -> int:
    return int(getattr(settings, "LESSON_READING_WPM", DEFAULT_READING_WPM))


def count_words(text: object) -> int:
    """Words in plain text or HTML (tags and entities are not words)."""
    if text is None:
        return 0
    source = getattr(text, "source", text)  # RichText keeps its HTML in ``source``
    plain = strip_tags(str(source)).replace("&nbsp;", " ")
    plain = re.sub(r"&[#\w]+;", " ", plain)
    return len(_WORD.findall(plain))


def _field(value: Any, name: str) -> Any:
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


def _blocks(body: Iterable[Any]) -> Iterable[tuple[str, Any]]:
    """(block_type, value) pairs from a StreamValue, raw stream data or (type, value) tuples."""
    for block in body:
        if isinstance(block, tuple | list):
            yield block[0], block[1]
        elif isinstance(block, Mapping):
            yield block["type"], block["value"]
        else:
            yield block.block_type, block.value


def block_words(block_type: str, value: Any) -> int:
    """The words of one block that count towards reading time."""
    if block_type == "heading":
        return count_words(_field(value, "text"))
    if block_type == "paragraph":
        return count_words(value)
    if block_type == "callout":
        return count_words(_field(value, "title")) + count_words(_field(value, "text"))
    if block_type == "story":
        return count_words(_field(value, "quote"))
    if block_type == "scenario":
        return count_words(_field(value, "situation"))
    return 0


def block_activity_minutes(block_type: str, value: Any) -> int:
    """An activity's minutes: its own ``minutes`` if set, else the usual allowance."""
    if block_type not in ACTIVITY_MINUTES:
        return 0
    minutes = _field(value, "minutes")
    if minutes not in (None, ""):
        return int(minutes)
    return ACTIVITY_MINUTES[block_type]


def lesson_breakdown(body: Iterable[Any], *, wpm: int | None = None) -> dict[str, int]:
    """Words, reading minutes, activity minutes and their total for a lesson body."""
    wpm = wpm or reading_wpm()
    words = activity = 0
    for block_type, value in _blocks(body):
        words += block_words(block_type, value)
        activity += block_activity_minutes(block_type, value)
    reading = math.ceil(words / wpm) if words else 0
    return {"words": words, "reading": reading, "activities": activity, "total": reading + activity}


def lesson_minutes(body: Iterable[Any], *, wpm: int | None = None) -> int:
    """A lesson's minutes: reading time at ``wpm`` (rounded up) plus its activities."""
    return lesson_breakdown(body, wpm=wpm)["total"]
