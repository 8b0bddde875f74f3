import pytest

from .lrs_store import KEY, RALPH, SECRET, Ralph, free_port, write_credentials


@pytest.fixture(scope="session")
def ralph(tmp_path_factory):
    """Ralph running for the whole session; each test reads only the statements it sent (ids are unique)."""
    if not RALPH.exists():
        pytest.fail("Ralph is not installed: run `make install-dev` (it builds .venv-lrs from requirements-lrs.txt).")
    folder = tmp_path_factory.mktemp("ralph")
    write_credentials(folder)
    server = Ralph(port=free_port(), folder=folder)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def lrs(settings, ralph):
    """The product configured to send to Ralph, with Ralph up."""
    if ralph.process is None:
        ralph.start()
    settings.TRAINING_LRS_ENDPOINT = ralph.endpoint
    settings.TRAINING_LRS_KEY = KEY
    settings.TRAINING_LRS_SECRET = SECRET
    settings.TRAINING_LRS_TIMEOUT_SECONDS = 5
    yield ralph
    if ralph.process is None:
        ralph.start()
