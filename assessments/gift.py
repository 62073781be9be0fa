"""A parser for Moodle's GIFT quiz format (pure standard library, no Django).

Only the question types the assessment bank can hold are parsed in full: single-answer and
multiple-answer multiple choice, and true/false. Essay, matching, numerical, short-answer and
description questions are recognised and reported as ``UnsupportedQuestion`` so an import can
tell the author what was left out. Anything malformed raises ``GiftSyntaxError`` carrying the
1-based line of the problem; a file with an error yields no partial result.

The rules follow Moodle's importer (question/format/gift/format.php) and the GIFT documentation:

* questions are separated by blank lines; lines starting with ``//`` are comments;
* ``$CATEGORY: path`` sets the category of the questions that follow;
* ``::title::`` may open a question; ``[html]``, ``[moodle]``, ``[plain]`` or ``[markdown]`` may
  open the question text and any answer or feedback text. Answers and feedback inherit the
  question text's format, as in Moodle; ``[html]`` text is reduced to plain text;
* ``\\~ \\= \\# \\{ \\} \\: \\\\`` stand for the character itself and ``\\n`` for a new line;
* the answer block is ``{...}``: ``=`` marks a correct answer, ``~`` a wrong one, ``~%50%`` a
  weighted one, ``#`` starts an answer's feedback and ``####`` the general feedback;
* text after the answer block makes a "missing word" question.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser
from typing import NamedTuple

__all__ = [
    "GiftSyntaxError",
    "ParsedOption",
    "ParsedQuestion",
    "UnsupportedQuestion",
    "parse_gift",
]


class GiftSyntaxError(ValueError):
    """A GIFT file could not be parsed; ``line`` is 1-based."""

    line: int
    message: str

    def __init__(self, line: int, message: str):
        super().__init__(f"Line {line}: {message}")
        self.line = line
        self.message = message

    def __reduce__(self):
        return (type(self), (self.line, self.message))


@dataclass(frozen=True)
class ParsedOption:
    text: str
    correct: bool
    weight: Decimal | None
    feedback: str = ""


@dataclass(frozen=True)
class ParsedQuestion:
    line: int
    title: str
    category: str
    kind: str
    text: str
    options: tuple[ParsedOption, ...]
    general_feedback: str = ""


@dataclass(frozen=True)
class UnsupportedQuestion:
    line: int
    title: str
    kind: str


# --------------------------------------------------------------------------------------------
# Tokens: one per character, remembering whether it was escaped and which line it came from.
# Structure (braces, markers, '#', '::', '%') is only ever read from unescaped tokens.


class _Tok(NamedTuple):
    ch: str
    esc: bool
    line: int


_ESCAPES = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "\\": "\\", "n": "\n"}
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_CATEGORY = "$CATEGORY:"
_FORMAT_MARKER = re.compile(r"\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_PLACEHOLDER = "_____"


def _tokenize(lines: list[tuple[int, str]]) -> list[_Tok]:
    toks: list[_Tok] = []
    previous = None
    for number, line in lines:
        if previous is not None:
            toks.append(_Tok("\n", False, previous))
        previous = number
        i = 0
        while i < len(line):
            ch = line[i]
            if ch == "\\" and i + 1 < len(line) and line[i + 1] in _ESCAPES:
                toks.append(_Tok(_ESCAPES[line[i + 1]], True, number))
                i += 2
            else:
                toks.append(_Tok(ch, False, number))
                i += 1
    return toks


def _is(tok: _Tok, ch: str) -> bool:
    return not tok.esc and tok.ch == ch


def _find(toks: list[_Tok], chars: str, start: int = 0) -> int | None:
    for i in range(start, len(toks)):
        if not toks[i].esc and toks[i].ch in chars:
            return i
    return None


def _find_run(toks: list[_Tok], ch: str, length: int, start: int = 0) -> int | None:
    """Index of the first run of ``length`` unescaped ``ch`` tokens."""
    for i in range(start, len(toks) - length + 1):
        if all(_is(t, ch) for t in toks[i : i + length]):
            return i
    return None


def _first_nonspace(toks: list[_Tok]) -> int | None:
    for i, tok in enumerate(toks):
        if not tok.ch.isspace():
            return i
    return None


def _string(toks: list[_Tok]) -> str:
    return "".join(t.ch for t in toks)


def _snippet(toks: list[_Tok]) -> str:
    text = _string(toks).strip().split("\n", 1)[0].strip()
    return text if len(text) <= 40 else text[:37] + "..."


# --------------------------------------------------------------------------------------------
# Text formats


_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li"),
        *("main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul"),
    }
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self._skipping += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _html_to_text(markup: str) -> str:
    """Tags dropped, entities resolved, HTML whitespace collapsed, <br>/<p> kept as new lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _split_format(text: str, default: str) -> tuple[str, str]:
    """(format, text without its marker); unknown ``[...]`` prefixes are ordinary text."""
    text = text.strip()
    match = _FORMAT_MARKER.match(text)
    if match:
        return match.group(1).lower(), text[match.end() :].strip()
    return default, text


