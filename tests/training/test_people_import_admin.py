"""Import people in the admin: upload, a preview that writes nothing, one confirmation that applies and logs."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from tests.training.factories import AuthenticatorFactory, TeamFactory, UserFactory
from tests.training.test_import_people import snapshot
from training.models import PeopleImport, User

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/people/import/"
HEADER = "email,name,team,manager_email,job_title,start_date,role,language\n"


def csv_file(text: str, name: str = "people.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8-sig"), content_type="text/csv")


def xlsx_file(rows: list[list], name: str = "people.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    data = io.BytesIO()
    workbook.save(data)
    return SimpleUploadedFile(name, data.getvalue())


def upload(client, file) -> str:
    """Upload a file and return the preview's address."""
    response = client.post(UPLOAD, {"file": file})
    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def fingerprint(client, preview: str) -> str:
    return client.get(preview).context["plan"].fingerprint


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def people():
    team = TeamFactory(name="Contact centre")
    UserFactory(email="ana@example.com", name="Ana Martín", team=team, job_title="Agent", roles=["Employees"])
    UserFactory(email="bo@example.com", name="Bo Lind", team=team, job_title="Agent", roles=["Employees"])
    return team


CHANGES = HEADER + (
    "new@example.com,Nuno Novo,Front desk,,Receptionist,2026-01-05,employee,pt\n"
    "ana@example.com,Ana Martín Ruiz,Contact centre,,Team lead,,employee,en\n"
)


def test_the_people_listing_offers_the_import_to_administrators(admin):
    response = admin.get("/admin/people/")

    assert f'href="{UPLOAD}"' in response.content.decode()


def test_a_preview_shows_what_would_change_and_writes_nothing(admin, people):
    before = snapshot()

    preview = upload(admin, csv_file(CHANGES))
    response = admin.get(preview)

    page = response.content.decode()
    assert response.status_code == 200
    assert "new@example.com" in page and "Nuno Novo" in page
    assert "Ana Martín → Ana Martín Ruiz" in page
    assert "Agent → Team lead" in page
    assert "New team: Front desk" in page
    plan = response.context["plan"]
    assert (len(plan.created), len(plan.changed), plan.unchanged) == (1, 1, 0)
    assert snapshot() == before
    assert not ModelLogEntry.objects.filter(action="training.import_people").exists()


def test_bad_rows_are_listed_with_their_line_and_reason(admin, people):
    text = HEADER + (
        "ok@example.com,Ok Person,,,,,,\n"
        "not-an-address,Someone,,,,,,\n"
        "late@example.com,Late,,,,31/01/2026,,\n"
        "ok@example.com,Again,,,,,,\n"
    )

    response = admin.get(upload(admin, csv_file(text)))

    errors = [(error.line, error.message) for error in response.context["plan"].errors]
    assert errors == [
        (3, "'not-an-address' is not a valid e-mail address"),
        (4, "start date '31/01/2026' is not a date (use YYYY-MM-DD)"),
        (5, "ok@example.com already appears on line 2"),
    ]
    page = response.content.decode()
    assert "<td>4</td><td>start date &#x27;31/01/2026&#x27; is not a date (use YYYY-MM-DD)</td>" in page


def test_an_xlsx_file_is_previewed_and_imported_like_a_csv(admin, people):
    rows = [
        ["Email", "Name", "Team", "Start date", "Language"],
        ["xl@example.com", "Xénia Lopes", "Contact centre", datetime.datetime(2026, 2, 1), "pt"],
        [None, None, None, None, None],
        ["bad", "No Address", None, None, None],
    ]
    preview = upload(admin, xlsx_file(rows))
    plan = admin.get(preview).context["plan"]
    assert [(row.line, row.email, row.start_date) for row in plan.created] == [
        (2, "xl@example.com", datetime.date(2026, 2, 1))
    ]
    assert [error.line for error in plan.errors] == [4]

    admin.post(preview, {"fingerprint": plan.fingerprint})

    person = User.objects.get(email="xl@example.com")
    assert (person.team, person.preferred_language) == (people, "pt")


def test_confirming_applies_the_file_in_full_and_logs_who_which_file_and_counts(admin, people, superuser):
    preview = upload(admin, csv_file(CHANGES + "broken,,,,,,,\n"))

    response = admin.post(preview, {"fingerprint": fingerprint(admin, preview)}, follow=True)

    assert "Imported “people.csv”: 1 created, 1 changed, 0 unchanged, 1 bad rows skipped." in response.content.decode()
    assert User.objects.get(email="new@example.com").team.name == "Front desk"
    assert User.objects.get(email="ana@example.com").job_title == "Team lead"
    assert User.objects.get(email="bo@example.com").is_active
    entry = ModelLogEntry.objects.get(action="training.import_people")
    assert entry.user == superuser
    assert entry.data == {
        "file_name": "people.csv",
        "created": 1,
        "updated": 1,
        "unchanged": 0,
        "teams_created": 1,
        "skipped": 1,
    }
    history = admin.get("/admin/reports/site-history/").content.decode()
    assert "Imported people from “people.csv”: 1 created, 1 changed, 0 unchanged, 1 bad rows skipped" in history


