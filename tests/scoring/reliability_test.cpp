// SPDX-License-Identifier: MIT
// Reliability figures checked against published worked examples:
//
// [K2011] Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School
//         for Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43),
//         section C/E: 4 observers × 12 units with missing data, alpha nominal .743, ordinal
//         .815, interval .849, ratio .797, n = 40 pairable values. The same figures are the
//         regression tests of the Python package `krippendorff` (pln-fing-udelar/
//         fast-krippendorff, tests/test_krippendorff.py: ordinal 0.815, ratio 0.797).
// [WIKI]  Wikipedia, "Krippendorff's alpha", computational example (3 coders × 15 units):
//         nominal 0.691358 and interval 0.810845 to six places, as asserted by the same package
//         (test_nominal_metric_reliability_data, test_interval_metric).
// [SF79]  Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
//         reliability. Psychological Bulletin 86(2), 420–428, Table 2 (6 targets × 4 judges):
//         BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02; ICC(1,1) .17 (−.13, .72), ICC(2,1) .29
//         (.019, .76), ICC(3,1) .71 (.34, .95), ICC(1,k) .44 (−.88, .91), ICC(2,k) .62
//         (.071, .93), ICC(3,k) .91 (.68, .99). These are also the figures R's psych::ICC
//         prints for its `sf` example, with F on (5, 18) and (5, 15) df, p .165 and .00013.
// [IRR]   R package irr: the `anxiety` data (20 subjects × 3 raters, printed in DescTools'
//         KendallW help). kendall(anxiety, TRUE): Wt = 0.5396569 (DescTools prints all digits),
//         Chisq(19) = 30.8, p = 0.0429. icc(anxiety, "twoway", "agreement"): ICC(A,1) = 0.198,
//         95% CI −0.039 to 0.494; icc(anxiety, "twoway", "consistency"): ICC(C,1) = 0.216,
//         F(19, 38) = 1.83, p = 0.0562, CI −0.046 to 0.522.
#include "ratings_fixtures.hpp"

#include <coscore/scoring/reliability.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace data = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace coscore::scoring;
using namespace coscore::scoring::test;

namespace
{

/// x rounded to `digits` decimals, so a figure can be compared with its published rounding.
double RoundTo(double x, int digits)
{
    const double scale = std::pow(10.0, digits);
    return std::round(x * scale) / scale;
}

// Published data -----------------------------------------------------------------------------

RatingsTable Krippendorff2011()
{
    return FromRaterRows({
        {1, 2, 3, 3, 2, 1, 4, 1, 2, kGap, kGap, kGap},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, kGap, 3},
        {kGap, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, kGap},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, kGap},
    });
}

RatingsTable WikipediaExample()
{
    return FromRaterRows({
        {kGap, kGap, kGap, kGap, kGap, 3, 4, 1, 2, 1, 1, 3, 3, kGap, 3},
        {1, kGap, 2, 1, 3, 3, 4, 3, kGap, kGap, kGap, kGap, kGap, kGap, kGap},
        {kGap, kGap, 2, 1, 3, 4, 4, kGap, 2, 1, 1, 3, 3, kGap, 4},
    });
}

RatingsTable ShroutFleiss1979()
{
    return FromRaterRows({
        {9, 6, 8, 7, 10, 6},
        {2, 1, 4, 1, 5, 2},
        {5, 3, 6, 2, 6, 4},
        {8, 2, 8, 6, 9, 7},
    });
}

RatingsTable IrrAnxiety()
{
    return FromRaterRows({
        {3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3},
        {3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4},
        {2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2},
    });
}

// A reference alpha straight from the definition --------------------------------------------

enum class Level
{
    Nominal,
    Ordinal,
    Interval,
    Ratio,
};

