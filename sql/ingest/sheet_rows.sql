-- A sheet's rows as the workbook readers handed them over (incoming_row_joined, encoded as
-- incoming.sql says) into incoming_row_stored, one field list a row, exactly as read: the
-- separator splits, U+0001 alone is a blank cell, and the escapes give back U+0000, U+0001
-- and U+0002 (the replacements cannot interfere: U+0002 appears only as an escape's lead).
-- Each row's cell kinds (CellKind, incoming.sql) come along as they are.
insert into incoming_row_stored (sheet_name, row_number, fields, problem, kinds)
select sheet_name,
       row_number,
       case when field_count = 0 then []::varchar[]
            else list_transform(string_split(joined, chr(0)), lambda t:
                     case when t = chr(1) then null
                          when not contains(t, chr(2)) then t
                          else replace(replace(replace(t, chr(2) || 'a', chr(0)), chr(2) || 'b', chr(1)),
                                       chr(2) || 'c', chr(2))
                     end)
       end,
       problem,
       kinds
from incoming_row_joined;  -- in the order appended, which is the sheet's (insertion order is kept)

delete from incoming_row_joined;
