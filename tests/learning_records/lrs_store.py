"""A real learning record store for the tests: Ralph (ralph-malph), from .venv-lrs, on a free loopback port."""

import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

RALPH = Path(__file__).resolve().parents[2] / ".venv-lrs" / "bin" / "ralph"
KEY = "training-lrs"
SECRET = "lrs-test-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Ralph:
    """One Ralph server with a filesystem backend; stop and start it to play an outage."""

    port: int
    folder: Path
    process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI"

    def start(self) -> None:
        log = (self.folder / "ralph.log").open("ab")
        self.process = subprocess.Popen(
            [str(RALPH.with_name("python")), str(Path(__file__).with_name("serve_ralph.py")), str(self.port)],
            cwd=self.folder,
            env=ralph_environment(self.folder),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.statements()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"Ralph did not start; see {self.folder / 'ralph.log'}")

    def stop(self) -> None:
        if self.process is None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.1)

    def statements(self) -> list[dict]:
        """Every statement the store holds, following the `more` links."""
        found, url = [], f"{self.endpoint}/statements?limit=500"
        token = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
        while url:
            request = urllib.request.Request(
                url, headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                page = json.load(response)
            found.extend(page["statements"])
            more = page.get("more")
            url = f"http://127.0.0.1:{self.port}{more}" if more else ""
        return found


def write_credentials(folder: Path) -> None:
    """Ralph's basic-auth file, written by `ralph auth`: one user with every scope."""
    subprocess.run(
        [str(RALPH), "auth", "-u", KEY, "-p", SECRET, "-s", "all", "-M", "mailto:training-lrs@example.com", "-w"],
        env=ralph_environment(folder),
        check=True,
        capture_output=True,
    )


def ralph_environment(folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RALPH_APP_DIR": str(folder / "app"),
        "RALPH_AUTH_FILE": str(folder / "app" / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
    }
