"""The embedded SQLite database is set up for several people at once; PostgreSQL is left as configured."""

from tests.training.test_settings import loaded


def test_sqlite_queues_writers_in_a_write_ahead_log():
    database = loaded("training.settings.dev", ["DATABASES"])["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"] == {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
    }


def test_postgresql_gets_no_sqlite_options():
    database = loaded(
        "training.settings.production",
        ["DATABASES"],
        SECRET_KEY="k7Qw2-Zp9Lr4-Xv8Ns1-Bt6Hy3-Mc5Jd0-Fg2Ka7-Pu4We9-Rs1-Vb8Xn2",
        DATABASE_URL="postgres://training:s3cret@db.internal:5433/training",
    )["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert "OPTIONS" not in database
