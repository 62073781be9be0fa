"""The crosswalk: lesson → objectives → IC&RC task / SAMHSA category / NCPS domain → minutes."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from syllabus.crosswalk import CSV_COLUMNS, coverage_gaps, crosswalk_rows
from syllabus.tree import read_curriculum

from .conftest import GOOD
from .test_real_curriculum import REAL, needs_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture_curriculum(settings):
    settings.CURRICULUM_DIR = GOOD


def test_coordinators_read_the_crosswalk_and_download_it(
    client, coordinator, mfa_login, fixture_curriculum
):
    mfa_login(client, coordinator)

    html = client.get(reverse("syllabus:crosswalk")).content.decode()
    response = client.get(reverse("syllabus:crosswalk_csv"))

    assert "a-1a" in html and "Ask a person directly whether they are thinking" in html
    assert "Live: Role-play lab" in html
    assert "SAMHSA category 1 (Engages peers in collaborative and caring relationships)" in html
    assert "DOJ, The ADA and the Opioid Crisis (2022)." in html  # the module's references
    assert "988 Suicide &amp; Crisis Lifeline, 988lifeline.org." in html  # and its lessons'
    # Each framework's table: every category, with the objectives tagged with it or "none".
    page = BeautifulSoup(html, "html.parser")
    tables = {}
    for caption in ("SAMHSA core-competency categories", "NCPS performance domains"):
        table = page.find("caption", string=caption).find_parent("table")
        tables[caption] = [
            [td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.tbody("tr")
        ]
        assert tables[caption] and all(len(row) == 2 and row[1] for row in tables[caption])
    assert tables["SAMHSA core-competency categories"][0][0].startswith("1. Engages peers")
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == CSV_COLUMNS
    assert [row["objective_id"] for row in rows] == ["a-1a", "a-1b", "a-2a", "a-2b", "b-1a", "b-1b"]
    assert rows[0]["icrc_domain"] == "ethical-responsibility"
    assert rows[0]["samhsa_category_name"] == "Helps peers to manage crisis"
    assert (
        rows[2]["lesson_domain_minutes"]
        == "ethical-responsibility 10; recovery-and-wellness-support 6"
    )


def test_trainees_may_not_read_it(client, trainee, fixture_curriculum):
    client.force_login(trainee)

    assert client.get(reverse("syllabus:crosswalk")).status_code == 403
    assert client.get(reverse("syllabus:crosswalk_csv")).status_code == 403


def test_gaps_name_each_missing_category_domain_and_hours():
    gaps = coverage_gaps(read_curriculum(GOOD))

    covered = {6, 8, 11, 12}
    for number in set(range(1, 13)) - covered:
        assert any(g.startswith(f"SAMHSA category {number} ") for g in gaps), number
    assert not any(g.startswith(f"SAMHSA category {n} ") for n in covered for g in gaps)
    assert any("NCPS domain mentoring-relationships" in g for g in gaps)
    assert "IC&RC Advocacy: 0.50 h of 10 h" in gaps


@needs_modules
def test_the_shipped_crosswalk_covers_every_category_domain_and_hour(
    client, coordinator, mfa_login, settings
):
    settings.CURRICULUM_DIR = REAL
    curriculum = read_curriculum(REAL)

    assert coverage_gaps(curriculum) == []
    assert {row["samhsa_category"] for row in crosswalk_rows(curriculum)} == set(range(1, 13))
    mfa_login(client, coordinator)
    assert 'data-coverage="complete"' in client.get(reverse("syllabus:crosswalk")).content.decode()


def test_the_facilitator_guide_has_every_model_answer_and_note_for_staff_only(
    client, coordinator, trainee, mfa_login, fixture_curriculum
):
    client.force_login(trainee)
    assert client.get(reverse("syllabus:facilitator_guide")).status_code == 403

    mfa_login(client, coordinator)
    html = client.get(reverse("syllabus:facilitator_guide")).content.decode()

    assert "At the bus stop" in html and "The pharmacy job" in html
    assert "Ask him plainly whether he is thinking about killing himself." in html
    assert "Listen for vague questions." in html
    assert "Role-play lab (33 min)" in html
