// SPDX-License-Identifier: MIT
#include "bootstrap_ranks.hpp"

#include "stats_random.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace coscore::scoring::detail
{
namespace
{

constexpr int kDefaultDraws = 2000;
constexpr int kMinDraws = 100;          // fewer would make the 90% interval ends guesswork
constexpr double kWorkBudget = 2e7;     // cell visits plus sort steps over all resamples
constexpr std::size_t kRadixFrom = 256; // below this many units std::sort is faster
constexpr double kMaxExactResamples = 5e5;
constexpr std::size_t kMaxExactUnits = 600; // the exact rank histograms take units² doubles
constexpr std::uint64_t kBootstrapStream = 0xB0075724;

/// The rated units' ratings by rater, column-major so a resample adds whole columns.
struct Columns
{
    std::size_t units = 0;
    std::size_t raters = 0;
    std::vector<double> value;    ///< [rater * units + unit], 0 where missing
    std::vector<double> present;  ///< 1 or 0, same layout
    std::vector<double> fallback; ///< the full-panel mean, for units none of whose raters is drawn
    double lowest = 0.0;          ///< of all ratings: every mean lies in [lowest, highest]
    double highest = 0.0;
};

Columns MakeColumns(const RatingsTable& table, const std::vector<UnitStats>& stats,
                    const std::vector<std::size_t>& rated)
{
    Columns c;
    c.units = rated.size();
    c.raters = table.raters.size();
    c.value.assign(c.units * c.raters, 0.0);
    c.present.assign(c.units * c.raters, 0.0);
    for (std::size_t k = 0; k < c.units; ++k)
    {
        const auto& row = table.values[rated[k]];
        for (std::size_t j = 0; j < c.raters; ++j)
        {
            if (row[j])
            {
                c.value[j * c.units + k] = *row[j];
                c.present[j * c.units + k] = 1.0;
            }
        }
        c.fallback.push_back(stats[rated[k]].mean);
    }
    bool first = true;
    for (std::size_t i = 0; i < c.value.size(); ++i)
    {
        if (c.present[i] > 0.0)
        {
            c.lowest = first ? c.value[i] : std::min(c.lowest, c.value[i]);
            c.highest = first ? c.value[i] : std::max(c.highest, c.value[i]);
            first = false;
        }
    }
    return c;
}

/// Sorts 64-bit keys by their high 32 bits, keeping the input order of equal highs (LSD radix
/// sort, three passes of 11, 11 and 10 bits).
void RadixSortHigh(std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch)
{
    scratch.resize(keys.size());
    for (const unsigned shift : {32U, 43U, 54U})
    {
        std::size_t count[2049] = {};
        for (std::uint64_t k : keys)
        {
            ++count[((k >> shift) & 0x7FFU) + 1];
        }
        for (std::size_t b = 1; b < 2049; ++b)
        {
            count[b] += count[b - 1];
        }
        for (std::uint64_t k : keys)
        {
            scratch[count[(k >> shift) & 0x7FFU]++] = k;
        }
        keys.swap(scratch);
    }
}

/// One resample: how many times each rater was drawn. Orders the units best first and reports
/// each run of tied means as [begin, end) of the order. Means become 32-bit keys over the
/// rating range (steps of 2.3e-10 of it), so ties are exact key equality and the order is a
/// radix sort rather than a comparison sort.
class Resample
{
public:
    explicit Resample(const Columns& columns)
        : m_columns(columns), m_sum(columns.units), m_weight(columns.units), m_keys(columns.units)
    {
        const double range = columns.highest - columns.lowest;
        m_scale = range > 0.0 ? 4294967295.0 / range : 0.0;
    }

    void Rank(const std::vector<int>& times)
    {
        const std::size_t u = m_columns.units;
        std::fill(m_sum.begin(), m_sum.end(), 0.0);
        std::fill(m_weight.begin(), m_weight.end(), 0.0);
        for (std::size_t j = 0; j < times.size(); ++j)
        {
            if (times[j] == 0)
            {
                continue;
            }
            const auto c = static_cast<double>(times[j]);
            const double* value = &m_columns.value[j * u];
            const double* present = &m_columns.present[j * u];
            for (std::size_t k = 0; k < u; ++k)
            {
                m_sum[k] += c * value[k];
                m_weight[k] += c * present[k];
            }
        }
        for (std::size_t k = 0; k < u; ++k)
        {
            const double mean = m_weight[k] > 0.0 ? m_sum[k] / m_weight[k] : m_columns.fallback[k];
            // Best first: the key grows as the mean falls.
            const double scaled =
                std::clamp((m_columns.highest - mean) * m_scale, 0.0, 4294967295.0);
            m_keys[k] = (static_cast<std::uint64_t>(std::llround(scaled)) << 32U) | k;
        }
        if (u >= kRadixFrom)
        {
            RadixSortHigh(m_keys, m_scratch);
        }
        else
        {
            std::sort(m_keys.begin(), m_keys.end());
        }
        m_runs.clear();
        std::size_t begin = 0;
        for (std::size_t pos = 1; pos <= u; ++pos)
        {
            if (pos == u || (m_keys[pos - 1] >> 32U) != (m_keys[pos] >> 32U))
            {
                m_runs.emplace_back(begin, pos);
                begin = pos;
            }
        }
    }

    std::size_t UnitAt(std::size_t pos) const { return m_keys[pos] & 0xFFFFFFFFU; }
    const std::vector<std::pair<std::size_t, std::size_t>>& TiedRuns() const { return m_runs; }

    /// Shuffles each tied run, so that ties are broken at random (Fisher–Yates).
    void BreakTies(Random& random)
    {
        for (const auto& [begin, end] : m_runs)
        {
            for (std::size_t i = end - 1; i > begin; --i)
            {
                const auto j = begin + static_cast<std::size_t>(random.Below(i - begin + 1));
                std::swap(m_keys[i], m_keys[j]);
            }
        }
    }

private:
    const Columns& m_columns;
    double m_scale = 0.0;
    std::vector<double> m_sum;
    std::vector<double> m_weight;
    std::vector<std::uint64_t> m_keys; ///< (key of the mean << 32) | unit, sorted
    std::vector<std::uint64_t> m_scratch;
    std::vector<std::pair<std::size_t, std::size_t>> m_runs;
};

double LogChoose(double n, double k)
{
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

/// Every multiset of m raters drawn from m (compositions of m into m parts, Nijenhuis & Wilf's
/// NEXCOM), each weighted by its multinomial probability m!/(Π c_j!)/m^m. Ties in a resample
/// spread their weight evenly over the ranks they occupy, so the histograms are exact.
/// Returns the histograms as cumulative P(rank < r), r = 1..units + 1, per unit.
std::vector<std::vector<double>> EnumerateResamples(const Columns& columns, int& resamples)
{
    const std::size_t u = columns.units;
    const int m = static_cast<int>(columns.raters);
    resamples = 0;
    if (m == 0)
    {
        return {}; // never called so: rated units have a rater
    }
    std::vector<double> log_factorial(static_cast<std::size_t>(m) + 1, 0.0);
    for (int i = 1; i <= m; ++i)
    {
        log_factorial[static_cast<std::size_t>(i)] =
            log_factorial[static_cast<std::size_t>(i) - 1] + std::log(static_cast<double>(i));
    }
    const double log_norm =
        std::lgamma(static_cast<double>(m) + 1.0) - m * std::log(static_cast<double>(m));

    // Difference arrays: a tied run over positions [a, b] adds w/t at a and removes it at b + 1.
    std::vector<double> diff(u * (u + 2), 0.0);
    Resample resample(columns);
    std::vector<int> times(static_cast<std::size_t>(m), 0);
    std::fill_n(times.begin(), 1, m); // the first composition: every draw is rater 1
    int t = m;
    std::size_t h = 0;
    for (;;)
    {
        double log_weight = log_norm;
        for (int c : times)
        {
            log_weight -= log_factorial[static_cast<std::size_t>(c)];
        }
        const double weight = std::exp(log_weight);
        resample.Rank(times);
        for (const auto& [begin, end] : resample.TiedRuns())
        {
            const double share = weight / static_cast<double>(end - begin);
            for (std::size_t pos = begin; pos < end; ++pos)
            {
                double* row = &diff[resample.UnitAt(pos) * (u + 2)];
                row[begin + 1] += share;
                row[end + 1] -= share;
            }
        }
        ++resamples;
        if (times.back() == m)
        {
            break;
        }
        if (t > 1)
        {
            h = 0;
        }
        ++h;
        t = times[h - 1];
        times[h - 1] = 0;
        times[0] = t - 1;
        ++times[h];
    }

    std::vector<std::vector<double>> below(u, std::vector<double>(u + 2, 0.0));
    for (std::size_t k = 0; k < u; ++k)
    {
        double density = 0.0;
        double cumulative = 0.0;
        for (std::size_t r = 1; r <= u + 1; ++r)
        {
            below[k][r] = cumulative; // P(rank < r)
            density += diff[k * (u + 2) + r];
            cumulative += density;
        }
    }
    return below;
}

/// `draws` seeded resamples; returns each unit's ranks, sorted ascending.
std::vector<std::vector<int>> SampleResamples(const Columns& columns, int draws, std::uint64_t seed)
{
    const std::size_t u = columns.units;
    const std::size_t m = columns.raters;
    Random random(seed, kBootstrapStream);
    std::vector<std::vector<int>> ranks(u, std::vector<int>(static_cast<std::size_t>(draws)));
    Resample resample(columns);
    std::vector<int> times(m);
    for (int d = 0; d < draws; ++d)
    {
        std::fill(times.begin(), times.end(), 0);
        for (std::size_t i = 0; i < m; ++i)
        {
            ++times[random.Below(m)];
        }
        resample.Rank(times);
        resample.BreakTies(random);
        for (std::size_t pos = 0; pos < u; ++pos)
        {
            ranks[resample.UnitAt(pos)][static_cast<std::size_t>(d)] = static_cast<int>(pos + 1);
        }
    }
    for (auto& r : ranks)
    {
        std::sort(r.begin(), r.end());
    }
    return ranks;
}

} // namespace

void AddBootstrapRanks(const RatingsTable& table, const std::vector<UnitStats>& stats,
                       const RankOptions& options, RankReport& report)
{
    const std::vector<std::size_t> rated = RatedUnits(stats);
    if (rated.empty())
    {
        return;
    }
    const Columns columns = MakeColumns(table, stats, rated);
    const auto u = static_cast<double>(columns.units);
    const auto m = static_cast<double>(columns.raters);
    const double work_per_resample = u * (m + std::log2(u + 1.0) + 2.0);
    const double multisets = std::exp(LogChoose(2.0 * m - 1.0, m));
    const int ranks = static_cast<int>(columns.units);

    if (multisets <= kMaxExactResamples && multisets * work_per_resample <= kWorkBudget &&
        columns.units <= kMaxExactUnits)
    {
        int resamples = 0;
        const auto below = EnumerateResamples(columns, resamples);
        for (std::size_t k = 0; k < columns.units; ++k)
        {
            const auto& cumulative = below[k];
            double mean = 0.0;
            for (std::size_t r = 1; r <= columns.units; ++r)
            {
                mean += static_cast<double>(r) * (cumulative[r + 1] - cumulative[r]);
            }
            const auto summary =
                SummariseRanks([&](int r) { return cumulative[static_cast<std::size_t>(r)]; },
                               ranks, options.fundable, mean);
            ApplyRankSummary(summary, options.fundable, report.units[rated[k]]);
        }
        report.exact = true;
        report.draws = resamples;
        report.mc_error = 0.0;
        return;
    }

    const int asked = options.draws > 0 ? options.draws : kDefaultDraws;
    const auto affordable = static_cast<int>(std::floor(kWorkBudget / work_per_resample));
    const int draws = std::min(asked, std::max(kMinDraws, affordable));
    const auto sorted_ranks = SampleResamples(columns, draws, options.seed);
    const auto d = static_cast<double>(draws);
    double mc_error = 0.0;
    for (std::size_t k = 0; k < columns.units; ++k)
    {
        const auto& r = sorted_ranks[k];
        double mean = 0.0;
        for (int x : r)
        {
            mean += x;
        }
        mean /= d;
        const auto summary = SummariseRanks(
            [&](int rank)
            {
                const auto it = std::lower_bound(r.begin(), r.end(), rank);
                return static_cast<double>(it - r.begin()) / d;
            },
            ranks, options.fundable, mean);
        double var = 0.0;
        for (int x : r)
        {
            var += (x - mean) * (x - mean);
        }
        var /= std::max(1.0, d - 1.0);
        mc_error = std::max(mc_error, std::sqrt(var / d));
        ApplyRankSummary(summary, options.fundable, report.units[rated[k]]);
    }
    report.draws = draws;
    report.mc_error = mc_error;
}

} // namespace coscore::scoring::detail
