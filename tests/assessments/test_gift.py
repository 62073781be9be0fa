"""The GIFT parser: Moodle's own fixture, then every rule on small inline files."""

import dataclasses
from decimal import Decimal

import pytest

from assessments.gift import (
    GiftSyntaxError,
    ParsedOption,
    ParsedQuestion,
    UnsupportedQuestion,
    parse_gift,
)


def only(text: str) -> ParsedQuestion:
    questions, unsupported = parse_gift(text)
    assert unsupported == []
    assert len(questions) == 1
    return questions[0]


def syntax_error(text: str) -> str:
    with pytest.raises(GiftSyntaxError) as caught:
        parse_gift(text)
    return str(caught.value)


# --------------------------------------------------------------------------------------------
# Moodle's fixture


@pytest.fixture
def moodle_fixture(moodle_gift_file):
    return parse_gift(moodle_gift_file.read_text(encoding="utf-8"))


def test_fixture_supported_questions(moodle_fixture):
    questions, _ = moodle_fixture
    # The two "2-08 TSL" questions share a title; both are kept.
    assert [(q.line, q.title, q.kind) for q in questions] == [
        (14, "Q2", "single"),
        (22, "colours", "multiple"),
        (41, "Q1", "true_false"),
        (46, "2-08 TSL", "true_false"),
        (49, "2-08 TSL", "true_false"),
    ]
    assert {q.category for q in questions} == {""}


def test_fixture_unsupported_questions(moodle_fixture):
    _, unsupported = moodle_fixture
    assert unsupported == [
        UnsupportedQuestion(line=2, title="Q8", kind="essay"),
        UnsupportedQuestion(line=5, title="Moodle activities", kind="matching"),
        UnsupportedQuestion(line=31, title="Q5", kind="numerical"),
        UnsupportedQuestion(line=34, title="Shortanswer", kind="short_answer"),
    ]


def test_fixture_single_choice_with_feedback(moodle_fixture):
    q2 = moodle_fixture[0][0]
    assert q2 == ParsedQuestion(
        line=14,
        title="Q2",
        category="",
        kind="single",
        text="What's between orange and green in the spectrum?",
        options=(
            ParsedOption("yellow", True, None, "right; good!"),
            # "# [html]wrong, it's yellow": the marker is stripped and the text kept.
            ParsedOption("red", False, None, "wrong, it's yellow"),
            # "~[plain]blue": the marker belongs to the answer, not its text.
            ParsedOption("blue", False, None, "wrong, it's yellow"),
        ),
    )


def test_fixture_weighted_multiple_choice(moodle_fixture):
    colours = moodle_fixture[0][1]
    assert colours.kind == "multiple"
    assert colours.text == "What's between orange and green in the spectrum?"
    assert colours.options == (
        ParsedOption("yellow", True, Decimal(50), "right; good!"),
        ParsedOption("red", False, Decimal(-100), "wrong"),
        ParsedOption("off-beige", True, Decimal(50), "right; good!"),
        ParsedOption("blue", False, Decimal(-100), "wrong"),
    )
    assert colours.general_feedback == ""


def test_fixture_true_false_with_feedback_and_general_feedback(moodle_fixture):
    q1 = moodle_fixture[0][2]
    assert q1.title == "Q1"
    assert q1.kind == "true_false"
    # {FALSE#shown for the wrong response#shown for the right response}
    assert q1.options == (
        ParsedOption("True", False, None, "42 is the Ultimate Answer."),
        ParsedOption("False", True, None, "You gave the right answer."),
    )
    assert q1.general_feedback == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    # The fixture's stray '";' after the closing brace (left over from a PHP string) is text after
    # the answer block, so, exactly as Moodle does, it makes a "missing word" question.
    assert q1.text == '42 is the Absolute Answer to everything. _____ ";'


