// SPDX-License-Identifier: MIT
// The model of ERforResearch's get_default_jags_model() (continuous grades, homogeneous
// residuals, one panel), for grade y of unit (proposal) i by rater (assessor) j:
//     y_ij ~ N(m0 + θ_i + a_ij, σ²),   a_ij ~ N(ν_j, τ_a²),   ν_j ~ N(0, 0.5²),
//     θ_i ~ N(0, τ_p²),   σ, τ_a, τ_p ~ U(1e-6, 2),   rank_i = rank(−θ)_i,
// where m0, the mean of the units' mean grades, is data (get_mcmc_samples).
//
// Each observed cell has its own a_ij, so integrating it out is exact and leaves
//     y_ij ~ N(m0 + θ_i + ν_j, s²),   s² = σ² + τ_a²;
// the a_ij of unobserved cells are prior draws that nothing else depends on. The sampler is
// Gibbs on that collapsed model: θ, ν and the precisions from their full conditionals, plus an
// exact move along θ + c, ν − c (which the likelihood cannot see) so their common level mixes.
// (σ, τ_a) is sampled as s = √(σ² + τ_a²) and the angle φ = atan2(τ_a, σ): under the uniform
// prior φ given s is uniform on the angles the box allows, and 1/s² given φ is a truncated gamma.
// This mixes far better than JAGS on the uncollapsed model; the posterior is the same.
#include "bayes_ranking.hpp"

#include "stats_random.hpp"

#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>
#include <string>
#include <utility>

namespace coscore::scoring::detail
{
namespace
{

namespace bmp = boost::math::policies;
using QuietPolicy =
    bmp::policy<bmp::domain_error<bmp::ignore_error>, bmp::overflow_error<bmp::ignore_error>,
                bmp::underflow_error<bmp::ignore_error>, bmp::evaluation_error<bmp::ignore_error>>;

// The package's priors, on its six-point grade scale.
constexpr double kSdMin = 1e-6;
constexpr double kSdMax = 2.0;
constexpr double kRaterPrecision = 4.0; // ν_j ~ N(0, 0.5²)
constexpr double kGradeLow = 1.0;       // the SNSF scale runs 1..6 (num_grade)
constexpr double kGradeSpan = 5.0;

constexpr int kChains = 4;
constexpr auto kChainCount = static_cast<std::size_t>(kChains);
constexpr int kBurnIn = 2000;
constexpr int kKeptPerChain = 5000;
constexpr int kMinKept = 100;        // per chain, however large the table
constexpr int kMinBurnIn = 50;       // the collapsed sampler forgets its start within a few dozen
constexpr double kWorkBudget = 2e8;  // cell visits of the first run of all chains, ≈ 0.5 s
constexpr int kMaxExtensions = 4;    // each adds kept draws as long as R-hat is above target
constexpr double kRhatTarget = 1.01; // the package's default rhat_threshold
constexpr int kBatches = 20;         // batch means per chain for the Monte-Carlo error
constexpr std::uint64_t kChainStream = 0xBA7E5000;

/// Grades grouped by one factor: group g holds cells start[g] .. start[g + 1], each with the
/// index of the other factor's level and the grade.
struct Grouping
{
    std::vector<std::size_t> start{0};
    std::vector<std::uint32_t> other;
    std::vector<double> y;

