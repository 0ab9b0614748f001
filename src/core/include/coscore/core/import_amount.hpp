// SPDX-License-Identifier: MIT
// Money typed by people or stored by spreadsheets, read into integer pence under one written
// en-GB policy (RELIABILITY.md §3): never through a float, never guessed.
#pragma once

#include <coscore/scoring/model.hpp>

#include <string>
#include <string_view>

namespace coscore::core
{

/// Why a text is not an amount of money.
enum class AmountFault
{
    None,
    Empty,
    Negative,         ///< "-5", "(5)", "£-5"
    Formula,          ///< starts with = + or @
    NotFinite,        ///< "NaN", "inf"
    Exponent,         ///< "1e3"
    Hex,              ///< "0x10"
    NonAsciiDigits,   ///< "١٢٣", "１２３"
    LetterForDigit,   ///< "12O" (letter O), "l00" (letter l)
    SubPenny,         ///< "1.234"
    Grouping,         ///< "1,23", "12,34,567"
    WrongDecimalMark, ///< "1234,50" where a decimal point is expected, or the reverse
    TooLarge,         ///< beyond kMaxAmountPence
    NotANumber,
};

/// £100,000,000,000: larger amounts are refused as typing mistakes.
inline constexpr scoring::Pence kMaxAmountPence = 10'000'000'000'000;

struct AmountStyle
{
    /// "1.234,50": comma for the decimals and point for thousands (asked, never guessed).
    bool decimal_comma = false;
};

struct ParsedAmount
{
    scoring::Pence pence = 0;
    AmountFault fault = AmountFault::None;
    bool Ok() const { return fault == AmountFault::None; }
};

/// Typed text: "1234.5", "1,234.50", "£1,234.50", "£ 1234", "1234.500"; at most two non-zero
/// decimals, thousands separators only in groups of three.
ParsedAmount ParseAmountText(std::string_view text, AmountStyle style = {});

/// A number as a spreadsheet stores it ("1234.5", "1234.4999999999998", "1.2345E3"), read as
/// Excel shows it (15 significant digits), then held to whole pence.
ParsedAmount ParseAmountNumber(std::string_view stored);

/// The reason in plain English, for a validation report: "has three decimal places; …".
std::string ExplainAmountFault(AmountFault fault);

/// "1234.50": pounds with two decimals, no symbol or separators (how CoScore writes amounts in
/// CSV files, read back exactly by ParseAmountText).
std::string FormatAmountPlain(scoring::Pence pence);

} // namespace coscore::core