def test_fixture_true_false_short_spellings(moodle_fixture):
    first, second = moodle_fixture[0][3:]
    for question in (first, second):
        assert question.title == "2-08 TSL"
        assert question.text == "TSL is blablabla."
        assert question.options == (
            ParsedOption("True", True, None, ""),
            ParsedOption("False", False, None, ""),
        )


# --------------------------------------------------------------------------------------------
# Choice questions


def test_single_choice_on_one_line():
    question = only("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")
    assert question == ParsedQuestion(
        line=1,
        title="",
        category="",
        kind="single",
        text="Who's buried in Grant's tomb?",
        options=(
            ParsedOption("Grant", False, None),
            ParsedOption("Jefferson", False, None),
            ParsedOption("no one", True, None),
        ),
    )


def test_several_equals_answers_make_a_single_choice_where_any_one_is_right():
    # Moodle: an '=' in a block with '~' answers makes it single choice, every '=' at 100%.
    question = only("Pick a prime. {=2 =3 ~4 =5 ~6}")
    assert question.kind == "single"
    assert [(o.text, o.correct, o.weight) for o in question.options] == [
        ("2", True, None),
        ("3", True, None),
        ("4", False, None),
        ("5", True, None),
        ("6", False, None),
    ]


def test_weights_make_a_multiple_choice_and_decide_correctness():
    question = only(
        "::W:: Which are fruit? {\n"
        "  ~%33.333%apple #yes\n"
        "  ~% 33.333 %pear\n"
        "  ~%-100%stone #no\n"
        "  ~%0%chair\n"
        "  ~%33.334%plum\n"
        "}"
    )
    assert question.kind == "multiple"
    assert [(o.text, o.correct, o.weight, o.feedback) for o in question.options] == [
        ("apple", True, Decimal("33.333"), "yes"),
        ("pear", True, Decimal("33.333"), ""),
        ("stone", False, Decimal(-100), "no"),
        ("chair", False, Decimal(0), ""),
        ("plum", True, Decimal("33.334"), ""),
    ]


def test_weighted_answers_next_to_an_equals_make_a_single_choice_with_partial_credit():
    # Moodle's "Jesus' hometown": '=' is the right answer, the weighted ones earn a share.
    question = only(
        "::Jesus' hometown::Jesus Christ was from {\n"
        "    ~Jerusalem#This was an important city, but the wrong answer.\n"
        "    ~%25%Bethlehem#He was born here, but not raised here.\n"
        "    ~%50%Galilee#You need to be more specific.\n"
        "    =Nazareth#Yes! That's right!}."
    )
    assert question.kind == "single"
    assert question.text == "Jesus Christ was from _____ ."
    assert [(o.text, o.correct, o.weight) for o in question.options] == [
        ("Jerusalem", False, None),
        ("Bethlehem", False, Decimal(25)),
        ("Galilee", False, Decimal(50)),
        ("Nazareth", True, None),
    ]


def test_a_full_weight_tilde_answer_in_a_single_choice_is_right_too():
    question = only("Q {=a ~%100%b ~c}")
    assert question.kind == "single"
    assert [o.correct for o in question.options] == [True, True, False]


def test_general_feedback_in_a_choice_block():
    question = only("Q? {\n=yes #good\n~no #bad\n####Because.\n}")
    assert question.options == (
        ParsedOption("yes", True, None, "good"),
        ParsedOption("no", False, None, "bad"),
    )
    assert question.general_feedback == "Because."


def test_arrow_inside_a_choice_answer_stays_a_choice():
    # Moodle only treats '->' as matching when there are no '~' answers.
    question = only("Which is valid? {=a -> b ~b <- a}")
    assert question.kind == "single"
    assert [o.text for o in question.options] == ["a -> b", "b <- a"]


# --------------------------------------------------------------------------------------------
# True/false


