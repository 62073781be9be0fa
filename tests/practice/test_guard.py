"""The confidentiality guard: what it catches, what it leaves alone, and how it explains itself."""

import dataclasses
import itertools
from pathlib import Path

import pytest

from practice import guard
from practice.guard import (
    COMMON_SURNAMES,
    FIRST_NAMES,
    KINDS,
    Finding,
    evaluate,
    find_identifiers,
    refusal_message,
)

from .guard_examples import EXAMPLES

# Hard cases that stay in the data set (they count in the precision/recall figures) but are
# beyond a rule-based guard, so the strict per-sentence tests skip them.
KNOWN_MISSES = [
    # Identifying only in combination (nationality + workplace + family); no single identifier.
    "She is the only Somali woman working at the corner pharmacy and has three sons.",
    # False positive: a fictional character from the course's own case study looks like a name.
    "We practiced with the Jenny Marsh case study from Module 2.",
]

# The figures before issue 17 (0.987 and 0.961 on 157 sentences): they may only rise.
MIN_PRECISION = 0.987
MIN_RECALL = 0.961


def _params(identifying: bool):
    return [
        pytest.param(sentence, kind, id=f"{index:03d}-{sentence[:40]}")
        for index, (sentence, is_identifying, kind) in enumerate(EXAMPLES)
        if is_identifying is identifying and sentence not in KNOWN_MISSES
    ]


# ------------------------------------------------------------------------------ the data set


def test_the_data_set_is_big_balanced_and_covers_every_kind():
    assert len(EXAMPLES) >= 120
    identifying = [example for example in EXAMPLES if example[1]]
    assert 0.4 <= len(identifying) / len(EXAMPLES) <= 0.6
    for kind in KINDS:
        assert sum(1 for _, _, k in identifying if k == kind) >= 5, kind
    assert all(kind is None for _, is_identifying, kind in EXAMPLES if not is_identifying)
    assert all(kind in (*KINDS, None) for _, _, kind in EXAMPLES)
    sentences = [sentence for sentence, _, _ in EXAMPLES]
    assert len(set(sentences)) == len(sentences), "duplicate sentences"


def test_known_misses_are_in_the_data_set_and_still_missed():
    labels = {sentence: is_identifying for sentence, is_identifying, _ in EXAMPLES}
    for sentence in KNOWN_MISSES:
        assert sentence in labels
        # If the guard learns to handle one, move it out of KNOWN_MISSES.
        assert bool(find_identifiers(sentence)) is not labels[sentence], sentence


# ------------------------------------------------------------------------------ per sentence


@pytest.mark.parametrize(("sentence", "kind"), _params(identifying=True))
def test_identifying_sentence_is_caught_with_the_expected_kind(sentence, kind):
    findings = find_identifiers(sentence)
    assert findings, f"missed: {sentence!r}"
    if kind is not None:
        assert kind in {f.kind for f in findings}, [(f.kind, f.text) for f in findings]


@pytest.mark.parametrize(("sentence", "kind"), _params(identifying=False))
def test_safe_sentence_has_no_findings(sentence, kind):
    assert find_identifiers(sentence) == [], sentence


# ------------------------------------------------------------------------------ overall figures


def test_precision_and_recall_over_the_whole_data_set(capsys):
    precision, recall = evaluate(EXAMPLES)
    with capsys.disabled():
        print(f"\nconfidentiality guard: precision={precision:.3f} recall={recall:.3f}")
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


def test_evaluate_counts_sentences():
    examples = [
        ("Grace Okafor came to group.", True, "full_name"),  # true positive
        ("Tendai Moyo came to group.", True, "full_name"),  # false negative
        ("Sam came to group.", False, None),  # true negative
        ("We used the Jenny Marsh case study.", False, None),  # false positive
    ]
    assert evaluate(examples) == (0.5, 0.5)
    assert evaluate([]) == (1.0, 1.0)
    assert evaluate([("Sam came to group.", False, None)]) == (1.0, 1.0)


# ------------------------------------------------------------------------------ findings


def test_empty_and_blank_text_has_no_findings():
    assert find_identifiers("") == []
    assert find_identifiers("   \n\t") == []


def test_findings_point_at_the_offending_words():
    text = "Called Maria Lopez on 07700 900461 about her appointment."
    findings = find_identifiers(text)
    assert [(f.kind, f.start, f.end, f.text) for f in findings] == [
        ("full_name", 7, 18, "Maria Lopez"),
        ("phone", 22, 34, "07700 900461"),
    ]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
        assert finding.reason


