-- The rows that name no department, for a source whose export covers several departments
-- (sources.yml: department_column). A row's department is the one whose code, name or alias
-- (departments.yml, written by LoadSettings into incoming_department_name) its cell reads, trimmed,
-- in one spelling of each letter and case aside; an empty cell is the source's own department
-- (sources.yml: department) where it gives one. append_to_ledger.sql reads the department so for
-- each row it keeps; here, the rows it could not be read for are quarantined with a sentence naming
-- the text, the column and where to add the spelling: never filed under a guessed department, never
-- dropped. Run after type_values.sql and only for such a source (FileLoader.typeRows), so no other
-- file pays for it. Layout rows (skip_rows) and rows a reader could not split carry no value and
-- need no department.
-- Grain of incoming_department_problem: one row per data row that names no department.

create or replace temp table incoming_department_problem as
with

cells as (
    select r.sheet_name, r.row_number, p.department_column, r.fields[p.department_pos] as department_text
    from incoming_row as r
    join incoming_position as p
      on p.sheet_name = r.sheet_name
     and r.row_number between coalesce(p.first_row, 0) and coalesce(p.last_row, 2147483647)
    where r.problem is null
      -- a layout row carries no value; the same test as in type_values.sql and append_to_ledger.sql
      and not coalesce(regexp_matches(r.fields[p.skip_pos], p.skip_pattern), false)
),

unnamed as (
    select c.*
    from cells as c
    anti join incoming_department_name as n
      on n.department_name = coalesce(lower(nfc_normalize(trim(c.department_text))), '')
),

known as (
    select string_agg(distinct department_code, ', ' order by department_code) as codes
    from incoming_department_name
    where department_name <> ''
)

select u.sheet_name, u.row_number,
       case when nullif(trim(u.department_text), '') is null
            then 'The department is missing: the column "' || u.department_column
                 || '" is empty in this row, and source ''' || (select source_id from incoming_load)
                 || ''' names no department of its own for such rows. Fill in the department, or give the source'
                 || ' a department (sources.yml: department) for the rows that name none.'
            else 'The department "' || u.department_text || '" in column "' || u.department_column
                 || '" is no department''s code, name or alias (the departments are ' || (select codes from known)
                 || '). Add "' || trim(u.department_text)
                 || '" to the aliases of the department it stands for (departments.yml), or correct the file.'
       end as reason
from unnamed as u;

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
