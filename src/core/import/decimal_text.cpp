// SPDX-License-Identifier: MIT
#include "decimal_text.hpp"

namespace coscore::core::imports
{

namespace
{

// Far beyond any amount, score or weight, yet small enough that no arithmetic here overflows.
constexpr int kMaxExponent = 400;

void Normalise(DecimalText& d)
{
    const std::size_t first = d.digits.find_first_not_of('0');
    d.digits.erase(0, first == std::string::npos ? d.digits.size() : first);
    while (!d.digits.empty() && d.digits.back() == '0')
    {
        d.digits.pop_back();
        ++d.exponent;
    }
    if (d.digits.empty())
    {
        d.exponent = 0;
    }
}

} // namespace

std::optional<DecimalText> DecimalText::Parse(std::string_view text)
{
    DecimalText d;
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-')
    {
        d.negative = true;
        ++i;
    }
    bool point = false;
    int after_point = 0;
    std::size_t mantissa_digits = 0;
    for (; i < text.size(); ++i)
    {
        const char c = text[i];
        if (c >= '0' && c <= '9')
        {
            ++mantissa_digits;
            if (d.digits.size() < 1000)
            {
                d.digits += c;
                after_point += point ? 1 : 0;
            }
            else if (!point)
            {
                return std::nullopt; // a thousand-digit integer is no amount or score
            }
        }
        else if (c == '.' && !point)
        {
            point = true;
        }
        else
        {
            break;
        }
    }
    if (mantissa_digits == 0)
    {
        return std::nullopt;
    }
    int exponent = 0;
    if (i < text.size() && (text[i] == 'E' || text[i] == 'e'))
    {
        ++i;
        bool minus = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        {
            minus = text[i] == '-';
            ++i;
        }
        const std::size_t start = i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        {
            if (exponent > kMaxExponent)
            {
                return std::nullopt;
            }
            exponent = exponent * 10 + (text[i] - '0');
        }
        if (i == start)
        {
            return std::nullopt;
        }
        exponent = minus ? -exponent : exponent;
    }
    if (i != text.size() || exponent > kMaxExponent || exponent < -kMaxExponent)
    {
        return std::nullopt;
    }
    d.exponent = exponent - after_point;
    Normalise(d);
    return d;
}

DecimalText DecimalText::RoundedToSignificant(std::size_t n) const
{
    if (digits.size() <= n)
    {
        return *this;
    }
    DecimalText r = *this;
    const bool up = digits[n] >= '5';
    r.exponent += static_cast<int>(digits.size() - n);
    r.digits.resize(n);
    if (up)
    {
        std::size_t k = n;
        while (k > 0 && r.digits[k - 1] == '9')
        {
            r.digits[--k] = '0';
        }
        if (k == 0)
        {
            r.digits.insert(r.digits.begin(), '1');
        }
        else
        {
            ++r.digits[k - 1];
        }
    }
    Normalise(r);
    return r;
}

Scaled DecimalText::ScaledToInteger(int decimals, std::int64_t max) const
{
    Scaled out;
    if (digits.empty())
    {
        return out;
    }
    const int shift = exponent + decimals;
    if (shift < 0)
    {
        out.fault = ScaleFault::Fraction;
        return out;
    }
    if (static_cast<int>(digits.size()) + shift > 18)
    {
        out.fault = ScaleFault::TooLarge;
        return out;
    }
    std::int64_t value = 0;
    for (const char c : digits)
    {
        value = value * 10 + (c - '0');
    }
    for (int k = 0; k < shift; ++k)
    {
        value *= 10;
    }
    if (value > max)
    {
        out.fault = ScaleFault::TooLarge;
        return out;
    }
    out.value = value;
    return out;
}

std::string DecimalText::ToPlain() const
{
    if (digits.empty())
    {
        return "0";
    }
    std::string out = negative ? "-" : "";
    const int length = static_cast<int>(digits.size());
    if (exponent >= 0)
    {
        out += digits;
        out.append(static_cast<std::size_t>(exponent), '0');
    }
    else if (-exponent < length)
    {
        const auto point = static_cast<std::size_t>(length + exponent);
        out += digits.substr(0, point) + "." + digits.substr(point);
    }
    else
    {
        out += "0.";
        out.append(static_cast<std::size_t>(-exponent - length), '0');
        out += digits;
    }
    return out;
}

} // namespace coscore::core::imports
