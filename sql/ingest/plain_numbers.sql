-- For a source whose numbers typed as text have one convention (every source but a workbook that
-- declares no decimal mark): type_values.sql never asks for a second reading, so it has none.
-- workbook_numbers.sql defines the two for the others.
create or replace temp macro plumbline_either_number(text) as null::double;

create or replace temp macro plumbline_two_readings(text) as null::varchar;
