-- The CSV file's records into incoming_row_stored, each with the line a person finds in an editor,
-- and the lines DuckDB could not split into fields, as rows with a problem.
-- DuckDB numbers lines logically (a quoted field spanning lines counts once, and it gives no
-- line for rows it accepted). The Java line scanner supplies the exceptions: blank lines
-- (incoming_blank_line) and line breaks inside quotes (incoming_line_jump). From those and
-- the rejected lines, an accepted record's logical line is header line + its position +
-- the exceptions before it, and its physical line adds the quoted line breaks before it.
-- A record's position is its rowid's offset in incoming_flat, which numbers the records
-- contiguously in file order (DuckDB keeps insertion order; CsvFileReader checks it), so no
-- window numbers them on one thread. The header's line is incoming_sheet's (FlatFileReader).

-- First the lines alone, a narrow row per record: an ASOF join sorts what it carries, and
-- carrying every record's fields through two of them took 5 s for 5 million records that one
-- blank line sent here (bench/RESULTS.md).
create or replace temp table incoming_record_line as
with

header as (
    select header_row as line from incoming_sheet where sheet_name = ''
),

accepted as (
    select rowid - (select min(rowid) from incoming_flat) + 1 as position
    from incoming_flat
),

rejected as (
    select line as logical_line,
           -- a reject's raw text can start with the previous line's CR or LF
           regexp_replace(any_value(csv_line), '^[\r\n]+', '') as line_text,
           string_agg(distinct error_message, ' ') as reason
    from incoming_csv_reject
    group by line
),

exceptions as (
    select logical_line, row_number() over (order by logical_line) as passed
    from (select logical_line from rejected union select logical_line from incoming_blank_line)
),

-- Each exception is reached after (its line - header line - exceptions so far) accepted rows.
exception_marks as (
    select logical_line - (select line from header) - passed as accepted_before, max(passed) as passed
    from exceptions
    group by all
),

accepted_lines as (
    select a.position, (select line from header) + a.position + coalesce(m.passed, 0) as logical_line
    from accepted as a
    asof left join exception_marks as m on a.position > m.accepted_before
),

all_rows as (
    select logical_line, position, null::varchar as line_text, null::varchar as problem from accepted_lines
    union all
    select logical_line, null, line_text, 'The line could not be split into the header''s fields: ' || reason
    from rejected
),

final as (
    select (r.logical_line + coalesce(j.embedded_before, 0))::integer as row_number,
           r.position,
           r.line_text,
           r.problem
    from all_rows as r
    asof left join incoming_line_jump as j on r.logical_line >= j.logical_line
)

select * from final;

-- Then each record's fields beside its line; a rejected line keeps its raw text as its one field.
insert into incoming_row_stored
select '' as sheet_name,
       n.row_number,
       coalesce(f.fields, [n.line_text]) as fields,
       n.problem
from incoming_record_line as n
left join (select rowid - (select min(rowid) from incoming_flat) + 1 as position,
                  list_value(*columns(*)) as fields
           from incoming_flat) as f
  on f.position = n.position;

drop table incoming_record_line;
