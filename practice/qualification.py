"""Whether a supervisor's own credential lets them sign off practice hours today.

Some boards require the person signing off to hold a current supervisor credential (the
Texas Peer Specialist Supervisor, for one). Whether a credential is current under its
board's renewal rules is known to ``renewals``, a layer above practice: it registers a
check here when its app is ready, and practice asks every registered check before an
approval. The import contract keeps pointing one way, and practice never guesses a status.
"""

from core.hooks import FirstAnswer

# Asked with the supervisor (a user); answers why they cannot sign off, or None.
checks: FirstAnswer[str] = FirstAnswer()
register = checks.register


def refusal(supervisor) -> str | None:
    """The first reason a registered check gives, or None when nothing stands in the way."""
    return checks.ask(supervisor)
