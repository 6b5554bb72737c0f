-- The role the app should run as in production (see docs/operations.md): it may read and write
-- every table, but only read and append to audit_event. Created when the migrating user may create
-- roles; otherwise the operator creates it and re-runs the grants below.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samenplan_app')
     AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
    BEGIN
      CREATE ROLE samenplan_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created at the same moment by another migration run
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samenplan_app') THEN
    GRANT USAGE ON SCHEMA public TO samenplan_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO samenplan_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO samenplan_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO samenplan_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO samenplan_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM samenplan_app;
  END IF;
END
$$;
