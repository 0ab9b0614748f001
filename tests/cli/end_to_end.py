#!/usr/bin/python3
"""CLI end to end: demo -> verify -> reconcile --json -> policy -> export, and a round built by
import, as a user runs them.

Checks exit codes, the documented --json keys of PRODUCT.md §6 and that refusals change nothing.
Usage: end_to_end.py COSCORE_CLI WORK_DIR
"""
import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import openpyxl

CLI, WORK = sys.argv[1], sys.argv[2]
failures = []


def run(*args, expect=0):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True)
    if proc.returncode != expect:
        failures.append(f"{' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                        f"{proc.stdout}{proc.stderr}")
    return proc


def check(condition, message):
    if not condition:
        failures.append(message)


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
round_path = os.path.join(WORK, "demo.coscore")

run("demo", round_path)
check(os.path.exists(round_path), "demo did not write the round")
check(not os.path.exists(round_path + "-wal"), "a -wal file was left beside the round")
out = run("verify", round_path).stdout
check("chain intact" in out, f"verify: {out}")

# The second demo into the same file is refused and leaves it as it was.
before = sha(round_path)
err = run("demo", round_path, expect=1).stderr
check("already exists" in err, f"demo over an existing file: {err}")
check(sha(round_path) == before, "a refused demo changed the file")

data = json.loads(run("reconcile", round_path, "--json").stdout)
for key in ("round", "policy", "funds", "equal_voice", "reliability"):
    check(key in data, f"reconcile --json lacks '{key}'")
fund_keys = {"name", "budget_pence", "spent_pence", "remaining_pence", "bids"}
bid_keys = {"bid_id", "organisation", "rank", "tied", "n", "mean", "median", "olympic", "sd",
            "min", "max", "range", "iqr", "zmean", "adjusted", "voices", "flags", "rank_ci50",
            "rank_ci90", "p_funded", "requested_pence", "award_pence", "funded", "decision"}
check(len(data["funds"]) == 2, "the demo has two funds")
for fund in data["funds"]:
    check(fund_keys <= fund.keys(), f"fund keys missing: {fund_keys - fund.keys()}")
    check(fund["spent_pence"] <= fund["budget_pence"], f"{fund['name']} overspent")
    check(fund["spent_pence"] + fund["remaining_pence"] == fund["budget_pence"],
          f"{fund['name']}: spent + remaining != budget")
    for bid in fund["bids"]:
        check(bid_keys <= bid.keys(), f"bid keys missing: {bid_keys - bid.keys()}")
        check(set(bid["voices"]) == {"lived_experience", "councillors", "professionals"},
              "voices keys")
    ranks = [b["rank"] for b in fund["bids"]]
    check(ranks == sorted(ranks), f"{fund['name']}: bids are not in rank order")
    check(sum(b["award_pence"] for b in fund["bids"]) == fund["spent_pence"],
          f"{fund['name']}: awards do not add up to the spend")

innovation = data["funds"][0]
tied = [b["bid_id"] for b in innovation["bids"] if b["tied"]]
check(tied == ["INN-007", "INN-011"], f"the demo's tie at the line: {tied}")
check(innovation["spent_pence"] == 10_000_000, "Innovation Fund spends exactly its budget")
check(len(innovation["ties"]) >= 1 and innovation["ties"][0]["at_line"], "tie is at the line")

only = json.loads(run("reconcile", round_path, "--json", "--fund", "Sustainability Fund").stdout)
check([f["name"] for f in only["funds"]] == ["Sustainability Fund"], "--fund filters")
err = run("reconcile", round_path, "--fund", "Nope", expect=2).stderr
check("Innovation Fund" in err, f"an unknown fund names the real ones: {err}")

# Policy: a bad value is refused and changes nothing; a good one is audited.
before = sha(round_path)
err = run("policy", round_path, "--rank-by", "loudest", expect=2).stderr
check("mean, median" in err, f"bad rank-by lists the choices: {err}")
check(sha(round_path) == before, "a refused policy change wrote to the file")
run("policy", round_path, "--rank-by", "median", "--flag-range", "40")
policy = json.loads(run("policy", round_path, "--json").stdout)
check(policy["rank_by"] == "median" and abs(policy["flag_range"] - 0.4) < 1e-12,
      f"policy after change: {policy}")
check(json.loads(run("reconcile", round_path, "--json").stdout)["basis_used"] == "median",
      "reconcile follows the policy")
out = run("verify", round_path).stdout
check("chain intact" in out, f"verify after policy change: {out}")

# Usage errors exit 2; files that are not rounds exit 1 with a specific message.
run("frobnicate", expect=2)
run("verify", expect=2)
bogus = os.path.join(WORK, "notes.txt")
with open(bogus, "w") as f:
    f.write("bid_id,organisation\n")
err = run("verify", bogus, expect=1).stderr
check("not a CoScore round" in err, f"verify on a text file: {err}")

# reliability and rank on a ratings file: the ERforResearch mock panel (num_grade, 6 = best).
mock = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "shared",
                    "erforresearch_mock_panel1_long.csv")