@pytest.mark.parametrize(
    ("block", "answer"),
    [
        *[("{T}", True), ("{TRUE}", True), ("{ T }", True)],
        *[("{ F }", False), ("{FALSE}", False), ("{F#wrong#right}", False)],
    ],
)
def test_true_false_spellings(block, answer):
    question = only(f"The sky is blue.{block}")
    assert question.kind == "true_false"
    assert question.text == "The sky is blue."
    assert [(o.text, o.correct) for o in question.options] == [
        ("True", answer),
        ("False", not answer),
    ]


@pytest.mark.parametrize("block", ["{t}", "{true}", "{True}", "{f}", "{false}"])
def test_true_false_words_are_capitals_as_in_moodle(block):
    # Moodle compares case-sensitively, so these are one-answer short-answer questions.
    assert parse_gift(f"The sky is blue.{block}") == (
        [],
        [UnsupportedQuestion(1, "", "short_answer")],
    )


def test_true_with_feedback_puts_the_second_part_on_the_right_answer():
    question = only("The sun rises in the east.{TRUE#No, it does.#Correct.####Seen daily.}")
    assert question.options == (
        ParsedOption("True", True, None, "Correct."),
        ParsedOption("False", False, None, "No, it does."),
    )
    assert question.general_feedback == "Seen daily."


def test_true_false_with_only_the_wrong_feedback():
    question = only("2 + 2 = 5 \\= 4?{F#Count again.}")
    assert question.text == "2 + 2 = 5 = 4?"
    assert question.options == (
        ParsedOption("True", False, None, "Count again."),
        ParsedOption("False", True, None, ""),
    )


# --------------------------------------------------------------------------------------------
# Unsupported question types


def test_unsupported_question_types_are_reported_with_their_lines():
    questions, unsupported = parse_gift(
        "::E:: Write an essay.{}\n"  # 1
        "\n"
        "Essay with general feedback only.{####Marked by hand.}\n"  # 3
        "\n"
        "::M:: Match.{=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}\n"  # 5
        "\n"
        "::N:: When was Grant born?{#1822:5}\n"  # 7
        "\n"
        "::S:: Who's buried in Grant's tomb?{=no one =nobody}\n"  # 9
        "\n"
        "::D:: Just a description, no answers.\n"  # 11
        "\n"
        "Kept.{=a ~b}\n"  # 13
        "\n"
        "One-answer short form.{Paris}\n"  # 15
        "\n"
        "::Moodle user::Anyone who uses Moodle is a ...{\n=%100%Moodler#\n}\n"  # 17
        "\n"
        "Which?{\nyellow # right\n}\n"  # 21
        "\n"
        "Two plus two equals {=four =4}.\n"  # 25
        "\n"
        "Numerical with ranges {#\n=1822:0\n=%50%1822:2}\n"  # 27
    )
    assert unsupported == [
        UnsupportedQuestion(1, "E", "essay"),
        UnsupportedQuestion(3, "", "essay"),
        UnsupportedQuestion(5, "M", "matching"),
        UnsupportedQuestion(7, "N", "numerical"),
        UnsupportedQuestion(9, "S", "short_answer"),
        UnsupportedQuestion(11, "D", "description"),
        UnsupportedQuestion(15, "", "short_answer"),
        UnsupportedQuestion(17, "Moodle user", "short_answer"),
        UnsupportedQuestion(21, "", "short_answer"),
        UnsupportedQuestion(25, "", "short_answer"),
        UnsupportedQuestion(27, "", "numerical"),
    ]
    assert [(q.line, q.text) for q in questions] == [(13, "Kept.")]


# --------------------------------------------------------------------------------------------
# Categories, titles, comments, layout


def test_categories_apply_to_the_questions_that_follow():
    questions, _ = parse_gift(
        "Before any category.{T}\n"
        "\n"
        "$CATEGORY: $course$/Ethics\n"
        "\n"
        "First.{T}\n"
        "\n"
        "Second.{F}\n"
        "\n"
        "$CATEGORY:   $course$/Ethics/Consent  \n"
        "Third, right under its category line.{T}\n"
    )
    assert [(q.line, q.text, q.category) for q in questions] == [
        (1, "Before any category.", ""),
        (5, "First.", "$course$/Ethics"),
        (7, "Second.", "$course$/Ethics"),
        (10, "Third, right under its category line.", "$course$/Ethics/Consent"),
    ]


