"""The demo programme, its requirement profile and the settings of every module's quiz.

Modelled on the IC&RC Peer Recovery credential. The training modules themselves are in
``modules/``.
"""

PROGRAMME = {
    "title": "Certified Peer Support Worker",
    "slug": "certified-peer-support-worker",
    "summary": "The full training path to a peer support credential: seven modules "
    "across advocacy, mentoring and education, recovery and wellness support, and "
    "ethical responsibility, with quizzes, reflections and supervised practice.",
    "description": "<p>Work through the modules in order. Each one opens when the one "
    "before it is complete. Your reflections are private: only you can read them.</p>",
    "enrolment_mode": "open",
    "cohort": "Spring cohort",
}

REQUIREMENT_PROFILE = {
    "name": "IC&RC Peer Recovery",
    "description": "Modelled on the IC&RC Peer Recovery credential: 46 training hours "
    "across four domains; renewal every two years with 20 hours of continuing "
    "education, 6 of them in ethics.",
    "credential_validity_months": 24,
    # Renewal follows the seeded IC&RC rule set (renewals/data/icrc-peer-recovery.yaml).
    "renewal_rule_set": "icrc-peer-recovery",
    # IC&RC asks for 46 hours of training across its four domains, by domain slug.
    "training_minimums": {
        "advocacy": "10",
        "mentoring-and-education": "10",
        "recovery-and-wellness-support": "10",
        "ethical-responsibility": "16",
    },
    # And 500 hours of practice, 25 of them supervision, by practice category slug.
    "practice_hours_total": "500",
    "practice_minimums": {
        "one-to-one": "200",
        "group-facilitation": "100",
        "advocacy": "50",
        "community-outreach": "50",
        "supervision-received": "25",
    },
    # One commitment a paragraph; trainees affirm it before their credential is issued.
    "ethics_code": "\n\n".join(
        [
            "I put the wellbeing and self-determination of the people I support first.",
            (
                "I keep what people share with me confidential, and I tell them plainly where"
                " the limits of confidentiality lie."
            ),
            (
                "I work within the peer support role: I do not diagnose, prescribe or give "
                "clinical advice, and I refer on when someone needs more than I can offer."
            ),
            (
                "I keep clear boundaries: no romantic, financial or business relationships "
                "with the people I support, and no gifts beyond the token."
            ),
            "I share my own experience of recovery only when it serves the other person.",
            (
                "I treat everyone with respect, without discrimination, and I challenge "
                "stigma where I meet it."
            ),
            (
                "I use supervision, look after my own recovery and wellbeing, and step back "
                "when I am not well enough to help."
            ),
            "I keep honest records and never log hours or activities that did not happen.",
        ]
    ),
}

# Every module's quiz page; its questions come from the module's own file.
QUIZ_PAGE = {
    "introduction": "Check what you have learned in this module. You see your score, "
    "and why each answer is right or wrong, as soon as you submit.",
    "pass_mark": 80,
    "max_attempts": 3,
    "wait_minutes": 10,
    # Drawn at random from the module's seven or eight questions: a retake brings the ones
    # not asked before.
    "questions_per_attempt": 5,
}
