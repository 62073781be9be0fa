"""Log filters: no person's data in log lines.

Django logs every 4xx and 5xx answer with its path ("Not Found: /verify/PP-7KQ4-M2XD-9/",
"Too Many Requests: /api/v1/credentials/…"), and the record carries the request. A
credential number names its holder, so in those paths it becomes ``<number>``.
"""

import logging
import re

# The segment after /verify/ or /credentials/ (the public page, the API, the holder's and
# coordinators' pages), except the fixed words that share those prefixes.
_NUMBER_IN_PATH = re.compile(
    r"(/(?:verify|credentials)/)(?!(?:status|multikeys|verify)(?:[/.]|$))[^/?#'\"]+"
)


def redact_numbers(text: str) -> str:
    return _NUMBER_IN_PATH.sub(r"\1<number>", text)


class RedactCredentialNumbers(logging.Filter):
    """Rewrites a record's arguments and request (as text) with credential numbers hidden."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_numbers(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            # A JSON formatter writes extra attributes out, the request as its repr.
            record.request = redact_numbers(repr(request))
        return True
