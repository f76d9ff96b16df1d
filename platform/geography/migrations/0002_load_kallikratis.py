from django.db import migrations


def load(apps, schema_editor):
    from geography.loader import load_kallikratis

    load_kallikratis(
        apps.get_model("geography", "Region"),
        apps.get_model("geography", "RegionalUnit"),
        apps.get_model("geography", "Municipality"),
        apps.get_model("geography", "MunicipalUnit"),
    )


class Migration(migrations.Migration):
    dependencies = [("geography", "0001_initial")]

    operations = [
        # Extensions live in public only: created from a shared app, never from a tenant's.
        migrations.RunSQL(
            "CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