ratings = os.path.join(WORK, "ratings.csv")
with open(mock) as src, open(ratings, "w") as dst:
    dst.write("unit,rater,value\n")
    for line in src.readlines()[1:]:
        proposal, assessor, _grade, num_grade = line.strip().split(",")
        dst.write(f"{proposal},{assessor},{num_grade}\n")
rel = json.loads(run("reliability", "--ratings", ratings, "--json").stdout)
for key in ("units", "raters", "pairable_values", "krippendorff_alpha", "icc", "anova",
            "kendall_w"):
    check(key in rel, f"reliability --json lacks '{key}'")
check(rel["units"] == 15 and rel["raters"] == 5, f"mock panel is 15 x 5: {rel['units']}")
check(set(rel["krippendorff_alpha"]) == {"nominal", "ordinal", "interval", "ratio"}, "alpha keys")
rank = json.loads(run("rank", "--ratings", ratings, "--fundable", "5", "--method", "bayes",
                      "--seed", "3", "--json").stdout)
for key in ("method", "fundable", "seed", "draws", "mc_error", "funding_line", "bids"):
    check(key in rank, f"rank --json lacks '{key}'")
check(len(rank["bids"]) == 15, "rank lists every proposal")
unit_keys = {"id", "n", "mean", "expected_rank", "sucra", "pcer", "rank_pm", "rank_ci50",
             "rank_ci90", "p_funded", "group"}
for unit in rank["bids"]:
    check(unit_keys <= unit.keys(), f"rank unit keys missing: {unit_keys - unit.keys()}")
    check(unit["group"] in ("accepted", "lottery", "rejected"), f"group {unit['group']}")
again = json.loads(run("rank", "--ratings", ratings, "--fundable", "5", "--method", "bayes",
                       "--seed", "3", "--json").stdout)
check(again == rank, "same seed, same Bayesian ranking")
boot = json.loads(run("rank", "--ratings", ratings, "--fundable", "5", "--method", "bootstrap",
                      "--json").stdout)
check(all(u["p_funded"] is not None for u in boot["bids"]), "bootstrap gives P(funded)")
round_rel = json.loads(run("reliability", round_path, "--json").stdout)
check("krippendorff_alpha" in round_rel and len(round_rel.get("funds", [])) == 2,
      "reliability on a round gives the overall figures and one per fund")
bad = os.path.join(WORK, "bad_ratings.csv")
with open(bad, "w") as f:
    f.write("unit,rater,value\nA,r1,3\nA,r1,4\nB,r2,lots\n")
err = run("rank", "--ratings", bad, "--fundable", "1", expect=1).stderr
check("not a number" in err and "row" in err, f"bad ratings are named by row: {err}")
run("rank", "--ratings", ratings, expect=2)

# export: every output, and nothing half-written left behind.
out_dir = os.path.join(WORK, "out")
run("export", round_path, "--all", out_dir)
for name in ("award_list.xlsx", "scoring_matrix.xlsx", "panel_report.xlsx", "feedback.xlsx",
             "audit_log.xlsx", "csv/awards.csv", "csv/audit_log.csv"):
    path = os.path.join(out_dir, name)
    check(os.path.exists(path) and os.path.getsize(path) > 0, f"export did not write {name}")
leftovers = [n for n in os.listdir(out_dir) if not n.endswith(".xlsx") and n != "csv"]
check(not leftovers, f"export left temporary files: {leftovers}")
with open(os.path.join(out_dir, "csv", "awards.csv"), "rb") as f:
    head = f.read(3)
