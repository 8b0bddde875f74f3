"""The page cache's own table (training/page_cache), beside the rate limits' one."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("training", "0019_recertification")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