def test_confirming_twice_imports_once(admin, people):
    preview = upload(admin, csv_file(CHANGES))
    seen = fingerprint(admin, preview)

    admin.post(preview, {"fingerprint": seen})
    after_first = snapshot()
    again = admin.post(preview, {"fingerprint": seen}, follow=True)

    assert snapshot() == after_first
    assert "This file has already been imported." in again.content.decode()
    assert ModelLogEntry.objects.filter(action="training.import_people").count() == 1


def test_a_preview_outdated_by_a_change_to_people_is_shown_again_instead_of_applied(admin, people):
    preview = upload(admin, csv_file(CHANGES))
    seen = fingerprint(admin, preview)
    User.objects.filter(email="ana@example.com").update(job_title="Team lead")
    before = snapshot()

    response = admin.post(preview, {"fingerprint": seen})

    assert response.status_code == 409
    assert [change.label for change in response.context["plan"].changed[0].changes] == ["name", "start date"]
    assert snapshot() == before
    admin.post(preview, {"fingerprint": response.context["plan"].fingerprint})
    assert User.objects.get(email="ana@example.com").name == "Ana Martín Ruiz"


@pytest.mark.parametrize("role", ["employee", "manager", "editor", "compliance"])
def test_people_who_may_not_manage_people_are_refused(client, request, role, superuser):
    client.force_login(superuser)
    preview = upload(client, csv_file(CHANGES))
    client.force_login(request.getfixturevalue(role))

    responses = [
        client.get(UPLOAD),
        client.post(UPLOAD, {"file": csv_file(CHANGES)}),
        client.get(preview),
        client.post(preview, {"fingerprint": "x"}),
    ]

    # Sent to sign in (an employee has no admin access) or back to the admin home.
    assert all(
        response.status_code == 302 and "/import/" not in response["Location"].split("?")[0] for response in responses
    )
    assert PeopleImport.objects.count() == 1
    assert not User.objects.filter(email="new@example.com").exists()
    assert f'href="{UPLOAD}"' not in client.get("/admin/people/", follow=True).content.decode()


def test_another_administrators_upload_is_not_theirs(client, superuser, people):
    client.force_login(superuser)
    preview = upload(client, csv_file(CHANGES))
    client.force_login(AuthenticatorFactory(user=UserFactory(is_superuser=True, is_staff=True)).user)

    # Django's locale middleware tries the address under a language prefix before answering 404.
    assert client.get(preview, follow=True).status_code == 404
    client.post(preview, {"fingerprint": "x"})
    assert not User.objects.filter(email="new@example.com").exists()


def test_an_expired_upload_asks_for_the_file_again(admin, people):
    preview = upload(admin, csv_file(CHANGES))
    PeopleImport.objects.update(uploaded_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))

    response = admin.post(preview, {"fingerprint": "x"}, follow=True)

    assert "This upload has expired: upload the file again." in response.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("people.txt", b"email,name\n"), "Upload a .csv or .xlsx file"),
        (csv_file("email,name\n" + "a@example.com,A\n" * 400_000), "The file is larger than 5 MB"),
        (SimpleUploadedFile("people.csv", "email,name\nana@example.com,Ana Martín\n".encode("latin-1")), "not UTF-8"),
        (SimpleUploadedFile("people.xlsx", b"PK\x03\x04 not really a workbook"), "not a readable XLSX workbook"),
        (csv_file("mail,name\na@example.com,A\n"), "missing column(s) email"),
        (csv_file("email,name\n" + "a@example.com,A\n" * 5001), "more than 5000 rows"),
    ],
    ids=["wrong type", "too large", "not utf-8", "broken xlsx", "wrong columns", "too many rows"],
)
def test_a_file_that_cannot_be_imported_gets_a_clear_message_and_a_400(admin, file, message):
    response = admin.post(UPLOAD, {"file": file})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PeopleImport.objects.exists()


def preview_queries(client, rows: int) -> int:
    text = HEADER + "".join(
        f"p{n}@example.com,Person {n},Team {n % 7},,Agent,2025-01-01,employee,en\n" for n in range(rows)
    )
    preview = upload(client, csv_file(text))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(preview)
    assert len(response.context["plan"].created) == rows // 2
    return len(queries)


def test_the_preview_takes_as_many_queries_for_1000_rows_as_for_10(admin, people):
    User.objects.bulk_create(
        User(email=f"p{n}@example.com", name=f"Person {n}", job_title="Agent", team=people) for n in range(0, 1000, 2)
    )

    assert preview_queries(admin, 10) == preview_queries(admin, 1000)
