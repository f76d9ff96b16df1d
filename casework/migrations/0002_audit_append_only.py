from django.db import migrations

APPEND_ONLY = """
CREATE FUNCTION casework_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'casework_auditevent is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER casework_auditevent_no_change
    BEFORE UPDATE OR DELETE ON casework_auditevent
    FOR EACH ROW EXECUTE FUNCTION casework_audit_append_only();
CREATE TRIGGER casework_auditevent_no_truncate
    BEFORE TRUNCATE ON casework_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION casework_audit_append_only();
"""

REMOVE = """
DROP TRIGGER IF EXISTS casework_auditevent_no_truncate ON casework_auditevent;
DROP TRIGGER IF EXISTS casework_auditevent_no_change ON casework_auditevent;
DROP FUNCTION IF EXISTS casework_audit_append_only();
"""


class Migration(migrations.Migration):
    """The audit trail is append-only in the database itself, not only in the code."""

    dependencies = [("casework", "0001_initial")]

    operations = [migrations.RunSQL(APPEND_ONLY, REMOVE)]
