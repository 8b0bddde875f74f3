"""A manager, a policy editor and an employee sign in in Spanish, Portuguese and Greek and meet no English.

Screens, the files the manager downloads and the reminders the manager's button sends included.
"""

from io import BytesIO, StringIO

import openpyxl
import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from wagtail_localize.models import String, StringTranslation

from policy_content.models import PolicyPage
from tests.e2e.steps import download, sign_in
from tests.english_text import english_words_in_html, english_words_in_text
from tests.training.admin_screens import names_shown
from tests.training.factories import AuthenticatorFactory, UserFactory
from training.demo.seed import DEMO_PASSWORD
from training.models import Team, User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["es", "pt", "el"]
# What editors wrote (a policy's summary and text, the Markdown editor with its own toolbar), and the
# calendar of the date filters, whose "Save selected" button the date picker library writes in English.
CONTENT = (".EasyMDEContainer", ".policy-header .lead", ".policy-body", ".xdsoft_datetimepicker")


def screens(role: str, language: str) -> list[str]:
    """What each of them opens after signing in."""
    if role == "employee":
        policy = PolicyPage.objects.get(locale__language_code=language)
        return [f"/{language}/", policy.url, f"/{language}/evidence/"]
    if role == "manager":
        return [
            "/admin/",
            "/admin/training/team/",
            "/admin/training/acknowledgements/",
            "/admin/training/quiz-results/",
        ]
    policy = PolicyPage.objects.get(locale__language_code="en")
    return [
        "/admin/",
        f"/admin/pages/{policy.get_parent().pk}/",
        f"/admin/pages/{policy.pk}/history/",
        "/admin/reports/policy-reviews/",
    ]


def people_speaking(language: str) -> dict[str, str]:
    """A manager of the demo's Contact centre, an editor and an employee who read `language`.

    The manager and the editor are new people for each language: an authenticator code is good once.
    """
    manager = UserFactory(
        name=f"Manager {language}", roles=["Managers", "Employees"], password=DEMO_PASSWORD, preferred_language=language
    )
    Team.objects.get(managers__email="manager@example.com").managers.add(manager)
    editor = UserFactory(
        name=f"Editor {language}", roles=["Policy editors"], password=DEMO_PASSWORD, preferred_language=language
    )
    for person in (manager, editor):
        AuthenticatorFactory(user=person)
    employee = User.objects.get(email="sofia@example.com")
    employee.preferred_language = language
    employee.save()
    return {"manager": manager.email, "editor": editor.email, "employee": employee.email}


def english_met(page, role: str, email: str, language: str, names) -> dict[str, set[str]]:
    page.context.clear_cookies()
    sign_in(page, email=email, password=DEMO_PASSWORD, language=language)
    found = {}
    for url in screens(role, language):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language, url
        found[url] = english_words_in_html(page.content(), language=language, names=names, content=CONTENT)
    if role == "manager":
        found.update(files_and_reminders(page, language, names))
    return found


def workbook_text(data: bytes) -> str:
    workbook = openpyxl.load_workbook(BytesIO(data), read_only=True)
    return "\n".join(
        " ".join(str(cell) for cell in row if cell is not None)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
    )


def files_and_reminders(page, language: str, names) -> dict[str, set[str]]:
    """The team report's two exports, then a reminder to everyone overdue."""
    with translation.override(language):
        labels = {text: translation.gettext(text) for text in ("Download CSV", "Download XLSX")}
        send = translation.gettext("Send reminder to selected people")
    page.goto("/admin/training/team/?overdue=true")
    csv_text = download(page, labels["Download CSV"], language=language).decode("utf-8-sig")
    xlsx_text = workbook_text(download(page, labels["Download XLSX"], language=language))
    for box in page.locator("input[name=person]").all():
        box.check()
    page.get_by_role("button", name=send).click()
    page.wait_for_load_state("networkidle")
    return {
        "team CSV": english_words_in_text(csv_text, language=language, names=names),
        "team XLSX": english_words_in_text(xlsx_text, language=language, names=names),
    }


def english_in_mail(names) -> dict[str, set[str]]:
    """Every e-mail sent since the demo was set up (the reminders), read in its recipient's language."""
    found = {}
    for message in mail.outbox:
        recipient = User.objects.get(email=message.to[0])
        if recipient.preferred_language in LANGUAGES:
            text = f"{message.subject}\n{message.body}"
            found[f"reminder to {recipient.email}"] = english_words_in_text(
                text, language=recipient.preferred_language, names=names
            )
    return found


def test_manager_editor_and_employee_meet_no_english_in_their_language(page, live_server, screenshot):
    call_command("seed_demo", stdout=StringIO())
    people = {language: people_speaking(language) for language in LANGUAGES}
    names = names_shown() + [name for _code, name in settings.LANGUAGES]
    names += list(String.objects.values_list("data", flat=True))
    names += list(StringTranslation.objects.values_list("data", flat=True))
    mail.outbox.clear()
    english = {}
    for language in LANGUAGES:
        for role, email in people[language].items():
            for url, words in english_met(page, role, email, language, names).items():
                if words:
                    english[f"{role} {language} {url}"] = words
        screenshot(page, "no-english", f"editor-{language}")
    reminded = english_in_mail(names)
    assert reminded, "the managers' button sent reminders in the recipients' languages"
    english.update({where: words for where, words in reminded.items() if words})
    assert english == {}, "\n".join(f"{where}: {sorted(words)}" for where, words in english.items())
