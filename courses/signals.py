"""Courses follows organisations: a new training provider gets its space in the CMS."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from organisations.models import Organisation

from .services import provider_space_ensure


@receiver(post_save, sender=Organisation, dispatch_uid="courses_provider_space")
def _provider_space(sender, instance: Organisation, raw: bool = False, **kwargs) -> None:
    """However the provider was made (admin, demo, shell), give it its page and groups."""
    if not raw:
        provider_space_ensure(organisation=instance)
