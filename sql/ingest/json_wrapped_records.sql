-- For a JSON file that is one object: the first of its keys whose value is an array of objects
-- (where an API export keeps its records, {"meta": …, "data": [ … ]}), null if none, and the
-- header read from it. JsonFileReader asks only when the file holds exactly one record.
select (select e.key
        from incoming_json_record r, json_each(r.json) e
        where json_type(e.value) = 'ARRAY' and json_type(e.value, '$[0]') = 'OBJECT'
        order by e.id
        limit 1) as records_key,
       (select column_names from incoming_sheet where sheet_name = '') as header