def test_escapes_resolve_to_literal_characters():
    question = only(
        "::Ratios \\: a \\{primer\\}::What does a\\=b \\~ c \\# d mean?\\nPick one. {\n"
        "=a equals b \\{exactly\\} #Yes\\: \\= means equal\n"
        "~a is about c\\~ #No \\# here\n"
        "~back\\\\slash\n"
        "}"
    )
    assert question.title == "Ratios : a {primer}"
    assert question.text == "What does a=b ~ c # d mean?\nPick one."
    assert question.options == (
        ParsedOption("a equals b {exactly}", True, None, "Yes: = means equal"),
        ParsedOption("a is about c~", False, None, "No # here"),
        ParsedOption("back\\slash", False, None),
    )


def test_unknown_backslash_sequences_are_kept():
    question = only("C:\\temp\\x is a path.{T}")
    assert question.text == "C:\\temp\\x is a path."


def test_markdown_and_plain_markers_are_stripped_and_text_kept():
    question = only(
        "::Fmt::[markdown]Which is **bold**?{\n"
        "=[plain]<b>this</b> #[markdown]*yes*\n"
        "~[moodle]that\n"
        "####[plain]Tags stay: <i>x</i>\n"
        "}"
    )
    assert question.text == "Which is **bold**?"
    assert question.options == (
        ParsedOption("<b>this</b>", True, None, "*yes*"),
        ParsedOption("that", False, None),
    )
    assert question.general_feedback == "Tags stay: <i>x</i>"


def test_html_is_kept_and_answers_inherit_the_format():
    # The parser keeps the author's markup; the import service sanitises it.
    question = only(
        "::H::[html]<p>Is 1 &lt; 2 &amp;&amp; 3&nbsp;&gt; 2?</p><p>Think <b>hard</b>.</p>{\n"
        "=<em>Yes</em> #<span>Right &#8212; well done</span>\n"
        "~[plain]<no> & #[html]Wrong<br/>again\n"
        "}"
    )
    assert question.text_format == "html"
    assert question.text == "<p>Is 1 &lt; 2 &amp;&amp; 3&nbsp;&gt; 2?</p><p>Think <b>hard</b>.</p>"
    assert question.options == (
        ParsedOption("<em>Yes</em>", True, None, "<span>Right &#8212; well done</span>"),
        # A [plain] piece of an HTML question is escaped so it reads as written.
        ParsedOption("&lt;no&gt; &amp;", False, None, "Wrong<br/>again"),
    )


def test_one_html_piece_makes_the_whole_question_html():
    question = only("Plain <question>?\nTwo lines. {=yes #[html]<b>Right</b> ~no}")
    assert question.text_format == "html"
    assert question.text == "Plain &lt;question&gt;?<br>Two lines."
    assert question.options[0].feedback == "<b>Right</b>"


def test_html_without_markup_keeps_a_question_plain():
    # Moodle's fixture: "~red # [html]wrong, it's yellow".
    question = only("Plain? {=yes ~no #[html]wrong, it's yellow}")
    assert question.text_format == "plain"
    assert question.options[1].feedback == "wrong, it's yellow"


def test_unknown_bracket_prefix_is_ordinary_text():
    assert only("[note] Is this kept?{T}").text == "[note] Is this kept?"


def test_missing_word_questions():
    questions, _ = parse_gift(
        "Grant is {~buried =entombed ~living} in Grant's tomb.\n"
        "\n"
        "{=Paris ~Lyon} is the capital of France.\n"
        "\n"
        "::MW::[html]The <b>sun</b> is {=hot ~cold} &amp; <i>bright</i>.\n"
        "\n"
        "Answers at the end need no blank.{=yes ~no}   \n"
    )
    assert [q.text for q in questions] == [
        "Grant is _____ in Grant's tomb.",
        "_____ is the capital of France.",
        "The <b>sun</b> is _____ &amp; <i>bright</i>.",
        "Answers at the end need no blank.",
    ]


