"""Admin forms the page models name as their ``base_form_class``.

Kept apart from ``forms.py``, whose site forms import the models: the models import these.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from organisations.tenancy import ProviderScopedFormMixin


class ProgrammePageForm(ProviderScopedFormMixin, WagtailAdminPageForm):
    """A programme's admin form: its requirement profile is one of the provider's or shared.

    The organisation is not a field: it follows the provider page (``ProgrammePage.save``).
    """
