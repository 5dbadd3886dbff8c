-- The rows of the load just appended that the workbook hides (incoming_hidden_row) and that are
-- data (raw_record, not layout): how many, and where the first five are ("row 5 of sheet
-- 'Daten', row 6 …"). HiddenRowsAndColumns turns them into the load's note. Parameter: the load.
with

loaded as (
    select h.sheet_name, h.row_number,
           row_number() over (order by h.sheet_name, h.row_number) as position
    from incoming_hidden_row as h
    join raw_record as r on r.load_id = ? and r.sheet_name = h.sheet_name and r.row_number = h.row_number
    where not r.is_layout
)

select count(*),
       string_agg('row ' || row_number || ' of sheet ''' || sheet_name || '''', ', '
                  order by sheet_name, row_number) filter (where position <= 5)
from loaded
