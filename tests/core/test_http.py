"""The client's address behind trusted proxies (core.http.client_ip).

Rate limits and the audit trail key on it. Behind a proxy every request arrives from
the proxy, so without TRUSTED_PROXIES all clients would share one bucket; with it, only
the entries our proxies appended to X-Forwarded-For are believed.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from core.http import client_ip, trusted_proxies

PROJECT = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.5"
CLIENT = "203.0.113.7"


def ip_of(*, remote: str | None = PROXY, forwarded: str | None = None) -> str | None:
    meta = {}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **meta)
    if remote is None:
        del request.META["REMOTE_ADDR"]
    else:
        request.META["REMOTE_ADDR"] = remote
    return client_ip(request)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8:f::1"]


def test_without_trusted_proxies_a_spoofed_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []

    assert ip_of(remote=CLIENT, forwarded="198.51.100.1") == CLIENT
    assert ip_of(remote=PROXY, forwarded=CLIENT) == PROXY


def test_the_header_counts_only_when_the_connection_comes_from_a_trusted_proxy(behind_proxy):
    assert ip_of(remote=CLIENT, forwarded="198.51.100.1") == CLIENT


def test_the_right_most_address_that_is_not_a_trusted_proxy_is_the_client(behind_proxy):
    # The client wrote "198.51.100.1" itself; our proxies appended the rest.
    assert ip_of(forwarded=f"198.51.100.1, {CLIENT}") == CLIENT
    assert ip_of(forwarded=f"198.51.100.1, {CLIENT}, 10.0.0.9") == CLIENT
    assert ip_of(forwarded=CLIENT) == CLIENT


def test_ipv6_ports_and_mapped_addresses(behind_proxy):
    assert ip_of(forwarded="[2001:db8::7]:443") == "2001:db8::7"
    assert ip_of(forwarded=f"{CLIENT}:51234") == CLIENT
    assert ip_of(forwarded=f"::ffff:{CLIENT}") == CLIENT
    assert ip_of(remote="2001:db8:f::1", forwarded=CLIENT) == CLIENT
    assert ip_of(remote=f"::ffff:{PROXY}", forwarded=CLIENT) == CLIENT


def test_only_proxies_in_the_header_gives_the_farthest(behind_proxy):
    assert ip_of(forwarded="10.0.0.8, 10.0.0.9") == "10.0.0.8"


@pytest.mark.parametrize(
    "forwarded",
    [
        "",
        " , ,",
        "unknown",
        "999.1.1.1",
        "1.2.3.4.5",
        "[::1",
        "[::1]x",
        "[::1]9443",
        "[]:80",
        "203.0.113.7:port",
        "\x00",
        "203.0.113.7\x00",
        "é, ², 🙂",
        "a" * 100_000,
        ",".join(["203.0.113.7"] * 10_000) + ", junk",
        f"{CLIENT}, nonsense",
    ],
    ids=lambda value: repr(value[:20]),
)
def test_garbage_falls_back_to_the_proxy(behind_proxy, forwarded):
    assert ip_of(forwarded=forwarded) == PROXY


def test_garbage_left_of_the_client_is_never_read(behind_proxy):
    assert ip_of(forwarded=f"junk, \x00, {CLIENT}") == CLIENT


def test_a_missing_or_odd_remote_addr_is_passed_on_unchanged(behind_proxy):
    assert ip_of(remote=None, forwarded=CLIENT) is None
    assert ip_of(remote="", forwarded=CLIENT) is None
    assert ip_of(remote="not-an-address", forwarded=CLIENT) == "not-an-address"


def test_a_mistyped_setting_is_a_configuration_error(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "proxy.internal"]

    with pytest.raises(ImproperlyConfigured, match=r"proxy\.internal"):
        trusted_proxies()

    settings.TRUSTED_PROXIES = ["10.0.0.0/8", " 192.0.2.1 ", ""]
    assert len(trusted_proxies()) == 2


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env}
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_setting_comes_from_the_environment_and_a_bad_value_stops_start_up():
    read = "import django; django.setup(); from django.conf import settings as s; "
    read += "print(s.TRUSTED_PROXIES)"

    assert _run("-c", read).stdout.strip() == "[]"
    configured = _run("-c", read, TRUSTED_PROXIES="10.0.0.0/8,192.0.2.1")
    assert configured.stdout.strip() == "['10.0.0.0/8', '192.0.2.1']"
    broken = _run("-c", read, TRUSTED_PROXIES="10.0.0.0/8,proxy.internal")
    assert broken.returncode != 0
    assert "TRUSTED_PROXIES holds IP addresses or CIDR networks, not 'proxy.internal'" in (
        broken.stderr
    )
