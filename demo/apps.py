from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data: ``seed_demo``, its loaders and content.

    Installed by ``cms.settings.dev`` and ``cms.settings.test`` only, so production has
    neither the command nor the published demo password.
    """

    name = "demo"
    verbose_name = "Peerpath demo data"
