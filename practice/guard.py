"""Confidentiality guard for practice-log reflections.

Trainees write short reflections (1-5 sentences) about supervised practice. A reflection must
not identify the person supported. Before a reflection is saved, :func:`find_identifiers` looks
for client-identifying details and :func:`refusal_message` explains, in plain words, which words
to change and why.

What it catches
---------------
* ``email`` - email addresses.
* ``phone`` - UK numbers (``07700 900461``, ``+44 20 7946 0018``, ``(020) 7946 0018``) and US
  numbers (``(555) 123-4567``, ``555-123-4567``, ``+1 555 123 4567``), plus any run of 7-15
  digits right after a cue such as "phone", "mobile", "call" or "number". Times (``10:30``),
  durations (``2.5 hours``) and years are left alone.
* ``date_of_birth`` - a date next to a birth cue ("DOB", "date of birth", "born on/in", "b.",
  "birthday"), even a partial one ("born in 1985"), and a full calendar date with day, month and
  year (``12/03/1985``, ``1985-03-12``, ``12 March 1985``, ``March 12, 1985``) that may be a
  date of birth or pins down a meeting with one person: a date before 2010, or one in a sentence
  that mentions a person ("he", "her", "the client", a first name) or a meeting, appointment or
  hearing. A recent date in a sentence about the trainee's own work only says when the practice
  took place, which the entry's date field says anyway ("On 12/11/2026 I ran an outreach stall").
  A month and year ("March 2024"), a weekday or "the 3rd session" are fine.
* ``street_address`` - house number + street name + street word ("27 Victoria Street",
  "12 High St", and in lower case "12 baker street"), UK postcodes ("M1 1AE", or any case after
  the word "postcode"), US state + ZIP ("Springfield, IL 62704"), "flat 3", "apt 4B".
* ``record_number`` - NHS numbers (3-3-4 digits), US social security numbers (3-2-4), UK National
  Insurance numbers, a code containing digits after "case", "record", "file", "client",
  "patient", "MRN", "ref", "ID", "no." or "#", and any run of six or more digits.
* ``full_name`` - a common first name followed by a capitalised surname ("Grace Okafor"), a
  title followed by a capitalised word ("Mr Jones", "Mrs. Patel", "Dr Smith"), an unknown
  capitalised word followed by a common surname in the middle of a sentence ("met Tendai
  Smith"), a first name and a common surname in lower case ("met with sarah thompson"), two
  capitalised words that open a sentence and report speech ("Tendai Moyo said"), and a first
  name that is identifying by what comes with it:

  - at the start of a sentence (or after "Today", "Afterwards"...) and followed by a verb that
    reports what the person said or felt: "Mark said he felt heard", "Grace told me...";
  - followed by the group, place or street the person is from, lives or meets: "John from the
    Tuesday group at St Mary's", "Dave from the Riverside estate", "Kerry, who lives on Elm
    Road". After "client", "member" or "resident" any capitalised word counts as a first name.

  Sentence starts ("Today I", "The Client"), organisations and programmes ("Recovery Café",
  "Narcotics Anonymous", "Peer Support"), days, months ("In June Sam led"), first names that are
  everyday words in their everyday use ("Mark as done", "Will power", "we will foster"), places
  named after people ("Mary Seacole House", "Victoria Park") and shops or breeds ("john lewis",
  "jack russell") are not names.

A first name on its own in the middle of a sentence ("In June Sam led the check-in", "I met Sam
at the station") is deliberately NOT flagged: many services let peer workers use first names,
and flagging every one would refuse most honest reflections. Supervisors check how first names
are used. The word lists are data: ``practice/data/first_names.txt`` and
``practice/data/common_surnames.txt``.

What it cannot catch
--------------------
* Identifiers in combination: "the only Somali woman at the corner pharmacy with three sons"
  contains nothing the guard recognises, yet it may point at one person.
* Nicknames and descriptions without a first name it knows ("Big Al from the estate").
* Rare first names that are not in :data:`FIRST_NAMES` followed by a surname that is not in
  :data:`COMMON_SURNAMES` in the middle of a sentence ("met Tendai Moyo"), lower-case pairs of
  two everyday words ("mark turner"), a first name after an opening phrase with a comma ("Last
  Tuesday, Dave told me..."), and addresses without a house number or a name before them
  ("lives on Church Street").
* Other details such as workplaces, social media handles, car registrations or photos.

It is a safety net, not a guarantee: a reflection that passes may still identify someone, and
the trainee and supervisor remain responsible for de-identifying it. This module is pure
standard-library Python and does not import Django.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "COMMON_SURNAMES",
    "FIRST_NAMES",
    "KINDS",
    "Finding",
    "evaluate",
    "find_identifiers",
    "refusal_message",
]

KINDS = (
    "email",
    "phone",
    "date_of_birth",
    "street_address",
    "record_number",
    "full_name",
)

MESSAGE_START = "Your reflection seems to identify someone:"
MESSAGE_END = (
    "Please change these words and try again. "
    "How to write de-identified notes is covered in the confidentiality module."
)

_REASONS = {
    "email": (
        "An email address leads straight to one person, so leave it out and write "
        "\u201cwe kept in touch by email\u201d instead."
    ),
    "phone": (
        "A phone number can be used to contact and identify the person, so leave it out and "
        "write \u201cwe spoke on the phone\u201d instead."
    ),
    "date_of_birth": (
        "A date of birth, even part of one, helps pick out the person you supported, so give an "
        "age range instead (\u201cin her 40s\u201d)."
    ),
    "full_date": (
        "A full date with day, month and year can be a date of birth or pin down a meeting with "
        "one person, so write the month or \u201clast week\u201d instead."
    ),
    "street_address": (
        "An address or postcode shows where someone lives, so describe the area in general "
        "words instead (\u201cin town\u201d, \u201cin supported housing\u201d)."
    ),
    "record_number": (
        "A case, record, NHS or ID number links straight back to the person\u2019s records, so "
        "leave it out."
    ),
    "full_name": (
        "A full name identifies the person you supported. Use a role or initial instead "
        "(\u201cthe client\u201d, \u201ca group member\u201d)."
    ),
    "first_name_speaking": (
        "A first name beside what the person said or felt ties their words to them, so use a "
        "role or initial instead (\u201cA group member said\u2026\u201d)."
    ),
    "first_name_context": (
        "A first name with the group, place or address the person comes from can point at one "
        "person, so use a role instead (\u201ca member of the Tuesday group\u201d)."
    ),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------------------------
# Word lists. Lower case, accents removed, apostrophes as ASCII "'".
# --------------------------------------------------------------------------------------------

_DATA = Path(__file__).with_name("data")


def _word_file(name: str) -> frozenset[str]:
    """The words of ``practice/data/<name>``: content a trainer may extend, kept out of code."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