def test_format_marker_before_a_leading_answer_block_applies_to_the_whole_question():
    question = only("[html]{=a &amp; b ~c} <b>is</b> first.")
    assert question.text_format == "html"
    assert question.text == "_____ <b>is</b> first."
    assert [o.text for o in question.options] == ["a &amp; b", "c"]


def test_multi_line_questions_and_answers_with_comments():
    questions, _ = parse_gift(
        "// A file header comment\n"  # 1
        "// spanning two lines\n"  # 2
        "\n"
        "   // an indented comment before the question\n"  # 4
        "::Long::  This question\n"  # 5
        "   spans several lines.\n"
        "{\n"
        "    // comments inside the block are ignored\n"
        "    =the right\n"
        "     answer # and its\n"
        "     feedback\n"
        "    ~a wrong one\n"
        "}\n"
        "\n"
        "// only comments here\n"
        "// and here\n"
        "\n"
        "\n"
        "\n"
        "Next.{F}\n"  # 20
    )
    assert [(q.line, q.title) for q in questions] == [(5, "Long"), (20, "")]
    long = questions[0]
    assert long.text == "This question\nspans several lines."
    assert long.options == (
        ParsedOption("the right\nanswer", True, None, "and its\nfeedback"),
        ParsedOption("a wrong one", False, None),
    )


def test_windows_line_endings_and_byte_order_mark():
    text = (
        "$CATEGORY: Ethics\n\n// c\n::A:: First?\n{\n=yes #good\n~no\n}\n\n\n"
        "Second.{TRUE#wrong#right}\n"
    )
    unix = parse_gift(text)
    windows = parse_gift("\ufeff" + text.replace("\n", "\r\n"))
    assert windows == unix
    questions, _ = windows
    assert [(q.line, q.title, q.category) for q in questions] == [
        (4, "A", "Ethics"),
        (11, "", "Ethics"),
    ]
    assert questions[0].options[0] == ParsedOption("yes", True, None, "good")
    assert questions[1].options[0].feedback == "right"


def test_empty_input():
    assert parse_gift("") == ([], [])
    assert parse_gift("\n\n// nothing but comments\n\n$CATEGORY: x\n") == ([], [])


def test_results_are_immutable():
    question = only("Q {=a ~b}")
    with pytest.raises(dataclasses.FrozenInstanceError):
        question.text = "changed"
    assert isinstance(question.options, tuple)


# --------------------------------------------------------------------------------------------
# Syntax errors


