"""The day a credential being issued first expires.

The requirement profile's validity months set it, unless the board's renewal rules end the
first cycle on another day (Washington: the holder's birthday; Georgia: December 31). Those
rules are known to ``renewals``, a layer above certificates: it registers a rule here when
its app is ready, and issuing asks every registered rule. The import contract keeps
pointing one way, and certificates never guesses a board's calendar.
"""

import datetime

from dateutil.relativedelta import relativedelta

from core.hooks import FirstAnswer

# Asked with holder, programme and issued_on (keywords); answers the first expiry, or None
# when the profile's validity months stand.
rules: FirstAnswer[datetime.date] = FirstAnswer()
register = rules.register


def first_expiry(*, holder, programme, issued_on: datetime.date) -> datetime.date:
    """The first date a registered rule gives, or the profile's validity from ``issued_on``."""
    day = rules.ask(holder=holder, programme=programme, issued_on=issued_on)
    if day is not None:
        return day
    months = programme.requirement_profile.credential_validity_months
    return issued_on + relativedelta(months=months)
