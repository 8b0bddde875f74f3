"""A bounded load run: people sign in, read the policy, acknowledge it and take quizzes over HTTP at once.

The people are threads with their own `requests` session against a server started elsewhere;
every response is tallied, with what each person acknowledged and which attempts they started
and submitted, so that the database can be checked against it afterwards.
"""

import random
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests

__all__ = ["EXPECTED", "LOGIN_PATH", "LoadPerson", "Tally", "Targets", "answer_form", "run_people"]

LOGIN_PATH = "/en/accounts/login/"
ATTEMPT_PATH = re.compile(r"/attempts/(\d+)/$")
# The statuses each step answers with when all is well: a refused start means no attempts left.
EXPECTED = {
    "sign-in page": {200},
    "sign in": {302},
    "read policy": {200},
    "acknowledge": {302},
    "start quiz": {302, 403},
    "question page": {200},
    "submit answers": {302},
    "read result": {200},
}


@dataclass(frozen=True)
class Targets:
    """What the people work on: each policy page with the id of its version in force, and quiz pages."""

    policies: list[tuple[str, int]]
    quizzes: list[str]


@dataclass
class Tally:
    """Every response, and what the people believe they recorded; shared by all their threads."""

    statuses: Counter = field(default_factory=Counter)
    acknowledged: set[tuple[str, int]] = field(default_factory=set)
    started: dict[int, str] = field(default_factory=dict)
    submitted: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def response(self, action: str, status: int | str) -> None:
        with self._lock:
            self.statuses[(action, status)] += 1

    def error(self, action: str, message: str) -> None:
        with self._lock:
            self.statuses[(action, "error")] += 1
            self.errors.append(f"{action}: {message}")

    def by_status(self) -> Counter:
        counts: Counter = Counter()
        for (_action, status), count in self.statuses.items():
            counts[status] += count
        return counts

    def server_errors(self) -> int:
        return sum(
            count for (_action, status), count in self.statuses.items() if isinstance(status, int) and status >= 500
        )

    def unexpected(self) -> int:
        return sum(
            count
            for (action, status), count in self.statuses.items()
            if status != "error" and status not in EXPECTED[action]
        )


class _QuizForm(HTMLParser):
    """The answer fields of a question page: choices (and certainties) by field name, and each ordering question's selects."""

    def __init__(self):
        super().__init__()
        self.choices: dict[str, list[str]] = {}
        self.multiple: set[str] = set()
        self.orderings: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name") or ""
        if not name.startswith(("q-", "c-")):  # answers, and how sure the taker is where asked
            return
        if tag == "input" and attributes.get("type") in ("radio", "checkbox"):
            self.choices.setdefault(name, []).append(attributes.get("value") or "")
            if attributes["type"] == "checkbox":
                self.multiple.add(name)
        elif tag == "select" and "-pos-" in name:
            self.orderings.setdefault(name.split("-pos-", 1)[0], []).append(name)


def answer_form(html: str, rng: random.Random) -> dict[str, str | list[str]]:
    """A complete, random set of answers to the question page, as the browser would post them."""
    form = _QuizForm()
    form.feed(html)
    data: dict[str, str | list[str]] = {}
    for name, values in form.choices.items():
        if name in form.multiple:
            data[name] = rng.sample(values, rng.randint(1, len(values)))
        else:
            data[name] = rng.choice(values)
    for selects in form.orderings.values():
        positions = list(range(1, len(selects) + 1))
        rng.shuffle(positions)
        data.update({select: str(position) for select, position in zip(selects, positions, strict=True)})
    return data


class LoadPerson:
    """One person with their own session, working through the policy and the quizzes."""

    def __init__(
        self, *, base_url: str, email: str, name: str, password: str, address: str, targets: Targets, tally: Tally
    ):
        self.base_url = base_url
        self.email = email
        self.name = name
        self.password = password
        self.targets = targets
        self.tally = tally
        self.session = requests.Session()
        # As the HTTPS proxy would say: each person comes from their own address.
        self.session.headers["X-Forwarded-For"] = address
        self.rng = random.Random(email)

    def request(self, action: str, method: str, path: str, data=None) -> requests.Response | None:
        headers = {}
        if method == "POST":
            # Django rotates the token on sign-in: always send the cookie's current value.
            headers = {"X-CSRFToken": self.session.cookies.get("csrftoken", ""), "Referer": self.base_url + path}
        try:
            response = self.session.request(
                method, urljoin(self.base_url, path), data=data, headers=headers, allow_redirects=False, timeout=60
            )
        except requests.RequestException as error:
            self.tally.error(action, f"{method} {path}: {error}")
            return None
        self.tally.response(action, response.status_code)
        return response

    def sign_in(self) -> bool:
        self.request("sign-in page", "GET", LOGIN_PATH)
        response = self.request("sign in", "POST", LOGIN_PATH, {"login": self.email, "password": self.password})
        return response is not None and response.status_code == 302

    def acknowledge(self) -> None:
        policy_url, version_id = self.rng.choice(self.targets.policies)
        self.request("read policy", "GET", policy_url)
        response = self.request(
            "acknowledge",
            "POST",
            policy_url + "acknowledge/",
            {"version": str(version_id), "typed_name": self.name, "confirm": "on"},
        )
        if response is not None and response.status_code == 302:
            with self.tally._lock:
                self.tally.acknowledged.add((self.email, version_id))

    def take_quiz(self, quiz_url: str) -> None:
        started = self.request("start quiz", "POST", quiz_url + "start/")
        if started is None or started.status_code != 302:
            return
        attempt_path = urlsplit(started.headers["Location"]).path
        match = ATTEMPT_PATH.search(attempt_path)
        if match is None:
            self.tally.error("start quiz", f"redirected to {attempt_path}")
            return
        attempt_id = int(match[1])
        with self.tally._lock:
            self.tally.started[attempt_id] = self.email
        page = self.request("question page", "GET", attempt_path)
        if page is None or page.status_code != 200:
            return
        sent = self.request("submit answers", "POST", attempt_path, answer_form(page.text, self.rng))
        if sent is not None and sent.status_code == 302 and "/result/" in sent.headers.get("Location", ""):
            with self.tally._lock:
                self.tally.submitted.add(attempt_id)
            self.request("read result", "GET", urlsplit(sent.headers["Location"]).path)

    def work_until(self, deadline: float) -> None:
        rounds = 0
        while time.monotonic() < deadline:
            self.acknowledge()
            self.take_quiz(self.targets.quizzes[rounds % len(self.targets.quizzes)])
            rounds += 1


def _in_threads(people: list[LoadPerson], work) -> list:
    results: list = [None] * len(people)

    def run(index: int) -> None:
        results[index] = work(people[index])

    threads = [threading.Thread(target=run, args=(index,), daemon=True) for index in range(len(people))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def run_people(people: list[LoadPerson], *, seconds: float) -> tuple[int, float]:
    """Sign everyone in at once, then let them work for `seconds`; how many signed in, and the time worked."""
    signed_in = [person for person, ok in zip(people, _in_threads(people, LoadPerson.sign_in), strict=True) if ok]
    started = time.monotonic()
    _in_threads(signed_in, lambda person: person.work_until(started + seconds))
    return len(signed_in), time.monotonic() - started
