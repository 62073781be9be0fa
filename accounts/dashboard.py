"""Dashboard panels: the to-do lists of each role, owned by the apps above accounts.

The dashboard lives in accounts, which must not import courses, practice, assessments or
certificates. Each of those apps registers its panels from its ``AppConfig.ready()``, as
quiz gates are registered with courses (``courses.gates``): a panel names the role it is
for, its template (kept with its app) and a callable building its context. The dashboard
renders the panels of the roles the user holds, in a stable order.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from organisations.roles import Role, roles_of

# The "role" of a signed-in user who holds none yet: their panel offers a way in.
NO_ROLE = "none"

# Sections of the dashboard, top to bottom.
ROLE_ORDER: tuple[str, ...] = (
    NO_ROLE,
    Role.TRAINEE,
    Role.SUPERVISOR,
    Role.COORDINATOR,
    Role.EDITOR,
    Role.VERIFIER,
)


@dataclass(frozen=True)
class Panel:
    key: str
    role: str
    template: str
    # (*, request, user) -> the template's context, or None when the panel has nothing to
    # say. ``user`` is ``request.user``, signed in.
    context: Callable[..., dict | None]
    # Within a role, lower first; ties go by key, so the order never depends on which
    # app happened to be ready first.
    order: int = 100


_panels: dict[str, Panel] = {}


def register_panel(
    *,
    key: str,
    role: str,
    template: str,
    context: Callable[..., dict | None],
    order: int = 100,
) -> None:
    """Add a panel (keyed by ``key``). Registering a key again replaces it, so an app's
    ``ready()`` may run twice (as in some test runners) without showing a panel twice."""
    if role not in ROLE_ORDER:
        raise ValueError(f"No dashboard section for the role {role!r}.")
    _panels[key] = Panel(key=key, role=role, template=template, context=context, order=order)


def registered() -> tuple[Panel, ...]:
    """Every panel, in the dashboard's order: by role section, then order, then key."""
    return tuple(sorted(_panels.values(), key=lambda p: (ROLE_ORDER.index(p.role), p.order, p.key)))


def panels_for(request: HttpRequest) -> dict[str, list[SafeString]]:
    """The rendered panels of each role ``request.user`` holds (NO_ROLE if none), by role."""
    roles = set(roles_of(request.user)) or {NO_ROLE}
    rendered: dict[str, list[SafeString]] = {}
    for panel in registered():
        if panel.role not in roles:
            continue
        context = panel.context(request=request, user=request.user)
        if context is None:
            continue
        rendered.setdefault(panel.role, []).append(
            SafeString(render_to_string(panel.template, context, request=request))
        )
    return rendered