    std::size_t Groups() const { return start.size() - 1; }
};

/// The rated units' grades, mapped onto the package's 1..6 span, grouped by unit and by rater.
struct Data
{
    std::size_t units = 0;
    std::size_t raters = 0; ///< raters with at least one grade
    std::size_t cells = 0;
    double m0 = 0.0;
    Grouping by_unit;
    Grouping by_rater;
};

Data MakeData(const RatingsTable& table, const std::vector<std::size_t>& rated,
              const std::optional<std::pair<double, double>>& scale)
{
    double lo = 0.0;
    double hi = 0.0;
    if (scale)
    {
        lo = scale->first;
        hi = scale->second;
    }
    else
    {
        bool first = true;
        for (std::size_t i : rated)
        {
            for (const auto& v : table.values[i])
            {
                if (v)
                {
                    lo = first ? *v : std::min(lo, *v);
                    hi = first ? *v : std::max(hi, *v);
                    first = false;
                }
            }
        }
    }
    // The priors (σ, τ ≤ 2; ν sd 0.5) are set for grades 1..6, so other scales are mapped there.
    const double factor = hi > lo ? kGradeSpan / (hi - lo) : 1.0;

    Data d;
    d.units = rated.size();
    std::vector<std::size_t> rater_index(table.raters.size(), table.raters.size());
    std::vector<std::uint32_t> cell_rater;
    for (std::size_t k = 0; k < rated.size(); ++k)
    {
        const auto& row = table.values[rated[k]];
        double unit_sum = 0.0;
        double unit_n = 0.0;
        for (std::size_t j = 0; j < row.size(); ++j)
        {
            if (!row[j])
            {
                continue;
            }
            if (rater_index[j] == table.raters.size())
            {
                rater_index[j] = d.raters++;
            }
            const double y = kGradeLow + (*row[j] - lo) * factor;
            d.by_unit.other.push_back(static_cast<std::uint32_t>(rater_index[j]));
            d.by_unit.y.push_back(y);
            unit_sum += y;
            unit_n += 1.0;
        }
        d.by_unit.start.push_back(d.by_unit.y.size());
        d.m0 += unit_sum / unit_n;
    }
    d.m0 /= static_cast<double>(d.units);
    d.cells = d.by_unit.y.size();

    // The same cells grouped by rater (a counting sort keeps it O(cells)).
    Grouping& g = d.by_rater;
    g.start.assign(d.raters + 1, 0);
    for (std::uint32_t l : d.by_unit.other)
    {
        ++g.start[l + 1];
    }
    for (std::size_t l = 0; l < d.raters; ++l)
    {
        g.start[l + 1] += g.start[l];
    }
    g.other.resize(d.cells);
    g.y.resize(d.cells);
    std::vector<std::size_t> next(g.start.begin(), g.start.end() - 1);
    for (std::size_t k = 0; k < d.units; ++k)
    {
        for (std::size_t c = d.by_unit.start[k]; c < d.by_unit.start[k + 1]; ++c)
        {
            const std::size_t at = next[d.by_unit.other[c]]++;
            g.other[at] = static_cast<std::uint32_t>(k);
            g.y[at] = d.by_unit.y[c];
        }
    }
    return d;
}

/// A draw of ρ from Gamma(shape, rate) truncated to [lo, hi]. Plain gamma draws are tried
/// first (the bounds rarely bite), then the inverse CDF; shape ≤ 0 only arises with almost no
/// data and is handled by rejection from the power law ρ^(shape − 1).
double TruncatedGamma(Random& random, double shape, double rate, double lo, double hi)
{
    if (!(rate > 1e-300))
    {
        return hi; // no spread at all: the smallest standard deviation allowed
    }
    const double x_lo = rate * lo;
    const double x_hi = rate * hi;
    if (shape > 0.0)
    {
        for (int attempt = 0; attempt < 16; ++attempt)
        {
            const double x = random.Gamma(shape);
            if (x >= x_lo && x <= x_hi)
            {
                return x / rate;
            }
        }
        const double u = random.Uniform();
        double x = 0.0;
        const double p_lo = boost::math::gamma_p(shape, x_lo, QuietPolicy());
        if (p_lo < 0.5)
        {
            const double p_hi = boost::math::gamma_p(shape, x_hi, QuietPolicy());
            x = boost::math::gamma_p_inv(shape, p_lo + u * (p_hi - p_lo), QuietPolicy());
        }
        else
        {
            const double q_lo = boost::math::gamma_q(shape, x_lo, QuietPolicy());
            const double q_hi = boost::math::gamma_q(shape, x_hi, QuietPolicy());
            x = boost::math::gamma_q_inv(shape, q_hi + u * (q_lo - q_hi), QuietPolicy());
        }
        return std::clamp(std::isnan(x) ? x_lo : x, x_lo, x_hi) / rate;
    }
    for (int attempt = 0; attempt < 1000; ++attempt)
    {
        const double u = random.UniformOpen();
        const double x = shape == 0.0
                             ? x_lo * std::pow(x_hi / x_lo, u)
                             : std::pow(std::pow(x_lo, shape) +
                                            u * (std::pow(x_hi, shape) - std::pow(x_lo, shape)),
                                        1.0 / shape);
        if (random.Uniform() < std::exp(-(x - x_lo)))
        {
            return x / rate;
        }
    }
    return lo;
}

struct Chain
{
    explicit Chain(std::uint64_t seed, std::uint64_t index) : random(seed, kChainStream + index) {}

