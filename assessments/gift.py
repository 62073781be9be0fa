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
  question text's format, as in Moodle; a question with any ``[html]`` piece is HTML throughout
  (see "Text formats" below);
* ``\\~ \\= \\# \\{ \\} \\: \\\\`` stand for the character itself and ``\\n`` for a new line;
* the answer block is ``{...}``: ``=`` marks a correct answer, ``~`` a wrong one, ``~%50%`` a
  weighted one, ``#`` starts an answer's feedback and ``####`` the general feedback. As in
  Moodle, a block with any ``=`` answer is single choice (each ``=`` answer is fully right,
  weighted ones earn their share), one without is multiple select; ``T``, ``TRUE``, ``F`` and
  ``FALSE`` (capitals, as Moodle reads them) make a true/false question;
* text after the answer block makes a "missing word" question.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
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
    # "plain", or "html" when any piece of the question was marked [html] (then every text
    # field of the question is unsanitised HTML).
    text_format: str = "plain"


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
# Case-sensitive as in Moodle: "{true}" is a short answer there, so it is one here too.
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
#
# A Peerpath question has one format for its text, answers and feedback. Moodle lets each piece
# carry its own marker, so a question becomes HTML as soon as one piece holds markup (a tag or
# an entity); its other pieces are then escaped into HTML so their characters show as written.
# HTML is kept as the author wrote it: the import service sanitises it before anything is
# stored. Markdown needs a renderer Peerpath does not have, so its source is kept as plain
# text, readable as written.


class _Piece(NamedTuple):
    fmt: str
    text: str


def _split_format(text: str, default: str) -> _Piece:
    """The piece's format and its text without the marker; unknown ``[...]`` is ordinary text."""
    text = text.strip()
    match = _FORMAT_MARKER.match(text)
    if match:
        return _Piece(match.group(1).lower(), text[match.end() :].strip())
    return _Piece(default, text)


def _piece(toks: list[_Tok], default: str) -> _Piece:
    return _split_format(_string(toks), default)


def _is_markup(piece: _Piece) -> bool:
    """HTML that reads differently from plain text; "[html]wrong" is just "wrong"."""
    return piece.fmt == "html" and ("<" in piece.text or "&" in piece.text)


def _render(piece: _Piece, question_format: str) -> str:
    if question_format == "plain" or piece.fmt == "html":
        return piece.text
    return html.escape(piece.text, quote=False).replace("\n", "<br>")


# --------------------------------------------------------------------------------------------
# Questions


class _Answer(NamedTuple):
    marker: str
    weight: Decimal | None
    text: _Piece
    feedback: _Piece


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
    if kind not in ("true_false", "choice"):
        return UnsupportedQuestion(start, title, kind)

    # Question text; with text after the block it is a "missing word" question.
    # As in Moodle, only the start of the whole text may carry its format marker.
    head = _piece(before, "moodle")
    tail_text = _string(after).strip()
    tail = _Piece(head.fmt, tail_text) if head.text else _split_format(tail_text, head.fmt)
    fmt = head.fmt if head.text else tail.fmt
    if not head.text and not tail.text:
        raise GiftSyntaxError(start, "the question has no text")

    feedback = _piece(general, fmt)
    if kind == "true_false":
        answer, wrong, right = _true_false_parts(inner, fmt)
        pieces = [head, tail, feedback, wrong, right]
    else:
        answers = _choice_answers(inner, block_line, fmt)
        pieces = [head, tail, feedback, *(p for a in answers for p in (a.text, a.feedback))]
    question_format = "html" if any(_is_markup(p) for p in pieces) else "plain"

    def render(piece: _Piece) -> str:
        return _render(piece, question_format)

    text = render(head)
    if tail.text:
        text = f"{text} {_PLACEHOLDER} {render(tail)}".strip()
    options: tuple[ParsedOption, ...]
    if kind == "true_false":
        options = (
            ParsedOption("True", answer, None, render(right if answer else wrong)),
            ParsedOption("False", not answer, None, render(wrong if answer else right)),
        )
    else:
        kind, options = _choice_options(answers, block_line, render)
    return ParsedQuestion(
        line=start,
        title=title,
        category=category,
        kind=kind,
        text=text,
        options=options,
        general_feedback=render(feedback),
        text_format=question_format,
    )


