from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from core.http import client_ip
from notifications.services import email_queue, email_site


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's mail (verification, password reset) through the Celery outbox, and
    keys allauth's rate limits on the client's address as the rest of the site sees it."""

    def get_client_ip(self, request) -> str:
        """The address behind our trusted proxies (TRUSTED_PROXIES), as ``core.http`` reads it.

        allauth's own reading trusts a fixed count of X-Forwarded-For entries whoever
        connects; this one believes the header only from a trusted proxy.
        """
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def send_mail(self, template_prefix, email, context):
        # allauth's own send_mail adds the site ("Hello from {{ current_site.name }}!");
        # without it every account email read "Hello from !".
        context = {**context, "current_site": email_site()}
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        email_queue(to=message.to, subject=message.subject, body_text=message.body, body_html=html)
