"""What every read-mostly admin view for support staff is checked for.

The records are evidence (credentials, attempts, checks, emails): the admin shows them,
and neither adds, edits nor deletes them; its lists take the same number of queries
however many rows they show.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def assert_read_only(client, base: str, obj, *, post: dict | None = None) -> None:
    """``base`` is the changelist's path; ``obj`` a row, reloaded to prove it unchanged."""
    obj.refresh_from_db()
    before = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    changelist = client.get(base)
    page = client.get(f"{base}{obj.pk}/change/")

    assert changelist.status_code == 200
    assert "delete_selected" not in changelist.content.decode()
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()  # view only: no save button
    assert client.get(f"{base}add/").status_code == 403
    assert client.get(f"{base}{obj.pk}/delete/").status_code == 403
    assert client.post(f"{base}{obj.pk}/delete/", {"post": "yes"}).status_code == 403
    client.post(f"{base}{obj.pk}/change/", post or {})
    client.post(base, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"})

    obj.refresh_from_db()
    assert {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields} == before


def changelist_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)
