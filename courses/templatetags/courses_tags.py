from decimal import Decimal

from django import template
from wagtail.templatetags.wagtailcore_tags import pageurl

from courses.formatting import format_hours
from courses.models import ModulePage

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def hours(value) -> str:
    """2.50 -> "2.5", 10.00 -> "10", 0.25 -> "0.25"."""
    if value in (None, ""):
        return ""
    return format_hours(Decimal(value))


@register.filter
def phrases(concerns) -> str:
    """The phrases of confidentiality concerns, a line each: the value of "Save anyway"."""
    return "\n".join(concern.phrase for concern in concerns or ())


@register.simple_tag(takes_context=True)
def module_url(context, module, programme) -> str:
    """A module's address: its programme's, as Wagtail's ``pageurl`` gives it (worked out
    once per programme and request), and the module's slug.

    Modules are children of their programme and are routed by slug (``route_to_child``),
    so this is the address Wagtail would give; asking Wagtail for each of a programme's
    modules reversed its serve view every time, a tenth of the trainee's dashboard.
    """
    request = context.get("request")
    known = request.__dict__.setdefault("_programme_urls", {}) if request is not None else {}
    if programme.pk not in known:
        known[programme.pk] = pageurl(context, programme)
    base = known[programme.pk]
    if not base:  # a programme outside every site has no address: Wagtail answers alone
        return pageurl(context, module)
    return ModulePage.address_under(base, module.slug)
