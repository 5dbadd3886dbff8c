-- The CSV file's records as incoming_row, each with the line a person finds in an editor, and
-- the lines DuckDB could not split into fields, as rows with a problem.
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

-- Then the records as a view, as for a plain file: no copy of the fields. Between two exceptions
-- a record's line is its position plus a constant, so the narrow lines shrink to a few segments
-- (a position range and its offset); copying every record's fields into a table beside its
-- line cost 2.2 s for 5 million records (bench/RESULTS.md). Each record finds its segment by
-- an equi-join on a small bucket of positions, so even a file with a quoted line break in every
-- tenth record compares a record with a handful of segments, not with all of them.
create or replace temp table incoming_line_segment as
with

segments as (
    select row_number - position as line_offset, min(position) as first_position, max(position) as last_position
    from incoming_record_line
    where position is not null
    group by all
)

select s.line_offset, s.first_position, s.last_position, unnest(range(s.first_position // 64,
       s.last_position // 64 + 1)) as bucket
from segments as s;

create or replace temp view incoming_row as
select '' as sheet_name,
       (f.position + s.line_offset)::integer as row_number,
       f.fields,
       null::varchar as problem
from (select rowid - (select min(rowid) from incoming_flat) + 1 as position, list_value(*columns(*)) as fields
      from incoming_flat) as f
join incoming_line_segment as s
  on s.bucket = f.position // 64
 and f.position between s.first_position and s.last_position
union all
-- a rejected line keeps its raw text as its one field
select '', row_number, [line_text], problem
from incoming_record_line
where position is null;