/// Alpha from the coincidence matrix o_ck exactly as Krippendorff (2011) defines it, O(values²):
/// slow, obviously right, and independent of the library's shortcuts.
std::optional<double> ReferenceAlpha(const RatingsTable& table, Level level)
{
    std::map<double, std::map<double, double>> o;
    for (const auto& row : table.values)
    {
        std::vector<double> v;
        for (const auto& x : row)
        {
            if (x)
            {
                v.push_back(*x);
            }
        }
        if (v.size() < 2)
        {
            continue;
        }
        for (std::size_t i = 0; i < v.size(); ++i)
        {
            for (std::size_t j = 0; j < v.size(); ++j)
            {
                if (i != j)
                {
                    o[v[i]][v[j]] += 1.0 / static_cast<double>(v.size() - 1);
                }
            }
        }
    }
    std::vector<double> values;
    std::vector<double> marginal;
    for (const auto& [c, row] : o)
    {
        values.push_back(c);
        double sum = 0.0;
        for (const auto& [k, count] : row)
        {
            sum += count;
        }
        marginal.push_back(sum);
    }
    std::vector<double> cumulative{0.0};
    for (double m : marginal)
    {
        cumulative.push_back(cumulative.back() + m);
    }
    std::map<double, std::size_t> index;
    for (std::size_t a = 0; a < values.size(); ++a)
    {
        index[values[a]] = a;
    }
    const auto delta = [&](std::size_t a, std::size_t b)
    {
        const double c = values[a];
        const double k = values[b];
        switch (level)
        {
        case Level::Nominal:
            return c == k ? 0.0 : 1.0;
        case Level::Interval:
            return (c - k) * (c - k);
        case Level::Ratio:
            return c + k == 0.0 ? 0.0 : ((c - k) / (c + k)) * ((c - k) / (c + k));
        case Level::Ordinal:
        {
            // Σ_{g between c and k} n_g − (n_c + n_k)/2, from running totals of the marginals.
            const std::size_t lo = std::min(a, b);
            const std::size_t hi = std::max(a, b);
            const double d =
                cumulative[hi + 1] - cumulative[lo] - (marginal[a] + marginal[b]) / 2.0;
            return d * d;
        }
        }
        return 0.0;
    };
    double n = 0.0;
    double observed = 0.0;
    double expected = 0.0;
    for (std::size_t a = 0; a < values.size(); ++a)
    {
        n += marginal[a];
        for (std::size_t b = 0; b < values.size(); ++b)
        {
            expected += marginal[a] * marginal[b] * delta(a, b);
        }
    }
    for (const auto& [c, row] : o)
    {
        for (const auto& [k, count] : row)
        {
            observed += count * delta(index[c], index[k]);
        }
    }
    if (expected <= 0.0)
    {
        return std::nullopt;
    }
    return 1.0 - (n - 1.0) * observed / expected;
}

void CheckAgainstReference(const RatingsTable& table, const std::string& what)
{
    const auto report = ComputeReliability(table);
    const std::pair<Level, std::optional<double>> levels[] = {
        {Level::Nominal, report.alpha.nominal},
        {Level::Ordinal, report.alpha.ordinal},
        {Level::Interval, report.alpha.interval},
        {Level::Ratio, report.alpha.ratio},
    };
    for (const auto& [level, actual] : levels)
    {
        BOOST_TEST_CONTEXT(what << ", level " << static_cast<int>(level))
        {
            const auto expected = ReferenceAlpha(table, level);
            BOOST_TEST_REQUIRE(actual.has_value() == expected.has_value());
            if (actual)
            {
                BOOST_TEST(*actual == *expected, tt::tolerance(1e-9));
            }
        }
    }
}

} // namespace

// Krippendorff's alpha -----------------------------------------------------------------------

struct PublishedAlphaCase
{
    std::string name;
    RatingsTable table;
    int digits;
    double nominal;
    double ordinal;
    double interval;
    double ratio;
    long long pairable;
};

std::ostream& operator<<(std::ostream& os, const PublishedAlphaCase& c)
{
    return os << c.name;
}

namespace
{

// NaN marks a level the source does not publish.
constexpr double kUnpublished = std::numeric_limits<double>::quiet_NaN();

const std::vector<PublishedAlphaCase> kPublishedAlpha{
    {"Krippendorff 2011, 4 observers x 12 units", Krippendorff2011(), 3, 0.743, 0.815, 0.849, 0.797,
     40},
    {"Wikipedia, 3 coders x 15 units", WikipediaExample(), 6, 0.691358, kUnpublished, 0.810845,
     kUnpublished, 26},
};

void CheckPublished(const std::optional<double>& actual, double published, int digits)
{
    if (std::isnan(published))
    {
        return;
    }
    BOOST_TEST_REQUIRE(actual.has_value());
    BOOST_TEST(RoundTo(*actual, digits) == published);
}

} // namespace

