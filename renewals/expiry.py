"""A credential's first expiry under its board's cycle anchor.

Registered with ``certificates.expiry`` when the app is ready. Where the programme's profile
renews under rules whose version in force on the issue date anchors the cycle on the
calendar year (Georgia) or the holder's birthday (Washington), the credential is issued
until the end of the first cycle the engine computes. A holder who has not given their
birthday is still issued a credential, for the profile's validity: issuing never waits on
it, and Keep my credential asks for it.
"""

import datetime

from . import engine
from .selectors import rule_set_of_profile


def first_expiry(*, holder, programme, issued_on: datetime.date) -> datetime.date | None:
    profile = programme.requirement_profile
    rule_set = rule_set_of_profile(profile) if profile is not None else None
    version = rule_set.version_on(issued_on) if rule_set is not None else None
    if version is None:
        return None
    rules = version.parsed()
    if rules.anchor == engine.Anchor.CERTIFICATION:
        return None
    birthday = holder.renewal_birthday
    if rules.anchor == engine.Anchor.BIRTHDAY and birthday is None:
        return None
    return engine.first_cycle(rules, certified_on=issued_on, birthday=birthday).expires_on