# Common first names (practice/data/first_names.txt).
FIRST_NAMES: frozenset[str] = _word_file("first_names.txt")

# Common UK/US surnames (practice/data/common_surnames.txt), used only for "Unknownname
# Surname" in mid-sentence and for a name pair in lower case. Surnames that are also everyday
# words or place parts (Green, Hill, Wood, King, Brown...) are left out on purpose.
COMMON_SURNAMES: frozenset[str] = _word_file("common_surnames.txt")

_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame"})

_DAYS_MONTHS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# Capitalised words that are never the surname part of a person's name.
_NOT_SURNAMES = _DAYS_MONTHS | _words(
    """
    i me my we us our you your he him his she her it its they them their this that these those
    the a an and or but so then if when while as at on in of to for with from by about after
    before during since until not no yes all any some every each both also just only still
    today yesterday tomorrow tonight morning afternoon evening night week weekend month year
    christmas easter ramadan eid diwali hanukkah new mum mom dad nan nana gran grandad mother
    father sister brother son daughter aunt uncle wife husband partner friend
    anonymous peer support recovery cafe café group groups team module modules program program
    course session sessions workshop training certificate plan action values ways wellbeing
    wellness health mental first aid care community service services center center house home
    hospital ward unit clinic surgery practice trust foundation project network hub charity
    fellowship church chapel mosque temple synagogue school academy college university library
    museum theatre club society association council station line bridge park gardens garden
    street road avenue lane drive close court crescent way place boulevard terrace grove square
    mews hall estate tower towers village town city county market arms inn hotel hostel lodge
    building wing block room floor center jobcentre plus nhs gp england scotland wales ireland
    britain london english british scottish welsh irish american polish day night
    """
)

# A capitalised word right after a name turns it into a building or organisation name.
_INSTITUTION_WORDS = _words(
    """
    house ward center center hospital unit clinic surgery trust foundation project hub school
    academy college university library hall court building wing lodge hostel road street
    avenue lane drive close crescent way place terrace gardens park station bridge memorial
    institute fund award prize lecture room suite church chapel
    """
)

# Whole phrases that look like a first name + surname but are shops, charities or brands.
_NON_PERSON_PHRASES = frozenset(
    {"john lewis", "ronald mcdonald", "jack daniels", "jack daniel", "jack russell"}
)

# Month names that are also first names: after these words they are months ("in May").
_TEMPORAL_WORDS = _words(
    """
    in on since by until till during last next early late mid from this of every before after
    through throughout around end start beginning
    """
)

# Verbs that report what someone said or felt: "Mark said he felt heard" at the start of a
# sentence is a person's words under their name.
_REPORTING_VERBS = _words(
    """
    said says told tells asked asks shared shares mentioned mentions explained explains
    disclosed discloses admitted admits reported reports described describes confided confides
    revealed reveals talked talks spoke speaks felt feels cried opened complained complains
    stated states
    """
)
# Words that may stand between the name and its verb ("Mark also said").
_REPORTING_ADVERBS = _words(
    "also then later finally eventually quietly openly just only even never always often"
)

