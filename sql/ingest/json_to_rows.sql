-- A JSON file's values (incoming_json_value: read_json.sql, or json_lines_read.sql) into
-- incoming_sheet and incoming_row_stored: one row per record, numbered as read (from 1 in file
-- order, or by line), its fields the header's keys in order of first appearance in the file.
--
-- A field's text is the file's own: a string's content without its quotes and escapes, a
-- number as written (12345678901234567891, 1.50 and 1e3 stay so), true/false, a nested object
-- or array as its JSON text, null and a missing key a blank. DuckDB parses numbers into
-- doubles (1.50 becomes 1.5, 9007199254740993.5 loses digits) unless the target type of
-- json_transform holds a DECIMAL: then the whole value is parsed with numbers kept raw
-- (DuckDB pull request 25006), and a raw number transformed to VARCHAR is its own text. The
-- unused "d" beside the record is that DECIMAL; JsonIngestTests pins the behaviour.
--
-- Keys are matched to the columns the source reads regardless of case (incoming_json_column):
-- an export that writes "Qty" in some records and "qty" in others means one field, and a
-- demanding user expects the value read, not a silently empty "qty" beside a "Qty" column
-- nobody reads. Such keys get the configured spelling. A record holding two keys that name one
-- column ("qty" and "Qty"), or one key twice, is quarantined whole with its JSON text: which
-- value it means is unclear. Keys no column reads are kept exactly as written, so nothing of a
-- file with "id" and "Id" is merged or dropped.

-- The one array of a file whose format DuckDB's detection misses (a byte-order mark before
-- "[") is the records it holds: its elements, numbered from 1.
create or replace temp table incoming_json_record as
with lone_array as (
    select count(*) = 1 and bool_and(json_type(json) = 'ARRAY') as yes from incoming_json_value
),
elements as (
    select json_transform('{"r":' || v.json || ',"d":0}', '{"r":["JSON"],"d":"DECIMAL(1,0)"}').r as e
    from incoming_json_value v, lone_array a
    where a.yes
)
select v.record_number, v.json
from incoming_json_value v, lone_array a
where not a.yes
union all
select unnest(generate_series(1, len(e)))::integer, unnest(e)
from elements;

-- Each object record's keys and texts (parallel lists, in the record's order); null for a
-- record that is not an object, or has a key twice (DuckDB's map holds a key once).
create or replace temp table incoming_json_keyed as
select record_number, json, map_keys(m) as keys, map_values(m) as texts
from (select record_number, json,
             case when json_type(json) = 'OBJECT'
                  then json_transform('{"r":' || json || ',"d":0}',
                                      '{"r":"MAP(VARCHAR,VARCHAR)","d":"DECIMAL(1,0)"}').r
             end as m
      from incoming_json_record);

-- Keys spelled otherwise than the column they name, and that column: small (one row per
-- distinct spelling), so a record's keys are renamed by a lookup in a constant map.
create or replace temp table incoming_json_alias as
with spellings as (
    select distinct unnest(keys) as key from (select distinct keys from incoming_json_keyed)
)
select coalesce(map(list(s.key), list(c.column_name)), map([]::varchar[], []::varchar[])) as renamed
from spellings s
join incoming_json_column c on lower(c.column_name) = lower(s.key) and c.column_name <> s.key;

create or replace temp table incoming_json_named as
select k.record_number, k.json, k.keys, k.texts,
       case when cardinality(a.renamed) = 0 or k.keys is null then k.keys
            else list_transform(k.keys, lambda x: coalesce(a.renamed[x], x))
       end as names
from incoming_json_keyed k, incoming_json_alias a;

-- The header: every name in order of first appearance (by record, then by place in it).
insert into incoming_sheet (sheet_name, header_row, column_names)
select '', 0, coalesce(list(name order by first_record, first_place), []::varchar[])
from (select name, min(record_number) as first_record, arg_min(place, record_number) as first_place
      from (select names, min(record_number) as record_number from incoming_json_named
            where names is not null group by names),
           unnest(names) with ordinality as n(name, place)
      group by name);

insert into incoming_row_stored (sheet_name, row_number, fields, problem)
select '' as sheet_name,
       r.record_number as row_number,
       case when r.problem is null
            then list_transform(s.column_names, lambda h: r.texts[list_position(r.names, h)])
            else [r.json::varchar]
       end as fields,
       r.problem
from (select *,
             case
                 when json_type(json) <> 'OBJECT'
                     then 'The record is '
                          || case json_type(json) when 'ARRAY' then 'an array' when 'VARCHAR' then 'a string'
                                                  when 'NULL' then 'null' when 'BOOLEAN' then 'true or false'
                                                  else 'a number' end
                          || ', not an object of "key": value pairs: only an array of objects, or JSON Lines'
                          || ' (one object a line), is read.'
                 when names is null
                     then 'The record has a key more than once (its keys are '
                          || array_to_string(json_keys(json), ', ') || '), so which value it means is unclear.'
                 when len(list_distinct(names)) < len(names)
                     then 'The record has the keys '
                          || array_to_string(list_filter(keys, lambda k, i: len(list_filter(names, lambda n: n = names[i])) > 1), ' and ')
                          || ', which name one column (keys are matched to the columns the source reads regardless'
                          || ' of case), so which value it means is unclear.'
             end as problem
      from incoming_json_named) as r
cross join (select column_names from incoming_sheet where sheet_name = '') as s
-- A line of JSON Lines that is no JSON (JsonLineByLine; none where DuckDB read the file) is a
-- row of its own, quarantined with its text.
union all
select '', line_number, [text], 'The line is not valid JSON: ' || problem
from incoming_json_text_line
where problem is not null
order by row_number;