check(head == b"\xef\xbb\xbf", "CSV starts with a UTF-8 BOM")
run("export", round_path, expect=2)
pinned = [os.path.join(WORK, f"pinned{i}.xlsx") for i in (1, 2)]
for path in pinned:
    run("export", round_path, "--awards", path, "--generated-at", "2026-11-22T14:00:00Z")
check(sha(pinned[0]) == sha(pinned[1]), "a pinned export time gives byte-identical files")
run("export", round_path, "--awards", pinned[0], "--generated-at", "yesterday", expect=2)
err = run("export", round_path, "--awards", "/proc/forbidden/awards.xlsx", expect=1).stderr
check(err.strip() != "", "an export into a folder that cannot be written says why")

# import: a new round from the files an officer has, all or nothing (PRODUCT.md §6,
# RELIABILITY.md §3): headings as people write them, money as they type it.
fresh = os.path.join(WORK, "fresh.coscore")
run("new", fresh, "--title", "Imported round")


def write(name, text, encoding="utf-8"):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path


def round_data(path):
    """Every table but the audit log, and the audit actions in order, read by SQLite itself."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit_log'")]
        data = {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"'))) for t in tables}
        actions = [r[0] for r in con.execute("SELECT action FROM audit_log ORDER BY seq")]
    finally:
        con.close()
    return data, actions


def exported(path, name):
    """One table of `export --csv`, read by Python's CSV reader."""
    out = os.path.join(WORK, "csv-" + os.path.basename(path))
    shutil.rmtree(out, ignore_errors=True)
    run("export", path, "--csv", out)
    with open(os.path.join(out, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def refused_changes_nothing(before, label):
    """A refusal writes one import_rejected audit entry and nothing else."""
    data, actions = round_data(fresh)
    check(data == before[0], f"{label}: a refused import changed the round's data")
    check(actions == before[1] + ["import_rejected"],
          f"{label}: audit after a refusal: {actions[len(before[1]):]}")


files = {
    "funds": write("funds.csv", "Fund Name,Total Budget,Maximum Grant\n"
                                "Small Grants,\"£20,000.00\",\"£10,000\"\n"),
    "criteria": write("criteria.csv",
                      "Fund,Criterion ID,Criterion Name,Weighting,Min Score,Max Score,Levels\n"
                      "Small Grants,need,Local need,60%,0,3,\"0=None|1=Weak|2=Good|3=Strong\"\n"
                      "Small Grants,value,Value for money,40,0,3,"
                      "\"0=None|1=Weak|2=Good|3=Strong\"\n"),
    "members": write("members.csv", "Member ID,Full Name,Role\nA1,Ann Carer,carer\n"
                                    "B2,Cllr Bob,Councillor\nC3,Cat User,Person using services\n"),
    # As Excel saves "CSV UTF-8": a byte-order mark, CRLF, a line break inside quotes.
    "bids": write("bids.csv",
                  "Application Reference,Organisation,Project Title,Fund,Amount Requested (£),"
                  "Ward\r\n"
                  "SG-1,\"Hope, Café & Co\",\"Tea,\nand talk\",Small Grants,\"£1,234.50\",North\r\n"
                  "SG-2,Second Group,Walks,Small Grants,9000,South\r\n", encoding="utf-8-sig"),
    "interests": write("interests.csv", "Member,Bid,Interest Type\nC3,SG-2,uses_service\n"),
    "scores": write("scores.csv", "Bid Ref,Assessor,Criterion,Mark,Comments\n"
                                  "SG-1,A1,need,3,Clear local need\nSG-1,A1,value,2,\n"
                                  "SG-1,B2,need,1,\nSG-1,B2,value,,\n"
                                  "SG-2,A1,need,2,\nSG-2,A1,value,abstained,\n"
                                  "SG-2,C3,need,interest,\n"),
}
args = ["import", fresh]
for table, path in files.items():
    args += ["--" + table, path]
out = run(*args).stdout
check("Imported 1 fund, 2 criteria, 3 members, 2 bids, 1 interest and 7 scores." in out,
      f"import summary: {out}")
imported = json.loads(run("reconcile", fresh, "--json").stdout)
small = imported["funds"][0]
check(small["name"] == "Small Grants" and small["budget_pence"] == 2_000_000, "fund imported")
by_id = {b["bid_id"]: b for b in small["bids"]}
check(set(by_id) == {"SG-1", "SG-2"}, f"bids after import: {sorted(by_id)}")
check(by_id["SG-1"]["requested_pence"] == 123_450, "£1,234.50 is 123450 pence")
check(by_id["SG-2"]["requested_pence"] == 900_000, "9000 is 900000 pence")
check(by_id["SG-1"]["organisation"] == "Hope, Café & Co", "quoted commas and UTF-8 survive")
check(by_id["SG-1"]["n"] == 2 and by_id["SG-2"]["n"] == 1, "scores imported; missing is not 0")
awards = {r["Ref"]: r for r in exported(fresh, "awards.csv")}
check(awards["SG-1"]["Project"] == "Tea,\nand talk", f"quoted line break: {awards['SG-1']}")
missing = {(r["Ref"], r["Member"], r["Criterion"]): r["Missing"]
           for r in exported(fresh, "matrix_scores.csv") if r["Score"] == ""}
check(missing == {("SG-1", "Cllr Bob", "Value for money"): "Not yet scored",
                  ("SG-2", "Ann Carer", "Value for money"): "Abstained",
                  ("SG-2", "Cat User", "Local need"): "Interest declared"},
      f"blank and missing-score words: {missing}")
check("chain intact" in run("verify", fresh).stdout, "verify after import")

# Bad files are refused naming file, line and column, the fault and the fix; nothing is added.
bad_bids = write("bad_bids.csv", "bid_id,organisation,project_title,fund,amount_requested\n"
                                 "SG-3,Third,\"Two\nlines\",Small Grants,100\n"
                                 "SG-4,Fourth,Thing,Big Grants,100\n")
bad_scores = write("bad_scores.csv", "bid_id,member_id,criterion_id,score\nSG-2,B2,need,7\n")
before = round_data(fresh)
err = run("import", fresh, "--bids", bad_bids, "--scores", bad_scores, expect=1).stderr
check('bad_bids.csv, line 4, column "fund": There is no fund "Big Grants" in the round or in '
      'the funds file. Fix: Correct the fund' in err, f"unknown fund, by its line: {err}")
check('bad_scores.csv, line 2, column "score": 7 is outside the scale of "need", 0 to 3. '
      'Fix: Give a score on the criterion\'s scale' in err, f"score outside the scale: {err}")
check(err.rstrip().endswith("Nothing was imported: 2 errors."), f"refusal summary: {err}")
refused_changes_nothing(before, "unknown fund and score out of scale")
twelve_o = write("bad_amount.csv", "bid_id,organisation,project_title,fund,amount_requested\n"
                                   "SG-3,Third,Thing,Small Grants,12O\n")
before = round_data(fresh)
err = run("import", fresh, "--bids", twelve_o, expect=1).stderr
check("line 2" in err and "[amount.letter_for_digit]" in err, f"12O refused by line: {err}")
refused_changes_nothing(before, "12O")

# Wrong arguments are refused before the round is opened: not a byte changes.
unchanged = sha(fresh)
run("import", fresh, "--bids", bad_bids, "--encoding", "latin-1", expect=2)
run("import", fresh, "--bids", bad_bids, "--sheet", "scores=Scores", expect=2)
run("import", fresh, "--bids", bad_bids, "--map", "bids.nonsense=Fund", expect=2)
run("import", fresh, expect=2)
check(sha(fresh) == unchanged, "an import with wrong arguments wrote to the round")

# Warnings only: refused until the officer accepts them, then imported.
over_max = write("more_bids.csv", "bid_id,organisation,project_title,fund,amount_requested\n"
                                  "SG-3,Third Group,Garden,Small Grants,\"£12,000\"\n")
before = round_data(fresh)
err = run("import", fresh, "--bids", over_max, expect=1).stderr
check("warning: " in err and "[bids.above_max_award]" in err and "error: " not in err,
      f"a warning, no errors: {err}")
check("Nothing was imported: 1 warning." in err and "--accept-warnings" in err,
      f"warnings-only refusal says how to accept: {err}")
refused_changes_nothing(before, "warnings not accepted")
out = run("import", fresh, "--bids", over_max, "--accept-warnings").stdout
check("[bids.above_max_award]" in out and "Imported 1 bid." in out, f"warnings accepted: {out}")

# A CSV saved as "ANSI" is named as such, and read only when the officer says so.
ansi = write("members_ansi.csv", "Member ID,Full Name,Role\r\nD4,Renée O’Brien,carer\r\n"
                                 "E5,Zoë Smith,councillor\r\n", encoding="cp1252")
before = round_data(fresh)
err = run("import", fresh, "--members", ansi, expect=1).stderr
check("line 2 has byte E9, which is \"é\" in Windows-1252" in err and
      "--encoding windows-1252" in err and "[csv.windows_1252]" in err,
      f"Windows-1252 detected and reported: {err}")
refused_changes_nothing(before, "Windows-1252 without --encoding")
out = run("import", fresh, "--members", ansi, "--encoding", "windows-1252").stdout
check("Imported 2 members." in out, f"Windows-1252 when asked: {out}")
heads = list(exported(fresh, "matrix_totals.csv")[0].keys())
check("Renée O’Brien" in heads and "Zoë Smith" in heads, f"names decoded from 1252: {heads}")

# Scores as councils keep them: a wide matrix, one row per bid, members over criteria.
def matrix_workbook(path, sg3_e5_need):
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active["A1"] = "Small Grants: scores returned on paper"
    sheet = book.create_sheet("Scores")
    sheet.append(["Small Grants panel, March"])
    sheet.append(["Application Ref", "Renée O’Brien", None, "E5", None])
    sheet.append([None, "need", "value", "need", "value"])
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("D2:E2")
    sheet.append(["SG-3", 3, 2, sg3_e5_need, None])
    sheet.append(["SG-1", 2, 1, "absent", 3])
    book.save(path)


wide = os.path.join(WORK, "matrix.xlsx")
matrix_workbook(wide, 9)
before = round_data(fresh)
err = run("import", fresh, "--scores", wide, expect=1).stderr
check('matrix.xlsx, sheet "Cover", row 1' in err and "[header.missing_columns]" in err,
      f"the first visible sheet is read by default: {err}")
refused_changes_nothing(before, "matrix, wrong sheet")
before = round_data(fresh)
err = run("import", fresh, "--scores", wide, "--sheet", "scores=Scores", expect=1).stderr
check('matrix.xlsx, sheet "Scores", cell D4, column "E5 / need": 9 is outside the scale' in err,
      f"a bad matrix cell is named: {err}")
refused_changes_nothing(before, "matrix, score out of scale")
matrix_workbook(wide, 1)
out = run("import", fresh, "--scores", wide, "--sheet", "scores=Scores").stdout
check("[scores.wide_matrix]" in out and "Imported 7 scores." in out, f"matrix imported: {out}")
one_row = write("matrix.csv", "Bid,D4 need,D4 value,Zoë Smith: need,Zoë Smith: value\n"
                              "SG-2,1,1,2,not yet\n")
out = run("import", fresh, "--scores", one_row).stdout
check("[scores.wide_matrix]" in out and "Imported 4 scores." in out, f"one-row matrix: {out}")
bids = {b["bid_id"]: b for b in
        json.loads(run("reconcile", fresh, "--json").stdout)["funds"][0]["bids"]}
check({k: b["n"] for k, b in bids.items()} == {"SG-1": 4, "SG-2": 3, "SG-3": 2},
      f"members scoring each bid after the matrices: {bids}")

# sep=; and decimal commas: refused unless the officer says the commas are decimal.
semicolons = write("funds_semicolon.csv", "sep=;\r\nfund;budget;max_award\r\n"
                                          "Community Chest;50.000,00;2.500,50\r\n")
before = round_data(fresh)
err = run("import", fresh, "--funds", semicolons, expect=1).stderr
check('line 3, column "budget"' in err and "[csv.decimal_comma]" in err and
      "--decimal-comma" in err, f"decimal comma refused: {err}")
refused_changes_nothing(before, "decimal comma")
run("import", fresh, "--funds", semicolons, "--decimal-comma")
budgets = {f["name"]: f["budget_pence"]
           for f in json.loads(run("reconcile", fresh, "--json").stdout)["funds"]}
check(budgets.get("Community Chest") == 5_000_000, f"50.000,00 is £50,000: {budgets}")
check("chain intact" in run("verify", fresh).stdout, "verify after the imports")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("cli end to end: ok")
