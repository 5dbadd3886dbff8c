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
-- Everything here is worked out on the exceptions alone (a few rows, or one per quoted line
-- break), never per record: between two exceptions a record's line is its position plus a
-- constant, so the records are a view over incoming_flat that finds each record's segment
-- (bench/RESULTS.md: a copy of the fields, then a narrow numbering per record, cost seconds for
-- 5 million records).

-- DuckDB runs an ASOF join as a nested loop when it expects at most 64 rows on its left side, and
-- it expects few over the exceptions below, where a file can have 100,000 (a quoted line break in
-- every tenth record: 75 s instead of 0.03 s, bench/RESULTS.md). Merge joins here, whatever the
-- estimate; reset at the end.
set asof_loop_join_threshold = 0;

-- The lines DuckDB could not split: each one row, its raw text its one field.
create or replace temp table incoming_rejected_line as
with

header_fields as (
    select len(column_names) as field_count from incoming_sheet where sheet_name = ''
),

-- DuckDB reports a line with too few fields once per missing field ("Found: 3", "Found: 4"):
-- the line's own count is the first of them. Other errors keep DuckDB's words.
rejected as (
    select line as logical_line,
           -- a reject's raw text can start with the previous line's CR or LF
           regexp_replace(any_value(csv_line), '^[\r\n]+', '') as line_text,
           case
               when bool_and(error_type = 'MISSING COLUMNS')
                   then 'it has ' || min(column_idx) || ' fields, the header '
                        || (select field_count from header_fields) || '.'
               when bool_and(error_type = 'TOO MANY COLUMNS')
                   then 'it has more fields than the header''s ' || (select field_count from header_fields) || '.'
               else string_agg(distinct error_message, ' ')
           end as reason
    from incoming_csv_reject
    group by line
)

select r.logical_line,
       (r.logical_line + coalesce(j.embedded_before, 0))::integer as row_number,
       r.line_text,
       'The line could not be split into the header''s fields: ' || r.reason as problem
from rejected as r
asof left join incoming_line_jump as j on r.logical_line >= j.logical_line;

-- Where a record's offset (editor line - position) changes: at the first record, the first
-- after each exception, the first a quoted line break moves down; and what it is from there on.
create or replace temp table incoming_line_segment as
with

header as (
    select header_row as line from incoming_sheet where sheet_name = ''
),

accepted as (
    select count(*) as record_count from incoming_flat
),

-- The logical lines that hold no accepted record, numbered in file order.
exceptions as (
    select logical_line, row_number() over (order by logical_line) as passed
    from (select logical_line from incoming_rejected_line union select logical_line from incoming_blank_line)
),

-- Each exception is reached after (its line - header line - exceptions so far) accepted records.
exception_marks as (
    select logical_line - (select line from header) - passed as accepted_before, max(passed) as passed
    from exceptions
    group by all
),

-- The first record a quoted line break moves down: the first accepted record at or after its
-- line, which is that line less the header's and the exceptions above it.
jump_starts as (
    select j.logical_line - (select line from header) - coalesce(e.passed, 0) as position
    from incoming_line_jump as j
    asof left join exceptions as e on j.logical_line > e.logical_line
),

starts as (
    select 1::bigint as position
    union
    select (accepted_before + 1)::bigint from exception_marks
    union
    select position::bigint from jump_starts
),

-- A start's logical line: the header's, its position and the exceptions passed before it.
placed as (
    select s.position, (select line from header) + s.position + coalesce(m.passed, 0) as logical_line
    from starts as s
    asof left join exception_marks as m on s.position > m.accepted_before
    where s.position between 1 and (select record_count from accepted)
),

-- Its physical line adds the quoted line breaks before it.
offsets as (
    select p.position, p.logical_line + coalesce(j.embedded_before, 0) - p.position as line_offset
    from placed as p
    asof left join incoming_line_jump as j on p.logical_line >= j.logical_line
),

segments as (
    select line_offset::bigint as line_offset,
           position as first_position,
           coalesce(lead(position) over (order by position) - 1, (select record_count from accepted))::bigint
               as last_position
    from offsets
)

-- Listed once for each bucket of 64 positions it touches, so that a record finds its segment by
-- an equi-join and compares itself with a handful of segments, not with all of them.
select line_offset, first_position, last_position,
       unnest(range(first_position // 64, last_position // 64 + 1)) as bucket
from segments;

create or replace temp view incoming_row as
select '' as sheet_name,
       (f.position + s.line_offset)::integer as row_number,
       f.fields,
       null::varchar as problem,
       null::varchar as kinds   -- a text file's cells are all text: typed by the source's conventions
from (select rowid - (select min(rowid) from incoming_flat) + 1 as position, list_value(*columns(*)) as fields
      from incoming_flat) as f
join incoming_line_segment as s
  on s.bucket = f.position // 64
 and f.position between s.first_position and s.last_position
union all
select '', row_number, [line_text], problem, null
from incoming_rejected_line;

reset asof_loop_join_threshold;
