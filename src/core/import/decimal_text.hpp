// SPDX-License-Identifier: MIT
// Exact decimal numbers read from text ("1234.5", "1.2345E3"), so that what a spreadsheet
// stored is turned into pence or whole scores by decimal arithmetic, never through a float.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coscore::core::imports
{

enum class ScaleFault
{
    None,
    Fraction, ///< something is left after the decimals asked for
    TooLarge,
};

struct Scaled
{
    std::int64_t value = 0;
    ScaleFault fault = ScaleFault::None;
};

/// value = (negative ? -1 : 1) × digits × 10^exponent; digits has no leading zeros and is
/// empty for zero.
struct DecimalText
{
    bool negative = false;
    std::string digits;
    int exponent = 0;

    /// [-]digits[.digits][E[+|-]digits], at least one digit; nullopt for anything else.
    static std::optional<DecimalText> Parse(std::string_view text);

    bool IsZero() const { return digits.empty(); }
    /// Rounded half up to `n` significant digits.
    DecimalText RoundedToSignificant(std::size_t n) const;
    /// The magnitude × 10^decimals as an integer no larger than `max`.
    Scaled ScaledToInteger(int decimals, std::int64_t max) const;
    /// Plain notation without an exponent: "1234.5", "0.25", "-3".
    std::string ToPlain() const;
};

} // namespace coscore::core::imports
