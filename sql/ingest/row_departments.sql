-- The department each row names, for a source whose export covers several departments
-- (sources.yml: department_column): the department whose code, name or alias (departments.yml,
-- written by LoadSettings into incoming_department_name) the row's cell reads, trimmed and case
-- aside, as the config's names are compared. An empty cell is the source's own department's
-- (sources.yml: department), where it names one. Run after type_values.sql and only for such a
-- source (FileLoader.typeRows), so no other file pays for it.
-- A row whose cell names no department, or is empty with no department to fall back on, is
-- quarantined with a sentence naming the text, the column and where to add the spelling: it is
-- never filed under a guessed department, and never dropped. Layout rows (skip_rows) and rows a
-- reader could not split carry no value and need no department.
-- Grain of incoming_row_department: one row per data row of the file.

insert into incoming_row_department (sheet_name, row_number, department_text, department_code)
with

names as (
    select distinct department_name, department_code from incoming_department_name
),

cells as (
    select r.sheet_name, r.row_number, r.fields[p.department_pos] as department_text
    from incoming_row as r
    join incoming_position as p
      on p.sheet_name = r.sheet_name
     and r.row_number between coalesce(p.first_row, 0) and coalesce(p.last_row, 2147483647)
    where r.problem is null
      -- a layout row carries no value; the same test as in type_values.sql and append_to_ledger.sql
      and not coalesce(regexp_matches(r.fields[p.skip_pos], p.skip_pattern), false)
)

select c.sheet_name, c.row_number, c.department_text,
       case when nullif(trim(c.department_text), '') is null then (select department_code from incoming_load)
            else n.department_code end
from cells as c
left join names as n on n.department_name = lower(nfc_normalize(trim(c.department_text)));

create or replace temp table incoming_department_problem as
with

department_column as (
    select any_value(department_column) as name from incoming_table where department_column is not null
),

known as (
    select string_agg(distinct department_code, ', ' order by department_code) as codes from incoming_department_name
)

select d.sheet_name, d.row_number,
       case when nullif(trim(d.department_text), '') is null
            then 'The department is missing: the column "' || (select name from department_column)
                 || '" is empty in this row, and source ''' || (select source_id from incoming_load)
                 || ''' names no department of its own for such rows. Fill in the department, or give the source'
                 || ' a department (sources.yml: department) for the rows that name none.'
            else 'The department "' || d.department_text || '" in column "' || (select name from department_column)
                 || '" is no department''s code, name or alias (the departments are '
                 || (select codes from known) || '). Add "' || trim(d.department_text)
                 || '" to the aliases of the department it stands for (departments.yml), or correct the file.'
       end as reason
from incoming_row_department as d
where d.department_code is null;

-- A row with another problem too is quarantined once, its reason saying both.
update incoming_problem as q
set reason = q.reason || ' ' || d.reason
from incoming_department_problem as d
where q.sheet_name = d.sheet_name and q.row_number = d.row_number;

insert into incoming_problem (sheet_name, row_number, reason, fields, blank)
select d.sheet_name, d.row_number, d.reason, r.fields,
       len(list_filter(r.fields, lambda field: trim(field) <> '')) = 0
from incoming_department_problem as d
join incoming_row as r using (sheet_name, row_number)
where not exists (select 1 from incoming_problem as q where q.sheet_name = d.sheet_name and q.row_number = d.row_number);