BOOST_AUTO_TEST_SUITE(krippendorff_alpha)

BOOST_DATA_TEST_CASE(PublishedExamplesAreReproducedToThePrintedDigits, data::make(kPublishedAlpha),
                     c)
{
    const auto report = ComputeReliability(c.table);
    BOOST_TEST(report.pairable_values == c.pairable);
    CheckPublished(report.alpha.nominal, c.nominal, c.digits);
    CheckPublished(report.alpha.ordinal, c.ordinal, c.digits);
    CheckPublished(report.alpha.interval, c.interval, c.digits);
    CheckPublished(report.alpha.ratio, c.ratio, c.digits);
}

struct ReferenceCase
{
    std::string name;
    RatingsTable table;
};

std::ostream& operator<<(std::ostream& os, const ReferenceCase& c)
{
    return os << c.name;
}

namespace
{

/// Many distinct positive values, which sends the ratio level down its quadrature path.
RatingsTable ManyDistinctValues()
{
    TestRandom random(99);
    std::vector<std::vector<Cell>> rows;
    for (int i = 0; i < 800; ++i)
    {
        const double quality = 10.0 + 85.0 * random.Uniform(); // stays positive with the noise
        std::vector<Cell> row;
        for (int j = 0; j < 5; ++j)
        {
            row.push_back(random.Uniform() < 0.2 ? kGap
                                                 : Cell(quality + 15.0 * (random.Uniform() - 0.5)));
        }
        rows.push_back(row);
    }
    return FromUnitRows(rows);
}

/// Spread over six decades, with zeros: the quadrature must cover every pair's scale.
RatingsTable WideRatioValues()
{
    TestRandom random(7);
    std::vector<std::vector<Cell>> rows;
    for (int i = 0; i < 600; ++i)
    {
        const double quality = std::pow(10.0, 6.0 * random.Uniform() - 3.0);
        rows.push_back({quality, quality * (0.5 + random.Uniform()),
                        random.Uniform() < 0.1 ? 0.0 : quality * (0.8 + 0.4 * random.Uniform())});
    }
    return FromUnitRows(rows);
}

const std::vector<ReferenceCase> kReferenceCases{
    {"Krippendorff 2011 data", Krippendorff2011()},
    {"Wikipedia data", WikipediaExample()},
    {"integer ratings with 30% gaps", RandomTable(1, 40, 6, 1, 5, 0.3)},
    {"integer ratings, complete", RandomTable(2, 25, 4, 0, 10, 0.0)},
    {"two raters, many units", RandomTable(3, 200, 2, 1, 6, 0.1)},
    {"ratings including zero", RandomTable(4, 30, 5, 0, 3, 0.2)},
    {"many distinct continuous values", ManyDistinctValues()},
    {"ratio values over six decades with zeros", WideRatioValues()},
};

} // namespace

BOOST_DATA_TEST_CASE(EveryLevelMatchesTheCoincidenceMatrixDefinition, data::make(kReferenceCases),
                     c)
{
    CheckAgainstReference(c.table, c.name);
}

BOOST_AUTO_TEST_CASE(TwoUnitsOfTwoCategoriesGiveFourNinthsAtEveryLevel)
{
    // Units {1,1}, {1,2}, {2,2}: o_12 = o_21 = 1, n_1 = n_2 = 3, n = 6, so
    // D_o = 2/6, D_e = 2·3·3/(6·5) = 0.6 and α = 1 − (1/3)/0.6 = 4/9. With two values every
    // level's δ is one constant, so all four levels agree.
    const auto report = ComputeReliability(FromUnitRows({{1, 1}, {1, 2}, {2, 2}}));
    for (const auto& alpha :
         {report.alpha.nominal, report.alpha.ordinal, report.alpha.interval, report.alpha.ratio})
    {
        BOOST_TEST_REQUIRE(alpha.has_value());
        BOOST_TEST(*alpha == 4.0 / 9.0, tt::tolerance(1e-12));
    }
}

