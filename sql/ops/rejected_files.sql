-- Console query (not a model): files that could not be read at all, newest first, with why.
-- One row per rejected delivery (file_delivery.outcome = 'rejected'); the file itself is in
-- <home>/rejected/ beside a .reason.txt.
-- Bound parameters, in order, each given twice (null means "any"):
--   file name fragment (varchar, case-insensitive), reason fragment (varchar).
with rejected as (
    select file_name,
           source_id,
           received_at,
           seen_at,
           reason
    from file_delivery
    where outcome = 'rejected'
),

final as (
    select * from rejected
)

select *
from final
where (cast(? as varchar) is null or file_name ilike '%' || cast(? as varchar) || '%')
  and (cast(? as varchar) is null or reason ilike '%' || cast(? as varchar) || '%')
order by seen_at desc, file_name
limit 500
