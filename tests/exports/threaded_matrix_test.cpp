// SPDX-License-Identifier: MIT
// A streamed scoring matrix written on two threads (criterion sheets split between the threads,
// sheets zipped two at a time by the pinned libxlsxwriter) is the very file one thread writes,
// and reads back with openpyxl as the round's scores; a cancel or a failure on the way leaves
// no file under the target name, as on one thread.
#include "export_context.hpp"
#include "fixture.hpp"
#include "readback.hpp"
#include "temp_dir.hpp"

#include <coscore/exports/export.hpp>
#include <coscore/scoring/error.hpp>
#include <coscore/scoring/synthetic_round.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace
{

namespace fs = std::filesystem;
using coscore::exports::ExportOptions;
using coscore::exports::MemoryMode;
using coscore::scoring::Key;
using coscore::test::FilesIn;

/// A generated round of 2,000 bids × 10 members × 6 criteria in two funds (12 criterion sheets
/// of 1,000 rows), with interests, missing scores and moderated scores in every criterion.
struct LargeRound
{
    coscore::scoring::RoundData round;
    coscore::scoring::ReconcileResult result;

    coscore::exports::ExportInput Input() const
    {
        coscore::exports::ExportInput input(round, result);
        input.generated_at = coscore::test::kPinnedTime;
        return input;
    }
};

const LargeRound& Large()
{
    static const LargeRound large = []
    {
        coscore::scoring::SyntheticSpec spec;
        spec.bids = 2'000;
        spec.members = 10;
        spec.criteria = 6;
        LargeRound r;
        r.round = coscore::scoring::GenerateRound(spec, 20260315);
        // Every 97th score changed in the meeting: moderated cells on both threads' sheets.
        for (std::size_t i = 0; i < r.round.scores.size(); i += 97)
        {
            const coscore::scoring::Score& s = r.round.scores[i];
            coscore::scoring::ModeratedScore m;
            m.bid = s.bid;
            m.member = s.member;
            m.criterion = s.criterion;
            m.value = s.value ? (*s.value == 1 ? 2 : 1) : 3;
            m.reason = "Read the budget again";
            m.recorded_by = "officer:test";
            m.recorded_at = "2026-03-14T09:00:00Z";
            r.round.moderated.push_back(m);
        }
        coscore::scoring::ReconcileOptions options;
        options.bootstrap = false;
        options.reliability = false;
        r.result = coscore::scoring::Reconcile(r.round, options);
        return r;
    }();
    return large;
}

ExportOptions Streamed(int threads)
{
    ExportOptions options;
    options.memory = MemoryMode::Constant;
    options.threads = threads;
    return options;
}

/// What each cell of a criterion sheet must read: the member total's reason for no score, then
/// the score, the moderated value or the score's own reason (as the matrix is defined).
struct Expected
{
    std::optional<double> number;
    std::string text;
    bool moderated = false;
};

Expected
ExpectedCell(const coscore::scoring::BidResult& result, Key member, Key criterion,
             const std::map<std::tuple<Key, Key, Key>, const coscore::scoring::Score*>& scores,
             const std::map<std::tuple<Key, Key, Key>, std::optional<int>>& moderated)
{
    Expected expected;
    for (const auto& total : result.members)
    {
        if (total.member == member && !total.total &&
            total.missing != coscore::scoring::MissingReason::None)
        {
            expected.text = coscore::exports::detail::MissingText(total.missing);
        }
    }
    const auto score = scores.find({result.bid, member, criterion});
    if (score == scores.end())
    {
        return expected;
    }
    const auto changed = moderated.find({result.bid, member, criterion});
    if (changed != moderated.end() && changed->second)
    {
        return {*changed->second, "", true};
    }
    if (score->second->value)
    {
        return {*score->second->value, "", false};
    }
    if (score->second->missing != coscore::scoring::MissingReason::None)
    {
        return {std::nullopt,
                std::string(coscore::exports::detail::MissingText(score->second->missing)), false};
    }
    return expected;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ThreadedMatrix)

BOOST_AUTO_TEST_CASE(TwoThreadsWriteTheFileOneThreadWritesAndItReadsBackAsTheScores)
{
    const LargeRound& r = Large();
    coscore::test::TempDir dir;
    const fs::path one = dir.Path() / "one.xlsx";
    const fs::path two = dir.Path() / "two.xlsx";
    coscore::exports::WriteScoringMatrix(r.Input(), one, Streamed(1));
    coscore::exports::WriteScoringMatrix(r.Input(), two, Streamed(2));
    // Same formats numbered the same way, same rows, same zip members: the same bytes.
    BOOST_TEST((coscore::test::ReadFile(one) == coscore::test::ReadFile(two)));

    std::map<std::tuple<Key, Key, Key>, const coscore::scoring::Score*> scores;
    for (const auto& s : r.round.scores)
    {
        scores[{s.bid, s.member, s.criterion}] = &s;
    }
    std::map<std::tuple<Key, Key, Key>, std::optional<int>> moderated;
    for (const auto& m : r.round.moderated)
    {
        moderated[{m.bid, m.member, m.criterion}] = m.value; // the latest applies
    }
    std::map<Key, const coscore::scoring::Bid*> bids;
    for (const auto& bid : r.round.bids)
    {
        bids[bid.key] = &bid;
    }

    const coscore::test::XlsxDump dump = coscore::test::ReadXlsx(two);
    std::size_t sheet_index = 1; // after Totals, the criterion sheets fund by fund
    std::size_t numbers = 0;
    std::size_t texts = 0;
    std::size_t changed = 0;
    for (const auto& fund : r.result.funds)
    {
        const auto form = std::find_if(r.round.funds.begin(), r.round.funds.end(),
                                       [&](const auto& f) { return f.key == fund.fund; });
        BOOST_REQUIRE(form != r.round.funds.end());
        for (const auto& criterion : form->criteria)
        {
            BOOST_REQUIRE(sheet_index < dump.sheets.size());
            const coscore::test::DumpSheet& sheet = dump.sheets[sheet_index++];
            BOOST_TEST_CONTEXT(sheet.name)
            {
                BOOST_TEST(sheet.name.ends_with(criterion.name));
                const int header = sheet.HeaderRow({"Rank", "Ref"});
                BOOST_REQUIRE(header > 0);
                std::vector<std::pair<Key, int>> columns;
                for (const auto& member : r.round.members)
                {
                    if (member.scores)
                    {
                        columns.emplace_back(
                            member.key,
                            sheet.ColumnOf(header, member.name.empty() ? member.ref : member.name));
                        BOOST_REQUIRE(columns.back().second > 0);
                    }
                }
                int row = header;
                for (const auto& result : fund.bids)
                {
                    ++row;
                    BOOST_REQUIRE(sheet.Text(row, sheet.ColumnOf(header, "Ref")) ==
                                  bids.at(result.bid)->ref);
                    for (const auto& [member, col] : columns)
                    {
                        const Expected expected =
                            ExpectedCell(result, member, criterion.key, scores, moderated);
                        const coscore::test::DumpCell* cell = sheet.At(row, col);
                        if (expected.number)
                        {
                            BOOST_REQUIRE_MESSAGE(cell != nullptr && cell->kind == 'n',
                                                  "row " << row << " col " << col);
                            BOOST_TEST(cell->Number() == *expected.number);
                            // A moderated score carries its own format; the rest none.
                            BOOST_TEST(cell->format == (expected.moderated ? "0" : "General"));
                            ++numbers;
                            changed += expected.moderated ? 1U : 0U;
                        }
                        else
                        {
                            BOOST_TEST(sheet.Text(row, col) == expected.text,
                                       "row " << row << " col " << col);
                            texts += expected.text.empty() ? 0U : 1U;
                        }
                    }
                }
                BOOST_TEST(sheet.LastRow() == row);
            }
        }
    }
    BOOST_TEST(numbers > 100'000U);
    BOOST_TEST(texts > 1'000U); // interests and missing scores in words
    BOOST_TEST(changed > 500U); // moderated scores on both threads' sheets
}

BOOST_AUTO_TEST_CASE(ACancelWhileTwoThreadsWriteLeavesNoFile)
{
    const LargeRound& r = Large();
    int in_criteria_cancels = 0;
    for (const bool with_awards : {false, true})
    {
        const auto request_in = [&](const fs::path& dir)
        {
            coscore::exports::ExportRequest request;
            request.matrix = dir / "matrix.xlsx";
            if (with_awards)
            {
                request.awards = dir / "awards.xlsx"; // a third thread, for the award list
            }
            return request;
        };
        // A whole run first: how far the work is at the reports made while the criterion sheets
        // are written (how many reports there are depends on the threads' timing).
        std::vector<double> in_criteria;
        {
            coscore::test::TempDir dir;
            ExportOptions options = Streamed(2);
            options.progress = [&](double fraction, std::string_view step)
            {
                if (step.find(", criteria") != std::string_view::npos)
                {
                    in_criteria.push_back(fraction);
                }
                return true;
            };
            coscore::exports::ExportAll(r.Input(), request_in(dir.Path()), options);
        }
        // Under load there may be only a few: when the matrix runs beside the award list, the
        // reports come from the thread that waits for it, every 50 ms (this was `n > 8`, which
        // failed about one run in ten on a loaded machine).
        const std::size_t n = in_criteria.size();
        BOOST_REQUIRE(n >= 1U);
        // Cancel at the first report, at the first report past points reached while both
        // threads wrote rows (most such cancels come while they still do), and when the matrix
        // is being saved.
        for (const double at :
             {-1.0, in_criteria[n / 4], in_criteria[n / 2], in_criteria[2 * n / 3], 2.0})
        {
            BOOST_TEST_CONTEXT((at < 0.0   ? std::string("cancel at once")
                                : at > 1.0 ? std::string("cancel while saving")
                                           : "cancel writing criteria at " + std::to_string(at))
                               << (with_awards ? ", with the award list" : ""))
            {
                coscore::test::TempDir dir;
                std::string step_at_cancel;
                ExportOptions options = Streamed(2);
                options.progress = [&](double fraction, std::string_view step)
                {
                    const bool cancel = at < 0.0 ||
                                        (at > 1.0 && step.starts_with("Saving matrix")) ||
                                        (at <= 1.0 && fraction >= at);
                    if (cancel && step_at_cancel.empty())
                    {
                        step_at_cancel = step;
                    }
                    return !cancel;
                };
                BOOST_CHECK_THROW(
                    coscore::exports::ExportAll(r.Input(), request_in(dir.Path()), options),
                    coscore::Cancelled);
                BOOST_TEST(FilesIn(dir.Path()).empty());
                BOOST_TEST(!step_at_cancel.empty());
                in_criteria_cancels +=
                    step_at_cancel.find(", criteria") != std::string::npos ? 1 : 0;
            }
        }
    }
    BOOST_TEST(in_criteria_cancels >= 1);
}

BOOST_AUTO_TEST_CASE(AFileThatCannotBeWrittenWholeWhileSavingFailsAndLeavesNoFile)
{
    // No file may grow past 256 KiB once the matrix is being saved: each sheet's XML is larger.
    // On two threads the packager's thread fails to write it; on one, the zip itself fails.
    const LargeRound& r = Large();
    for (const int threads : {1, 2})
    {
        BOOST_TEST_CONTEXT(threads << " thread(s)")
        {
            coscore::test::TempDir dir;
            const fs::path out = dir.Path() / "out";
            fs::create_directories(out);
            coscore::test::FileSizeLimit limit;
            ExportOptions options = Streamed(threads);
            options.temp_folder = dir.Path();
            options.progress = [&](double, std::string_view step)
            {
                if (step.starts_with("Saving"))
                {
                    limit.Arm(256 * 1024);
                }
                return true;
            };
            try
            {
                coscore::exports::WriteScoringMatrix(r.Input(), out / "matrix.xlsx", options);
                limit.Disarm();
                BOOST_FAIL("no error");
            }
            catch (const coscore::exports::ExportError& e)
            {
                limit.Disarm();
                BOOST_TEST(e.LibraryCode() != 0);
                BOOST_TEST(std::string(e.what()).find("matrix.xlsx") != std::string::npos,
                           e.what());
            }
            BOOST_TEST(limit.Armed() == false);
            BOOST_TEST(FilesIn(out).empty());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
