"""generate_scale_data refuses to run where it would do harm or could not work."""

import io

import pytest
from django.core.management import CommandError, call_command


def test_generate_scale_data_refuses_with_debug_off_unless_forced(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("generate_scale_data", people=5, stdout=io.StringIO())


def test_generate_scale_data_asks_for_the_demo_first(db, home_page, settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("generate_scale_data", people=5, stdout=io.StringIO())
