from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Curriculum"

    def ready(self) -> None:
        from accounts.dashboard import NO_ROLE, register_panel
        from organisations.roles import Role

        from . import dashboard, receivers  # noqa: F401  (connects the receivers)

        register_panel(
            key="courses.open_programmes",
            role=NO_ROLE,
            template="courses/dashboard/open_programmes.html",
            context=dashboard.open_programmes_context,
        )
        register_panel(
            key="courses.stalled",
            role=Role.COORDINATOR,
            template="courses/dashboard/stalled.html",
            context=dashboard.stalled_context,
            order=30,
        )
