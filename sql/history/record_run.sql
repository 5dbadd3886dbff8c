-- Appends this run to the findings history (ledger V3) after every model is rebuilt, in the
-- same transaction: the run itself, then its findings, which the next run compares with.
insert into reconcile_run
select run_id, job_execution_id, as_of_date, config_version, current_timestamp from run_context;

insert into finding_history
select run_id, finding_key, finding_type, severity, department_code, kpi_id, period_label, gap,
       is_covered_by_deviation, config_version
from fct_finding;
