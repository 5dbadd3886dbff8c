-- Step 2 of the analysts' snapshot: the confidential columns (dim_confidential_column, from
-- config/governance/confidentiality.yml) masked or dropped in the staging copy, and the
-- incentive schemes and the e-mail delivery record withheld. Runs against snapshot_staging only; the working warehouse keeps
-- the text as delivered (operators only).
--
-- The ledger keeps each row's raw text as a list, fields[i] under the header
-- raw_sheet.column_names[i] of its load and sheet; a marked column's position is found by its
-- header (case and surrounding spaces ignored, as when files are read).
-- mask: a non-empty value becomes '[masked]' (an analyst can still count values); an empty
-- one stays empty. drop: the value becomes null.

-- A warehouse last rebuilt before the confidentiality section existed has no marks yet.
create table if not exists snapshot_staging.main.dim_confidential_column (
    source_id varchar, column_name varchar, data_kind varchar, analysts_treatment varchar);

-- One row per load, sheet and table (ledger V10: '' on a sheet of one table) that holds a
-- marked column: the positions to mask and to drop. Each table of a sheet has its own header,
-- so a column marked in one table masks that table's rows only.
create or replace temp table confidential_position as
with

marked as (
    select s.load_id,
           s.sheet_name,
           s.table_name,
           c.analysts_treatment,
           list_position(list_transform(s.column_names, lambda name: lower(trim(name))),
                         lower(trim(c.column_name))) as position
    from snapshot_staging.main.raw_sheet as s
    join snapshot_staging.main.load_audit as l using (load_id)
    join snapshot_staging.main.dim_confidential_column as c on c.source_id = l.source_id
),

final as (
    select load_id,
           sheet_name,
           table_name,
           coalesce(list(position) filter (where analysts_treatment = 'mask'), []) as mask_positions,
           coalesce(list(position) filter (where analysts_treatment = 'drop'), []) as drop_positions
    from marked
    where position is not null
    group by load_id, sheet_name, table_name
)

select * from final;

-- The rule, once for every table of raw text: a dropped position becomes null, a masked
-- non-empty one '[masked]' (an empty value stays empty), every other field stays as delivered.
create or replace temp macro masked_fields(fields, mask_positions, drop_positions) as
list_transform(fields, lambda field, i:
    case when list_contains(drop_positions, i) then null
         when list_contains(mask_positions, i) and field <> '' then '[masked]'
         else field end);

-- raw_row is a view since ledger V6: its text is in raw_record, and in raw_row_v1 for earlier loads.
update snapshot_staging.main.raw_record as r
set fields = masked_fields(r.fields, p.mask_positions, p.drop_positions)
from confidential_position as p
where p.load_id = r.load_id and p.sheet_name = r.sheet_name and p.table_name = r.table_name;

-- Loads from before ledger V6 (and V10) have one table a sheet.
update snapshot_staging.main.raw_row_v1 as r
set fields = masked_fields(r.fields, p.mask_positions, p.drop_positions)
from confidential_position as p
where p.load_id = r.load_id and p.sheet_name = r.sheet_name and p.table_name = '';

-- A quarantined row records its table (ledger V11): a row inside a table is masked as that
-- table's rows are. A row in no table ('' on a sheet of several: between or below its tables)
-- gets every table's marked positions on its sheet (more masked, never less).
update snapshot_staging.main.raw_quarantine as q
set fields = masked_fields(q.fields, p.mask_positions, p.drop_positions)
from (select load_id, sheet_name, table_name, mask_positions, drop_positions
      from confidential_position
      union all
      select load_id, sheet_name, '' as table_name, flatten(list(mask_positions)) as mask_positions,
             flatten(list(drop_positions)) as drop_positions
      from confidential_position
      where table_name <> ''
      group by load_id, sheet_name) as p
where p.load_id = q.load_id and p.sheet_name = q.sheet_name and p.table_name = q.table_name;

drop table confidential_position;
drop macro masked_fields;

-- Incentive schemes (who is paid a bonus on which KPI, with what weight) are sensitive by
-- nature: the snapshot keeps the findings about them (fct_incentive_conflict) but not the
-- schemes. `if exists`: the strategy dimensions come with the findings work and may be absent.
drop table if exists snapshot_staging.main.dim_incentive_weight;
drop table if exists snapshot_staging.main.dim_incentive_scheme;

-- Who received which report by e-mail (report_delivery, ledger V8) is operators' business, and
-- its addresses are personal data: the snapshot leaves the delivery record out.
drop table if exists snapshot_staging.main.report_delivery;
