-- Scratch tables for one file being loaded. Temporary: private to the loading connection and
-- gone with it. A reader fills incoming_sheet and incoming_row; FileLoader writes the
-- source's column map (incoming_load, incoming_table, incoming_metric);
-- type_values.sql types every row against it; append_to_ledger.sql moves the result into
-- the ledger inside the file's transaction.

-- What is known of the file being loaded and how its source reads it: one row. How each table
-- is read (shape, columns, layout rule, date format) is in incoming_table, which type_values.sql reads.
create or replace temp table incoming_load (
    load_id         bigint not null,
    source_id       varchar not null,
    content_hash    varchar not null,
    received_at     timestamp not null,
    file_name       varchar not null,
    version_key     varchar not null,        -- by file name, or replaced by the periods covered
    version_by_periods boolean not null,
    decimal_mark    varchar not null,
    reading_id      bigint                   -- a reload's new reading (ledger V13); null when the file is loaded
);

-- How each metric's values are stated: for column_per_metric one row per column; for the
-- other shapes one row per metric name the config says something about. factor applies to
-- plain numbers, percent_factor to a percentage as it shows: text such as "98 %", or a workbook
-- cell formatted as one (it stores 0.98 and shows 98 %) (null: a percentage is not valid here).
create or replace temp table incoming_metric (
    table_name     varchar not null,         -- the table of a sheet of several it applies to; '' for a sheet of one
    metric_ordinal integer not null,
    column_name    varchar,
    metric_name    varchar,
    factor         double not null,
    percent_factor double,
    constant_value double,
    stated_unit    varchar,                  -- the unit sources.yml says the file states (fraction, percent, ppm), or null
    valid_min      double,                   -- the KPI's valid_range (kpis.yml), in its unit; null: no bound
    valid_max      double,
    kpi_name       varchar,                  -- the catalogue KPI the metric stands for (a department's), null for a
    kpi_unit       varchar,                  -- system's measure: for the reason of a value outside the range, and
    kpi_target     double                    -- for the note on percentages written as fractions (PercentAsFractions)
);

-- How each table of the file is read: one row for the table '' (a sheet or flat file that is one
-- table: the source's settings) and, for a source with tables on a sheet, one row per table with
-- the source's settings already overridden by the table's own (Source.shapeOf and the like).
create or replace temp table incoming_table (
    table_name      varchar not null,
    shape           varchar not null,
    grain           varchar,                 -- day | week | month: the period's (Source.periodOf); null where none is set
    period_column   varchar,
    metric_column   varchar,
    value_column    varchar,
    skip_column     varchar,
    skip_pattern    varchar,
    part_id         varchar,                 -- the column holding each attribute, null where none
    part_class      varchar,
    lot_id          varchar,
    date_format     varchar,                 -- strptime format of the period texts, null for ISO (Source.dateFormatOf)
    department_column varchar                -- the column naming each row's department (Source.departmentColumn), or null
);

-- For a source whose rows name their department (department_column): each text a department goes
-- by (its code, name and aliases in departments.yml), normalised as a cell is read (trimmed, one
-- spelling of each letter, lower case), and the department; and '' (an empty cell) for the source's
-- own department where it gives one. row_departments.sql and append_to_ledger.sql read it. Empty for
-- every other source, so the append's join with it costs nothing for their rows.
create or replace temp table incoming_department_name (
    department_name varchar primary key,
    department_code varchar not null
);

-- One row per table read: a sheet (or a flat file) is one table, named ''; a sheet of several
-- tables (a source's tables) has a row per table, whose data rows are first_row..last_row.
create or replace temp table incoming_sheet (
    sheet_name   varchar not null,
    header_row   integer not null,
    column_names varchar[] not null,
    table_name   varchar not null default '',
    first_row    integer,                    -- null: every row of the sheet below the header
    last_row     integer
);

-- Every row read. problem is set by a reader for a row it could not split into fields
-- (a CSV line with too many fields); such a row is quarantined with its raw text.
-- incoming_row is a view so that a reader may present rows without copying them (a CSV
-- file's rows are its incoming_flat, numbered: csv_to_rows_plain.sql, or by line segments where
-- lines and records part ways: csv_to_rows.sql); the others store
-- them in incoming_row_stored (the workbook readers append each row's dense field list, a
-- blank cell a null, so no column ever shifts; incoming_flat, for CSV, JSON and Parquet, is
-- made by the reader from the file's own columns).
create or replace temp table incoming_row_stored (
    sheet_name varchar not null,
    row_number integer not null,
    fields     varchar[] not null,
    problem    varchar,
    kinds      varchar                   -- a workbook row's cell kinds (CellKind, as incoming_row_joined); null for other files
);

create or replace temp view incoming_row as
select * from incoming_row_stored;

-- What csv_to_rows.sql numbered the previous file's records with, when it was not plain.
drop table if exists incoming_rejected_line;
drop table if exists incoming_line_segment;

-- How the workbook readers hand their rows over (sheet_rows.sql turns them into
-- incoming_row_stored): each row's fields as one text, separated by U+0000, a blank cell as
-- U+0001 alone, and U+0000, U+0001 and U+0002 inside a text escaped as U+0002 followed by
-- 'a', 'b' or 'c'. DuckDB's Appender takes one text a row about three times faster than a
-- list of texts (bench/RESULTS.md); the split back into lists runs vectorised in DuckDB.
-- kinds says what each cell is (CellKind.java), a character a cell: n a plain number (or blank),
-- p a number formatted as a percentage, d a date, t a duration or time of day, s text, o a
-- formula's date kept as its serial number. Trailing plain numbers are left out ('' for a row
-- of plain numbers), so a position past its end is n. type_values.sql reads a number cell's
-- text with a decimal point whatever the source declares for text, a percentage as it shows.
create or replace temp table incoming_row_joined (
    sheet_name  varchar not null,
    row_number  integer not null,
    field_count integer not null,
    joined      varchar not null,
    problem     varchar,
    kinds       varchar                  -- each cell's kind, a character each: see below
);

-- The day a workbook's date serial 0 stands for: 1899-12-30 in the 1900 date system, 1904-01-01
-- in the 1904 system (SheetRowSink sets it). The readers write dates as ISO dates themselves;
-- only the hint for a serial in a cell without a date format (type_values.sql) reads this.
create or replace temp table incoming_workbook as select date '1899-12-30' as serial_day_zero;

-- The rows and the columns a workbook hides (XLSX: a row's hidden attribute, a <col> range's;
-- XLS: a row of zero height, a hidden COLINFO range): loaded like the others, as Excel keeps
-- them, but the load says so (HiddenRowsAndColumns), as a hidden row or column is often a figure
-- no longer meant. A column range is as the workbook gives it, 1 for column A, both ends included.
create or replace temp table incoming_hidden_row (
    sheet_name varchar not null,
    row_number integer not null
);

create or replace temp table incoming_hidden_column (
    sheet_name   varchar not null,
    first_column integer not null,
    last_column  integer not null
);

-- For CSV, what the Java line scanner found, so records get the line an editor shows:
-- logical lines are DuckDB's count (every line break outside quotes, blank lines too);
-- embedded_before is how many line breaks inside quoted fields come before that line.
create or replace temp table incoming_line_jump (
    logical_line    bigint not null,
    embedded_before bigint not null
);

create or replace temp table incoming_blank_line (
    logical_line bigint not null
);

-- For JSON, where each record starts (JsonRecordLines): the start of a top-level value (JSON
-- Lines) or of an element of a top-level array, for the starts whose line is not their number.
create or replace temp table incoming_json_line (
    kind          varchar not null,      -- value | element
    record_number integer not null,
    line          integer not null
);

-- For JSON Lines that DuckDB's reader stops in (JsonLineByLine): each non-blank line with the
-- line an editor shows it on, and why it is no record where that is known before parsing it
-- (bytes that are not UTF-8) or after (json_to_rows.sql quarantines such lines with it).
create or replace temp table incoming_json_text_line (
    line_number integer not null,
    text        varchar not null,
    problem     varchar
);

drop table if exists incoming_csv_reject;
drop table if exists incoming_csv_scan;

-- The Monday of an ISO week written as 2025-W02 (or 2025W02); null for anything else and for
-- a week the year does not have (2025-W53 falls into 2026's week 1). Week 1 is the week with
-- the year's 4 January. No subquery: this runs per row of large files.
create or replace temp macro plumbline_iso_week_monday(y, w) as
    make_date(y, 1, 4) - (isodow(make_date(y, 1, 4)) - 1)::integer + (w - 1) * 7;

create or replace temp macro plumbline_iso_week(text) as
    case
        when regexp_full_match(text, '\d{4}-?[Ww]\d{2}')
         and week(plumbline_iso_week_monday(try_cast(left(text, 4) as integer), try_cast(right(text, 2) as integer)))
             = try_cast(right(text, 2) as integer)
            then plumbline_iso_week_monday(try_cast(left(text, 4) as integer), try_cast(right(text, 2) as integer))
    end;

-- A value's text as a number in the source's convention (decimal_mark '.' or ','), or null.
-- A plain number needs no clean-up: with a decimal point a cast reads it, and only text such as
-- "1 234,5 %" goes through the regular expressions, which cost more than the rest of the typing
-- together. With a decimal comma a plain cast would read "1.500" (fifteen hundred) as 1.5: no
-- shortcut. A grouping separator ("." or a space with a decimal comma; "," or a space with a
-- decimal point; an apostrophe with either; the spaces are the plain, the no-break and the narrow
-- no-break one, never a tab or a line break) is one only between groups of three digits, so
-- "1.5" under a decimal comma is no number rather than 15, and "1,234.5" no number rather than
-- 1.2345. A cast would read "1_000" as 1000 and "+-1" as -1: not here. (A cast also reads "NaN"
-- and "inf"; type_values.sql turns what is not finite away.) No subquery: this runs per value.
create or replace temp macro plumbline_number(text, decimal_mark) as
    coalesce(case when decimal_mark = '.' and not contains(text, '_') and not contains(text, '+-')
                      then try_cast(trim(text) as double) end,
             case when decimal_mark = ','
                   and regexp_full_match(trim(text), '[+-]?(\d+|\d{1,3}([. ''\x{00A0}\x{202F}]\d{3})+)?(,\d*)?\s*%?')
                      then try_cast(replace(regexp_replace(text, '[.\s%''\x{00A0}\x{202F}]', '', 'g'), ',', '.') as double)
                  when decimal_mark = '.'
                   and regexp_full_match(trim(text), '[+-]?(\d+|\d{1,3}([, ''\x{00A0}\x{202F}]\d{3})+)?(\.\d*)?\s*%?')
                      then try_cast(regexp_replace(text, '[,\s%''\x{00A0}\x{202F}]', '', 'g') as double)
             end);

-- A period's text as a date: strptime wants a constant format, so each format sources.yml
-- accepts (Source.CsvDialect.DATE_FORMATS) is spelled out; ISO dates and timestamps (what
-- the XLSX reader writes for date cells) are always understood, and so is an ISO week
-- ("2025-W02", "2025W02"), which is read as its Monday. A timestamp that states its offset
-- ("2025-01-31T23:30:00Z", "…+01:00", and a Parquet instant, which DuckDB writes so) is an
-- instant: its day is the plant's, as FileLoader sets the session's time zone to the plant's
-- (calendar.yml), so 23:30 UTC on 31 January is 1 February in Berlin on any server.
create or replace temp macro plumbline_period(text, format) as
    coalesce(
        case when length(text) >= 17 -- the shortest such text, 2025-01-31T23:30Z; a date skips the expression
                  and regexp_full_match(trim(text),
                                    '\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)')
            then try_cast(trim(text) as timestamptz)::date end,
        case format
            when '%d.%m.%Y' then try_strptime(trim(text), '%d.%m.%Y')
            when '%d.%m.%y' then try_strptime(trim(text), '%d.%m.%y')
            when '%d/%m/%Y' then try_strptime(trim(text), '%d/%m/%Y')
            when '%m/%d/%Y' then try_strptime(trim(text), '%m/%d/%Y')
            when '%d-%m-%Y' then try_strptime(trim(text), '%d-%m-%Y')
            when '%Y/%m/%d' then try_strptime(trim(text), '%Y/%m/%d')
            when '%Y%m%d'   then try_strptime(trim(text), '%Y%m%d')
        end::date,
        try_cast(substr(trim(text), 1, 10) as date),
        plumbline_iso_week(trim(text)));

-- A month's text as its first day, for a source whose grain is month: "2025-01", "2025/1",
-- "01/2025", "01.2025", and a month's name in English or German, written out or abbreviated,
-- with a four- or two-digit year ("Jan 2025", "Januar 2025", "Mär. 25", "Jan-25"); null for
-- anything else. A wide monthly sheet is headed so far more often than by a date.
create or replace temp macro plumbline_month_number(name) as
    case when regexp_full_match(lower(name), '(jan(uar|uary)?|jän(ner)?|feb(ruar|ruary)?|mar(ch)?|mär(z)?|mrz|maerz'
                                             || '|apr(il)?|ma[iy]|jun[ei]?|jul[iy]?|aug(ust)?|sept?(ember)?'
                                             || '|o[ck]t(ober)?|nov(ember)?|de[cz](ember)?)')
         then coalesce(list_position(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
                                     left(lower(name), 3)),
                       list_position(['jän', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
                                     left(lower(name), 3)),
                       3) end;  -- mrz, maerz: March

create or replace temp macro plumbline_month_of(y, m) as
    case when y between 1900 and 2999 and m between 1 and 12 then make_date(y, m, 1) end;

create or replace temp macro plumbline_month(text) as
    case
        when regexp_full_match(trim(text), '\d{4}[./-]\d{1,2}')
            then plumbline_month_of(try_cast(left(trim(text), 4) as integer),
                                    try_cast(regexp_extract(trim(text), '(\d{1,2})$', 1) as integer))
        when regexp_full_match(trim(text), '\d{1,2}[./-]\d{4}')
            then plumbline_month_of(try_cast(right(trim(text), 4) as integer),
                                    try_cast(regexp_extract(trim(text), '^(\d{1,2})', 1) as integer))
        when regexp_full_match(trim(text), '[^\d\s.''/-]+\.?[\s''/.-]*(\d{4}|\d{2})')
            then plumbline_month_of(
                     try_cast(regexp_extract(trim(text), '(\d{4}|\d{2})$', 1) as integer)
                         + case when length(regexp_extract(trim(text), '(\d+)$', 1)) = 2 then 2000 else 0 end,
                     plumbline_month_number(regexp_extract(trim(text), '^([^\d\s.''/-]+)', 1)))
    end;

-- A period's text under a table's format and grain: what plumbline_period reads. Headers of
-- periods_across tables and period cells are read by this. For a source with a monthly table,
-- LoadSettings redefines it to read a month written as a month too (months_as_periods.sql): the
-- month's expressions cost every statement that uses them ≈ 10 ms to plan, which a file of a
-- source without months should not pay (bench/RESULTS.md).
create or replace temp macro plumbline_period_at(text, format, grain) as plumbline_period(text, format);

-- A column's letters as Excel shows them (1 is A, 27 is AA, 703 is AAA), up to Excel's last, XFD.
create or replace temp macro plumbline_column_letters(position) as
    case when position <= 26 then chr((64 + position)::integer)
         when position <= 702 then chr((64 + (position - 1) // 26)::integer) || chr((65 + (position - 1) % 26)::integer)
         else chr((65 + (position - 703) // 676)::integer) || chr((65 + ((position - 703) // 26) % 26)::integer)
              || chr((65 + (position - 1) % 26)::integer) end;

-- A number as a sentence shows it: 12500, 12.5, 9800 (no trailing zeros, at most six decimals).
create or replace temp macro plumbline_shown(x) as rtrim(rtrim(printf('%.6f', x), '0'), '.');

-- The first day of the period a date describes at a table's grain (day, week, month): two datings
-- of one week or month are one period, as the ranking in force takes them (stg_observation.period_start).
create or replace temp macro plumbline_period_start(day, grain) as
    case grain when 'week' then date_trunc('week', day) when 'month' then date_trunc('month', day) else day end;
