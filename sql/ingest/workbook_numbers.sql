-- A workbook's number typed as text where the source declares no decimal mark: its one reading
-- ("12.500,00", "12,5", "12"), or null where it has none or two ("12.500": 12.5 or 12500), and
-- then why. Each works inside a lambda over the one text because an expression written twice
-- in a statement is computed once for every row of it (DuckDB's common subexpressions): the
-- regular expressions would run for every value of the file, though only such texts need them.
create or replace temp macro plumbline_either_number(text) as
    list_transform([text], lambda t: case when plumbline_number(t, '.') is null then plumbline_number(t, ',')
                                          when plumbline_number(t, ',') is null
                                            or plumbline_number(t, '.') = plumbline_number(t, ',')
                                              then plumbline_number(t, '.') end)[1];

create or replace temp macro plumbline_two_readings(text) as
    list_transform([text], lambda t: case when plumbline_number(t, '.') <> plumbline_number(t, ',')
        then ' as the workbook stores it: it is text, which reads as ' || plumbline_shown(plumbline_number(t, '.'))
             || ' with a decimal point and as ' || plumbline_shown(plumbline_number(t, ',')) || ' with a decimal'
             || ' comma. Enter it as a number in the workbook, or declare how this source writes numbers typed as'
             || ' text (sources.yml: decimal: "," or decimal: "." on the source).' end)[1];