def test_possessive_is_not_part_of_the_name():
    text = "We talked about Sarah-Jane Mitchell's return to work."
    (finding,) = find_identifiers(text)
    assert finding.text == "Sarah-Jane Mitchell"
    assert text[finding.end :].startswith("'s")


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        # A birth cue and a bare date both match: one finding, the birth cue names it.
        ("Her DOB is 14/02/1987, she said.", "date_of_birth", "DOB is 14/02/1987"),
        # "number" cues a phone and "NHS number" a record: the record wins.
        ("His NHS number 943 476 5919 was on it.", "record_number", "NHS number 943 476 5919"),
        # The 3-3-4 digits inside an international number are a phone, not an NHS number.
        ("Ring +1 555 010 4567 today.", "phone", "+1 555 010 4567"),
        # A long run of digits that is a UK mobile is a phone.
        ("Her mobile is 07700900123 now.", "phone", "07700900123"),
        # Flat and street next to each other read as one address.
        (
            "She moved to Flat 3, 27 Victoria Street.",
            "street_address",
            "Flat 3, 27 Victoria Street",
        ),
        ("SSN 123 45 6789 was on it.", "record_number", "SSN 123 45 6789"),
    ],
)
def test_overlapping_matches_are_merged_into_one_finding(text, kind, words):
    findings = find_identifiers(text)
    assert [(f.kind, f.text) for f in findings] == [(kind, words)]


def test_findings_are_sorted_and_never_overlap():
    text = " ".join(sentence for sentence, _, _ in EXAMPLES)
    findings = find_identifiers(text)
    assert len(findings) > 50
    for before, after in itertools.pairwise(findings):
        assert before.end <= after.start
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
        assert finding.kind in KINDS


def test_finding_is_immutable():
    (finding,) = find_identifiers("Mr Jones came.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.kind = "email"


@pytest.mark.parametrize(
    "text",
    [
        "The session ran 10:30-12:00.",
        "I logged 2.5 hours, then 1.75 hours.",
        "He has been sober since 2019.",
        "We meet every Tuesday in March 2024.",
        "It was the 3rd session.",
        "In June Sam led the check-in and said it went well.",
        "Mark as done.",
        "I said no.",
        "Will power is not enough.",
        "May was quiet.",
        "On 12/11/2026 I ran an outreach stall.",
        "On 12 November 2026 I ran an outreach stall.",
        "I met Sam at the station.",
        "Sam from the group came early.",
        "He bought a jack russell.",
        "Today I met the client in Manchester.",
        "The Client agreed.",
        "Version 2.1.3 of the handbook.",
        "Pages 12-15 of the workbook.",
        "I felt flat 2 days after the session.",
        "He spent 3 nights street homeless last winter.",
        "In June Sam led the check-in.",
        "We walked around Victoria Park.",
        "Client 12 on my caseload is doing better.",
        "Will Smith-style jokes fell flat.",
    ],
)
def test_everyday_numbers_and_words_are_left_alone(text):
    assert find_identifiers(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Contact: sam.k@example.org", "email"),
        ("Call +44 (0)20 7946 0018 now.", "phone"),
        ("His number: 7946 0018.", "phone"),
        ("She was born 12.03.85.", "date_of_birth"),
        ("DOB: 3rd May.", "date_of_birth"),
        ("Met on Tuesday 12th March 2024.", "date_of_birth"),
        ("He lives at 14 acacia avenue.", "street_address"),
        ("Her postcode is sw1a 1aa.", "street_address"),
        ("She lives in Austin, TX 78701.", "street_address"),
        ("Patient ID: AB-1234.", "record_number"),
        ("NHS no: 9434765919.", "record_number"),
        ("I met Zoë Ahmed today.", "full_name"),
        ("Dr. Okonkwo saw him.", "full_name"),
        ("I bumped into Tendai Smith.", "full_name"),
        ("I met with sarah thompson today.", "full_name"),
        ("Mark said he felt heard.", "full_name"),
        ("Sam said he felt better.", "full_name"),
        ("Today Mark said he felt heard.", "full_name"),
        ("Tendai Moyo said the group felt like family.", "full_name"),
        ("Big Dave from the Riverside estate was back.", "full_name"),
        ("His appointment on 12/11/2026 went well.", "date_of_birth"),
        ("On 12/11/1985 the form was signed.", "date_of_birth"),
        ("On 12/11/2026 Sam came to the stall.", "date_of_birth"),
    ],
)
def test_other_spellings_are_caught(text, kind):
    assert [f.kind for f in find_identifiers(text)] == [kind]


