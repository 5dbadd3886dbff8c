"""Opens the published snapshot in Python's duckdb, as docs/analysts.md tells an analyst, and
runs every ```sql block of docs/analysts.md on it. A manual check (the duckdb wheel is not part
of the build): see docs/analysts.md "Opening it" for the versions it was run with.

    python bench/snapshot_in_python.py HOME      (HOME: a Plumbline home after `plumbline demo`)
"""
import re
import sys
from pathlib import Path

import duckdb

home = Path(sys.argv[1] if len(sys.argv) > 1 else "var")
published = home / "published"
snapshot = published / (published / "CURRENT").read_text().strip()
print(f"duckdb {duckdb.__version__} (Python {sys.version.split()[0]}) opens {snapshot}")
con = duckdb.connect(str(snapshot), read_only=True)
con.sql("select * from fct_policy_breach order by week_start").show(max_rows=3)
guide = (Path(__file__).parent.parent / "docs" / "analysts.md").read_text()
for block in re.findall(r"```sql\n(.*?)```", guide, re.S):
    for statement in re.sub(r"(?m)--.*$", "", block).split(";"):
        if statement.strip():
            print(con.sql(statement).fetchall()[:3])
