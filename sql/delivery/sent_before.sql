-- Whether these very bytes of a report already reached a recipient: a restarted deliver step
-- must not send a report twice. Parameters: report_file, report_sha256, recipient.
select count(*) > 0 as was_sent
from report_delivery
where report_file = ? and report_sha256 = ? and recipient = ? and outcome = 'sent'
