"""The parts measured inside Django: choosing and preparing people, reports, exports and reminders.

Run by the benchmark with the benchmark's environment: `python -m training.benchmark.inprocess
prepare|measure OUTPUT.json`.
"""

import io
import json
import secrets
import sys
import time
import tracemalloc
from pathlib import Path


def _setup() -> None:
    import django

    django.setup()


def _set_password(user) -> str:
    password = secrets.token_urlsafe(18)
    user.set_password(password)
    user.save(update_fields=["password"])
    return password


def prepare(*, takers: int = 8) -> dict:
    """The people the HTTP part signs in (given fresh passwords, as an admin would) and the URLs they load."""
    from wagtail.models import Locale

    from policy_content.models import Acknowledgement, PolicyPage, PolicyVersion
    from quizzes.models import QuizAttempt, QuizPage
    from training.choices import ItemKind
    from training.compliance.loader import load_requirements
    from training.demo.scale_data import EMAIL_DOMAIN
    from training.models import User

    requirements = load_requirements()
    policy_requirement = next(r for r in requirements if r.kind == ItemKind.POLICY)
    quiz_ids = [r.page_id for r in requirements if r.kind == ItemKind.QUIZ]
    people = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}", team__managers__isnull=False).distinct()
    current = policy_requirement.current_version_id
    older = PolicyVersion.objects.filter(policy_id=policy_requirement.page_id).exclude(pk=current)
    reader = (
        people.filter(acknowledgements__version__in=older)
        .exclude(acknowledgements__version_id=current)
        .order_by("pk")
        .first()
    )
    source = PolicyPage.objects.get(pk=policy_requirement.page_id)

    def localized(page, user):
        locale = Locale.objects.filter(language_code=user.preferred_language).first()
        return ((page.get_translation_or_none(locale) if locale else None) or page).specific

    reader_entry = {
        "email": reader.email,
        "password": _set_password(reader),
        "language": reader.preferred_language,
        "url": localized(source, reader).url,
    }
    learner = people.filter(acknowledgements__version_id=current).exclude(pk=reader.pk).order_by("-pk").first()
    learner_entry = {
        "email": learner.email,
        "password": _set_password(learner),
        "language": learner.preferred_language,
        "url": f"/{learner.preferred_language}/",
    }
    unlimited = QuizPage.objects.filter(pk__in=quiz_ids, attempts_allowed=0).first()
    quiz = unlimited or QuizPage.objects.filter(pk__in=quiz_ids).order_by("-attempts_allowed").first()
    open_attempts = QuizAttempt.objects.filter(quiz=quiz, submitted_at__isnull=True).values("user")
    candidates = people.exclude(pk__in=[reader.pk, learner.pk]).exclude(pk__in=open_attempts)
    if not unlimited:
        candidates = candidates.exclude(quiz_attempts__quiz=quiz)
    chosen = list(candidates.order_by("?")[:takers])
    taker_entries = [
        {
            "email": user.email,
            "password": _set_password(user),
            "language": user.preferred_language,
            "url": localized(quiz, user).url,
        }
        for user in chosen
    ]
    return {
        "reader": reader_entry,
        "learner": learner_entry,
        "takers": taker_entries,
        "quiz_attempts_allowed": quiz.attempts_allowed,
        "people": people.count(),
        "acknowledgements": Acknowledgement.objects.count(),
        "attempts": QuizAttempt.objects.count(),
    }


def _timed_get(client, url: str, *, memory: bool = False) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if memory:
        tracemalloc.start()
    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = 0
    if memory:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return {"seconds": seconds, "cpu_seconds": cpu, "queries": len(queries), "bytes": size, "peak_bytes": peak}


def _rendered_afresh(client, url: str, person_id: int, *, times: int = 10) -> dict:
    """A page rendered again because a record of its reader changed (their page cache token replaced)."""
    from policy_content.page_cache import person_changed

    client.get(url)  # warm, and sets the CSRF cookie
    timings = []
    for _time in range(times):
        person_changed(person_id)
        timings.append(_timed_get(client, url))
    timings.sort(key=lambda timing: timing["cpu_seconds"])
    return timings[len(timings) // 2]


def measure(prepared: dict) -> dict:
    """Pages rendered afresh; team report, CSV and XLSX exports as Compliance; then the daily reminders."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from policy_content.page_cache import content_changed
    from training.models import User

    results = {}
    for label, person in (("policy page, rendered afresh", "reader"), ("My training, rendered afresh", "learner")):
        reader, someone = Client(HTTP_HOST="127.0.0.1"), User.objects.get(email=prepared[person]["email"])
        reader.force_login(someone)
        results[label] = _rendered_afresh(reader, prepared[person]["url"], someone.pk)
    compliance = User.objects.get(email="compliance@example.com")
    if not Authenticator.objects.filter(user=compliance, type=Authenticator.Type.TOTP).exists():
        # The reports need a second factor for Compliance: set up an authenticator app, as activation does.
        TOTP.activate(compliance, generate_totp_secret())
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(compliance)
    url = reverse("training_reports:team")
    _timed_get(client, url)  # warm: templates, imports, first connection
    results["team report"] = _timed_get(client, url)
    content_changed()  # as a publish does: every standing is rebuilt at the next read
    results["team report, standings rebuilt"] = _timed_get(client, url)
    for label, query in (("CSV export", "?export=csv"), ("XLSX export", "?export=xlsx")):
        timing = _timed_get(client, url + query)
        timing["peak_bytes"] = _timed_get(client, url + query, memory=True)["peak_bytes"]
        results[label] = timing
    mail.outbox = []
    out = io.StringIO()
    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        call_command("send_training_reminders", stdout=out)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    results["daily reminders"] = {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "queries": len(queries),
        "emails": len(getattr(mail, "outbox", [])),
        "summary": out.getvalue().strip(),
    }
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in {"prepare", "measure"}:
        sys.stderr.write("usage: python -m training.benchmark.inprocess prepare|measure OUTPUT.json\n")
        return 2
    _setup()
    if argv[1] == "prepare":
        result = prepare()
    else:  # the people `prepare` chose, from its file beside this one
        result = measure(json.loads((Path(argv[2]).parent / "prepared.json").read_text()))
    Path(argv[2]).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
