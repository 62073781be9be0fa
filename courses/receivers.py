"""Courses follows organisations and the page tree: providers get a space, programmes an owner."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move, task_submitted

from organisations.models import Organisation

from .models import ProgrammePage, ProgrammeReviewTaskState, ProviderPage
from .services import provider_space_ensure, review_requested_notify


@receiver(post_save, sender=Organisation, dispatch_uid="courses_provider_space")
def _provider_space(sender, instance: Organisation, raw: bool = False, **kwargs) -> None:
    """However the provider was made (admin, demo, shell), give it its page and groups."""
    if not raw:
        provider_space_ensure(organisation=instance)


@receiver(post_page_move, dispatch_uid="courses_programme_follows_provider")
def _programme_follows_its_provider(sender, instance, parent_page_after, **kwargs) -> None:
    """A programme moved to another provider's page becomes that provider's programme.

    Wagtail saves a moved page as a plain ``Page``, so ``ProgrammePage.save`` does not run.
    """
    if not issubclass(sender, ProgrammePage):
        return
    organisation_id = (
        ProviderPage.objects.filter(pk=parent_page_after.pk)
        .values_list("organisation_id", flat=True)
        .first()
    )
    if organisation_id is not None:
        ProgrammePage.objects.filter(pk=instance.pk).update(organisation_id=organisation_id)


@receiver(task_submitted, sender=ProgrammeReviewTaskState, dispatch_uid="courses_review_requested")
def _review_requested(sender, instance, user=None, **kwargs) -> None:
    """A page reached its provider's review: tell the reviewers who may approve it."""
    review_requested_notify(task_state=instance, submitter=user)
