"""The GIFT parser against Moodle's importer (question/format/gift/format.php, readquestion).

Each file is read the way Moodle would store it: its question type (``multichoice`` with
``single`` on or off, ``truefalse``, ``shortanswer``, ``numerical``, ``match``, ``essay``,
``description``) and, for the types Peerpath keeps, each answer's fraction (1 = 100%) or the
true/false answer. The expected values were worked out from format.php:

* a block with a ``~`` is multichoice; it is single choice when it has any ``=``, each ``=``
  answer at fraction 1, ``~%w%`` at w/100 and a bare ``~`` at 0;
* otherwise ``=`` with ``->`` is matching, exactly ``T``/``TRUE``/``F``/``FALSE`` (before any
  ``#``) is true/false, and anything else in braces is a short answer, even one bare word;
* ``{}`` is an essay, ``{#...}`` numerical, no braces a description.

The first file is Moodle's own fixture (shared/fixtures); the others are written here in the
shapes of Moodle's questions_in_category.gift.txt and examples.txt.
"""

from decimal import Decimal

import pytest

from assessments.gift import parse_gift

MOODLE_NAMES = {
    "short_answer": "shortanswer",
    "matching": "match",
    "numerical": "numerical",
    "essay": "essay",
    "description": "description",
}


def as_moodle(text: str) -> list[tuple]:
    """(line, Moodle type, fractions or the true/false answer) for every question, in order."""
    questions, unsupported = parse_gift(text)
    rows = [(q.line, MOODLE_NAMES[q.kind], None) for q in unsupported]
    for q in questions:
        if q.kind == "true_false":
            rows.append((q.line, "truefalse", q.options[0].correct))
            continue
        fractions = []
        for option in q.options:
            if q.kind == "single" and option.correct:
                fractions.append(Decimal(1))
            else:
                fractions.append((option.weight or Decimal(0)) / 100)
        kind = "multichoice single" if q.kind == "single" else "multichoice multi"
        rows.append((q.line, kind, fractions))
    return sorted(rows, key=lambda row: row[0])


