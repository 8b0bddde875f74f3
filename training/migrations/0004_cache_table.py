"""The database cache holds allauth's rate-limit counters, shared by every worker."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("training", "0003_initial_data")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
