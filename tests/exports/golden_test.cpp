// SPDX-License-Identifier: MIT
// Chosen XML parts of the award list and the panel report against golden copies in
// tests/data/exports/. The input is a tiny round with a hand-written reconciliation, so the
// goldens change only when the exports change. COSCORE_UPDATE_GOLDEN=1 rewrites them (review
// the diff before committing).
#include "readback.hpp"
#include "temp_dir.hpp"

#include <coscore/exports/export.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <string>

namespace
{

namespace data = boost::unit_test::data;
namespace fs = std::filesystem;
using namespace coscore::scoring;

RoundData TinyRound()
{
    RoundData round;
    round.info.uuid = "00000000-0000-4000-8000-000000000001";
    round.info.title = "Tiny Round & Co";
    round.info.protective_marking = "OFFICIAL";
    Fund fund;
    fund.key = 1;
    fund.name = "Community Fund";
    fund.budget_pence = 1'000'000;
    Criterion need;
    need.key = 1;
    need.ref = "need";
    need.name = "Need";
    need.weight_percent = 60;
    Criterion plan = need;
    plan.key = 2;
    plan.ref = "plan";
    plan.name = "Plan";
    plan.weight_percent = 40;
    fund.criteria = {need, plan};
    round.funds = {fund};
    const auto member = [](Key key, const char* name, Role role)
    {
        Member m;
        m.key = key;
        m.ref = "M" + std::to_string(key);
        m.name = name;
        m.role = role;
        return m;
    };
    round.members = {member(1, "Alex Cole", Role::Councillor), member(2, "Bea Dunn", Role::Carer),
                     member(3, "Cy Eze", Role::Officer)};
    const auto bid = [](Key key, const char* ref, const char* org, Pence requested)
    {
        Bid b;
        b.key = key;
        b.ref = ref;
        b.organisation = org;
        b.project_title = "Project of " + std::string(org);
        b.fund = 1;
        b.requested_pence = requested;
        b.ward = "Ward " + std::string(ref);
        return b;
    };
    round.bids = {bid(11, "CF-1", "Alpha Trust", 500'000), bid(12, "CF-2", "Beta Club", 400'000),
                  bid(13, "CF-3", "Gamma CIC", 300'000)};
    Decision reject;
    reject.bid = 13;
    reject.kind = DecisionKind::Reject;
    reject.reason = "Below the line";
    reject.status = DecisionStatus::Agreed;
    round.decisions = {reject};
    return round;
}

BidResult TinyBid(Key key, int rank, double mean, double lo, double hi, Pence requested,
                  Pence award)
{
    BidResult r;
    r.bid = key;
    r.rank = rank;
    r.raw_rank = rank;
    r.adjusted_rank = rank;
    r.figures.n = 3;
    r.figures.mean = mean;
    r.figures.median = mean;
    r.figures.sd = (hi - lo) / 2.0;
    r.figures.min = lo;
    r.figures.max = hi;
    r.figures.range = hi - lo;
    r.figures.iqr = (hi - lo) / 2.0;
    // Field by field: the scoring types grow, and the golden must not depend on their order.
    const std::array<double, kVoiceCount> voice_means{mean - 5.0, mean + 5.0, mean};
    for (std::size_t v = 0; v < r.voices.size(); ++v)
    {
        r.voices[v].voice = static_cast<Voice>(v);
        r.voices[v].n = 1;
        r.voices[v].mean = voice_means[v];
    }
    for (const Key member : {1, 2, 3})
    {
        MemberTotal total;
        total.member = member;
        total.total = voice_means[static_cast<std::size_t>(member - 1)];
        r.members.push_back(total);
    }
    r.requested_pence = requested;
    r.award_pence = award;
    r.funded = award > 0;
    return r;
}

ReconcileResult TinyResult()
{
    ReconcileResult result;
    result.basis_note = "mean of member totals";
    FundResult fund;
    fund.fund = 1;
    fund.budget_pence = 1'000'000;
    fund.bids = {TinyBid(11, 1, 80.0, 70.0, 90.0, 500'000, 500'000),
                 TinyBid(12, 2, 65.0, 50.0, 75.0, 400'000, 400'000),
                 TinyBid(13, 3, 40.0, 30.0, 55.0, 300'000, 0)};
    Flag range;
    range.code = "range";
    range.text = "The totals differ by 25 points.";
    fund.bids[1].flags = {range};
    fund.bids[2].decision = DecisionKind::Reject;
    fund.bids[2].decision_status = DecisionStatus::Agreed;
    fund.spent_pence = 900'000;
    fund.remaining_pence = 100'000;
    fund.funded_count = 2;
    fund.reliability.units = 3;
    fund.reliability.raters = 3;
    fund.reliability.alpha.interval = 0.5;
    result.funds = {fund};
    result.reliability = fund.reliability;
    for (int v = 0; v < kVoiceCount; ++v)
    {
        result.equal_voice.voices[static_cast<std::size_t>(v)].voice = static_cast<Voice>(v);
        result.equal_voice.voices[static_cast<std::size_t>(v)].members = 1;
        result.equal_voice.voices[static_cast<std::size_t>(v)].mean_total = 60.0 + v;
    }
    return result;
}

struct PartCase
{
    const char* name;
    const char* workbook; ///< "awards" or "report"
    const char* part;
    const char* golden;
};

std::ostream& operator<<(std::ostream& os, const PartCase& c)
{
    return os << c.name;
}

const PartCase kParts[] = {
    {"document properties", "awards", "docProps/core.xml", "awards_core.xml"},
    {"custom properties", "awards", "docProps/custom.xml", "awards_custom.xml"},
    {"workbook and defined names", "awards", "xl/workbook.xml", "awards_workbook.xml"},
    {"styles made once", "awards", "xl/styles.xml", "awards_styles.xml"},
    {"summary sheet", "awards", "xl/worksheets/sheet1.xml", "awards_summary_sheet.xml"},
    {"fund sheet", "awards", "xl/worksheets/sheet2.xml", "awards_fund_sheet.xml"},
    {"shared strings", "awards", "xl/sharedStrings.xml", "awards_shared_strings.xml"},
    {"budget chart", "report", "xl/charts/chart1.xml", "report_budget_chart.xml"},
    {"spread chart", "report", "xl/charts/chart3.xml", "report_spread_chart.xml"},
};

/// The tiny round's award list and panel report, written once per run.
struct Tiny
{
    RoundData round = TinyRound();
    ReconcileResult result = TinyResult();
    coscore::test::TempDir dir;
    fs::path File(const char* workbook) const
    {
        return dir.Path() / (std::string(workbook) + ".xlsx");
    }
};

const Tiny& TinyExports()
{
    static const std::unique_ptr<Tiny> tiny = []
    {
        auto t = std::make_unique<Tiny>();
        coscore::exports::ExportInput input(t->round, t->result);
        input.generated_at = std::chrono::sys_seconds{std::chrono::seconds{1767225600}};
        input.audit_head_hex = std::string(64, 'f');
        coscore::exports::ExportOptions options;
        options.memory = coscore::exports::MemoryMode::InMemory;
        coscore::exports::WriteAwardList(input, t->File("awards"), options);
        coscore::exports::WritePanelReport(input, t->File("report"), options);
        return t;
    }();
    return *tiny;
}

} // namespace

BOOST_AUTO_TEST_SUITE(GoldenParts)

BOOST_DATA_TEST_CASE(PartMatchesItsGoldenCopy, data::make(kParts), c)
{
    const Tiny& tiny = TinyExports();
    const std::string actual =
        coscore::test::ReadZipPart(tiny.File(c.workbook), c.part, tiny.dir.Path());
    const fs::path golden = fs::path(COSCORE_EXPORTS_GOLDEN_DIR) / c.golden;
    if (const char* update = std::getenv("COSCORE_UPDATE_GOLDEN");
        update != nullptr && *update == '1')
    {
        std::ofstream(golden, std::ios::binary) << actual;
        BOOST_TEST_MESSAGE("rewrote " << golden);
    }
    BOOST_REQUIRE_MESSAGE(fs::exists(golden), "no golden copy " << golden);
    BOOST_TEST(actual == coscore::test::ReadFile(golden));
}

BOOST_AUTO_TEST_CASE(TheSameInputGivesAByteIdenticalFile)
{
    const Tiny& tiny = TinyExports();
    coscore::exports::ExportInput input(tiny.round, tiny.result);
    input.generated_at = std::chrono::sys_seconds{std::chrono::seconds{1767225600}};
    input.audit_head_hex = std::string(64, 'f');
    coscore::exports::ExportOptions options;
    options.memory = coscore::exports::MemoryMode::InMemory;
    const fs::path again = tiny.dir.Path() / "again.xlsx";
    coscore::exports::WriteAwardList(input, again, options);
    BOOST_TEST(coscore::test::ReadFile(again) == coscore::test::ReadFile(tiny.File("awards")));
}

BOOST_AUTO_TEST_SUITE_END()