# First names and surnames that are also everyday words: a lower-case pair of two of them
# ("will foster", "mark turner") is more likely ordinary words than a name.
_EVERYDAY_FIRST_NAMES = _words(
    """
    will mark grace hope joy faith may june april rose ruby bill frank jack rob pat sue dean
    dawn ray max holly ivy hazel amber crystal destiny penny robin violet lily daisy poppy jade
    summer eve kim lee jan min jun wei mo jo ali ben art carol chris
    """
)
_EVERYDAY_SURNAMES = _words(
    """
    bailey barker butler carter chapman cooper fisher foster knight marshall miller palmer
    parker turner walker webb rogers morris martin scott kelly lewis owen thomas harvey
    """
)

# Where a person comes from or meets: "John from the Tuesday group", "Dave from the Riverside
# estate", "Sam on the Beech ward".
_PLACE_NOUNS = (
    r"(?i:groups?|estates?|hostels?|hubs?|wards?|blocks?|flats|shelters?|streets?|roads?|avenue|lane|"
    r"close|crescent|house|centre|center|project|unit|wing|school|college|church|mosque|temple|"
    r"gurdwara|surgery|clinic|hospital|prison|meeting|class)"
)
# Words that cannot describe the group or place ("at the end of the group").
_NOT_QUALIFIERS = _words(
    """
    of the a an and or to with for end start beginning back front middle rest whole top bottom
    side corner same other one two first last next this that
    """
)
_QUALIFIER = r"[^\W\d_][\w'\u2019-]*"
_CONTEXT_AFTER_NAME_RE = re.compile(
    r",?[ \t]+(?:(?P<prep>(?i:from|at|in|on))|(?i:who[ \t]+(?:lives|lived|works|worked|stays|"
    r"stayed|is[ \t]+staying|volunteers)[ \t]+(?:in|at|on|near|for|by)))[ \t]+"
    r"(?:(?P<det>(?i:the|our|my|his|her|their))[ \t]+)?"
    rf"(?:(?P<qualifiers>(?:{_QUALIFIER}[ \t]+){{1,3}}?){_PLACE_NOUNS}\b"
    r"|(?P<place>[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,2}))"
)
_PLACE_AFTER_RE = re.compile(
    r"[ \t]+(?i:at|in|on)[ \t]+(?:(?i:the)[ \t]+)?"
    r"[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,2}"
)

# A full date in a sentence that names nobody and no meeting only says when the trainee's own
# practice took place ("On 12/11/2026 I ran an outreach stall"): the entry has a date anyway.
_PERSON_OR_EVENT_WORDS = _words(
    """
    he she him her his hers they them their theirs himself herself themselves client clients
    member members patient patients person people man woman boy girl family mum mom dad son
    daughter wife husband partner brother sister child children baby
    met meet meets meeting appointment appointments visit visited visiting saw see seeing
    court hearing discharge discharged release released died death funeral admitted born
    birthday anniversary due
    """
)
# Practice dates are recent; an older full date is more likely someone's date of birth.
_EARLIEST_PRACTICE_YEAR = 2010
_SENTENCE_BREAK_RE = re.compile(r"[.!?](?=\s|$)|\n")

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:(?i:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b|(?i:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
)
_ORD = r"(?i:st|nd|rd|th)?"
_YEAR4 = r"(?:1[89]\d\d|20\d\d)\b"
_YEAR = rf"(?:{_YEAR4}|['\u2019]\d\d\b)"
_DMY = rf"\b\d{{1,2}}{_ORD}\s+(?:(?i:of)\s+)?{_MONTH},?\s+{_YEAR}"
_MDY = rf"\b{_MONTH}\s+\d{{1,2}}{_ORD}\b,?\s+{_YEAR}"
_NUMERIC_DATE = r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.-]\d)"
_ISO_DATE = r"(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/]|[.-]\d)"
_DM = rf"\b\d{{1,2}}{_ORD}\s+(?:(?i:of)\s+)?{_MONTH}"
_MD = rf"\b{_MONTH}\s+\d{{1,2}}{_ORD}\b"
_MY = rf"\b{_MONTH},?\s+{_YEAR4}"
_NUMERIC_DM = r"\b\d{1,2}/\d{1,2}\b"
_ISO_SIMPLE = r"\b(?:19|20)\d\d-\d{1,2}-\d{1,2}\b"
_NUMERIC_SIMPLE = r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"

_FULL_DATE_RE = re.compile(rf"{_DMY}|{_MDY}")
_NUMERIC_DATE_RE = re.compile(_NUMERIC_DATE)
_ISO_DATE_RE = re.compile(_ISO_DATE)

