-- The deliveries of one run whose latest attempt failed: what `plumbline resend RUN` sends
-- again. One row per report and recipient. Parameter: run_id.
with deliveries_of_run as (
    select *,
           row_number() over (partition by report_file, recipient order by report_delivery_id desc) as newest_first
    from report_delivery
    where run_id = ?
),

final as (
    select report_file, as_of_date, list_name, recipient, reason
    from deliveries_of_run
    where newest_first = 1 and outcome = 'failed'
    order by report_file, recipient
)

select * from final