def _render(text: str, fmt: str) -> str:
    return _html_to_text(text) if fmt == "html" else text.strip()


def _formatted(toks: list[_Tok], default: str) -> str:
    fmt, text = _split_format(_string(toks), default)
    return _render(text, fmt)


# --------------------------------------------------------------------------------------------
# Questions


def _parse_question(lines: list[tuple[int, str]], category: str):
    start = lines[0][0]
    toks = _tokenize(lines)

    title = ""
    if len(toks) >= 2 and _is(toks[0], ":") and _is(toks[1], ":"):
        end = _find_run(toks, ":", 2, start=2)
        if end is None:
            raise GiftSyntaxError(
                toks[0].line, "question title opened with '::' is never closed with '::'"
            )
        title = _string(toks[2:end]).strip()
        toks = toks[end + 2 :]

    opened = closed = None
    for i, tok in enumerate(toks):
        if tok.esc:
            continue
        if tok.ch == "{":
            if opened is None:
                opened = i
            elif closed is None:
                raise GiftSyntaxError(
                    tok.line,
                    f"'{{' inside the answer block opened on line {toks[opened].line} "
                    "(is a '}' missing? write \\{ for a literal brace)",
                )
            else:
                raise GiftSyntaxError(
                    tok.line,
                    "a second answer block in the same question "
                    "(questions must be separated by a blank line)",
                )
        elif tok.ch == "}":
            if opened is None or closed is not None:
                raise GiftSyntaxError(
                    tok.line, "'}' without a matching '{' (write \\} for a literal brace)"
                )
            closed = i
    if opened is None:
        return UnsupportedQuestion(start, title, "description")
    block_line = toks[opened].line
    if closed is None:
        raise GiftSyntaxError(
            block_line, f"answer block opened on line {block_line} is never closed"
        )

    before, inner, after = toks[:opened], toks[opened + 1 : closed], toks[closed + 1 :]
    general: list[_Tok] = []
    separator = _find_run(inner, "#", 4)
    if separator is not None:
        inner, general = inner[:separator], inner[separator + 4 :]

    kind = _classify(inner)
    if kind in ("essay", "numerical", "matching", "short_answer"):
        return UnsupportedQuestion(start, title, kind)

    # Question text; with text after the block it is a "missing word" question.
    head, tail = _string(before).strip(), _string(after).strip()
    fmt, head = _split_format(head, "moodle")
    if not head:
        fmt, tail = _split_format(tail, fmt)
    head, tail = _render(head, fmt), _render(tail, fmt)
    text = f"{head} {_PLACEHOLDER} {tail}".strip() if tail else head
    if not text:
        raise GiftSyntaxError(start, "the question has no text")

    if kind == "true_false":
        options = _true_false_options(inner, fmt)
    else:
        kind, options = _choice_options(inner, block_line, fmt)
    return ParsedQuestion(
        line=start,
        title=title,
        category=category,
        kind=kind,
        text=text,
        options=options,
        general_feedback=_formatted(general, fmt),
    )


