-- Per source, the settings its loaded files were last read under: one row per source and settings
-- fingerprint (null: read before ledger V15, unknown), with how many loads. A row per source and
-- setting, so it stays tiny; ReadingDrift.java holds it against each source's fingerprint now.
select source_id, settings_fingerprint, count(*) as load_count
from load_settings
group by source_id, settings_fingerprint
order by source_id