_CONNECT = r"(?:[\s:,\u2013-]|\b(?i:is|was|on|in|the|as|of)\b){0,10}"
_DOB_RE = re.compile(
    r"(?:\b(?i:dob)\b|\b(?i:d\.o\.b)\b\.?|\b(?i:date\s+of\s+birth)\b|\b(?i:born)\b|(?<![\w.])b\.)"
    + _CONNECT
    + rf"(?:{_DMY}|{_MDY}|{_ISO_SIMPLE}|{_NUMERIC_SIMPLE}|{_MY}|{_DM}|{_MD}|{_NUMERIC_DM}|"
    + rf"\b{_YEAR4})"
)
_BIRTHDAY_RE = re.compile(
    r"\b(?i:birthday)\b"
    + _CONNECT
    + rf"(?:{_DMY}|{_MDY}|{_ISO_SIMPLE}|{_NUMERIC_SIMPLE}|{_DM}|{_MD})"
)

_EMAIL_RE = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

_PHONE_RES = (
    # UK national format: 07700 900461, 020 7946 0018, (020) 7946 0018, 0161 496 0752.
    re.compile(r"(?<![\d+])(?:\(0\d{2,4}\)|0\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"),
    # International: +44 20 7946 0018, +44 (0)7700 900461, +1 555 123 4567.
    re.compile(
        r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(0?\d{0,4}\)[\s.-]?)?\d{1,5}(?:[\s.-]?\d{2,5}){1,4}"
    ),
    # US: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199.
    re.compile(
        r"(?<![\d+])(?:\b1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}([.-]))\d{3}(?(1)\1|[\s.-])\d{4}(?!\d)"
    ),
)
_PHONE_CUE_RE = re.compile(
    r"\b(?i:phone|mobile|mob|tel|telephone|cell|landline|number|ring|call|text)\b"
    r"(?:[\s:,]|\b(?i:is|was|on|at|him|her|them|me|the|number|no)\b){0,8}"
    r"(?P<num>\+?\(?\d[\d\s().-]{5,}\d)"
)

_STREET_WORD = r"[A-Z][^\W\d_]*(?:['\u2019-][^\W\d_]+)*"
_STREET_SUFFIX = (
    r"(?:(?i:street|road|avenue|lane|terrace|crescent|gardens|boulevard)|Close|Court|Way|Place|"
    r"Drive|Grove|Mews|Square|St|Rd|Ave|Ln|Dr|Ct|Pl|Blvd|Cres)"
)
_STREET_RE = re.compile(
    rf"(?<![\w.,])\d{{1,4}}[A-Za-z]?,?\s+(?:{_STREET_WORD}\s+){{1,3}}{_STREET_SUFFIX}\b"
)
_POSTCODE_RE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b")
# After the word "postcode" a lower-case postcode counts too ("postcode is sw1a 1aa").
_POSTCODE_CUE_RE = re.compile(
    r"\b(?i:post\s?code|zip(?:\s?code)?)\b[\s:,]*(?:(?i:is|was)\s+)?"
    r"(?i:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}|\d{5}(?:-\d{4})?)\b"
)
# "12 baker street": a lower-case address, only with an unmistakable street word and name words
# that are not everyday words ("3 nights street homeless", "2 miles down the road").
_LOWER_STREET_RE = re.compile(
    r"(?<![\w.,])\d{1,4}[a-z]?\s+(?P<words>[a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:street|road|avenue|lane|terrace|crescent|gardens|boulevard|close|drive)\b"
)
_NOT_STREET_NAMES = _words(
    """
    minute minutes min mins hour hours hr hrs day days night nights week weeks month months
    year years time times mile miles km metre metres meter meters yard yards foot feet step
    steps door doors house houses people person men women kids children of the a an on in at to
    from for by and or but down up along across into onto over off out back more less very so
    too really quite long short big small busy quiet main same other next last first second
    third new old my his her their our your its this that
    """
)
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_ZIP_RE = re.compile(
    rf"(?:\b[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}},? )?\b(?:{_US_STATES}) \d{{5}}(?:-\d{{4}})?\b"
)
_FLAT_RE = re.compile(r"\b(?i:flat|apt|apartment)\b\.?\s*(?:(?i:no)\.?\s*)?#?\d{1,4}[A-Za-z]?\b")
_NOT_A_FLAT_BEFORE = _words(
    "felt feel feels feeling a bit quite very pretty rather so too seemed looked sounded fell "
    "went gone was were is"
)

_NHS_SPACED_RE = re.compile(r"(?<![\d-])\d{3} \d{3} \d{4}(?![\d-])")
_SSN_RE = re.compile(r"(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])")
_NI_RE = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
_LONG_DIGITS_RE = re.compile(r"(?<![\d\u00a3$\u20ac.,])\d{6,}(?!\d|[.,]\d)")
_RECORD_CUE_RE = re.compile(
    r"\b(?i:(?:nhs|case|record|file|client|patient|service\s+user|referral|hospital|housing|"
    r"mrn|ref|reference|id|national\s+insurance|social\s+security|ssn)"
    r"(?:\s+(?:number|no\b\.?|num|ref|reference|id|code))?)"
    r"\s*(?:[:#,]|\b(?i:is|was)\b)?\s*#?\s*"
    r"(?P<code>\d{3} \d{3} \d{4}\b|[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b|"
    r"(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9][A-Za-z0-9/-]*[A-Za-z0-9])"
)
_HASH_OR_NO_RE = re.compile(r"(?:(?<![\w#])#\s?|\b(?i:no)\.\s?)\d{3,}\b")
# Ordinals, times and quantities after a cue word are not codes: "client 3rd", "file 10am".
_NOT_A_CODE_RE = re.compile(r"\d+(?i:st|nd|rd|th|am|pm|s|h|hrs?|mins?|pc)")

