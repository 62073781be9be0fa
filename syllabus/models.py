from django.db import models


class LoadRecord(models.Model):
    """What ``load_curriculum`` last wrote to a page or a bank question, so a later edit in
    the CMS is noticed.

    ``source_hash`` fingerprints the files' content for the page; ``written_hash`` the page as
    the loader left it (its latest revision). On the next load, a page whose latest revision
    no longer matches ``written_hash`` was changed by an editor: if the files changed too,
    that is a conflict, reported and left alone; the files never silently overwrite it.
    """

    key = models.CharField(max_length=255, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    question = models.ForeignKey(
        "assessments.Question", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    source_hash = models.CharField(max_length=64)
    written_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "curriculum load record"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=True) ^ models.Q(question__isnull=True),
                name="syllabus_record_page_or_question",
            )
        ]

    def __str__(self) -> str:
        return self.key
