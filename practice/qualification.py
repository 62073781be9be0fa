"""Whether a supervisor's own credential lets them sign off practice hours today.

Some boards require the person signing off to hold a current supervisor credential (the
Texas Peer Specialist Supervisor, for one). Whether a credential is current under its
board's renewal rules is known to ``renewals``, a layer above practice: it registers a
check here when its app is ready, and practice asks every registered check before an
approval. The import contract keeps pointing one way, and practice never guesses a status.
"""

from collections.abc import Callable

# A check takes the supervisor (a user) and returns why they cannot sign off, or None.
SupervisorCheck = Callable[[object], str | None]

_checks: list[SupervisorCheck] = []


def register(check: SupervisorCheck) -> None:
    if check not in _checks:
        _checks.append(check)


def refusal(supervisor) -> str | None:
    """The first reason a registered check gives, or None when nothing stands in the way."""
    for check in _checks:
        reason = check(supervisor)
        if reason:
            return reason
    return None
