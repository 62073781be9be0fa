"""Receivers for allauth's signals."""

from .mfa import record_mfa_on_setup


def authenticator_added(sender, *, request=None, user, authenticator, **kwargs) -> None:
    record_mfa_on_setup(request=request, user=user, authenticator=authenticator)
