from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Curriculum"

    def ready(self) -> None:
        from accounts.dashboard import NO_ROLE, register_panel
        from organisations.roles import Role

        from . import dashboard, receivers  # noqa: F401  (connects the receivers)
        from .attendance import dashboard as sessions_dashboard

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
        register_panel(
            key="courses.live_sessions",
            role=Role.TRAINEE,
            template="courses/dashboard/live_sessions.html",
            context=sessions_dashboard.trainee_sessions_context,
            order=15,
        )
        for role in (Role.COORDINATOR, Role.SUPERVISOR):
            register_panel(
                key=f"courses.facilitated_sessions.{role}",
                role=role,
                template="courses/dashboard/facilitated_sessions.html",
                context=sessions_dashboard.facilitator_sessions_context,
                order=110,
            )
