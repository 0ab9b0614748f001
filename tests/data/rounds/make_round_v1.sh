#!/bin/sh
# Writes round_v1.coscore: a round file in schema version 1, as CoScore 0.1 wrote it, with one
# fund, one member and one bid. The migration test opens it with the current CoScore.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/round_v1.coscore"
rm -f "$out"
{
  echo "PRAGMA application_id = 1131369315;"
  cat "$here/../../../src/core/migrations/0001_create_round.sql"
  cat <<'SQL'
PRAGMA user_version = 1;
INSERT INTO round (id, uuid, title, created_at) VALUES
  (1, '0b7c3a52-6f1e-4d2a-9a55-3f1f9d2b7e10', 'Old round 2025', '2025-03-01T10:00:00Z');
INSERT INTO funds (id, name, budget_pence, position) VALUES (1, 'Innovation Fund', 5000000, 1);
INSERT INTO scoring_forms (fund_id, title) VALUES (1, 'Innovation Fund');
INSERT INTO criteria (id, fund_id, ref, name, weight_percent, scale_min, scale_max, position)
  VALUES (1, 1, 'need', 'Local need', 100, 0, 5, 1);
INSERT INTO members (id, ref, name, role, scores, position)
  VALUES (1, 'M01', 'Jo Bloggs', 'carer', 1, 1);
INSERT INTO bids (id, ref, fund_id, organisation, project_title, requested_pence, position)
  VALUES (1, 'INN-001', 1, 'Example Trust', 'Example project', 500000, 1);
INSERT INTO scores (bid_id, member_id, criterion_id, value) VALUES (1, 1, 1, 4);
SQL
} | sqlite3 "$out"
echo "wrote $out"
