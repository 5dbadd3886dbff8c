-- plumbline_sum and plumbline_avg: the sum and the mean of a double column, the same whatever
-- order its rows arrive in. DuckDB sums a double column on each of its threads and then adds the
-- threads' totals, in whichever order they finish, and floating-point addition depends on order:
-- the same scrap costs summed to 2760.5300000000007 in one rebuild and 2760.5299999999997 in the
-- next, so a rebuild from the same ledger, config and as-of date was not the same (hunt 6b, D1),
-- and a finding's gap changed by 1e-13 read as restated (fct_finding_status.is_restated). Each
-- value is rounded to 9 decimal places (beyond any unit the reports print, and far below any
-- tolerance) and added as a decimal, which is exact; 38 digits leave 29 before the point.
-- Every model that sums or averages doubles uses these; counts and sums of integers need not.
-- A FILTER clause cannot follow a macro: write plumbline_sum(case when ... then x end).
create or replace temp macro plumbline_sum(x) as sum(x::decimal(38, 9))::double;

create or replace temp macro plumbline_avg(x) as avg(x::decimal(38, 9))::double;
