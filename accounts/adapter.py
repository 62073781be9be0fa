from allauth.account.adapter import DefaultAccountAdapter

from notifications.services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's mail (verification, password reset) through the Celery outbox."""

    def send_mail(self, template_prefix, email, context):
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
