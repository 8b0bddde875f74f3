"""`python -m training.benchmark` (`make bench`): see README, Performance.

Environment: BENCH_PEOPLE (10000), BENCH_ROUNDS (3), BENCH_SECONDS per wrk run (5), BENCH_CONNECTIONS (4),
BENCH_QUIZ_ROUNDS (3), BENCH_DIR (.bench/), DATABASE_URL (a SQLite file in BENCH_DIR when empty;
a PostgreSQL database whose name contains "bench", dropped and created afresh).
"""

import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .client import Browser, path_of, quiz_answers
from .report import median, percentile, table
from .server import Gunicorn
from .wrk import WrkError, run_wrk

ROOT = Path(__file__).resolve().parents[2]
BARE = "/livez"


def say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def fresh_database(url: str, workdir: Path) -> str:
    """An empty database: a new SQLite file, or a PostgreSQL database dropped and created."""
    if not url or url.startswith("sqlite"):
        path = workdir / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(
            f"DATABASE_URL names database {name!r}: the benchmark drops it, so its name must contain 'bench'."
        )
    import psycopg

    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url


def _run(label: str, command: list[str], env: dict, log: Path, timings: dict) -> None:
    started = time.perf_counter()
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(command)}\n")
        out.flush()
        completed = subprocess.run(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=3600)
    if completed.returncode != 0:
        raise SystemExit(f"{label} failed (exit {completed.returncode}); see {log}")
    timings[label] = time.perf_counter() - started
    say(f"  {label}: {timings[label]:.0f} s")


def load_pages(server: Gunicorn, pages: dict[str, tuple[str, str]], *, rounds: int, seconds: int, connections: int):
    """Interleaved rounds of wrk over every page; CPU per request from the workers' /proc counters."""
    runs = defaultdict(list)
    for number in range(1, rounds + 1):
        bare_cpu = None
        for label, (path, cookie) in pages.items():
            before = server.worker_cpu()
            result = run_wrk(server.base + path, cookie=cookie, seconds=seconds, connections=connections)
            cpu_ms = (server.worker_cpu() - before) * 1000 / max(result.requests, 1)
            bare_cpu = cpu_ms if path == BARE else bare_cpu
            runs[label].append((result, cpu_ms, cpu_ms / bare_cpu if bare_cpu else float("nan")))
            say(f"  round {number}, {label}: {result.per_second:.1f} req/s, {cpu_ms:.2f} ms CPU/request")
    return runs


