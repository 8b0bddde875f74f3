import django.db.models.deletion
import policy_content.scans
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('policy_content', '0007_reader_questions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='acknowledgement',
            name='authenticated_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='last authenticated at'),
        ),
        migrations.AddField(
            model_name='acknowledgement',
            name='authentication_method',
            field=models.CharField(blank=True, max_length=60, verbose_name='last authentication'),
        ),
        # Acknowledgements recorded before keep the content format their chain records were hashed over.
        migrations.AddField(
            model_name='acknowledgement',
            name='evidence_format',
            field=models.PositiveSmallIntegerField(default=1, verbose_name='evidence format'),
        ),
        migrations.AlterField(
            model_name='acknowledgement',
            name='evidence_format',
            field=models.PositiveSmallIntegerField(default=2, verbose_name='evidence format'),
        ),
        migrations.AddField(
            model_name='acknowledgement',
            name='method',
            field=models.CharField(choices=[('online', 'Signed online'), ('paper', 'Paper sign-off')], default='online', max_length=10, verbose_name='how signed'),
        ),
        migrations.AddField(
            model_name='acknowledgement',
            name='recorded_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by'),
        ),
        migrations.AddField(
            model_name='acknowledgement',
            name='remark',
            field=models.TextField(blank=True, verbose_name='remark'),
        ),
        migrations.AddField(
            model_name='acknowledgement',
            name='scan',
            field=models.FileField(blank=True, storage=policy_content.scans.scan_storage, upload_to='paper-sign-offs/%Y/%m/', verbose_name='scan'),
        ),
        migrations.AddField(
            model_name='acknowledgement',
            name='scan_sha256',
            field=models.CharField(blank=True, max_length=64, verbose_name='SHA-256 of the scan'),
        ),
        migrations.AddField(
            model_name='acknowledgement',
            name='signed_on',
            field=models.DateField(blank=True, null=True, verbose_name='date on the paper'),
        ),
    ]