_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_NAME_GAP_RE = re.compile(r"[ \t]+")
_INITIAL_GAP_RE = re.compile(r"\.?[ \t]+")
_SENTENCE_END = '.!?:;"\u201c\u2018(\n'

# Priorities decide the kind of a merged finding: the most specific evidence wins.
_PRIORITY = {
    "dob_cue": 90,
    "record_cue": 85,
    "email": 80,
    "ssn": 70,
    "ni": 70,
    "phone": 60,
    "full_date": 55,
    "nhs_spaced": 50,
    "address": 45,
    "long_digits": 40,
    "name": 30,
    "first_name": 25,
}


# --------------------------------------------------------------------------------------------
# Public interface
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One likely identifier: where it is, what kind it is, and why it identifies someone."""

    # "email" | "phone" | "date_of_birth" | "street_address" | "record_number" | "full_name"
    kind: str
    start: int  # offsets into the original text
    end: int
    text: str  # the offending words, text[start:end]
    reason: str  # why this identifies someone, in plain words, and what to write instead


def find_identifiers(text: str) -> list[Finding]:
    """Every likely identifier in ``text``, sorted by start, never overlapping."""
    if not text or not text.strip():
        return []
    candidates: list[_Candidate] = []
    for finder in _FINDERS:
        candidates.extend(finder(text))
    return _merge(text, candidates)


def refusal_message(findings: list[Finding]) -> str:
    """One message quoting each offending phrase with its reason; empty when nothing was found."""
    if not findings:
        return ""
    lines = [MESSAGE_START]
    seen: set[tuple[str, str]] = set()
    for finding in findings:
        phrase = " ".join(finding.text.split())
        if (phrase.casefold(), finding.reason) in seen:
            continue
        seen.add((phrase.casefold(), finding.reason))
        lines.append(f"\u2022 \u201c{phrase}\u201d \u2014 {finding.reason}")
    lines.append(MESSAGE_END)
    return "\n".join(lines)


def evaluate(examples: Iterable[Sequence]) -> tuple[float, float]:
    """Sentence-level (precision, recall) of the guard over labelled examples.

    Each example is ``(sentence, is_identifying, expected_kind_or_None)``; only the first two
    items are used. A sentence counts as flagged when it has at least one finding, whatever its
    kind. With nothing flagged precision is 1.0; with nothing identifying recall is 1.0.
    """
    true_pos = false_pos = false_neg = 0
    for example in examples:
        sentence, is_identifying = example[0], bool(example[1])
        flagged = bool(find_identifiers(sentence))
        if flagged and is_identifying:
            true_pos += 1
        elif flagged:
            false_pos += 1
        elif is_identifying:
            false_neg += 1
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    return precision, recall


# --------------------------------------------------------------------------------------------
# Finders
# --------------------------------------------------------------------------------------------


class _Candidate(NamedTuple):
    kind: str
    start: int
    end: int
    priority: int
    reason: str


def _candidate(kind: str, start: int, end: int, rule: str, reason_key: str = "") -> _Candidate:
    return _Candidate(kind, start, end, _PRIORITY[rule], _REASONS[reason_key or kind])


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _find_emails(text: str) -> Iterable[_Candidate]:
    for m in _EMAIL_RE.finditer(text):
        yield _candidate("email", m.start(), m.end(), "email")


def _find_phones(text: str) -> Iterable[_Candidate]:
    for pattern in _PHONE_RES:
        for m in pattern.finditer(text):
            if 10 <= _digits(m.group()) <= 15:
                yield _candidate("phone", m.start(), m.end(), "phone")
    for m in _PHONE_CUE_RE.finditer(text):
        number = m.group("num").rstrip(" .-(")
        if 7 <= _digits(number) <= 15 and not _is_date(number):
            start = m.start("num")
            yield _candidate("phone", start, start + len(number), "phone")


def _is_date(fragment: str) -> bool:
    return bool(_NUMERIC_DATE_RE.search(fragment) or _ISO_DATE_RE.search(fragment))


def _valid_day_month(a: int, b: int) -> bool:
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def _find_dates(text: str) -> Iterable[_Candidate]:
    for m in _DOB_RE.finditer(text):
        yield _candidate("date_of_birth", m.start(), m.end(), "dob_cue")
    for m in _BIRTHDAY_RE.finditer(text):
        yield _candidate("date_of_birth", m.start(), m.end(), "dob_cue")
    for m in _FULL_DATE_RE.finditer(text):
        year = re.findall(r"\d+", m.group())[-1]
        if not _dates_the_practice_only(text, m.start(), m.end(), year):
            yield _candidate("date_of_birth", m.start(), m.end(), "full_date", "full_date")
    for m in _NUMERIC_DATE_RE.finditer(text):
        day, sep, month, year = m.groups()
        if sep == "." and len(year) != 4:
            continue  # "1.2.10" is more likely a section or version number.
        if _valid_day_month(int(day), int(month)) and not _dates_the_practice_only(
            text, m.start(), m.end(), year
        ):
            yield _candidate("date_of_birth", m.start(), m.end(), "full_date", "full_date")
    for m in _ISO_DATE_RE.finditer(text):
        year, _sep, month, day = m.groups()
        if (
            1900 <= int(year) <= 2099
            and 1 <= int(month) <= 12
            and 1 <= int(day) <= 31
            and not _dates_the_practice_only(text, m.start(), m.end(), year)
        ):
            yield _candidate("date_of_birth", m.start(), m.end(), "full_date", "full_date")


def _dates_the_practice_only(text: str, start: int, end: int, year: str) -> bool:
    """True for a recent full date in a sentence that mentions nobody and no meeting.

    "On 12/11/2026 I ran an outreach stall" only says when the practice took place, which the
    entry's own date field says anyway. "We met on 12 March 2024 and he spoke..." or "His
    appointment on 07/11/2023" tie the date to a person; an older date may be a date of birth.
    """
    full_year = int(year)
    if len(year) == 2:  # '24 is 2024, '85 is 1985
        full_year += 2000 if full_year < 40 else 1900
    if full_year < _EARLIEST_PRACTICE_YEAR:
        return False
    sentence_start = 0
    for brk in _SENTENCE_BREAK_RE.finditer(text, 0, start):
        sentence_start = brk.end()
    after = _SENTENCE_BREAK_RE.search(text, end)
    sentence_end = after.start() if after else len(text)
    for m in _WORD_RE.finditer(text, sentence_start, sentence_end):
        if start <= m.start() < end:
            continue  # the date's own month name ("June 12, 2026") is not a person
        word = _norm(m.group())
        if word in _PERSON_OR_EVENT_WORDS:
            return False
        if word not in _DAYS_MONTHS and _is_first_name(
            _Token(m.start(), m.end(), m.group(), False)
        ):
            return False
    return True


def _previous_word(text: str, start: int) -> str:
    words = re.findall(r"[^\W\d_]+", text[max(0, start - 30) : start])
    return words[-1].lower() if words else ""


def _find_addresses(text: str) -> Iterable[_Candidate]:
    for pattern in (_STREET_RE, _POSTCODE_RE, _POSTCODE_CUE_RE, _ZIP_RE):
        for m in pattern.finditer(text):
            yield _candidate("street_address", m.start(), m.end(), "address")
    for m in _LOWER_STREET_RE.finditer(text):
        if not any(word in _NOT_STREET_NAMES for word in m.group("words").split()):
            yield _candidate("street_address", m.start(), m.end(), "address")
    for m in _FLAT_RE.finditer(text):
        if _previous_word(text, m.start()) not in _NOT_A_FLAT_BEFORE:
            yield _candidate("street_address", m.start(), m.end(), "address")


def _find_records(text: str) -> Iterable[_Candidate]:
    for m in _RECORD_CUE_RE.finditer(text):
        code = m.group("code")
        if sum(ch.isalnum() for ch in code) >= 3 and not _NOT_A_CODE_RE.fullmatch(code):
            yield _candidate("record_number", m.start(), m.end(), "record_cue")
    for m in _HASH_OR_NO_RE.finditer(text):
        yield _candidate("record_number", m.start(), m.end(), "record_cue")
    for m in _SSN_RE.finditer(text):
        yield _candidate("record_number", m.start(), m.end(), "ssn")
    for m in _NI_RE.finditer(text):
        yield _candidate("record_number", m.start(), m.end(), "ni")
    for m in _NHS_SPACED_RE.finditer(text):
        yield _candidate("record_number", m.start(), m.end(), "nhs_spaced")
    for m in _LONG_DIGITS_RE.finditer(text):
        yield _candidate("record_number", m.start(), m.end(), "long_digits")


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


class _Token(NamedTuple):
    start: int
    end: int  # end of the word without a possessive "'s"
    word: str  # the word without a possessive "'s"
    possessive: bool


def _norm(word: str) -> str:
    word = word.replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@functools.lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[_Token, ...]:
    """The words of ``text``; cached, as three name finders read the same text in turn."""
    tokens = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        possessive = len(word) > 2 and word[-2] in "'\u2019" and word[-1] in "sS"
        if possessive:
            word = word[:-2]
        tokens.append(_Token(m.start(), m.start() + len(word), word, possessive))
    return tuple(tokens)


def _is_capitalised(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and any(ch.islower() for ch in word)


def _is_surname_like(token: _Token) -> bool:
    parts = re.split(r"-", token.word)
    return (
        all(_is_capitalised(part) for part in parts)
        and _norm(token.word) not in _NOT_SURNAMES
        and token.word not in _HONORIFICS
    )


def _is_initial(token: _Token) -> bool:
    return len(token.word) == 1 and token.word.isupper()


def _is_first_name(token: _Token) -> bool:
    if not _is_capitalised(token.word):
        return False
    norm = _norm(token.word)
    return norm in FIRST_NAMES or norm.split("-")[0] in FIRST_NAMES


def _is_sentence_start(text: str, token: _Token) -> bool:
    before = text[: token.start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _adjacent(text: str, left: _Token, right: _Token, gap_re: re.Pattern[str]) -> bool:
    return not left.possessive and bool(gap_re.fullmatch(text[left.end : right.start]))


def _surname_run(text: str, tokens: Sequence[_Token], i: int, gap_re: re.Pattern[str]) -> int:
    """Index of the last token of a surname run after tokens[i], or ``i`` when there is none."""
    last = i
    j = i + 1
    surnames = 0
    while j < len(tokens) and surnames < 3:
        prev, tok = tokens[last], tokens[j]
        gap = gap_re if last == i or _is_initial(prev) else _NAME_GAP_RE
        if not _adjacent(text, prev, tok, gap):
            break
        if _is_initial(tok) and surnames == 0:
            j += 1
            last = j - 1
            continue
        if not _is_surname_like(tok):
            break
        surnames += 1
        last = j
        j += 1
    while last > i and _is_initial(tokens[last]):
        last -= 1
    return last if surnames else i


def _find_names(text: str) -> Iterable[_Candidate]:
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        last = i
        if tok.word in _HONORIFICS and not tok.possessive:
            last = _surname_run(text, tokens, i, _INITIAL_GAP_RE)
        elif (
            _is_first_name(tok)
            and not tok.possessive
            and not _names_a_month_or_saint(text, tokens, i)
        ):
            last = _surname_run(text, tokens, i, _NAME_GAP_RE)
        elif (
            i + 1 < len(tokens)
            and _is_surname_like(tok)
            and not tok.possessive
            and not _is_sentence_start(text, tok)
            and _norm(tokens[i + 1].word) in COMMON_SURNAMES
            and _is_capitalised(tokens[i + 1].word)
            and _adjacent(text, tok, tokens[i + 1], _NAME_GAP_RE)
        ):
            last = i + 1
        if last > i and not _is_institution(text, tokens, i, last):
            yield _candidate("full_name", tok.start, tokens[last].end, "name")
            i = last + 1
        else:
            i += 1


def _names_a_month_or_saint(text: str, tokens: Sequence[_Token], i: int) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1]
    if not _NAME_GAP_RE.fullmatch(text[prev.end : tokens[i].start].lstrip(".")):
        return False
    if prev.word in {"St", "Saint", "Ste"}:
        return True
    return _norm(tokens[i].word) in _DAYS_MONTHS and _norm(prev.word) in _TEMPORAL_WORDS


def _is_institution(text: str, tokens: Sequence[_Token], first: int, last: int) -> bool:
    phrase = " ".join(_norm(t.word) for t in tokens[first : last + 1])
    if phrase in _NON_PERSON_PHRASES:
        return True
    if last + 1 < len(tokens):
        after = tokens[last + 1]
        if _adjacent(text, tokens[last], after, _NAME_GAP_RE) and (
            _norm(after.word) in _INSTITUTION_WORDS and after.word[0].isupper()
        ):
            return True
    return False


def _find_lower_case_names(text: str) -> Iterable[_Candidate]:
    """A first name and a common surname not both capitalised: "met with sarah thompson"."""
    tokens = _tokens(text)
    for i, (tok, after) in enumerate(itertools.pairwise(tokens)):
        first, surname = _norm(tok.word), _norm(after.word)
        if (
            first in FIRST_NAMES
            and surname in COMMON_SURNAMES
            and not (_is_capitalised(tok.word) and _is_capitalised(after.word))
            and not (first in _EVERYDAY_FIRST_NAMES and surname in _EVERYDAY_SURNAMES)
            and f"{first} {surname}" not in _NON_PERSON_PHRASES
            and _adjacent(text, tok, after, _NAME_GAP_RE)
            and not _names_a_month_or_saint(text, tokens, i)
            and not _before_institution_word(text, tokens, i + 1)
        ):
            yield _candidate("full_name", tok.start, after.end, "name")


def _before_institution_word(text: str, tokens: Sequence[_Token], last: int) -> bool:
    if last + 1 >= len(tokens):
        return False
    after = tokens[last + 1]
    return _adjacent(text, tokens[last], after, _NAME_GAP_RE) and (
        _norm(after.word) in _INSTITUTION_WORDS
    )


# After these words a capitalised word is a person even if it is not in FIRST_NAMES.
_PERSON_NOUNS = _words("client member resident patient tenant")


def _find_first_names(text: str) -> Iterable[_Candidate]:
    """A first name that starts a sentence and reports what the person said or felt ("Mark
    said he felt heard"), or that comes with the group or place the person is from ("John
    from the Tuesday group at St Mary's", "Dave from the Riverside estate")."""
    tokens = _tokens(text)
    for i, tok in enumerate(tokens):
        if tok.possessive or _names_a_month_or_saint(text, tokens, i):
            continue
        named_by_role = (
            i > 0
            and _norm(tokens[i - 1].word) in _PERSON_NOUNS
            and _is_surname_like(tok)
            and _adjacent(text, tokens[i - 1], tok, _NAME_GAP_RE)
        )
        if not (_is_first_name(tok) or named_by_role):
            if _unknown_full_name_reports_speech(text, tokens, i):
                yield _candidate("full_name", tok.start, tokens[i + 1].end, "name")
            continue
        if _starts_clause(text, tokens, i) and _reports_speech(text, tokens, i):
            yield _candidate("full_name", tok.start, tok.end, "first_name", "first_name_speaking")
        end = _context_end(text, tok.end)
        if end is not None:
            yield _candidate("full_name", tok.start, end, "first_name", "first_name_context")


# A sentence may open with one of these before the name: "Today Mark said...".
_OPENING_ADVERBS = _words("today yesterday tonight afterwards later then earlier finally again")


def _starts_clause(text: str, tokens: Sequence[_Token], i: int) -> bool:
    if _is_sentence_start(text, tokens[i]):
        return True
    return (
        i > 0
        and _norm(tokens[i - 1].word) in _OPENING_ADVERBS
        and _is_sentence_start(text, tokens[i - 1])
        and _adjacent(text, tokens[i - 1], tokens[i], _NAME_GAP_RE)
    )


def _unknown_full_name_reports_speech(text: str, tokens: Sequence[_Token], i: int) -> bool:
    """Two capitalised words that start a sentence and report speech: "Tendai Moyo said"."""
    return (
        i + 1 < len(tokens)
        and _is_sentence_start(text, tokens[i])
        and _is_surname_like(tokens[i])
        and _is_surname_like(tokens[i + 1])
        and _adjacent(text, tokens[i], tokens[i + 1], _NAME_GAP_RE)
        and _reports_speech(text, tokens, i + 1)
    )


def _reports_speech(text: str, tokens: Sequence[_Token], i: int) -> bool:
    j = i + 1
    if j < len(tokens) and _norm(tokens[j].word) in _REPORTING_ADVERBS:
        j += 1
    return (
        j < len(tokens)
        and tokens[j].word in _REPORTING_VERBS  # lower case: "Mark Said" is a heading
        and _NAME_GAP_RE.fullmatch(text[tokens[j - 1].end : tokens[j].start]) is not None
        and not tokens[i].possessive
    )


def _is_place_word(word: str) -> bool:
    return _is_capitalised(word) and _norm(word) not in _NOT_SURNAMES and word not in _HONORIFICS


def _context_end(text: str, name_end: int) -> int | None:
    """Where the group or place after a first name ends, or None when none follows."""
    m = _CONTEXT_AFTER_NAME_RE.match(text, name_end)
    if m is None:
        return None
    if m.group("qualifiers") is not None:
        if any(_norm(word) in _NOT_QUALIFIERS for word in m.group("qualifiers").split()):
            return None
    elif m.group("prep") and m.group("prep").lower() == "on":
        return None  # "Sam on Tuesday", "Sam on Facebook": not where someone is from
    elif not _is_place_word(m.group("place").split()[0]):
        return None
    end = m.end()
    more = _PLACE_AFTER_RE.match(text, end)
    if more is not None and _is_place_word(more.group().split()[-1]):
        end = more.end()
    return end


_FINDERS = (
    _find_emails,
    _find_phones,
    _find_dates,
    _find_addresses,
    _find_records,
    _find_names,
    _find_lower_case_names,
    _find_first_names,
)


# --------------------------------------------------------------------------------------------
# Merging
# --------------------------------------------------------------------------------------------

_ADDRESS_JOIN_RE = re.compile(r"[ ,]{0,3}")


def _merge(text: str, candidates: list[_Candidate]) -> list[Finding]:
    """Overlapping candidates become one finding; the most specific rule names its kind.

    Address parts separated only by a comma or space ("Flat 3, 27 Victoria Street") are joined.
    """
    candidates.sort(key=lambda c: (c.start, -c.end))
    groups: list[list[_Candidate]] = []
    for cand in candidates:
        if groups:
            group = groups[-1]
            end = max(c.end for c in group)
            joins_address = (
                cand.kind == "street_address"
                and _best(group).kind == "street_address"
                and _ADDRESS_JOIN_RE.fullmatch(text[end : cand.start]) is not None
            )
            if cand.start < end or joins_address:
                group.append(cand)
                continue
        groups.append([cand])
    findings = []
    for group in groups:
        best = _best(group)
        start = min(c.start for c in group)
        end = max(c.end for c in group)
        findings.append(Finding(best.kind, start, end, text[start:end], best.reason))
    return findings


def _best(group: list[_Candidate]) -> _Candidate:
    return max(group, key=lambda c: (c.priority, c.end - c.start))