def _classify(inner: list[_Tok]) -> str:
    """essay, numerical, true_false, choice, matching or short_answer."""
    first = _first_nonspace(inner)
    if first is None:
        return "essay"
    if _is(inner[first], "#"):
        return "numerical"
    hash_at = _find(inner, "#")
    if _string(inner[:hash_at]).strip().upper() in _TRUE_FALSE:
        return "true_false"
    marker = _find(inner, "=~")
    if marker is None:
        raise GiftSyntaxError(
            inner[first].line,
            f"unexpected text {_snippet(inner[first:hash_at])!r} in the answer block: expected "
            "answers starting with '=' or '~', TRUE/FALSE, or '#' for a numerical answer",
        )
    if marker != first:
        raise GiftSyntaxError(
            inner[first].line,
            f"unexpected text {_snippet(inner[first:marker])!r} in the answer block: each "
            "answer must start with '=' (correct) or '~' (wrong)",
        )
    if _find(inner, "~") is not None:
        return "choice"
    # As in Moodle, '->' only makes a matching question when there are no '~' answers.
    if "->" in _string(inner):
        return "matching"
    return "short_answer"


def _true_false_options(inner: list[_Tok], fmt: str) -> tuple[ParsedOption, ...]:
    # {FALSE#feedback for a wrong response#feedback for a right response}
    parts: list[list[_Tok]] = [[]]
    for tok in inner:
        if _is(tok, "#") and len(parts) < 3:
            parts.append([])
        else:
            parts[-1].append(tok)
    parts += [[]] * (3 - len(parts))
    answer = _TRUE_FALSE[_string(parts[0]).strip().upper()]
    wrong, right = _formatted(parts[1], fmt), _formatted(parts[2], fmt)
    return (
        ParsedOption("True", answer, None, right if answer else wrong),
        ParsedOption("False", not answer, None, wrong if answer else right),
    )


def _choice_options(
    inner: list[_Tok], block_line: int, fmt: str
) -> tuple[str, tuple[ParsedOption, ...]]:
    answers: list[tuple[_Tok, list[_Tok]]] = []
    for tok in inner:
        if _is(tok, "=") or _is(tok, "~"):
            answers.append((tok, []))
        elif answers:
            answers[-1][1].append(tok)

    options = []
    for marker, toks in answers:
        weight = None
        first = _first_nonspace(toks)
        if first is not None and _is(toks[first], "%"):
            end = _find(toks, "%", first + 1)
            if end is None:
                raise GiftSyntaxError(
                    toks[first].line, "answer weight opened with '%' is never closed with '%'"
                )
            raw = _string(toks[first + 1 : end]).strip()
            if not _WEIGHT.fullmatch(raw):
                raise GiftSyntaxError(toks[first].line, f"answer weight '%{raw}%' is not a number")
            weight = Decimal(raw)
            toks = toks[end + 1 :]
        hash_at = _find(toks, "#")
        text = _formatted(toks[:hash_at], fmt)
        if not text:
            raise GiftSyntaxError(marker.line, f"empty answer after '{marker.ch}'")
        feedback = _formatted(toks[hash_at + 1 :], fmt) if hash_at is not None else ""
        correct = weight > 0 if weight is not None else marker.ch == "="
        options.append(ParsedOption(text, correct, weight, feedback))

    if len(options) < 2:
        raise GiftSyntaxError(block_line, "a multiple-choice question needs at least two answers")
    if not any(option.correct for option in options):
        raise GiftSyntaxError(
            block_line,
            "no correct answer: mark one with '=' or give answers a positive weight like ~%50%",
        )
    several = sum(1 for marker, _ in answers if marker.ch == "=") > 1
    weighted = any(option.weight is not None for option in options)
    return ("multiple" if several or weighted else "single"), tuple(options)


def parse_gift(text: str) -> tuple[list[ParsedQuestion], list[UnsupportedQuestion]]:
    """Parse a whole GIFT file; raises GiftSyntaxError on the first problem found."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    questions: list[ParsedQuestion] = []
    unsupported: list[UnsupportedQuestion] = []
    category = ""
    chunk: list[tuple[int, str]] = []

    def flush() -> None:
        if chunk:
            parsed = _parse_question(chunk, category)
            (questions if isinstance(parsed, ParsedQuestion) else unsupported).append(parsed)
            chunk.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("//"):
            continue
        elif line.startswith(_CATEGORY):
            flush()
            category = line[len(_CATEGORY) :].strip()
        else:
            chunk.append((number, line))
    flush()
    return questions, unsupported