BOOST_AUTO_TEST_CASE(UnitsWithOneValueAreNotPairable)
{
    const auto report = ComputeReliability(FromUnitRows({{1, 2}, {3, kGap}, {kGap, kGap}}));
    BOOST_TEST(report.pairable_values == 2);
}

BOOST_AUTO_TEST_CASE(NegativeValuesLeaveOnlyTheRatioLevelUndefined)
{
    const auto report = ComputeReliability(FromUnitRows({{-1, -1}, {0, 1}, {2, 2}}));
    BOOST_TEST(report.alpha.nominal.has_value());
    BOOST_TEST(report.alpha.ordinal.has_value());
    BOOST_TEST(report.alpha.interval.has_value());
    BOOST_TEST(!report.alpha.ratio.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

// ICC -----------------------------------------------------------------------------------------

struct IccCase
{
    std::string name;
    RatingsTable table;
    std::string icc;
    int digits;
    double value;
    int lo_digits;
    double ci_lo;
    int hi_digits;
    double ci_hi;
};

std::ostream& operator<<(std::ostream& os, const IccCase& c)
{
    return os << c.name << ' ' << c.icc;
}

namespace
{

const IccValue& Find(const std::vector<IccValue>& icc, const std::string& name)
{
    const auto it =
        std::find_if(icc.begin(), icc.end(), [&](const IccValue& v) { return v.name == name; });
    BOOST_TEST_REQUIRE((it != icc.end()), "missing " << name);
    return *it;
}

const std::vector<IccCase> kPublishedIcc{
    {"Shrout & Fleiss 1979", ShroutFleiss1979(), "ICC(1,1)", 2, 0.17, 2, -0.13, 2, 0.72},
    {"Shrout & Fleiss 1979", ShroutFleiss1979(), "ICC(2,1)", 2, 0.29, 3, 0.019, 2, 0.76},
    {"Shrout & Fleiss 1979", ShroutFleiss1979(), "ICC(3,1)", 2, 0.71, 2, 0.34, 2, 0.95},
    {"Shrout & Fleiss 1979", ShroutFleiss1979(), "ICC(1,k)", 2, 0.44, 2, -0.88, 2, 0.91},
    {"Shrout & Fleiss 1979", ShroutFleiss1979(), "ICC(2,k)", 2, 0.62, 3, 0.071, 2, 0.93},
    {"Shrout & Fleiss 1979", ShroutFleiss1979(), "ICC(3,k)", 2, 0.91, 2, 0.68, 2, 0.99},
    {"irr anxiety, agreement", IrrAnxiety(), "ICC(2,1)", 3, 0.198, 3, -0.039, 3, 0.494},
    {"irr anxiety, consistency", IrrAnxiety(), "ICC(3,1)", 3, 0.216, 3, -0.046, 3, 0.522},
};

} // namespace

BOOST_AUTO_TEST_SUITE(icc)

BOOST_DATA_TEST_CASE(PublishedValuesAndIntervalsAreReproduced, data::make(kPublishedIcc), c)
{
    const auto report = ComputeReliability(c.table);
    const IccValue& v = Find(report.icc, c.icc);
    BOOST_TEST(RoundTo(v.value, c.digits) == c.value);
    BOOST_TEST(RoundTo(v.ci_lo, c.lo_digits) == c.ci_lo);
    BOOST_TEST(RoundTo(v.ci_hi, c.hi_digits) == c.ci_hi);
}

BOOST_AUTO_TEST_CASE(ShroutFleissMeanSquaresAndFTestsMatchTable2)
{
    const auto report = ComputeReliability(ShroutFleiss1979());
    BOOST_TEST_REQUIRE(report.anova.has_value());
    BOOST_TEST(RoundTo(report.anova->bms, 2) == 11.24);
    BOOST_TEST(RoundTo(report.anova->wms, 2) == 6.26);
    BOOST_TEST(RoundTo(report.anova->jms, 2) == 32.49);
    BOOST_TEST(RoundTo(report.anova->ems, 2) == 1.02);
    const IccValue& one = Find(report.icc, "ICC(1,1)");
    // F = BMS/WMS and BMS/EMS of the published mean squares: 11.24/6.26 and 11.24/1.02.
    BOOST_TEST(RoundTo(one.f, 1) == 1.8);
    BOOST_TEST(one.df1 == 5.0);
    BOOST_TEST(one.df2 == 18.0);
    BOOST_TEST(RoundTo(one.p, 3) == 0.165);
    for (const char* name : {"ICC(2,1)", "ICC(3,1)", "ICC(2,k)", "ICC(3,k)"})
    {
        const IccValue& two = Find(report.icc, name);
        BOOST_TEST(RoundTo(two.f, 1) == 11.0);
        BOOST_TEST(two.df2 == 15.0);
        BOOST_TEST(RoundTo(two.p, 5) == 0.00013);
    }
    BOOST_TEST(RoundTo(Find(report.icc, "ICC(1,k)").p, 3) == 0.165);
}

BOOST_AUTO_TEST_CASE(IrrConsistencyExampleHasTheSameFTest)
{
    const auto report = ComputeReliability(IrrAnxiety());
    const IccValue& c = Find(report.icc, "ICC(3,1)");
    BOOST_TEST(RoundTo(c.f, 2) == 1.83);
    BOOST_TEST(c.df1 == 19.0);
    BOOST_TEST(c.df2 == 38.0);
    BOOST_TEST(RoundTo(c.p, 4) == 0.0562);
}

BOOST_AUTO_TEST_CASE(AConstantRaterOffsetIsPerfectConsistencyButNotAgreement)
{
    // [[1,2],[3,4]]: BMS 4, JMS 1, EMS 0, WMS 0.5 (by hand). ICC(1,1) = 3.5/4.5,
    // ICC(2,1) = 4/(4 + 2·1/2) = 0.8, ICC(3,1) = 1; ICC(1,k) = 3.5/4, ICC(2,k) = 4/4.5, ICC(3,k)
    // = 1.
    const auto report = ComputeReliability(FromUnitRows({{1, 2}, {3, 4}}));
    BOOST_TEST_REQUIRE(report.anova.has_value());
    BOOST_TEST(report.anova->bms == 4.0, tt::tolerance(1e-12));
    BOOST_TEST(report.anova->jms == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(report.anova->ems == 0.0);
    BOOST_TEST(report.anova->wms == 0.5, tt::tolerance(1e-12));
    const std::pair<const char*, double> expected[] = {
        {"ICC(1,1)", 3.5 / 4.5}, {"ICC(2,1)", 0.8},       {"ICC(3,1)", 1.0},
        {"ICC(1,k)", 3.5 / 4.0}, {"ICC(2,k)", 4.0 / 4.5}, {"ICC(3,k)", 1.0},
    };
    for (const auto& [name, value] : expected)
    {
        const IccValue& v = Find(report.icc, name);
        BOOST_TEST(v.value == value, tt::tolerance(1e-12));
        BOOST_TEST(v.ci_lo <= v.value + 1e-12);
        BOOST_TEST(v.ci_hi >= v.value - 1e-12);
    }
    const IccValue& consistency = Find(report.icc, "ICC(3,1)");
    BOOST_TEST(consistency.ci_lo == 1.0);
    BOOST_TEST(consistency.ci_hi == 1.0);
    BOOST_TEST(consistency.p == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

// Kendall's W --------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(kendall_w)

BOOST_AUTO_TEST_CASE(IrrAnxietyExampleWithTiesMatchesThePublishedWt)
{
    const auto report = ComputeReliability(IrrAnxiety());
    BOOST_TEST_REQUIRE(report.kendall_w.has_value());
    BOOST_TEST(RoundTo(report.kendall_w->w, 7) == 0.5396569);
    BOOST_TEST(report.kendall_w->df == 19);
    BOOST_TEST(RoundTo(report.kendall_w->chi2, 1) == 30.8);
    BOOST_TEST(report.kendall_w->chi2 == 3.0 * 19.0 * report.kendall_w->w, tt::tolerance(1e-12));
    BOOST_TEST(RoundTo(report.kendall_w->p, 4) == 0.0429);
}

struct KendallCase
{
    std::string name;
    RatingsTable table;
    double w;
};

std::ostream& operator<<(std::ostream& os, const KendallCase& c)
{
    return os << c.name;
}

namespace
{

const std::vector<KendallCase> kKendallCases{
    {"identical orders give 1", FromRaterRows({{1, 2, 3, 4}, {10, 20, 30, 40}}), 1.0},
    {"reversed orders give 0", FromRaterRows({{1, 2, 3}, {3, 2, 1}}), 0.0},
    // Ranks (1.5, 1.5, 3) and (1, 2, 3): R = (2.5, 3.5, 6), S = 6.5, T = 2³ − 2 = 6,
    // W = 12·6.5/(4·24 − 2·6) = 78/84.
    {"a tie is corrected by hand", FromRaterRows({{1, 1, 2}, {1, 2, 3}}), 78.0 / 84.0},
};

} // namespace

BOOST_DATA_TEST_CASE(HandComputedCoefficients, data::make(kKendallCases), c)
{
    const auto report = ComputeReliability(c.table);
    BOOST_TEST_REQUIRE(report.kendall_w.has_value());
    BOOST_TEST(report.kendall_w->w == c.w, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()

// Edge cases of the whole report --------------------------------------------------------------

struct EdgeCase
{
    std::string name;
    RatingsTable table;
    bool alpha;
    std::optional<double> alpha_value; ///< every level, when `alpha`
    long long pairable;
    bool anova;
    bool icc;
    std::optional<double> icc_value; ///< every form, when `icc`
    bool kendall;
};

std::ostream& operator<<(std::ostream& os, const EdgeCase& c)
{
    return os << c.name;
}

namespace
{

const std::vector<EdgeCase> kEdgeCases{
    {"perfect agreement", FromUnitRows({{1, 1, 1}, {3, 3, 3}, {5, 5, 5}, {2, 2, 2}}), true, 1.0, 12,
     true, true, 1.0, true},
    {"constant table", FromUnitRows({{4, 4}, {4, 4}, {4, 4}}), false, std::nullopt, 6, true, false,
     std::nullopt, false},
    {"one rater", FromUnitRows({{1}, {2}, {3}}), false, std::nullopt, 0, false, false, std::nullopt,
     false},
    {"all missing", FromUnitRows({{kGap, kGap}, {kGap, kGap}}), false, std::nullopt, 0, false,
     false, std::nullopt, false},
    {"no units", RatingsTable{}, false, std::nullopt, 0, false, false, std::nullopt, false},
    {"one gap", FromUnitRows({{1, 2}, {3, kGap}, {5, 5}}), true, std::nullopt, 4, false, false,
     std::nullopt, false},
};

} // namespace

BOOST_AUTO_TEST_SUITE(reliability)

BOOST_DATA_TEST_CASE(EdgeCasesReportOnlyWhatIsDefined, data::make(kEdgeCases), c)
{
    const auto report = ComputeReliability(c.table);
    BOOST_TEST(report.units == static_cast<int>(c.table.units.size()));
    BOOST_TEST(report.raters == static_cast<int>(c.table.raters.size()));
    BOOST_TEST(report.pairable_values == c.pairable);
    for (const auto& alpha :
         {report.alpha.nominal, report.alpha.ordinal, report.alpha.interval, report.alpha.ratio})
    {
        BOOST_TEST(alpha.has_value() == c.alpha);
        if (alpha && c.alpha_value)
        {
            BOOST_TEST(*alpha == *c.alpha_value, tt::tolerance(1e-12));
        }
    }
    BOOST_TEST(report.anova.has_value() == c.anova);
    BOOST_TEST(report.icc.empty() == !c.icc);
    for (const auto& icc : report.icc)
    {
        BOOST_TEST_CONTEXT(icc.name)
        {
            BOOST_TEST(icc.value == *c.icc_value, tt::tolerance(1e-12));
            BOOST_TEST(icc.ci_lo == *c.icc_value, tt::tolerance(1e-12));
            BOOST_TEST(icc.ci_hi == *c.icc_value, tt::tolerance(1e-12));
        }
    }
    BOOST_TEST(report.kendall_w.has_value() == c.kendall);
}

BOOST_AUTO_TEST_CASE(PerfectAgreementGivesKendallWOfOne)
{
    const auto report = ComputeReliability(FromUnitRows({{1, 1}, {3, 3}, {2, 2}}));
    BOOST_TEST_REQUIRE(report.kendall_w.has_value());
    BOOST_TEST(report.kendall_w->w == 1.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()
