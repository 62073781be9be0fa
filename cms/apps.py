from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Peerpath site"

    def ready(self) -> None:
        from .http import trusted_proxies

        # A mistyped TRUSTED_PROXIES stops every process at start-up (web, worker,
        # manage.py), rather than failing each request that asks for the client's address.
        trusted_proxies()
