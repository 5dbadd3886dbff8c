-- The CSV file's records into incoming_row_stored, each with the line a person finds in an editor,
-- and the lines DuckDB could not split into fields, as rows with a problem.
-- DuckDB numbers lines logically (a quoted field spanning lines counts once, and it gives no
-- line for rows it accepted). The Java line scanner supplies the exceptions: blank lines
-- (incoming_blank_line) and line breaks inside quotes (incoming_line_jump). From those and
-- the rejected lines, an accepted record's logical line is header line + its position +
-- the exceptions before it, and its physical line adds the quoted line breaks before it.
-- Parameters: the logical line of the header, twice.
insert into incoming_row_stored
with

accepted as (
    select row_number() over () as position, list_value(*columns(*)) as fields
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
    select logical_line - ? - passed as accepted_before, max(passed) as passed
    from exceptions
    group by all
),

accepted_lines as (
    select a.fields, ? + a.position + coalesce(m.passed, 0) as logical_line
    from accepted as a
    asof left join exception_marks as m on a.position > m.accepted_before
),

all_rows as (
    select logical_line, fields, null::varchar as problem from accepted_lines
    union all
    select logical_line, [line_text], 'The line could not be split into the header''s fields: ' || reason
    from rejected
),

final as (
    select '' as sheet_name,
           (r.logical_line + coalesce(j.embedded_before, 0))::integer as row_number,
           r.fields,
           r.problem
    from all_rows as r
    asof left join incoming_line_jump as j on r.logical_line >= j.logical_line
)

select * from final
