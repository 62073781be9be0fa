from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from allauth.mfa import signals as mfa_signals

        from . import signals

        mfa_signals.authenticator_added.connect(
            signals.authenticator_added, dispatch_uid="accounts.record_mfa_on_setup"
        )