    Random random;
    std::vector<double> theta;
    std::vector<double> nu;
    double tau_p = 1.0;
    double s = 1.0;
    double phi = 0.0;
};

/// Over-dispersed starts, as the package draws them (runif(−2, 2); sds runif(1e-6, 2)).
void Initialise(const Data& d, Chain& chain)
{
    Random& r = chain.random;
    const auto uniform = [&](double a, double b) { return a + (b - a) * r.Uniform(); };
    chain.theta.resize(d.units);
    chain.nu.resize(d.raters);
    for (auto& t : chain.theta)
    {
        t = uniform(-2.0, 2.0);
    }
    for (auto& n : chain.nu)
    {
        n = uniform(-2.0, 2.0);
    }
    const double sigma = uniform(kSdMin, kSdMax);
    const double tau_a = uniform(kSdMin, kSdMax);
    chain.s = std::hypot(sigma, tau_a);
    chain.phi = std::atan2(tau_a, sigma);
    chain.tau_p = uniform(kSdMin, kSdMax);
}

/// Draws each effect of one factor from its normal full conditional given the other factor's
/// effects: precision n/s² + prior precision, mean Σ(y − m0 − other)/s² over that precision.
void DrawEffects(const Grouping& g, double m0, const std::vector<double>& other, double inv_s2,
                 double prior_precision, Random& r, std::vector<double>& effect)
{
    for (std::size_t k = 0; k < g.Groups(); ++k)
    {
        double resid = 0.0;
        for (std::size_t i = g.start[k]; i < g.start[k + 1]; ++i)
        {
            resid += g.y[i] - m0 - other[g.other[i]];
        }
        const double prec =
            static_cast<double>(g.start[k + 1] - g.start[k]) * inv_s2 + prior_precision;
        effect[k] = resid * inv_s2 / prec + r.Normal() / std::sqrt(prec);
    }
}

void Step(const Data& d, Chain& c)
{
    Random& r = c.random;
    const double inv_s2 = 1.0 / (c.s * c.s);
    const double inv_tp2 = 1.0 / (c.tau_p * c.tau_p);

    DrawEffects(d.by_unit, d.m0, c.nu, inv_s2, inv_tp2, r, c.theta);
    DrawEffects(d.by_rater, d.m0, c.theta, inv_s2, kRaterPrecision, r, c.nu);

    // θ + δ, ν − δ leaves every mean m0 + θ_i + ν_j unchanged: δ's conditional is the priors'.
    double theta_sum = 0.0;
    double nu_sum = 0.0;
    for (double t : c.theta)
    {
        theta_sum += t;
    }
    for (double n : c.nu)
    {
        nu_sum += n;
    }
    const double shift_prec =
        static_cast<double>(d.units) * inv_tp2 + static_cast<double>(d.raters) * kRaterPrecision;
    const double shift = (kRaterPrecision * nu_sum - theta_sum * inv_tp2) / shift_prec +
                         r.Normal() / std::sqrt(shift_prec);
    double theta_ss = 0.0;
    for (double& t : c.theta)
    {
        t += shift;
        theta_ss += t * t;
    }
    for (double& n : c.nu)
    {
        n -= shift;
    }

    // τ_p: with ρ = 1/τ_p², ρ | θ ~ Gamma((U − 1)/2, Σθ²/2) on [1/2², 1/1e-6²].
    const double rho_p =
        TruncatedGamma(r, 0.5 * (static_cast<double>(d.units) - 1.0), 0.5 * theta_ss,
                       1.0 / (kSdMax * kSdMax), 1.0 / (kSdMin * kSdMin));
    c.tau_p = 1.0 / std::sqrt(rho_p);

    // φ | s: uniform over the angles with kSdMin < s cos φ, s sin φ < kSdMax.
    const double small = std::min(1.0, kSdMin / c.s);
    const double large = std::min(1.0, kSdMax / c.s);
    const double phi_lo = std::max(std::acos(large), std::asin(small));
    const double phi_hi = std::min(std::acos(small), std::asin(large));
    if (phi_hi > phi_lo)
    {
        c.phi = phi_lo + (phi_hi - phi_lo) * r.Uniform();
    }

    // s | φ: with ρ = 1/s², the prior's Jacobian s leaves ρ ~ Gamma((N − 2)/2, SSR/2).
    double ssr = 0.0;
    for (std::size_t k = 0; k < d.units; ++k)
    {
        for (std::size_t i = d.by_unit.start[k]; i < d.by_unit.start[k + 1]; ++i)
        {
            const double e = d.by_unit.y[i] - d.m0 - c.theta[k] - c.nu[d.by_unit.other[i]];
            ssr += e * e;
        }
    }
    const double cos_phi = std::cos(c.phi);
    const double sin_phi = std::sin(c.phi);
    const double s_lo = std::max(kSdMin / cos_phi, kSdMin / sin_phi);
    const double s_hi = std::min(kSdMax / cos_phi, kSdMax / sin_phi);
    const double rho_s = TruncatedGamma(r, 0.5 * (static_cast<double>(d.cells) - 2.0), 0.5 * ssr,
                                        1.0 / (s_hi * s_hi), 1.0 / (s_lo * s_lo));
    c.s = 1.0 / std::sqrt(rho_s);
}

/// Running sums of the monitored parameters over a block of draws, for split R-hat.
struct Block
{
    std::vector<double> sum;
    std::vector<double> square;
    double n = 0.0;
};

/// Kept draws of one chain: ranks (draw-major) and the blocks of monitored sums.
struct ChainDraws
{
    std::vector<std::int32_t> ranks;
    std::vector<Block> blocks;
    std::vector<double> theta_sum;
    int kept = 0;
};

/// Runs `iterations` kept steps, storing ranks and monitored sums in blocks of `block_size`.
void Keep(const Data& d, Chain& chain, int iterations, int block_size, ChainDraws& out,
          std::vector<std::pair<double, std::uint32_t>>& order)
{
    const std::size_t params = d.units + 2; // θ, log τ_p, log s
    for (int it = 0; it < iterations; ++it)
    {
        Step(d, chain);
        if (out.blocks.empty() || out.blocks.back().n >= block_size)
        {
            out.blocks.push_back(
                {std::vector<double>(params, 0.0), std::vector<double>(params, 0.0), 0.0});
        }
        Block& b = out.blocks.back();
        const auto monitor = [&](std::size_t p, double x)
        {
            b.sum[p] += x;
            b.square[p] += x * x;
        };
        for (std::size_t k = 0; k < d.units; ++k)
        {
            monitor(k, chain.theta[k]);
            out.theta_sum[k] += chain.theta[k];
            order[k] = {-chain.theta[k], static_cast<std::uint32_t>(k)};
        }
        monitor(d.units, std::log(chain.tau_p));
        monitor(d.units + 1, std::log(chain.s));
        b.n += 1.0;

        std::sort(order.begin(), order.end());
        const std::size_t base = out.ranks.size();
        out.ranks.resize(base + d.units);
        for (std::size_t pos = 0; pos < d.units; ++pos)
        {
            out.ranks[base + order[pos].second] = static_cast<std::int32_t>(pos + 1);
        }
        ++out.kept;
    }
}

/// Largest split R-hat (Gelman et al., BDA3 §11.4) over the monitored parameters: each chain's
/// draws are cut in two halves of whole blocks, and between- and within-half variances compared.
double MaxSplitRhat(const std::vector<ChainDraws>& draws, std::size_t params)
{
    std::vector<double> means;
    std::vector<double> variances;
    double worst = 1.0;
    for (std::size_t p = 0; p < params; ++p)
    {
        means.clear();
        variances.clear();
        double half_n = 0.0;
        for (const auto& chain : draws)
        {
            const std::size_t half = chain.blocks.size() / 2;
            for (std::size_t part = 0; part < 2; ++part)
            {
                double sum = 0.0;
                double square = 0.0;
                double n = 0.0;
                for (std::size_t b = part * half; b < (part + 1) * half; ++b)
                {
                    sum += chain.blocks[b].sum[p];
                    square += chain.blocks[b].square[p];
                    n += chain.blocks[b].n;
                }
                const double mean = sum / n;
                means.push_back(mean);
                variances.push_back(std::max(0.0, (square - n * mean * mean) / (n - 1.0)));
                half_n = n;
            }
        }
        double w = 0.0;
        double grand = 0.0;
        for (std::size_t i = 0; i < means.size(); ++i)
        {
            w += variances[i];
            grand += means[i];
        }
        const auto m = static_cast<double>(means.size());
        w /= m;
        grand /= m;
        double between = 0.0;
        for (double mean : means)
        {
            between += (mean - grand) * (mean - grand);
        }
        between *= half_n / (m - 1.0);
        if (w <= 0.0)
        {
            continue; // a constant parameter says nothing about mixing
        }
        const double var_plus = (half_n - 1.0) / half_n * w + between / half_n;
        worst = std::max(worst, std::sqrt(var_plus / w));
    }
    return worst;
}

/// Batch-means Monte-Carlo standard error of unit k's expected rank.
double RankMcError(const std::vector<ChainDraws>& draws, std::size_t units, std::size_t k)
{
    std::vector<double> batch_means;
    for (const auto& chain : draws)
    {
        const int batches = std::min(kBatches, chain.kept / 2);
        const int length = chain.kept / std::max(1, batches);
        for (int b = 0; b < batches; ++b)
        {
            double sum = 0.0;
            for (int t = b * length; t < (b + 1) * length; ++t)
            {
                sum += chain.ranks[static_cast<std::size_t>(t) * units + k];
            }
            batch_means.push_back(sum / length);
        }
    }
    if (batch_means.size() < 2)
    {
        return 0.0;
    }
    double mean = 0.0;
    for (double x : batch_means)
    {
        mean += x;
    }
    const auto n = static_cast<double>(batch_means.size());
    mean /= n;
    double var = 0.0;
    for (double x : batch_means)
    {
        var += (x - mean) * (x - mean);
    }
    return std::sqrt(var / (n - 1.0) / n);
}

/// The single-unit case needs no sampling: its rank is 1.
void RankAlone(const RankOptions& options, RankedUnit& unit, RankReport& report)
{
    unit.expected_rank = 1.0;
    unit.median_rank = 1.0;
    unit.pcer = 50.0;
    unit.rank_pm = 1.0;
    unit.rank_ci50 = RankInterval{1, 1};
    unit.rank_ci90 = RankInterval{1, 1};
    if (options.fundable > 0)
    {
        unit.p_funded = 1.0;
        unit.group = "accepted";
    }
    report.mc_error = 0.0;
    report.converged = true;
}

/// How long to run: the package's scale (4 chains, 20,000 kept draws by default), cut down in
/// proportion for huge tables so that the work stays bounded.
struct RunPlan
{
    int burn_in = kBurnIn;
    int kept = kKeptPerChain; ///< per chain and round, even
    double step_work = 0.0;   ///< cost of one step, in cell visits
    double keep_work = 0.0;   ///< of one kept step, ranking included
};

RunPlan PlanRun(const Data& d, int draws)
{
    RunPlan plan;
    const auto units = static_cast<double>(d.units);
    plan.kept = draws > 0 ? (draws + kChains - 1) / kChains : kKeptPerChain;
    plan.step_work =
        3.0 * static_cast<double>(d.cells) + 3.0 * units + static_cast<double>(d.raters);
    plan.keep_work = plan.step_work + units * std::log2(units + 1.0);
    const double planned = kChains * (plan.burn_in * plan.step_work + plan.kept * plan.keep_work);
    if (planned > kWorkBudget)
    {
        const double cut = kWorkBudget / planned;
        plan.kept = std::max(kMinKept, static_cast<int>(plan.kept * cut));
        plan.burn_in = std::max(kMinBurnIn, static_cast<int>(plan.burn_in * cut));
    }
    plan.kept += plan.kept % 2; // split R-hat halves each round into two equal blocks
    return plan;
}

struct Posterior
{
    std::vector<ChainDraws> chains;
    double rhat = 0.0;
};

/// Burns in every chain from its own over-dispersed start, keeps a round of draws, and keeps
/// extending while R-hat is above target (as get_mcmc_samples() does) within twice the budget.
Posterior Sample(const Data& d, const RunPlan& plan, std::uint64_t seed)
{
    std::vector<Chain> chains;
    Posterior posterior;
    posterior.chains.resize(kChainCount);
    std::vector<std::pair<double, std::uint32_t>> order(d.units);
    for (std::size_t c = 0; c < kChainCount; ++c)
    {
        chains.emplace_back(seed, c);
        Initialise(d, chains.back());
        for (int it = 0; it < plan.burn_in; ++it)
        {
            Step(d, chains.back());
        }
        posterior.chains[c].theta_sum.assign(d.units, 0.0);
    }
    const auto run_round = [&]
    {
        for (std::size_t c = 0; c < kChainCount; ++c)
        {
            Keep(d, chains[c], plan.kept, plan.kept / 2, posterior.chains[c], order);
        }
    };
    run_round();
    posterior.rhat = MaxSplitRhat(posterior.chains, d.units + 2);
    const double round_work = kChains * plan.kept * plan.keep_work;
    double work = kChains * plan.burn_in * plan.step_work + round_work;
    for (int extension = 0; extension < kMaxExtensions && posterior.rhat > kRhatTarget &&
                            work + round_work <= 2.0 * kWorkBudget;
         ++extension)
    {
        run_round();
        work += round_work;
        posterior.rhat = MaxSplitRhat(posterior.chains, d.units + 2);
    }
    return posterior;
}

/// plot_er_distributions(): the provisional funding line is the ER of the last fundable unit;
/// a unit whose 50% interval (type-7 quantiles q25..q75) contains it, or whose ER is it, goes
/// to the lottery; wholly better is accepted, wholly worse rejected. When the lottery would
/// draw every one of its members, they are simply accepted.
void AssignGroups(const std::vector<double>& er, const std::vector<double>& q25,
                  const std::vector<double>& q75, int fundable_option,
                  const std::vector<std::size_t>& rated, RankReport& report)
{
    const auto fundable = static_cast<std::size_t>(std::max(0, fundable_option));
    if (fundable == 0)
    {
        return;
    }
    if (fundable >= er.size())
    {
        for (std::size_t i : rated)
        {
            report.units[i].group = "accepted";
        }
        return;
    }
    std::vector<double> sorted_er = er;
    std::sort(sorted_er.begin(), sorted_er.end());
    const double line = sorted_er[fundable - 1];
    report.funding_line = line;
    std::size_t not_rejected = 0;
    for (std::size_t k = 0; k < er.size(); ++k)
    {
        const bool straddles = (q25[k] <= line && q75[k] >= line) || er[k] == line;
        std::string& group = report.units[rated[k]].group;
        group = straddles ? "lottery" : (q75[k] < line ? "accepted" : "rejected");
        not_rejected += group == "rejected" ? 0U : 1U;
    }
    if (not_rejected == fundable)
    {
        for (std::size_t i : rated)
        {
            std::string& group = report.units[i].group;
            group = group == "lottery" ? "accepted" : group;
        }
    }
}

} // namespace

void AddBayesRanks(const RatingsTable& table, const std::vector<UnitStats>& stats,
                   const RankOptions& options, RankReport& report)
{
    const std::vector<std::size_t> rated = RatedUnits(stats);
    if (rated.empty())
    {
        return;
    }
    if (rated.size() == 1)
    {
        RankAlone(options, report.units[rated.front()], report);
        return;
    }
    const Data d = MakeData(table, rated, options.scale);
    const Posterior posterior = Sample(d, PlanRun(d, options.draws), options.seed);
    const auto units = static_cast<double>(d.units);
    const std::size_t total =
        static_cast<std::size_t>(posterior.chains.front().kept) * posterior.chains.size();
    const auto n_draws = static_cast<double>(total);

    // rank_pm: R's rank(−(m0 + posterior mean)), ties averaged.
    std::vector<double> negated_mean(d.units, 0.0);
    for (const auto& chain : posterior.chains)
    {
        for (std::size_t k = 0; k < d.units; ++k)
        {
            negated_mean[k] -= chain.theta_sum[k] / n_draws;
        }
    }
    const std::vector<double> rank_pm = AverageRanks(negated_mean);

    // Each unit's ranks over all chains, sorted, give ER, quantiles and P(funded).
    std::vector<double> er(d.units);
    std::vector<double> q25(d.units);
    std::vector<double> q75(d.units);
    std::vector<std::int32_t> column(total);
    double mc_error = 0.0;
    for (std::size_t k = 0; k < d.units; ++k)
    {
        std::size_t at = 0;
        for (const auto& chain : posterior.chains)
        {
            for (int t = 0; t < chain.kept; ++t)
            {
                column[at++] = chain.ranks[static_cast<std::size_t>(t) * d.units + k];
            }
        }
        std::sort(column.begin(), column.end());
        double mean = 0.0;
        for (std::int32_t r : column)
        {
            mean += r;
        }
        er[k] = mean / n_draws;
        const auto summary = SummariseRanks(
            [&](int r)
            {
                const auto it = std::lower_bound(column.begin(), column.end(), r);
                return static_cast<double>(it - column.begin()) / n_draws;
            },
            static_cast<int>(d.units), options.fundable, er[k]);
        RankedUnit& unit = report.units[rated[k]];
        ApplyRankSummary(summary, options.fundable, unit);
        // bayesplot::mcmc_intervals_data, which draws the package's groups, uses R's type 7.
        q25[k] = QuantileType7(std::span<const std::int32_t>(column), 0.25);
        q75[k] = QuantileType7(std::span<const std::int32_t>(column), 0.75);
        unit.sucra = (units - er[k]) / (units - 1.0);
        unit.pcer = 100.0 * (er[k] - 0.5) / units;
        unit.rank_pm = rank_pm[k];
        mc_error = std::max(mc_error, RankMcError(posterior.chains, d.units, k));
    }
    AssignGroups(er, q25, q75, options.fundable, rated, report);

    report.draws = static_cast<int>(total);
    report.chains = kChains;
    report.max_rhat = posterior.rhat;
    report.converged = posterior.rhat <= kRhatTarget;
    report.mc_error = mc_error;
}

} // namespace coscore::scoring::detail
