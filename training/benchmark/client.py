"""A small HTTP client for loopback: cookies kept by hand (the production cookies are marked Secure)."""

import http.client
import re
import time
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode, urlsplit

_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Answers (q-…) and, on quizzes that ask it, how sure the person is (c-…).
_CHOICE = re.compile(r'<input type="(radio|checkbox)" name="([qc]-[^"]+)" id="[^"]*" value="([^"]+)"')
_POSITION = re.compile(r'<select name="(q-[^"]+-pos-[^"]+)"')


class SignInError(Exception):
    """The sign-in form did not sign the person in."""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


@dataclass
class Browser:
    """One person's session against the server at `host:port`."""

    host: str
    port: int
    timeout: float = 60
    cookies: dict[str, str] = field(default_factory=dict)
    # The Host header, when the servers sit behind one name (as behind a proxy); host:port otherwise.
    host_header: str = ""

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method: str, path: str, form: dict | list | None = None) -> Response:
        headers = {"Host": self.host_header or f"{self.host}:{self.port}", "User-Agent": "training-benchmark"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", "replace")
            seconds = time.perf_counter() - started
            for header, value in raw.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    if "max-age=0" in rest.lower():  # deleted, as a browser drops it (a message shown)
                        self.cookies.pop(name.strip(), None)
                    else:
                        self.cookies[name.strip()] = rest.split(";", 1)[0]
            headers_in = {name.lower(): value for name, value in raw.getheaders()}
        finally:
            connection.close()
        return Response(raw.status, headers_in, text, seconds)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, form: dict | list) -> Response:
        return self.request("POST", path, form)

    def csrf_token(self, page: Response) -> str:
        found = _CSRF_FIELD.search(page.body)
        if found is None:
            raise SignInError("No CSRF token on the page.")
        return unescape(found.group(1))

    def sign_in(self, *, email: str, password: str, language: str = "en") -> None:
        """Through allauth's sign-in form, as a person would."""
        login = f"/{language}/accounts/login/"
        page = self.get(login)
        answer = self.post(login, {"csrfmiddlewaretoken": self.csrf_token(page), "login": email, "password": password})
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise SignInError(f"Signing in {email} answered {answer.status}.")


def path_of(location: str) -> str:
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def quiz_answers(page: Response, token: str) -> list[tuple[str, str]]:
    """A complete answer from the question form: each question's first option, steps in the order served."""
    form = [("csrfmiddlewaretoken", token)]
    answered = set()
    for _kind, name, value in _CHOICE.findall(page.body):
        if name not in answered:
            form.append((name, unescape(value)))
            answered.add(name)
    placed: dict[str, int] = {}
    for name in dict.fromkeys(_POSITION.findall(page.body)):
        question = name.split("-pos-", 1)[0]
        placed[question] = placed.get(question, 0) + 1
        form.append((name, str(placed[question])))
    return form
