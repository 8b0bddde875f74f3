"""Running wrk against one URL and reading its report."""

import re
import subprocess
from dataclasses import dataclass

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_PERCENTILE = re.compile(r"^\s*(50|75|90|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
_TOTAL = re.compile(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m)", re.MULTILINE)
_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


class WrkError(Exception):
    """wrk did not run or printed no report."""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    per_second: float
    p50_ms: float
    p99_ms: float
    bad_responses: int
    timeouts: int


def parse_wrk(output: str) -> WrkResult:
    """The figures of a `wrk --latency` report."""
    percentiles = {int(p): float(value) * _UNITS[unit] for p, value, unit in _PERCENTILE.findall(output)}
    total, rate = _TOTAL.search(output), _RATE.search(output)
    if total is None or rate is None or not {50, 99} <= set(percentiles):
        raise WrkError(f"wrk printed no report:\n{output}")
    non_2xx = _NON_2XX.search(output)
    sockets = _SOCKET.search(output)
    return WrkResult(
        requests=int(total.group(1)),
        seconds=float(total.group(2)) * _UNITS[total.group(3)] / 1000,
        per_second=float(rate.group(1)),
        p50_ms=percentiles[50],
        p99_ms=percentiles[99],
        bad_responses=int(non_2xx.group(1)) if non_2xx else 0,
        timeouts=int(sockets.group(4)) if sockets else 0,
    )


def run_wrk(url: str, *, cookie: str = "", seconds: int, connections: int, wrk: str = "wrk") -> WrkResult:
    """Load one URL for `seconds` with `connections` open connections (one wrk thread)."""
    command = [wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    completed = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 30, check=False)
    if completed.returncode != 0:
        raise WrkError(f"wrk exited {completed.returncode}: {completed.stderr.strip()}")
    return parse_wrk(completed.stdout)
