"""Greek full-text search that ignores accents: the `greek_unaccent` configuration.

A copy of PostgreSQL's `greek` (Snowball stemmer) that runs every word through `unaccent`
first, so «υγεία», «υγεια» and «ΥΓΕΙΑ» give the same lexeme. Created in public, next to the
unaccent extension (geography 0002), and always referred to as public.greek_unaccent.
"""

from django.db import migrations

CREATE = """
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
        WHERE c.cfgname = 'greek_unaccent' AND n.nspname = 'public'
    ) THEN
        CREATE TEXT SEARCH CONFIGURATION public.greek_unaccent (COPY = pg_catalog.greek);
        ALTER TEXT SEARCH CONFIGURATION public.greek_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.greek_stem;
    END IF;
END
$$;
"""

DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS public.greek_unaccent;"


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