def fractions(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


def test_moodles_own_fixture(moodle_gift_file):
    assert as_moodle(moodle_gift_file.read_text(encoding="utf-8")) == [
        (2, "essay", None),
        (5, "match", None),
        (14, "multichoice single", fractions("1", "0", "0")),
        (22, "multichoice multi", fractions("0.5", "-1", "0.5", "-1")),
        (31, "numerical", None),
        (34, "shortanswer", None),
        (41, "truefalse", False),
        (46, "truefalse", True),
        (49, "truefalse", True),
    ]


IN_CATEGORY = """\
// question: 0  name: switch category to $course$/Default for New Features
$CATEGORY: $course$/Default for New Features

// question: 44  name: Peer roles
::Peer roles::[html]Match the <b>role</b> to its task.{
\t=Listens without judging. -> Peer worker
\t=Signs off practice hours. -> Supervisor
\t= -> Visitor
}

// question: 43  name: Greeting
::Greeting::[html]<a href\\="https\\://example.org/hi.mp3">Listen\\:</a><br /><br />Language?{
\t~English#Sorry, listen again.
\t=French#Yes, well done!
\t~German#Sorry, listen again.
}

// question: 46  name: Peer user
::Peer user::[html]Someone who supports peers is a ...{
\t=%100%peer worker#
}

// question: 45  name: Acronym
::Acronym::[html]PSW is short for <span style\\="font-style\\: italic;">peer worker</span>.{TRUE}
"""


def test_a_file_in_a_category_with_html():
    assert as_moodle(IN_CATEGORY) == [
        (5, "match", None),
        (12, "multichoice single", fractions("0", "1", "0")),
        (19, "shortanswer", None),
        (24, "truefalse", True),
    ]
    questions, _ = parse_gift(IN_CATEGORY)
    greeting, acronym = questions
    assert {q.category for q in questions} == {"$course$/Default for New Features"}
    assert (greeting.title, greeting.text_format) == ("Greeting", "html")
    # Escapes resolve inside HTML; the import service sanitises what is left.
    assert greeting.text == (
        '<a href="https://example.org/hi.mp3">Listen:</a><br /><br />Language?'
    )
    assert [o.feedback for o in greeting.options] == [
        "Sorry, listen again.",
        "Yes, well done!",
        "Sorry, listen again.",
    ]
    assert acronym.text == (
        'PSW is short for <span style="font-style: italic;">peer worker</span>.'
    )


EXAMPLES = """\
//  Example questions in the shapes of Moodle's examples.txt.

Who listens first in a peer session?{~the supervisor ~the family =the peer worker}

A peer worker is {~paid =trained ~licensed} to share lived experience.

Peer workers diagnose illness.{FALSE}

Who sets the recovery goals?{=the person =the person in recovery}

How many supervision hours a month?{#4:1}

Match the service to its place. {
    =Drop-in -> Community centre
    =Crisis line -> Phone
    =Group -> Library
    }

What is a peer worker's first tool? {#
    =4:0
    =%50%4:2}

// ===Line Comments===
// A subheading before a question
What is 2 plus 2? {#4}

::Role name::What do we call someone
who supports peers? {=peer worker}

What is the answer to this multiple-choice question?{
~wrong answer#feedback comment on the wrong answer
~another wrong answer#feedback comment on this wrong answer
=right answer#Very good!}

[markdown]Who leads **recovery**?{
=the person#excellent answer!
=the client#good answer!}

Hard question.{~wrong answer ~%50%half credit answer =full credit answer}

::Home town::Ana grew up in {
    ~Porto#An important city, but the wrong answer.
    ~%25%Lisbon#She was born here, but not raised here.
    ~%50%Portugal#You need to be more specific.
    =Braga#Yes! That's right!}.

::Home town (short)::Ana grew up in {
    =Braga#Yes! That's right!
    =%75%Braaga#Right, but misspelled.
    =%25%Lisbon#She was born here, but not raised here.}

Which two keep notes in a peer session? {
    ~No one
    ~%50%The peer worker
    ~%50%The person
    ~The neighbor }

Which two keep notes in a peer session? {
    ~%-50%No one
    ~%50%The peer worker
    ~%50%The person
    ~%-50%The neighbor }

Which answer equals 5? {
     ~ \\= 2 + 2
     = \\= 2 + 3
     ~ \\= 2 + 4  }

::GIFT Control Characters::
Which of these is NOT a control character in GIFT? {
   ~ \\~     # \\~ is a control character.
   ~ \\=     # \\= is a control character.
   ~ \\#     # \\# is a control character.
   ~ \\{     # \\{ is a control character.
   ~ \\}     # \\} is a control character.
   = \\\\     # Correct! \\\\ (backslash) is not a control character. BUT,
              it escapes the control characters.
}

Pick the three thirds. {
    ~%33.33333%one
    ~%33.33333%two
    ~%33.33333%three
    ~%-100%none }

A description with no answers at all.

::Essay::Tell us about yourself.{}
"""


def test_examples_in_the_shapes_of_moodles_examples_file():
    assert as_moodle(EXAMPLES) == [
        (3, "multichoice single", fractions("0", "0", "1")),
        (5, "multichoice single", fractions("0", "1", "0")),
        (7, "truefalse", False),
        (9, "shortanswer", None),
        (11, "numerical", None),
        (13, "match", None),
        (19, "numerical", None),
        (25, "numerical", None),
        (27, "shortanswer", None),
        (30, "multichoice single", fractions("0", "0", "1")),
        (35, "shortanswer", None),
        (39, "multichoice single", fractions("0", "0.5", "1")),
        (41, "multichoice single", fractions("0", "0.25", "0.5", "1")),
        (47, "shortanswer", None),
        (52, "multichoice multi", fractions("0", "0.5", "0.5", "0")),
        (58, "multichoice multi", fractions("-0.5", "0.5", "0.5", "-0.5")),
        (64, "multichoice single", fractions("0", "1", "0")),
        (69, "multichoice single", fractions("0", "0", "0", "0", "0", "1")),
        (80, "multichoice multi", fractions("0.3333333", "0.3333333", "0.3333333", "-1")),
        (86, "description", None),
        (88, "essay", None),
    ]


def test_escaped_control_characters_are_answer_text():
    questions, _ = parse_gift(EXAMPLES)
    equals, control = (q for q in questions if q.line in (64, 69))
    assert [o.text for o in equals.options] == ["= 2 + 2", "= 2 + 3", "= 2 + 4"]
    assert [o.text for o in control.options] == ["~", "=", "#", "{", "}", "\\"]
    assert control.options[0].feedback == "~ is a control character."
    assert control.options[5].feedback == (
        "Correct! \\ (backslash) is not a control character. BUT,\n"
        "it escapes the control characters."
    )


def test_a_weighted_single_choice_keeps_each_answers_feedback_in_order():
    questions, _ = parse_gift(EXAMPLES)
    (home,) = (q for q in questions if q.title == "Home town")
    assert home.text == "Ana grew up in _____ ."
    assert [(o.text, o.correct, o.feedback) for o in home.options] == [
        ("Porto", False, "An important city, but the wrong answer."),
        ("Lisbon", False, "She was born here, but not raised here."),
        ("Portugal", False, "You need to be more specific."),
        ("Braga", True, "Yes! That's right!"),
    ]


@pytest.mark.parametrize(
    ("block", "right", "wrong"),
    [
        # Moodle's split_truefalse_comment: the first '#' part answers a wrong response.
        ("{TRUE#Wrong: it does.#Right.}", "Right.", "Wrong: it does."),
        ("{FALSE#Wrong: it does not.#Right.}", "Right.", "Wrong: it does not."),
        ("{T##Right only.}", "Right only.", ""),
        ("{F#Wrong only.}", "", "Wrong only."),
    ],
)
def test_true_false_feedback_order(block, right, wrong):
    (question,), _ = parse_gift(f"The sun rises in the east.{block}")
    correct = next(o for o in question.options if o.correct)
    other = next(o for o in question.options if not o.correct)
    assert (correct.feedback, other.feedback) == (right, wrong)


def test_blank_lines_and_comments_separate_and_vanish_as_in_moodle():
    text = (
        "\n\n   \n"  # leading blank lines, one with spaces
        "// comment\n"
        "First?{\n"  # 5
        "// a comment line inside the question is dropped\n"
        "=yes\n"
        "\n"  # a blank line ends the question in Moodle, so this one is cut short...
        "~no}\n"  # 9
    )
    # ...and the rest is a second "question" that starts with '~no}': a brace error.
    with pytest.raises(ValueError, match="Line 5: answer block opened on line 5 is never closed"):
        parse_gift(text)
    assert as_moodle(text.replace("=yes\n\n", "=yes\n")) == [
        (5, "multichoice single", fractions("1", "0")),
    ]
