#!/usr/bin/python3
"""CLI end to end: demo -> verify -> reconcile --json -> policy, as a user runs them.

Checks exit codes, the documented --json keys of PRODUCT.md §6 and that refusals change nothing.
Usage: end_to_end.py COSCORE_CLI WORK_DIR
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys

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

# import: a new round from the CSV files an officer has, all or nothing.
fresh = os.path.join(WORK, "fresh.coscore")
run("new", fresh, "--title", "Imported round")
files = {
    "funds.csv": "fund,budget\nSmall Grants,\"£20,000.00\"\n",
    "criteria.csv": "fund,criterion_id,name,weight,scale_min,scale_max,descriptors\n"
                    "Small Grants,need,Local need,60,0,3,\"0=None|1=Weak|2=Good|3=Strong\"\n"
                    "Small Grants,value,Value for money,40,0,3,\"0=None|1=Weak|2=Good|3=Strong\"\n",
    "members.csv": "member_id,name,role\nA1,Ann Carer,carer\nB2,Cllr Bob,councillor\n"
                   "C3,Cat User,person_using_services\n",
    "bids.csv": "bid_id,organisation,project_title,fund,amount_requested,ward\n"
                "SG-1,\"Hope, Café & Co\",\"Tea,\nand talk\",Small Grants,\"£1,234.50\",North\n"
                "SG-2,Second Group,Walks,Small Grants,9000,South\n",
    "interests.csv": "member_id,bid_id,type\nC3,SG-2,uses_service\n",
    "scores.csv": "bid_id,member_id,criterion_id,score\nSG-1,A1,need,3\nSG-1,A1,value,2\n"
                  "SG-1,B2,need,1\nSG-1,B2,value,\nSG-2,A1,need,2\nSG-2,A1,value,2\n",
}
for name, text in files.items():
    with open(os.path.join(WORK, name), "w", encoding="utf-8") as f:
        f.write(text)
args = ["import", fresh]
for name in files:
    args += ["--" + name.split(".")[0], os.path.join(WORK, name)]
out = run(*args).stdout
check("Imported" in out, f"import summary: {out}")
imported = json.loads(run("reconcile", fresh, "--json").stdout)
small = imported["funds"][0]
check(small["name"] == "Small Grants" and small["budget_pence"] == 2_000_000, "fund imported")
by_id = {b["bid_id"]: b for b in small["bids"]}
check(by_id["SG-1"]["requested_pence"] == 123_450, "£1,234.50 is 123450 pence")
check(by_id["SG-1"]["organisation"] == "Hope, Café & Co", "quoted commas and UTF-8 survive")
check(by_id["SG-1"]["n"] == 2 and by_id["SG-2"]["n"] == 1, "scores imported; blank is missing")
check("chain intact" in run("verify", fresh).stdout, "verify after import")

# A bad file is refused with its line, and the round keeps what it had.
bad_bids = os.path.join(WORK, "bad_bids.csv")
with open(bad_bids, "w") as f:
    f.write("bid_id,organisation,project_title,fund,amount_requested\n"
            "SG-3,Third,Thing,Small Grants,12O\n")
err = run("import", fresh, "--bids", bad_bids, expect=1).stderr
check("line 2" in err and "Nothing was imported" in err, f"bad amount refused by line: {err}")
again = json.loads(run("reconcile", fresh, "--json").stdout)
check(len(again["funds"][0]["bids"]) == 2, "a refused import adds no bid")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("cli end to end: ok")
