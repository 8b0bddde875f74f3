"""The benchmark's readings: wrk's report, worker CPU time, the table and the quiz form it fills in."""

import os

import pytest

from training.benchmark.client import Response, quiz_answers
from training.benchmark.report import percentile, table
from training.benchmark.server import children, cpu_seconds
from training.benchmark.wrk import WrkError, parse_wrk

WRK_REPORT = """Running 5s test @ http://127.0.0.1:40123/en/policies/customer-service-policy/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   612.35ms  201.10ms    1.35s    70.00%
    Req/Sec     6.50      2.10     10.00     60.00%
  Latency Distribution
     50%  607.40ms
     75%  700.12ms
     90%  900.00ms
     99%    1.35s
  33 requests in 5.01s, 1.20MB read
  Non-2xx or 3xx responses: 2
Requests/sec:      6.59
Transfer/sec:    245.10KB
"""

FAST_REPORT = """Running 2s test @ http://127.0.0.1:18765/livez
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.52ms    2.97ms  18.64ms   86.54%
    Req/Sec     1.12k   459.09     2.22k    70.00%
  Latency Distribution
     50%  850.00us
     75%    3.65ms
     90%    6.66ms
     99%   13.27ms
  2243 requests in 2.01s, 205.90KB read
  Socket errors: connect 0, read 0, write 0, timeout 3
Requests/sec:   1116.97
Transfer/sec:    102.53KB
"""


def test_wrk_report_gives_rate_percentiles_in_milliseconds_and_bad_responses():
    result = parse_wrk(WRK_REPORT)

    assert result.requests == 33
    assert result.seconds == pytest.approx(5.01)
    assert result.per_second == pytest.approx(6.59)
    assert result.p50_ms == pytest.approx(607.40)
    assert result.p99_ms == pytest.approx(1350.0)
    assert result.bad_responses == 2
    assert result.timeouts == 0


def test_wrk_report_in_microseconds_counts_timeouts():
    result = parse_wrk(FAST_REPORT)

    assert result.p50_ms == pytest.approx(0.85)
    assert result.p99_ms == pytest.approx(13.27)
    assert result.timeouts == 3
    assert result.bad_responses == 0


def test_wrk_output_without_a_report_is_an_error():
    with pytest.raises(WrkError):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_cpu_seconds_of_a_process_grow_as_it_works():
    before = cpu_seconds(os.getpid())
    total = 0
    for number in range(3_000_000):
        total += number * number
    assert cpu_seconds(os.getpid()) > before
    assert os.getpid() in children(os.getppid())


def test_percentile_is_the_nearest_rank():
    values = [float(number) for number in range(1, 21)]
    assert percentile(values, 0.5) == 10
    assert percentile(values, 0.95) == 19
    assert percentile([3.0], 0.95) == 3


def test_table_lines_up_columns():
    lines = table(["page", "req/s"], [["bare", "1404.2"], ["policy page", "4.4"]]).splitlines()
    assert lines[0] == "page          req/s"
    assert lines[2] == "bare         1404.2"
    assert lines[3] == "policy page     4.4"


def test_quiz_answers_fill_every_question_once_and_number_each_questions_steps():
    page = Response(
        200,
        {},
        '<input type="radio" name="q-a" id="q-a-1" value="1"><input type="radio" name="q-a" id="q-a-2" value="2">'
        '<input type="checkbox" name="q-b" id="q-b-1" value="x">'
        '<select name="q-c-pos-s1" id="q-c-pos-s1"></select><select name="q-c-pos-s2" id="q-c-pos-s2"></select>'
        '<select name="q-d-pos-t1" id="q-d-pos-t1"></select>',
        0.0,
    )

    form = quiz_answers(page, "token")

    assert form == [
        ("csrfmiddlewaretoken", "token"),
        ("q-a", "1"),
        ("q-b", "x"),
        ("q-c-pos-s1", "1"),
        ("q-c-pos-s2", "2"),
        ("q-d-pos-t1", "1"),
    ]