def test_word_lists_are_read_from_the_data_files():
    assert isinstance(FIRST_NAMES, frozenset)
    assert len(FIRST_NAMES) >= 300
    assert {"sarah", "mohammed", "siobhan", "priya", "kwame"} <= FIRST_NAMES
    data = Path(guard.__file__).with_name("data")
    assert "siobhan" in (data / "first_names.txt").read_text().split()
    assert "thompson" in (data / "common_surnames.txt").read_text().split()
    assert "thompson" in COMMON_SURNAMES
    assert not any(word.startswith("#") for word in FIRST_NAMES | COMMON_SURNAMES)


def test_a_first_name_reporting_speech_is_named_with_its_own_reason():
    (finding,) = find_identifiers("Mark said he felt heard.")
    assert (finding.kind, finding.text) == ("full_name", "Mark")
    assert "what the person said" in finding.reason


def test_a_first_name_with_a_group_and_place_is_one_finding():
    text = "My client John from the Tuesday group at St Mary's asked me for a referral."
    (finding,) = find_identifiers(text)
    assert (finding.kind, finding.text) == ("full_name", "John from the Tuesday group at St Mary's")
    assert "group, place or address" in finding.reason
    assert "\u201cJohn from the Tuesday group at St Mary's\u201d" in refusal_message([finding])


def test_a_lower_case_name_pair_is_a_full_name():
    (finding,) = find_identifiers("Today I met with sarah thompson about her plan.")
    assert (finding.kind, finding.text) == ("full_name", "sarah thompson")
    assert finding.reason.startswith("A full name identifies")


@pytest.mark.parametrize(
    "text",
    [
        "On 12/11/2026 I ran an outreach stall",
        "On 2026-11-12 we ran an outreach stall.",
        "On June 4, 2026 I finished the module.",
    ],
)
def test_a_date_that_only_says_when_the_practice_took_place_is_allowed(text):
    assert find_identifiers(text) == []


# ------------------------------------------------------------------------------ refusal message


def test_refusal_message_quotes_each_phrase_with_its_reason():
    findings = find_identifiers("Called Maria Lopez on 07700 900461 about her appointment.")
    message = refusal_message(findings)

    assert message.startswith("Your reflection seems to identify someone:")
    assert "\u201cMaria Lopez\u201d" in message
    assert "\u201c07700 900461\u201d" in message
    for finding in findings:
        assert finding.reason in message
    assert message.index("Maria Lopez") < message.index("07700 900461")
    assert message.rstrip().endswith("covered in the confidentiality module.")
    assert "de-identified" in message


def test_refusal_message_names_each_phrase_once():
    findings = find_identifiers("Mr Jones said Mr Jones would come back.")
    assert len(findings) == 2
    assert refusal_message(findings).count("Mr Jones") == 1


def test_full_name_reason_suggests_a_role_or_initial():
    (finding,) = find_identifiers("Grace Okafor came to group.")
    assert finding.reason == (
        "A full name identifies the person you supported. Use a role or initial instead "
        "(\u201cthe client\u201d, \u201ca group member\u201d)."
    )


def test_every_kind_has_a_distinct_plain_reason():
    reasons = {}
    for sentence, is_identifying, kind in EXAMPLES:
        if is_identifying and kind is not None and sentence not in KNOWN_MISSES:
            for finding in find_identifiers(sentence):
                reasons.setdefault(finding.kind, set()).add(finding.reason)
    assert set(reasons) == set(KINDS)
    for kind_reasons in reasons.values():
        for reason in kind_reasons:
            assert reason.endswith(".") and len(reason) < 200


def test_refusal_message_for_no_findings_is_empty():
    assert refusal_message([]) == ""


def test_refusal_message_accepts_hand_made_findings():
    finding = Finding("email", 0, 5, "a@b.c", "An email address leads to one person.")
    message = refusal_message([finding])
    assert "\u201ca@b.c\u201d" in message
    assert "An email address leads to one person." in message