def take_quizzes(server: Gunicorn, takers: list[dict], *, rounds: int) -> tuple[dict, int, list[str]]:
    """Everyone starts, reads and submits the quiz at the same moment, `rounds` times."""
    host, port = "127.0.0.1", server.port
    browsers = []
    for person in takers:
        browser = Browser(host, port)
        browser.sign_in(email=person["email"], password=person["password"], language=person["language"])
        browsers.append((browser, person["url"]))
    latencies, errors = defaultdict(list), []
    barrier = threading.Barrier(len(browsers), timeout=300)
    lock = threading.Lock()

    def take(browser: Browser, url: str) -> None:
        for _round in range(rounds):
            try:
                browser.get(url)
                barrier.wait()
                token = browser.cookies.get("csrftoken", "")
                started = browser.post(url + "start/", {"csrfmiddlewaretoken": token})
                if started.status != 302:
                    raise RuntimeError(f"start answered {started.status}")
                questions = browser.get(path_of(started.location))
                if questions.status != 200:
                    raise RuntimeError(f"question page answered {questions.status}")
                submitted = browser.post(path_of(started.location), quiz_answers(questions, token))
                if submitted.status != 302 or "/result/" not in submitted.location:
                    raise RuntimeError(f"submit answered {submitted.status}")
                with lock:
                    latencies["start"].append(started.seconds)
                    latencies["question page"].append(questions.seconds)
                    latencies["submit"].append(submitted.seconds)
                    latencies["all three"].append(started.seconds + questions.seconds + submitted.seconds)
            except Exception as error:  # noqa: BLE001 - every failure is counted and shown
                with lock:
                    errors.append(str(error))
                if isinstance(error, threading.BrokenBarrierError):
                    return

    threads = [threading.Thread(target=take, args=pair) for pair in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=900)
    return latencies, rounds * len(browsers), errors


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.machine(),
    )
    memory = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} cores ({model}), {int(memory) // 1024 // 1024} GiB, Python {platform.python_version()}"


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _mb(value: float) -> str:
    return f"{value / 1024 / 1024:.1f} MB"


def main() -> int:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    people = _int("BENCH_PEOPLE", 10_000)
    rounds, seconds = _int("BENCH_ROUNDS", 3), _int("BENCH_SECONDS", 5)
    connections, quiz_rounds = _int("BENCH_CONNECTIONS", 4), _int("BENCH_QUIZ_ROUNDS", 3)
    workdir = Path(os.environ.get("BENCH_DIR") or ROOT / ".bench")
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "setup.log"
    log.write_text("")
    database_url = fresh_database(os.environ.get("DATABASE_URL", ""), workdir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url,
        # As README's deployment advises: each worker keeps its database connection between requests.
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE") or "60",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    vendor = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    say(f"Benchmark: {people} people on {vendor}; {machine()}")
    python, timings = sys.executable, {}
    _run("migrate", [python, "manage.py", "migrate", "--noinput"], env, log, timings)
    _run("collectstatic", [python, "manage.py", "collectstatic", "--noinput"], env, log, timings)
    _run("seed_demo", [python, "manage.py", "seed_demo"], env, log, timings)
    _run(
        "generate_scale_data",
        [python, "manage.py", "generate_scale_data", "--people", str(people), "--force"],
        env,
        log,
        timings,
    )
    prepared_file, measured_file = workdir / "prepared.json", workdir / "measured.json"
    _run(
        "prepare people",
        [python, "-m", "training.benchmark.inprocess", "prepare", str(prepared_file)],
        env,
        log,
        timings,
    )
    prepared = json.loads(prepared_file.read_text())
    limit = prepared["quiz_attempts_allowed"]
    quiz_rounds = min(quiz_rounds, limit) if limit else quiz_rounds

    with Gunicorn(env=env, workers=2, log=workdir / "gunicorn.log", cwd=ROOT) as server:
        server.wait_ready(BARE)
        reader, learner = Browser("127.0.0.1", server.port), Browser("127.0.0.1", server.port)
        for browser, person in ((reader, prepared["reader"]), (learner, prepared["learner"])):
            browser.sign_in(email=person["email"], password=person["password"], language=person["language"])
        visitor = Browser("127.0.0.1", server.port)
        browsers = {
            "bare view (/livez)": (BARE, Browser("127.0.0.1", server.port)),
            "policy, must re-acknowledge": (prepared["reader"]["url"], reader),
            "My training (dashboard)": (prepared["learner"]["url"], learner),
            "home page, signed out": ("/en/", visitor),
        }
        for label, (path, browser) in browsers.items():
            # Each worker renders each page before it is measured; the browser keeps the cookies the
            # first views set and drops those they delete (the sign-in message, once shown).
            for _warm_up in range(4):
                answer = browser.get(path)
                if answer.status != 200:
                    raise SystemExit(f"{label} ({path}) answered {answer.status}; see {workdir / 'gunicorn.log'}")
        pages = {label: (path, browser.cookie_header) for label, (path, browser) in browsers.items()}
        say(f"Pages under wrk (load average {load_average()}):")
        try:
            runs = load_pages(server, pages, rounds=rounds, seconds=seconds, connections=connections)
        except WrkError as error:
            raise SystemExit(str(error)) from error
        wrk_load = load_average()
        say(f"Quiz: {len(prepared['takers'])} people at once, {quiz_rounds} rounds")
        quiz, quiz_total, quiz_errors = take_quizzes(server, prepared["takers"], rounds=quiz_rounds)
    _run(
        "reports, exports, reminders",
        [python, "-m", "training.benchmark.inprocess", "measure", str(measured_file)],
        env,
        log,
        timings,
    )
    measured = json.loads(measured_file.read_text())

    say()
    say(
        f"{people} people on {vendor}, gunicorn 2 sync workers, wrk 1 thread {connections} connections, "
        f"{rounds} rounds of {seconds} s; {machine()}; load average after wrk {wrk_load}"
    )
    say(
        f"Data: {prepared['people']} people in teams, {prepared['acknowledgements']} acknowledgements, "
        f"{prepared['attempts']} quiz attempts. Setup: "
        + ", ".join(f"{label} {value:.0f} s" for label, value in timings.items())
    )
    say()
    rows = []
    for label, results in runs.items():
        rows.append(
            [
                label,
                f"{median([r.per_second for r, _c, _x in results]):.1f}",
                f"{median([r.p50_ms for r, _c, _x in results]):.1f}",
                f"{median([r.p99_ms for r, _c, _x in results]):.1f}",
                f"{median([c for _r, c, _x in results]):.2f}",
                f"{median([x for _r, _c, x in results]):.1f}",
                str(sum(r.bad_responses + r.timeouts for r, _c, _x in results)),
            ]
        )
    say(table(["page (median of rounds)", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "x bare CPU", "errors"], rows))
    say()
    quiz_rows = [
        [
            step,
            f"{percentile(values, 0.5) * 1000:.0f}",
            f"{percentile(values, 0.95) * 1000:.0f}",
            f"{max(values) * 1000:.0f}",
        ]
        for step, values in quiz.items()
    ]
    say(table([f"quiz, {len(prepared['takers'])} at once", "p50 ms", "p95 ms", "max ms"], quiz_rows))
    say(
        f"quiz rounds completed: {len(quiz.get('all three', []))} of {quiz_total}; errors: {len(quiz_errors)}"
        + (f" ({'; '.join(sorted(set(quiz_errors))[:3])})" if quiz_errors else "")
    )
    say()
    inside = []
    for label, values in measured.items():
        inside.append(
            [
                label,
                f"{values['seconds']:.2f}",
                f"{values['cpu_seconds']:.2f}",
                str(values["queries"]),
                _mb(values["bytes"]) if "bytes" in values else f"{values.get('emails', 0)} e-mails",
                _mb(values["peak_bytes"]) if values.get("peak_bytes") else "",
            ]
        )
    say(table([f"inside Django, {people} people", "seconds", "CPU s", "queries", "output", "peak memory"], inside))
    return 0


if __name__ == "__main__":
    sys.exit(main())
