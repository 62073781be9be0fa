from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Curriculum"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the receivers)
