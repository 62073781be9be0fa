"""The bell: an in-app notice beside every templated email to someone with an account."""

import copy

import pytest
from django.db import IntegrityError
from django.urls import reverse

from notifications.models import Email, Notification
from notifications.services import email_send_template, notifications_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hello(settings, tmp_path):
    """A "demo/hello" email template in a fresh template directory."""
    folder = tmp_path / "demo" / "email"
    folder.mkdir(parents=True)
    (folder / "hello_subject.txt").write_text("Your entries were approved")
    (folder / "hello_message.txt").write_text("Hello.\n{{ link }}")
    engine, *others = copy.deepcopy(settings.TEMPLATES)
    engine["DIRS"] = [tmp_path, *engine["DIRS"]]
    settings.TEMPLATES = [engine, *others]


def send(to, link_path="/practice/"):
    return email_send_template(to=to, template="demo/hello", context={}, link_path=link_path)


def test_each_recipient_with_an_account_gets_a_notice_with_the_subject_and_page(hello):
    person, other = UserFactory(email="Tess@Example.org"), UserFactory()
    send(["tess@example.org", "nobody@example.org"], link_path="/practice/12/")

    (notice,) = Notification.objects.all()
    assert notice.user == person and notice.read_at is None
    assert notice.subject == "Your entries were approved"  # without the site's prefix
    assert notice.link_path == "/practice/12/"
    assert not other.notifications.exists()
    assert Email.objects.count() == 1


def test_inactive_accounts_and_other_sites_get_nothing():
    UserFactory(email="gone@example.org", is_active=False)
    assert notifications_create(addresses=["gone@example.org"], subject="S", link_path="/") == 0
    person = UserFactory(email="here@example.org")
    notifications_create(addresses=["here@example.org"], subject="S", link_path="//evil.example/")
    assert person.notifications.get().link_path == "/"


def test_the_database_refuses_a_link_off_the_site():
    person = UserFactory()
    with pytest.raises(IntegrityError):
        Notification.objects.create(user=person, subject="S", link_path="https://evil.example/")


def test_the_bell_counts_only_the_users_unread_notices(client, hello):
    person, other = UserFactory(), UserFactory()
    send([person.email])
    send([person.email])
    send([other.email])
    client.force_login(person)

    response = client.get(reverse("notifications:unread_count"))
    assert response.json() == {"unread": 2}
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # The page the bell links to lists them, and the header carries the bell.
    html = client.get(reverse("notifications:list")).content.decode()
    assert html.count("data-notification") == 2
    assert 'class="bell"' in html and "js/notifications.js" in html


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(client, hello):
    person = UserFactory()
    send([person.email], link_path="/courses/my-training/")
    notice = person.notifications.get()
    client.force_login(person)

    response = client.post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/courses/my-training/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert client.get(reverse("notifications:unread_count")).json() == {"unread": 0}


def test_another_persons_notice_is_404_and_stays_unread(client, hello):
    person, other = UserFactory(), UserFactory()
    send([other.email])
    notice = other.notifications.get()
    client.force_login(person)

    assert client.post(reverse("notifications:open", args=[notice.pk])).status_code == 404
    assert client.post(reverse("notifications:open", args=[notice.pk + 999])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_opening_needs_a_post_and_everything_needs_a_login(client, hello):
    person = UserFactory()
    send([person.email])
    notice = person.notifications.get()
    for url in (reverse("notifications:list"), reverse("notifications:unread_count")):
        assert client.get(url).status_code == 302  # to the login page
    client.force_login(person)
    assert client.get(reverse("notifications:open", args=[notice.pk])).status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read_touches_only_the_users_own(client, hello):
    person, other = UserFactory(), UserFactory()
    send([person.email, other.email])
    send([person.email])
    client.force_login(person)

    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "Marked 2 notifications as read." in response.content.decode()
    assert not person.notifications.filter(read_at__isnull=True).exists()
    assert other.notifications.filter(read_at__isnull=True).count() == 1
    again = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "You had no unread notifications." in again.content.decode()


def test_the_list_costs_the_same_queries_for_few_or_many(
    client, hello, django_assert_max_num_queries
):
    person = UserFactory()
    client.force_login(person)
    send([person.email])
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("notifications:list"))
    for _ in range(40):
        send([person.email])
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("notifications:list")).content.decode()
    assert html.count("data-notification") == 41


def test_deleting_the_user_deletes_their_notices(hello):
    person = UserFactory()
    send([person.email])
    person.delete()
    assert not Notification.objects.exists()
