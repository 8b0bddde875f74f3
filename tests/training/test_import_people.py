"""manage.py import_people: all rows or none, every bad row reported with its line, idempotent."""

from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from tests.training.factories import TeamFactory, UserFactory
from training.choices import Role
from training.models import Team, User

HEADER = "email,name,team,manager_email,job_title,start_date,role,language\n"
GOOD = HEADER + (
    "lucia@example.com,Lucía Moreno,Contact centre,,Team lead,2023-04-03,manager,es\n"
    "joao@example.com,João Silva,Contact centre,lucia@example.com,Support agent,2026-01-12,employee,pt\n"
    "eleni@example.com,Ελένη Παπαδοπούλου,Contact centre,lucia@example.com,Support agent,,,el\n"
    "sam@example.com,Sam Taylor,Front desk,sam@example.com,Supervisor,2022-01-10,manager;employee,\n"
    "priya@example.com,Priya Shah,,,Policy editor,2021-05-01,Policy editor,en\n"
)
EXAMPLE_CSV = Path(__file__).resolve().parents[2] / "training" / "fixtures" / "people.example.csv"


def write(tmp_path, text: str, name: str = "people.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def run(path: Path, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_people", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(path: Path, *args: str) -> tuple[str, list[str]]:
    err = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_people", str(path), *args, stdout=StringIO(), stderr=err)
    return str(excinfo.value), err.getvalue().splitlines()


def snapshot() -> tuple:
    """Everything an import may write, to prove a refused file changed nothing."""
    return (
        sorted(
            User.objects.values_list("email", "name", "team__name", "job_title", "start_date", "preferred_language")
        ),
        sorted(Team.objects.values_list("name", flat=True)),
        sorted(Team.managers.through.objects.values_list("team__name", "user__email")),
        sorted(User.groups.through.objects.values_list("user__email", "group__name")),
    )


def roles(email: str) -> set[str]:
    return set(User.objects.get(email=email).groups.filter(name__in=Role.values).values_list("name", flat=True))


@pytest.mark.django_db
def test_good_file_creates_people_teams_managers_roles_and_languages(tmp_path):
    out, err = run(write(tmp_path, GOOD))

    assert err == ""
    assert "5 created, 0 updated, 0 unchanged; 2 new teams." in out
    lucia = User.objects.get(email="lucia@example.com")
    assert (lucia.name, lucia.team.name, lucia.job_title, str(lucia.start_date), lucia.preferred_language) == (
        "Lucía Moreno",
        "Contact centre",
        "Team lead",
        "2023-04-03",
        "es",
    )
    assert roles("lucia@example.com") == {"Managers"}
    assert roles("joao@example.com") == {"Employees"}
    assert roles("eleni@example.com") == {"Employees"}, "an empty role means employee"
    assert roles("sam@example.com") == {"Managers", "Employees"}
    assert roles("priya@example.com") == {"Policy editors"}
    assert User.objects.get(email="eleni@example.com").start_date is None
    assert User.objects.get(email="sam@example.com").preferred_language == "en", "an empty language means English"
    assert User.objects.get(email="priya@example.com").team is None
    assert list(Team.objects.get(name="Contact centre").managers.values_list("email", flat=True)) == [
        "lucia@example.com"
    ]
    assert list(Team.objects.get(name="Front desk").managers.values_list("email", flat=True)) == ["sam@example.com"]


@pytest.mark.django_db
def test_imported_people_sign_in_only_after_setting_a_password(tmp_path, client):
    run(write(tmp_path, GOOD))
    joao = User.objects.get(email="joao@example.com")

    assert not joao.has_usable_password()
    assert EmailAddress.objects.get(user=joao).verified, "the address is vouched for, so the reset mail can go out"
    response = client.post("/en/accounts/password/reset/", {"email": "joao@example.com"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_reimport_creates_no_duplicates_and_reports_unchanged(tmp_path):
    path = write(tmp_path, GOOD)
    run(path)
    before = snapshot()

    out, err = run(path)

    assert "0 created, 0 updated, 5 unchanged." in out
    assert err == ""
    assert snapshot() == before
    assert User.objects.count() == 5
    assert Team.objects.count() == 2


@pytest.mark.django_db
def test_reimport_updates_changed_people_and_roles(tmp_path):
    run(write(tmp_path, GOOD))
    changed = GOOD.replace(
        "João Silva,Contact centre,lucia@example.com,Support agent", "João Silva,Front desk,,Senior agent"
    )
    changed = changed.replace("Team lead,2023-04-03,manager,es", "Team lead,2023-04-03,employee,es")

    out, _ = run(write(tmp_path, changed))

    assert "0 created, 2 updated, 3 unchanged." in out
    joao = User.objects.get(email="joao@example.com")
    assert (joao.team.name, joao.job_title) == ("Front desk", "Senior agent")
    assert roles("lucia@example.com") == {"Employees"}


@pytest.mark.django_db
def test_an_imported_translator_translates_into_their_own_language(tmp_path):
    run(write(tmp_path, HEADER + "ines@example.com,Inês Rocha,,,Translator,,translator,pt\n"))

    ines = User.objects.get(email="ines@example.com")
    assert roles("ines@example.com") == {"Translators"}
    assert ines.translation_languages == ["pt"]


@pytest.mark.django_db
def test_existing_person_is_matched_by_email_whatever_the_case(tmp_path):
    person = UserFactory(email="lucia@example.com", name="Lucia M")

    out, _ = run(write(tmp_path, HEADER + "LUCIA@Example.com,Lucía Moreno,,,,,,\n"))

    assert "0 created, 1 updated, 0 unchanged." in out
    assert User.objects.filter(email__iexact="lucia@example.com").count() == 1
    person.refresh_from_db()
    assert person.name == "Lucía Moreno"


@pytest.mark.django_db
def test_columns_left_out_leave_existing_people_as_they_are(tmp_path):
    team = TeamFactory(name="Front desk")
    person = UserFactory(
        email="sam@example.com", name="Sam", team=team, job_title="Supervisor", preferred_language="pt"
    )
    person.groups.add(Group.objects.get(name="Managers"))

    out, _ = run(write(tmp_path, "email,name\nsam@example.com,Sam Taylor\nnew@example.com,New Person\n"))

    assert "1 created, 1 updated, 0 unchanged." in out
    person.refresh_from_db()
    assert (person.name, person.team, person.job_title, person.preferred_language) == (
        "Sam Taylor",
        team,
        "Supervisor",
        "pt",
    )
    assert roles("sam@example.com") == {"Managers"}
    assert roles("new@example.com") == {"Employees"}


@pytest.mark.django_db
def test_headers_are_read_loosely(tmp_path):
    text = "E-mail, Name ,Team,Manager e-mail,Job title,Start date,Role,Language\nana@example.com,Ana,Desk,,,,,pt\n"

    out, _ = run(write(tmp_path, text))

    assert "1 created" in out
    assert User.objects.get(email="ana@example.com").preferred_language == "pt"


@pytest.mark.django_db
def test_file_with_bad_rows_changes_nothing_and_reports_every_error_with_its_line(tmp_path):
    UserFactory(email="existing@example.com", name="Existing")
    before = snapshot()
    text = HEADER + (
        "ok@example.com,Fine Person,Desk,,,,,\n"  # line 2
        "not-an-email,Bad Email,,,,,,\n"  # line 3
        "noname@example.com,,,,,,,\n"  # line 4
        "date@example.com,Bad Date,,,,2024-02-30,,\n"  # line 5
        "role@example.com,Bad Role,,,,,boss,\n"  # line 6
        "lang@example.com,Bad Language,,,,,,fr\n"  # line 7
        "ok@example.com,Fine Again,,,,,,\n"  # line 8
        "orphan@example.com,Orphan,Desk,nobody@example.com,,,,\n"  # line 9
        "\n"  # line 10, blank: ignored
        "multi@example.com,Two Problems,,,,yesterday,,xx\n"  # line 11
    )

    message, errors = run_failing(write(tmp_path, text))

    assert message == "8 bad rows; nothing was imported. Fix them, or use --skip-invalid to import the good rows."
    file = tmp_path / "people.csv"
    assert errors == [
        f"{file}, line 3: 'not-an-email' is not a valid e-mail address",
        f"{file}, line 4: name is missing",
        f"{file}, line 5: start date '2024-02-30' is not a date (use YYYY-MM-DD)",
        f"{file}, line 6: unknown role 'boss' (use employee, manager, editor, compliance or translator)",
        f"{file}, line 7: language 'fr' is not one of en, es, pt, el",
        f"{file}, line 8: ok@example.com already appears on line 2",
        f"{file}, line 9: manager nobody@example.com is neither in the file nor a known person",
        f"{file}, line 11: start date 'yesterday' is not a date (use YYYY-MM-DD); language 'xx' is not one of en, es, pt, el",
    ]
    assert snapshot() == before


@pytest.mark.django_db
def test_missing_email_and_overlong_values_are_reported(tmp_path):
    text = HEADER + ",No Email,,,,,,\n" + f"long@example.com,{'x' * 151},,,,,,\n"

    _, errors = run_failing(write(tmp_path, text))

    assert errors == [
        f"{tmp_path / 'people.csv'}, line 2: e-mail is missing",
        f"{tmp_path / 'people.csv'}, line 3: name is longer than 150 characters",
    ]


@pytest.mark.django_db
def test_manager_may_be_a_known_person_not_in_the_file(tmp_path):
    boss = UserFactory(email="boss@example.com")

    run(write(tmp_path, HEADER + "ana@example.com,Ana,Desk,BOSS@example.com,,,,\n"))

    assert list(Team.objects.get(name="Desk").managers.all()) == [boss]


@pytest.mark.django_db
def test_manager_without_team_is_an_error(tmp_path):
    UserFactory(email="boss@example.com")

    _, errors = run_failing(write(tmp_path, HEADER + "ana@example.com,Ana,,boss@example.com,,,,\n"))

    assert errors == [f"{tmp_path / 'people.csv'}, line 2: a manager is given but no team: managers manage teams"]


@pytest.mark.django_db
def test_skip_invalid_imports_the_good_rows_and_reports_the_bad(tmp_path):
    text = HEADER + (
        "good@example.com,Good Person,Desk,,,,,\n"
        "bad-email,Bad,,,,,,\n"
        "other@example.com,Other Good,Desk,good@example.com,,,,\n"
    )

    out, err = run(write(tmp_path, text), "--skip-invalid")

    assert "2 created, 0 updated, 0 unchanged; 1 new team; 1 bad row skipped." in out
    assert err.splitlines() == [f"{tmp_path / 'people.csv'}, line 3: 'bad-email' is not a valid e-mail address"]
    assert set(User.objects.values_list("email", flat=True)) == {"good@example.com", "other@example.com"}


@pytest.mark.django_db
def test_skip_invalid_drops_people_whose_manager_was_dropped(tmp_path):
    text = HEADER + (
        "lead@example.com,Lead,Desk,ghost@example.com,,,manager,\n"  # line 2: manager unknown
        "agent@example.com,Agent,Desk,lead@example.com,,,,\n"  # line 3: manager on a dropped row
        "boss@example.com,Boss,,,,,,zz\n"  # line 4: bad language
        "helper@example.com,Helper,Desk,boss@example.com,,,,\n"  # line 5: manager on a bad row
        "fine@example.com,Fine,,,,,,\n"
    )

    out, err = run(write(tmp_path, text), "--skip-invalid")

    assert "1 created" in out
    assert err.splitlines() == [
        f"{tmp_path / 'people.csv'}, line 2: manager ghost@example.com is neither in the file nor a known person",
        f"{tmp_path / 'people.csv'}, line 3: manager lead@example.com is on line 2, which cannot be imported",
        f"{tmp_path / 'people.csv'}, line 4: language 'zz' is not one of en, es, pt, el",
        f"{tmp_path / 'people.csv'}, line 5: manager boss@example.com is on line 4, which cannot be imported",
    ]
    assert list(User.objects.values_list("email", flat=True)) == ["fine@example.com"]


@pytest.mark.django_db
def test_address_someone_else_signs_in_with_is_refused(tmp_path):
    owner = UserFactory(email="owner@example.com")
    EmailAddress.objects.create(user=owner, email="alias@example.com", verified=True, primary=False)

    _, errors = run_failing(write(tmp_path, HEADER + "alias@example.com,Alias,,,,,,\n"))

    assert errors == [f"{tmp_path / 'people.csv'}, line 2: alias@example.com already signs in owner@example.com"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name,team\nAna,Desk\n", "line 1: missing column(s) email"),
        ("", "line 1: missing column(s) email, name"),
        ("email,name,langauge\na@example.com,A,en\n", "line 1: unknown column(s) 'langauge'"),
        ("email,name,email\na@example.com,A,b@example.com\n", "line 1: column(s) given twice: email"),
    ],
)
def test_file_with_wrong_columns_is_refused_even_with_skip_invalid(tmp_path, text, expected):
    message, _ = run_failing(write(tmp_path, text), "--skip-invalid")

    assert expected in message
    assert "Nothing was imported." in message
    assert not User.objects.exists()


@pytest.mark.django_db
def test_row_with_too_many_values_is_reported(tmp_path):
    _, errors = run_failing(write(tmp_path, "email,name\na@example.com,Ana,extra\n"))

    assert errors == [
        f"{tmp_path / 'people.csv'}, line 2: this row has more values than the header has columns (a comma too many?)"
    ]


@pytest.mark.django_db
def test_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    path = write(tmp_path, HEADER + "ana@example.com,Ana Martín,,,,,,\n", encoding="latin-1")

    message, _ = run_failing(path)

    assert message == f"{path}, the file is not UTF-8 text; save it as CSV UTF-8. Nothing was imported."
    assert not User.objects.exists()


@pytest.mark.django_db
def test_file_that_is_not_csv_is_a_clear_error(tmp_path):
    path = write(tmp_path, 'email,name\na@example.com,"' + "x" * 200_000 + '"\n')

    message, _ = run_failing(path)

    assert "not a readable CSV file (field larger than field limit" in message
    assert not User.objects.exists()


@pytest.mark.django_db
def test_utf8_with_byte_order_mark_from_a_spreadsheet_is_read(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("\ufeffemail,name\nana@example.com,Ana Martín\n".encode())

    out, _ = run(path)

    assert "1 created" in out
    assert User.objects.get(email="ana@example.com").name == "Ana Martín"


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    message, _ = run_failing(tmp_path / "nope.csv")

    assert message.startswith(f"Cannot read {tmp_path / 'nope.csv'}:")


@pytest.mark.django_db
def test_the_shipped_example_imports_cleanly_twice():
    out, err = run(EXAMPLE_CSV)

    rows = len(EXAMPLE_CSV.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert err == ""
    assert f"{rows} created, 0 updated, 0 unchanged" in out
    again, _ = run(EXAMPLE_CSV)
    assert f"0 created, 0 updated, {rows} unchanged" in again
