from django.apps import AppConfig


class SyllabusConfig(AppConfig):
    """The curriculum as files (``curriculum/``): parsed, checked and loaded into the site.

    ``manage.py load_curriculum`` turns the files into programme, module and lesson pages
    and quiz questions; the crosswalk (lesson → objectives → IC&RC / SAMHSA / NCPS →
    minutes) is generated from them for coordinators. It sits above certificates (it writes
    the requirement profile's code of ethics) and assessments (quiz banks).
    """

    name = "syllabus"
    verbose_name = "Curriculum files"
    default_auto_field = "django.db.models.BigAutoField"
