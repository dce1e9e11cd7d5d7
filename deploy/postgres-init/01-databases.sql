-- Runs once, when the postgres container starts on an empty volume (docker-entrypoint-initdb.d),
-- as the superuser. One login role and one database per service: each service's Flyway owns its
-- own schema, and neither service can connect to the other's database.
--
-- The passwords come from the postgres container's environment (see compose.yaml), read with
-- psql's \getenv (psql 15 or newer), so no secret is ever written in this file.

\set ON_ERROR_STOP on
\getenv api_password WAAROM_API_DB_PASSWORD
\getenv scheduler_password WAAROM_SCHEDULER_DB_PASSWORD

CREATE ROLE waarom_api LOGIN PASSWORD :'api_password';
CREATE DATABASE waarom_api OWNER waarom_api;
REVOKE ALL ON DATABASE waarom_api FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE waarom_api TO waarom_api;

CREATE ROLE waarom_scheduler LOGIN PASSWORD :'scheduler_password';
CREATE DATABASE waarom_scheduler OWNER waarom_scheduler;
REVOKE ALL ON DATABASE waarom_scheduler FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE waarom_scheduler TO waarom_scheduler;
