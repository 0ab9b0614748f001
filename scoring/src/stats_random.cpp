// SPDX-License-Identifier: MIT
#include "stats_random.hpp"

#include <cmath>

namespace coscore::scoring::detail
{
namespace
{

std::uint64_t SplitMix64(std::uint64_t& x)
{
    x += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = x;
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

std::uint64_t RotateLeft(std::uint64_t x, unsigned k)
{
    return (x << k) | (x >> (64U - k));
}

} // namespace

Random::Random(std::uint64_t seed, std::uint64_t stream)
{
    // Mixing the stream number through SplitMix64 first keeps streams of one seed unrelated.
    std::uint64_t x = seed;
    std::uint64_t s = stream;
    x ^= SplitMix64(s);
    for (auto& word : m_state)
    {
        word = SplitMix64(x);
    }
}

std::uint64_t Random::Next()
{
    const std::uint64_t result = RotateLeft(m_state[1] * 5U, 7U) * 9U;
    const std::uint64_t t = m_state[1] << 17U;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = RotateLeft(m_state[3], 45U);
    return result;
}

double Random::Uniform()
{
    return static_cast<double>(Next() >> 11U) * 0x1.0p-53;
}

double Random::UniformOpen()
{
    return (static_cast<double>(Next() >> 12U) + 0.5) * 0x1.0p-52;
}

std::uint64_t Random::Below(std::uint64_t n)
{
    // Values below `threshold` would make the low residues more likely than the others.
    const std::uint64_t threshold = (0U - n) % n;
    for (;;)
    {
        const std::uint64_t x = Next();
        if (x >= threshold)
        {
            return x % n;
        }
    }
}

double Random::Normal()
{
    if (m_has_spare)
    {
        m_has_spare = false;
        return m_spare_normal;
    }
    for (;;)
    {
        const double u = 2.0 * Uniform() - 1.0;
        const double v = 2.0 * Uniform() - 1.0;
        const double s = u * u + v * v;
        if (s > 0.0 && s < 1.0)
        {
            const double factor = std::sqrt(-2.0 * std::log(s) / s);
            m_spare_normal = v * factor;
            m_has_spare = true;
            return u * factor;
        }
    }
}

double Random::Gamma(double shape)
{
    if (shape < 1.0)
    {
        // Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia & Tsang, section 6).
        const double g = Gamma(shape + 1.0);
        return g * std::pow(UniformOpen(), 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;)
    {
        double x = 0.0;
        double v = 0.0;
        do
        {
            x = Normal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = UniformOpen();
        const double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v)))
        {
            return d * v;
        }
    }
}

} // namespace coscore::scoring::detail
