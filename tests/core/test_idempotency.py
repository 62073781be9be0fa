"""core.idempotency: one rendering of a form creates its rows once."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import Context, Template
from django.test import RequestFactory

from core import idempotency
from core.idempotency import FIELD_NAME, idempotent, new_token

calls: list[str] = []


@idempotent
def create_view(request):
    """Stands for a view that creates a row: redirects when it did, 400 when it did not."""
    if request.POST.get("valid") != "yes":
        return HttpResponse("fix the form", status=400)
    calls.append(request.POST["valid"])
    return redirect(f"/created/{len(calls)}/")


@pytest.fixture(autouse=True)
def _no_calls():
    calls.clear()


def post(data: dict):
    request = RequestFactory().post("/things/new/", data)
    request.user = AnonymousUser()
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_the_template_tag_renders_a_fresh_token_each_time():
    template = Template("{% load idempotency %}{% idempotency_field %}")
    first, second = template.render(Context()), template.render(Context())
    assert f'name="{FIELD_NAME}"' in first and 'type="hidden"' in first
    assert first != second


def test_a_replayed_token_answers_with_the_first_result_and_runs_nothing():
    token = new_token()
    first = create_view(post({FIELD_NAME: token, "valid": "yes"}))
    replay = post({FIELD_NAME: token, "valid": "yes"})
    second = create_view(replay)

    assert calls == ["yes"]
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"] == "/created/1/"
    assert [m.message for m in replay._messages] == [idempotency.ALREADY_SENT_MESSAGE]


def test_each_rendering_has_its_own_token():
    create_view(post({FIELD_NAME: new_token(), "valid": "yes"}))
    create_view(post({FIELD_NAME: new_token(), "valid": "yes"}))
    assert len(calls) == 2


def test_a_form_sent_back_with_errors_may_be_sent_again_with_the_same_token():
    token = new_token()
    assert create_view(post({FIELD_NAME: token, "valid": "no"})).status_code == 400
    assert create_view(post({FIELD_NAME: token, "valid": "yes"})).status_code == 302
    assert calls == ["yes"]


def test_a_view_that_raises_releases_the_token():
    token = new_token()

    @idempotent
    def failing(request):
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        failing(post({FIELD_NAME: token, "valid": "yes"}))
    assert create_view(post({FIELD_NAME: token, "valid": "yes"})).status_code == 302
    assert calls == ["yes"]


@pytest.mark.parametrize("token", ["", "x" * 32, "../../etc", "A" * 32, "0" * 33])
def test_a_token_peerpath_could_not_have_made_is_refused(token):
    response = create_view(post({FIELD_NAME: token, "valid": "yes"}))
    assert response.status_code == 400
    assert response.content.decode() == idempotency.BAD_TOKEN_MESSAGE
    assert calls == []


def test_without_a_token_the_view_runs_as_before():
    create_view(post({"valid": "yes"}))
    create_view(post({"valid": "yes"}))
    assert len(calls) == 2


def test_a_second_send_while_the_first_is_running_waits_for_its_result(monkeypatch):
    token = new_token()
    request = post({FIELD_NAME: token, "valid": "yes"})
    key = idempotency._cache_key(request, token)
    cache.add(key, idempotency._PENDING)  # the first request is running
    finish = threading.Timer(0.3, lambda: cache.set(key, "/created/by-the-first/"))
    finish.start()

    response = create_view(request)

    assert calls == []
    assert response.status_code == 302
    assert response["Location"] == "/created/by-the-first/"


def test_a_first_send_that_never_finishes_gives_a_clear_409(monkeypatch):
    monkeypatch.setattr(idempotency, "WAIT_SECONDS", 0.2)
    token = new_token()
    request = post({FIELD_NAME: token, "valid": "yes"})
    cache.add(idempotency._cache_key(request, token), idempotency._PENDING)

    response = create_view(request)

    assert calls == []
    assert response.status_code == 409
    assert response.content.decode() == idempotency.STILL_SAVING_MESSAGE
