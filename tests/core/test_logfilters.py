"""No person's data in log lines: credential numbers in the paths Django logs are hidden."""

import logging

import pytest

from core.logfilters import RedactCredentialNumbers, redact_numbers


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/verify/PP-7KQ4-M2XD-9/", "/verify/<number>/"),
        ("/verify/pp 7kq4/", "/verify/<number>/"),
        ("/api/v1/credentials/PP-7KQ4-M2XD-9", "/api/v1/credentials/<number>"),
        ("/credentials/PP-7KQ4-M2XD-9/certificate.pdf", "/credentials/<number>/certificate.pdf"),
        ("/credentials/PP-7KQ4-M2XD-9/checks/", "/credentials/<number>/checks/"),
        # Fixed words under the same prefixes stay, so the line still says what was asked.
        ("/api/v1/credentials/verify", "/api/v1/credentials/verify"),
        ("/credentials/status/revocation.jwt", "/credentials/status/revocation.jwt"),
        ("/verify/", "/verify/"),
        ("/courses/my-training/", "/courses/my-training/"),
    ],
)
def test_numbers_in_paths_are_hidden(path, logged):
    assert redact_numbers(path) == logged


def test_the_filter_rewrites_the_arguments_and_the_request():
    class Request:
        def __repr__(self) -> str:
            return "<WSGIRequest: GET '/verify/PP-7KQ4-M2XD-9/'>"

    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "%s: %s",
        ("Not Found", "/verify/PP-7KQ4-M2XD-9/"),
        None,
    )
    record.request = Request()

    assert RedactCredentialNumbers().filter(record) is True
    assert record.getMessage() == "Not Found: /verify/<number>/"
    assert record.request == "<WSGIRequest: GET '/verify/<number>/'>"
