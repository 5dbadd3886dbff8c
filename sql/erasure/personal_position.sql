-- Per load and sheet, the positions in raw_row.fields / raw_quarantine.fields of the personal
-- columns (found by header, case and surrounding spaces ignored; empty where there is none).
create or replace temp table erasure_personal_position as
select s.load_id,
       s.sheet_name,
       coalesce(list(list_position(list_transform(s.column_names, lambda name: lower(trim(name))),
                                   lower(trim(c.column_name))))
                filter (where c.column_name is not null), []) as positions
from raw_sheet as s
join load_audit as l using (load_id)
left join erasure_personal_column as c on c.source_id = l.source_id
group by s.load_id, s.sheet_name
