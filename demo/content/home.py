"""The home page's text: what Peerpath is and what it offers each audience."""

INTRODUCTION = (
    "Peerpath trains and certifies peer support workers — people who draw on their own "
    "experience of recovery to walk alongside others — and lets clinics check that a "
    "credential is real and current."
)
AUDIENCES = [
    {
        "heading": "Trainees",
        "text": "Work through modules on boundaries, sharing lived experience, confidentiality "
        "and group work, pass the quizzes and log your supervised practice hours.",
        "link_text": "Create your account",
        "link_url": "/accounts/signup/",
    },
    {
        "heading": "Supervisors",
        "text": "Review the practice-log entries of the trainees assigned to you and sign them "
        "off, or send them back with a comment.",
        "link_text": "Log in to review",
        "link_url": "/accounts/login/",
    },
    {
        "heading": "Clinics",
        "text": "Check that a peer worker's credential is genuine, current and not revoked, "
        "one at a time or for your whole team.",
        "link_text": "Log in as a verifier",
        "link_url": "/accounts/login/",
    },
]
BODY = (
    "<h2>Why peer support needs a careful training path</h2>"
    "<p>Peer support works because it is built on shared experience, mutual respect and hope. "
    "It also asks a lot of the people who give it: holding boundaries with someone whose story "
    "resembles their own, keeping confidences, and knowing when to bring in clinical help. "
    "Certification boards ask for structured training, hundreds of hours of supervised "
    "practice and a signed code of ethics. Peerpath keeps all of that in one place.</p>"
)

HOME = {"introduction": INTRODUCTION, "audiences": AUDIENCES, "body": BODY}
