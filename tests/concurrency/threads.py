"""Running the same step in many threads at once, each with its own database connection."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

__all__ = ["at_once", "needs_separate_connections"]


def _separate_connections_possible() -> bool:
    """False only for SQLite's in-memory test database, which every thread shares."""
    return not (connection.vendor == "sqlite" and connection.creation.is_in_memory_db(connection.settings_dict["NAME"]))


def needs_separate_connections() -> None:
    """Skip the calling test where threads cannot have connections of their own."""
    if not _separate_connections_possible():
        pytest.skip("SQLite's in-memory test database is one connection shared by every thread")


def at_once(count: int, step: Callable[[int], Any], *, timeout: float = 60) -> list[Any]:
    """Run `step(0)` … `step(count - 1)` in `count` threads released together; their results in order.

    Any exception a thread raises is raised here, after every thread has finished.
    """
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=timeout)
            results[index] = step(index)
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread is still running"
    if errors:
        raise errors[0]
    return results
