"""Roles, row-level security, a database-written append-only audit trail and change notifications.

On PostgreSQL this creates four group roles (per database, see :mod:`register.roles`), grants them
what they may do, enables row-level security so that a project lead writes only the projects that
name them as lead, makes triggers write every change to ``audit_entries`` (with ``session_user``
and the server's clock) and send a NOTIFY, and refuses UPDATE, DELETE and TRUNCATE on the audit
table for everyone. On SQLite it adds only the (unused) ``lead_logins`` table, so the schema is the
same on both.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from register.roles import ROLES, group_role, notify_channel

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: table -> (entity name in the audit trail, how to find the node the row concerns)
AUDITED = {
    "register_info": ("register", "NULL"),
    "nodes": ("node", "row_data ->> 'id'"),
    "links": ("link", "row_data ->> 'source_id'"),
    "status_updates": ("status", "row_data ->> 'node_id'"),
    "measures": ("measure", "row_data ->> 'node_id'"),
    "observations": ("observation", "(SELECT node_id FROM measures WHERE id = row_data ->> 'measure_id')"),
    "annotations": ("annotation", "(SELECT node_id FROM measures WHERE id = row_data ->> 'measure_id')"),
    "lead_logins": ("lead_login", "NULL"),
}
DATA_TABLES = tuple(AUDITED)


def upgrade() -> None:
    op.create_table(
        "lead_logins",
        sa.Column("login", sa.String(63), nullable=False),
        sa.Column("person", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_lead_logins")),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
    roles = {role: group_role(database, role) for role in ROLES}
    q = bind.dialect.identifier_preparer.quote
    qs = q(schema)
    viewer, lead, steering, admin = (q(roles[r]) for r in ROLES)
    everyone = f"{viewer}, {lead}, {steering}, {admin}"
    path = f"SET search_path = {qs}, pg_temp"

    for name in roles.values():
        op.execute(
            f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN
                    CREATE ROLE {q(name)} NOLOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$"""
        )

    # ---------------------------------------------------------------- the audit trail, written by the database
    channel = notify_channel(schema).replace("'", "''")
    node_cases = " ".join(f"WHEN '{table}' THEN {expression}" for table, (_e, expression) in AUDITED.items())
    entity_cases = " ".join(f"WHEN '{table}' THEN '{entity}'" for table, (entity, _x) in AUDITED.items())
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        DECLARE
            old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
            new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
            row_data jsonb := coalesce(new_row, old_row);
            diff jsonb := '{{}}'::jsonb;
            field text;
            label text;
            action text;
            node text;
            entity_key text;
            entry_id integer;
        BEGIN
            FOR field IN SELECT jsonb_object_keys(row_data) LOOP
                CONTINUE WHEN field IN ('id', 'version');
                CONTINUE WHEN TG_OP = 'INSERT' AND jsonb_typeof(new_row -> field) = 'null';
                IF (old_row -> field) IS DISTINCT FROM (new_row -> field) THEN
                    label := CASE field WHEN 'start_date' THEN 'start' WHEN 'end_date' THEN 'end' ELSE field END;
                    diff := diff || jsonb_build_object(label, jsonb_build_array(
                        coalesce(old_row -> field, 'null'), coalesce(new_row -> field, 'null')));
                END IF;
            END LOOP;
            IF TG_OP = 'UPDATE' AND diff = '{{}}'::jsonb THEN
                RETURN NULL;
            END IF;
            action := CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END;
            IF TG_OP = 'UPDATE' AND diff ? 'archived_at' THEN
                action := CASE WHEN new_row ->> 'archived_at' IS NULL THEN 'restore' ELSE 'archive' END;
            ELSIF TG_OP = 'UPDATE' AND diff ? 'parent_id' THEN
                action := 'move';
            END IF;
            node := CASE TG_TABLE_NAME {node_cases} END;
            entity_key := left(coalesce(row_data ->> 'id', row_data ->> 'key', row_data ->> 'login'), 36);
            INSERT INTO audit_entries (at, "user", entity_type, entity_id, node_id, action, changes)
            VALUES (date_trunc('second', statement_timestamp() AT TIME ZONE 'UTC'), session_user,
                    CASE TG_TABLE_NAME {entity_cases} END, entity_key, node, action, diff::text)
            RETURNING id INTO entry_id;
            PERFORM pg_notify('{channel}', json_build_object(
                'table', TG_TABLE_NAME, 'id', entity_key, 'node', node, 'action', action, 'audit', entry_id,
                'pid', pg_backend_pid())::text);
            RETURN NULL;
        END $$"""
    )
    for table in DATA_TABLES:
        op.execute(
            f"CREATE TRIGGER ir_audit AFTER INSERT OR UPDATE OR DELETE ON {qs}.{q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {qs}.ir_audit()"
        )
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The audit trail is append-only: % is refused.', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$"""
    )
    op.execute(
        f"CREATE TRIGGER ir_append_only BEFORE UPDATE OR DELETE ON {qs}.audit_entries "
        f"FOR EACH ROW EXECUTE FUNCTION {qs}.ir_audit_append_only()"
    )
    op.execute(
        f"CREATE TRIGGER ir_no_truncate BEFORE TRUNCATE ON {qs}.audit_entries "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {qs}.ir_audit_append_only()"
    )

    # ---------------------------------------------------------------- who is who
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_person() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT person FROM lead_logins WHERE login = session_user
        $$"""
    )
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_leads_node(node text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        {path} AS $$
            SELECT EXISTS (SELECT 1 FROM nodes WHERE id = node AND kind = 'project' AND lead <> ''
                           AND lead = ir_person())
        $$"""
    )
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_leads_measure(measure text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        {path} AS $$
            SELECT EXISTS (SELECT 1 FROM measures WHERE id = measure AND ir_leads_node(node_id))
        $$"""
    )
    role_cases = " ".join(
        f"WHEN pg_has_role(session_user, '{roles[role]}', 'MEMBER') THEN '{role}'" for role in reversed(ROLES)
    )
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_role() RETURNS text LANGUAGE sql STABLE {path} AS $$
            SELECT CASE WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN 'admin'
                        WHEN session_user = (SELECT tableowner FROM pg_tables
                                             WHERE schemaname = current_schema() AND tablename = 'nodes') THEN 'admin'
                        {role_cases} ELSE NULL END
        $$"""
    )
    group_array = ", ".join(f"'{roles[role]}'" for role in ROLES)
    role_pairs = ", ".join(f"'{role}', '{roles[role]}'" for role in ROLES)
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_grant_role(login text, role text, person text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        DECLARE
            groups jsonb := jsonb_build_object({role_pairs});
            grp text;
        BEGIN
            IF ir_role() IS DISTINCT FROM 'admin' THEN
                RAISE EXCEPTION 'Only an admin can grant roles.' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NOT groups ? role THEN
                RAISE EXCEPTION 'Unknown role %', role USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login AND rolcanlogin) THEN
                RAISE EXCEPTION 'There is no login named %', login USING ERRCODE = 'undefined_object';
            END IF;
            FOREACH grp IN ARRAY ARRAY[{group_array}] LOOP
                IF grp <> groups ->> role AND pg_has_role(login, grp, 'MEMBER') THEN
                    EXECUTE format('REVOKE %I FROM %I', grp, login);
                END IF;
            END LOOP;
            EXECUTE format('GRANT %I TO %I', groups ->> role, login);
            DELETE FROM lead_logins WHERE lead_logins.login = ir_grant_role.login;
            IF coalesce(person, '') <> '' THEN
                INSERT INTO lead_logins (login, person) VALUES (ir_grant_role.login, person);
            END IF;
        END $$"""
    )
    op.execute(
        f"""CREATE FUNCTION {qs}.ir_revoke_role(login text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        DECLARE
            grp text;
        BEGIN
            IF ir_role() IS DISTINCT FROM 'admin' THEN
                RAISE EXCEPTION 'Only an admin can revoke roles.' USING ERRCODE = 'insufficient_privilege';
            END IF;
            FOREACH grp IN ARRAY ARRAY[{group_array}] LOOP
                IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                           JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = grp AND u.rolname = login) THEN
                    EXECUTE format('REVOKE %I FROM %I', grp, login);
                END IF;
            END LOOP;
            DELETE FROM lead_logins WHERE lead_logins.login = ir_revoke_role.login;
        END $$"""
    )
    for function in ("ir_grant_role(text, text, text)", "ir_revoke_role(text)"):
        op.execute(f"REVOKE ALL ON FUNCTION {qs}.{function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {qs}.{function} TO {admin}")

    # ---------------------------------------------------------------- privileges
    op.execute(f"GRANT USAGE ON SCHEMA {qs} TO {everyone}")
    for table in (*DATA_TABLES, "audit_entries", "alembic_version"):
        op.execute(f"GRANT SELECT ON {qs}.{q(table)} TO {everyone}")
    for table in DATA_TABLES:
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON {qs}.{q(table)} TO {admin}")
    for table in ("register_info", "nodes", "links", "measures", "observations", "annotations"):
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON {qs}.{q(table)} TO {steering}")
    # A project lead changes their projects' fields, but not the place in the tree, the lead or the kind;
    # and never moves a row to another project (the parent columns are not granted).
    lead_columns = {
        "nodes": "title, description, unit, start_date, end_date, stage, version",
        "status_updates": "date, author, rag, progress, summary, next_steps, help_needed, version",
        "measures": "name, type, definition, unit, chart, improvement, target, rules, baseline, position, "
        "archived_at, version",
        "observations": "date, value, denominator, note, excluded, exclude_reason, version",
        "annotations": "date, text, phase_break, version",
    }
    for table, columns in lead_columns.items():
        op.execute(f"GRANT UPDATE ({columns}) ON {qs}.{q(table)} TO {lead}")
    for table in ("status_updates", "measures", "observations", "annotations"):
        op.execute(f"GRANT INSERT, DELETE ON {qs}.{q(table)} TO {lead}")

    # ---------------------------------------------------------------- row-level security
    for table in DATA_TABLES:
        op.execute(f"ALTER TABLE {qs}.{q(table)} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY ir_read ON {qs}.{q(table)} FOR SELECT TO {everyone} USING (true)")
        op.execute(f"CREATE POLICY ir_admin ON {qs}.{q(table)} FOR ALL TO {admin} USING (true) WITH CHECK (true)")
    for table in ("register_info", "nodes", "links", "measures", "observations", "annotations"):
        op.execute(f"CREATE POLICY ir_steering ON {qs}.{q(table)} FOR ALL TO {steering} USING (true) WITH CHECK (true)")
    op.execute(
        f"CREATE POLICY ir_lead_update ON {qs}.nodes FOR UPDATE TO {lead} USING (true) WITH CHECK (ir_leads_node(id))"
    )
    for table, check in (
        ("status_updates", "ir_leads_node(node_id)"),
        ("measures", "ir_leads_node(node_id)"),
        ("observations", "ir_leads_measure(measure_id)"),
        ("annotations", "ir_leads_measure(measure_id)"),
    ):
        op.execute(f"CREATE POLICY ir_lead_insert ON {qs}.{q(table)} FOR INSERT TO {lead} WITH CHECK ({check})")
        op.execute(
            f"CREATE POLICY ir_lead_update ON {qs}.{q(table)} FOR UPDATE TO {lead} USING (true) WITH CHECK ({check})"
        )
        op.execute(f"CREATE POLICY ir_lead_delete ON {qs}.{q(table)} FOR DELETE TO {lead} USING ({check})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        q = bind.dialect.identifier_preparer.quote
        for table in DATA_TABLES:
            if table == "lead_logins":
                continue
            for policy in ("ir_read", "ir_admin", "ir_steering", "ir_lead_update", "ir_lead_insert", "ir_lead_delete"):
                op.execute(f"DROP POLICY IF EXISTS {policy} ON {q(table)}")
            op.execute(f"ALTER TABLE {q(table)} DISABLE ROW LEVEL SECURITY")
            op.execute(f"DROP TRIGGER IF EXISTS ir_audit ON {q(table)}")
        op.execute("DROP TRIGGER IF EXISTS ir_append_only ON audit_entries")
        op.execute("DROP TRIGGER IF EXISTS ir_no_truncate ON audit_entries")
        for function in (
            "ir_grant_role(text, text, text)", "ir_revoke_role(text)", "ir_role()", "ir_leads_measure(text)",
            "ir_leads_node(text)", "ir_person()", "ir_audit_append_only()", "ir_audit()",
        ):  # fmt: skip
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_table("lead_logins")
