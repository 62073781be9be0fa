"""A trainee's sessions as an iCalendar feed (RFC 5545), for any calendar app to subscribe to.

The feed's address carries an unguessable token (``CalendarFeed``), since calendar apps
cannot sign in; the trainee can replace it, which stops the old address at once.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.utils import timezone

from ..models import CalendarFeed, LiveSession


def feed_for(user) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(user=user)
    return feed


def feed_reset(*, user) -> CalendarFeed:
    """A new token for ``user``'s feed: the old address stops working."""
    from ..models.sessions import new_feed_token

    feed = feed_for(user)
    feed.token = new_feed_token()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def ics(*, sessions: Iterable[LiveSession], host: str, name: str) -> str:
    now = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Peerpath//Live sessions//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for session in sessions:
        where = session.place or session.meeting_link
        description = f"{session.cohort.programme.title}, {session.cohort.name}."
        if session.meeting_link:
            description += f" Join: {session.meeting_link}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:live-session-{session.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_utc(session.starts_at)}",
            f"DTEND:{_utc(session.ends_at)}",
            f"SUMMARY:{_escape(session.title)}",
            f"LOCATION:{_escape(where)}",
            f"DESCRIPTION:{_escape(description)}",
        ]
        if session.meeting_link:
            lines.append(f"URL:{session.meeting_link}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