def _classify(inner: list[_Tok]) -> str:
    """Moodle's order: essay, numerical, choice, matching, true_false, else short_answer.

    Only the structure decides the type, as in Moodle, so a shape Peerpath does not take
    (``{Paris}``, ``{=%100%Moodler#}``) is an unsupported short answer, never a syntax error.
    """
    first = _first_nonspace(inner)
    if first is None:
        return "essay"
    if _is(inner[first], "#"):
        return "numerical"
    if _find(inner, "~") is not None:
        marker = _find(inner, "=~")
        if marker != first:
            end = marker if marker is not None else len(inner)
            raise GiftSyntaxError(
                inner[first].line,
                f"unexpected text {_snippet(inner[first:end])!r} in the answer block: each "
                "answer must start with '=' (correct) or '~' (wrong)",
            )
        return "choice"
    if _find(inner, "=") is not None and "->" in _string(inner):
        return "matching"
    hash_at = _find(inner, "#")
    if _string(inner[:hash_at]).strip() in _TRUE_FALSE:
        return "true_false"
    return "short_answer"


def _true_false_parts(inner: list[_Tok], fmt: str) -> tuple[bool, _Piece, _Piece]:
    """{FALSE#feedback for a wrong response#feedback for a right response}"""
    parts: list[list[_Tok]] = [[]]
    for tok in inner:
        if _is(tok, "#") and len(parts) < 3:
            parts.append([])
        else:
            parts[-1].append(tok)
    parts += [[]] * (3 - len(parts))
    answer = _TRUE_FALSE[_string(parts[0]).strip()]
    return answer, _piece(parts[1], fmt), _piece(parts[2], fmt)


def _choice_answers(inner: list[_Tok], block_line: int, fmt: str) -> list[_Answer]:
    chunks: list[tuple[_Tok, list[_Tok]]] = []
    for tok in inner:
        if _is(tok, "=") or _is(tok, "~"):
            chunks.append((tok, []))
        elif chunks:
            chunks[-1][1].append(tok)

    answers = []
    for marker, toks in chunks:
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
            if marker.ch == "=":
                # Moodle scores every '=' answer of a choice question at 100% and would keep
                # the weight as part of the answer's text.
                raise GiftSyntaxError(
                    toks[first].line,
                    f"'=%{raw}%': an answer marked '=' is worth 100%; "
                    f"write '~%{raw}%' for partial credit",
                )
            weight = Decimal(raw)
            if not -100 <= weight <= 100:
                raise GiftSyntaxError(
                    toks[first].line, f"answer weight '%{raw}%' is outside -100% to 100%"
                )
            toks = toks[end + 1 :]
        hash_at = _find(toks, "#")
        text = _piece(toks[:hash_at], fmt)
        if not text.text:
            raise GiftSyntaxError(marker.line, f"empty answer after '{marker.ch}'")
        feedback = _piece(toks[hash_at + 1 :], fmt) if hash_at is not None else _Piece(fmt, "")
        answers.append(_Answer(marker.ch, weight, text, feedback))
    if len(answers) < 2:
        raise GiftSyntaxError(block_line, "a multiple-choice question needs at least two answers")
    return answers


def _choice_options(
    answers: list[_Answer], block_line: int, render: Callable[[_Piece], str]
) -> tuple[str, tuple[ParsedOption, ...]]:
    """As Moodle: any '=' answer makes a single choice in which every '=' answer is right (any
    one of them scores 100%) and '~%w%' answers earn w% when chosen; without '=' answers the
    question is multiple select and an answer is right when its weight is positive."""
    single = any(answer.marker == "=" for answer in answers)
    options = []
    for answer in answers:
        if single:
            correct = answer.marker == "=" or answer.weight == 100
        else:
            correct = answer.weight is not None and answer.weight > 0
        options.append(
            ParsedOption(render(answer.text), correct, answer.weight, render(answer.feedback))
        )
    if not any(option.correct for option in options):
        raise GiftSyntaxError(
            block_line,
            "no correct answer: mark one with '=' or give answers a positive weight like ~%50%",
        )
    return ("single" if single else "multiple"), tuple(options)


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
