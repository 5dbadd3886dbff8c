-- v_config_version: every governance config version a run used, with its files' text.
create or replace view v_config_version as
select config_version, first_used_at, first_run_id, file_name, file_text
from config_version_history;

comment on view v_config_version is 'One row per governance file of each config version a run used, as it was then: compare two versions to see a changed tolerance, mapping or policy.';
comment on column v_config_version.config_version is 'SHA-256 over the governance files'' names and bytes.';
comment on column v_config_version.first_used_at is 'When a run first used this version (UTC).';
comment on column v_config_version.first_run_id is 'The first reconcile run that used it.';
comment on column v_config_version.file_name is 'The governance file, e.g. kpis.yml.';
comment on column v_config_version.file_text is 'The file''s text as the run read it.';
