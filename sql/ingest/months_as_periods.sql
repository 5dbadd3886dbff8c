-- For a source with a monthly table (LoadSettings): a period is also a month written as one
-- ("2025-01", "Jan 2025": plumbline_month) in a table whose grain is month. Replaces the
-- definition incoming.sql gives, which reads dates and ISO weeks only.
create or replace temp macro plumbline_period_at(text, format, grain) as
    coalesce(plumbline_period(text, format), case when grain = 'month' then plumbline_month(text) end);
