// SPDX-License-Identifier: MIT
// A seeded random source whose algorithms are fixed here, so a seed gives the same draws with
// every compiler and standard library (std:: distributions differ between implementations).
#pragma once

#include <array>
#include <cstdint>

namespace coscore::scoring::detail
{

/// xoshiro256** (Blackman & Vigna 2018) seeded through SplitMix64. `stream` separates
/// independent sequences from one seed (one per bootstrap run or MCMC chain).
class Random
{
public:
    explicit Random(std::uint64_t seed, std::uint64_t stream = 0);

    std::uint64_t Next();

    /// Uniform on [0, 1) with 53 random bits.
    double Uniform();

    /// Uniform on (0, 1): never 0, so safe under log().
    double UniformOpen();

    /// Uniform integer in [0, n), unbiased (rejection of the short last block). n > 0.
    std::uint64_t Below(std::uint64_t n);

    /// Standard normal (Marsaglia's polar method).
    double Normal();

    /// Gamma(shape, 1) for shape > 0 (Marsaglia & Tsang 2000; shape < 1 by the U^(1/a) boost).
    double Gamma(double shape);

private:
    std::array<std::uint64_t, 4> m_state{};
    double m_spare_normal = 0.0;
    bool m_has_spare = false;
};

} // namespace coscore::scoring::detail