def test_syntax_error_is_a_value_error_with_line_and_message():
    error = GiftSyntaxError(7, "something is wrong")
    assert isinstance(error, ValueError)
    assert (error.line, error.message) == (7, "something is wrong")
    assert str(error) == "Line 7: something is wrong"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Fine.{T}\n\n::Q:: Never closed {\n=a\n~b\n\nNext.{T}",
            "Line 3: answer block opened on line 3 is never closed",
            id="unclosed-brace",
        ),
        pytest.param(
            "Fine.{T}\n\n// c\n::Untitled question {=a ~b}",
            "Line 4: question title opened with '::' is never closed with '::'",
            id="unclosed-title",
        ),
        pytest.param(
            "Fine.{T}\n\nWhat is 2 + 2?\n=4 ~5}",
            "Line 4: '}' without a matching '{' (write \\} for a literal brace)",
            id="close-without-open",
        ),
        pytest.param(
            "Fine.{T}\n\nWhat {=a ~b} is } this?",
            "Line 3: '}' without a matching '{' (write \\} for a literal brace)",
            id="close-after-block",
        ),
        pytest.param(
            "Q1 {=a ~b\nQ2 {=c ~d}",
            "Line 2: '{' inside the answer block opened on line 1 "
            "(is a '}' missing? write \\{ for a literal brace)",
            id="brace-inside-block",
        ),
        pytest.param(
            "Q1 {=a ~b}\nQ2 {=c ~d}",
            "Line 2: a second answer block in the same question "
            "(questions must be separated by a blank line)",
            id="second-block",
        ),
        pytest.param(
            "Fine.{T}\n\nWhich?\n{\n~a\n~b\n}",
            "Line 4: no correct answer: mark one with '=' or give answers a positive weight "
            "like ~%50%",
            id="only-wrong-answers",
        ),
        pytest.param(
            "Which? {~%0%a ~%-50%b ~c}",
            "Line 1: no correct answer: mark one with '=' or give answers a positive weight "
            "like ~%50%",
            id="no-positive-weight",
        ),
        pytest.param(
            "Which?{\n  pick one\n  =a\n  ~b\n}",
            "Line 2: unexpected text 'pick one' in the answer block: each answer must start "
            "with '=' (correct) or '~' (wrong)",
            id="text-before-answers",
        ),
        pytest.param(
            "Which?{\n=%50%a\n~b\n}",
            "Line 2: '=%50%': an answer marked '=' is worth 100%; write '~%50%' for partial credit",
            id="weight-on-an-equals-answer",
        ),
        pytest.param(
            "Which?{=a\n~%150%b}",
            "Line 2: answer weight '%150%' is outside -100% to 100%",
            id="weight-out-of-range",
        ),
        pytest.param(
            "True?{TRUE ~FALSE}",
            "Line 1: unexpected text 'TRUE' in the answer block: each answer must start with "
            "'=' (correct) or '~' (wrong)",
            id="true-false-mixed-with-answers",
        ),
        pytest.param(
            "Which?{\n=a\n~%half%b\n}",
            "Line 3: answer weight '%half%' is not a number",
            id="weight-not-a-number",
        ),
        pytest.param(
            "Which?{=a ~%%b}",
            "Line 1: answer weight '%%' is not a number",
            id="weight-empty",
        ),
        pytest.param(
            "Which?{=a\n~%NaN%b}",
            "Line 2: answer weight '%NaN%' is not a number",
            id="weight-nan",
        ),
        pytest.param(
            "Which?{=a\n~%50 b}",
            "Line 2: answer weight opened with '%' is never closed with '%'",
            id="weight-unclosed",
        ),
        pytest.param(
            "Which?{\n=a\n~ #feedback for nothing\n}",
            "Line 3: empty answer after '~'",
            id="empty-answer",
        ),
        pytest.param(
            "Which?{\n~%100%a\n}",
            "Line 1: a multiple-choice question needs at least two answers",
            id="single-answer",
        ),
        pytest.param(
            "::Untitled::{=a ~b}",
            "Line 1: the question has no text",
            id="no-question-text",
        ),
    ],
)
def test_syntax_errors_name_the_line(text, expected):
    assert syntax_error(text) == expected
    # The same file with Windows line endings reports the same line.
    assert syntax_error(text.replace("\n", "\r\n")) == expected


def test_a_late_syntax_error_raises_instead_of_returning_the_good_questions():
    good = "".join(f"::Q{n}:: Question {n}?{{=yes ~no}}\n\n" for n in range(1, 21))
    text = good + "// the broken one\n::Bad:: Which?{~a ~b}\n"
    assert text.splitlines()[41] == "::Bad:: Which?{~a ~b}"
    with pytest.raises(GiftSyntaxError) as caught:
        parse_gift(text)
    assert caught.value.line == 42
    assert caught.value.message.startswith("no correct answer")
    # Without the broken question the rest parses.
    assert len(parse_gift(good)[0]) == 20


def test_a_format_marker_after_the_answer_block_is_text():
    question = only("Plain {=a ~b} [html]<b>after</b>")
    assert question.text_format == "plain"
    assert question.text == "Plain _____ [html]<b>after</b>"
