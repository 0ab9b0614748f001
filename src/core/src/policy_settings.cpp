// SPDX-License-Identifier: MIT
#include <coscore/core/policy_settings.hpp>

#include <charconv>
#include <functional>
#include <string_view>

namespace coscore::core
{
namespace
{

using scoring::Policy;

std::string FormatDouble(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

template <typename T>
std::optional<T> ParseNumber(const std::string& text)
{
    T value{};
    const auto* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ec != std::errc() || result.ptr != end)
    {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> ParseBool(const std::string& text)
{
    if (text == "on" || text == "true" || text == "yes" || text == "1")
    {
        return true;
    }
    if (text == "off" || text == "false" || text == "no" || text == "0")
    {
        return false;
    }
    return std::nullopt;
}

struct Setting
{
    std::string_view name;
    std::function<std::string(const Policy&)> show;
    std::function<std::optional<std::string>(Policy&, const std::string&)> set;
};

Setting Fraction(std::string_view name, double Policy::*field)
{
    return {name, [field](const Policy& p) { return FormatDouble(p.*field); },
            [field, name](Policy& p, const std::string& text) -> std::optional<std::string>
            {
                // Accept "50" or "50%" as a percentage, and "0.5" as a fraction.
                std::string digits = text;
                const bool percent = !digits.empty() && digits.back() == '%';
                if (percent)
                {
                    digits.pop_back();
                }
                auto value = ParseNumber<double>(digits);
                if (value && (percent || *value > 1.0))
                {
                    *value /= 100.0;
                }
                if (!value || *value < 0.0 || *value > 1.0)
                {
                    return std::string(name) + " must be a percentage from 0 to 100, not \"" +
                           text + "\"";
                }
                p.*field = *value;
                return std::nullopt;
            }};
}

Setting Integer(std::string_view name, int Policy::*field, int lo, int hi)
{
    return {name, [field](const Policy& p) { return std::to_string(p.*field); },
            [=](Policy& p, const std::string& text) -> std::optional<std::string>
            {
                const auto value = ParseNumber<int>(text);
                if (!value || *value < lo || *value > hi)
                {
                    return std::string(name) + " must be a whole number from " +
                           std::to_string(lo) + " to " + std::to_string(hi) + ", not \"" + text +
                           "\"";
                }
                p.*field = *value;
                return std::nullopt;
            }};
}

Setting Switch(std::string_view name, bool Policy::*field)
{
    return {name, [field](const Policy& p) { return std::string(p.*field ? "on" : "off"); },
            [field, name](Policy& p, const std::string& text) -> std::optional<std::string>
            {
                const auto value = ParseBool(text);
                if (!value)
                {
                    return std::string(name) + " must be on or off, not \"" + text + "\"";
                }
                p.*field = *value;
                return std::nullopt;
            }};
}

template <typename Enum>
Setting Choice(std::string_view name, Enum Policy::*field,
               std::optional<Enum> (*parse)(std::string_view), std::string_view choices)
{
    return {name, [field](const Policy& p) { return std::string(scoring::ToString(p.*field)); },
            [=](Policy& p, const std::string& text) -> std::optional<std::string>
            {
                const auto value = parse(text);
                if (!value)
                {
                    return std::string(name) + " must be one of " + std::string(choices) +
                           ", not \"" + text + "\"";
                }
                p.*field = *value;
                return std::nullopt;
            }};
}

const std::vector<Setting>& Settings()
{
    static const std::vector<Setting> kSettings{
        Choice("rank_by", &Policy::rank_by, &scoring::ParseRankBasis,
               "mean, median, olympic, zmean, adjusted"),
        Choice("allocation", &Policy::allocation, &scoring::ParseAllocationRule, "skip, stop"),
        Fraction("flag_range", &Policy::flag_range),
        Fraction("flag_iqr", &Policy::flag_iqr),
        Fraction("flag_sd", &Policy::flag_sd),
        Fraction("flag_outlier", &Policy::flag_outlier),
        Fraction("flag_voice_gap", &Policy::flag_voice_gap),
        Integer("quorum_min_n", &Policy::quorum_min_n, 1, 100),
        Fraction("quorum_fraction", &Policy::quorum_fraction),
        Switch("quorum_needs_lived_experience", &Policy::quorum_needs_lived_experience),
        {"ridge_lambda", [](const Policy& p) { return FormatDouble(p.ridge_lambda); },
         [](Policy& p, const std::string& text) -> std::optional<std::string>
         {
             const auto value = ParseNumber<double>(text);
             if (!value || *value < 0.0 || *value > 1000.0)
             {
                 return "ridge_lambda must be a number from 0 to 1000, not \"" + text + "\"";
             }
             p.ridge_lambda = *value;
             return std::nullopt;
         }},
        Integer("zmean_min_bids", &Policy::zmean_min_bids, 2, 1000),
        Switch("snsf_mode", &Policy::snsf_mode),
        {"seed", [](const Policy& p) { return std::to_string(p.seed); },
         [](Policy& p, const std::string& text) -> std::optional<std::string>
         {
             const auto value = ParseNumber<std::uint64_t>(text);
             if (!value)
             {
                 return "seed must be a whole number, not \"" + text + "\"";
             }
             p.seed = *value;
             return std::nullopt;
         }},
        Integer("bootstrap_draws", &Policy::bootstrap_draws, 100, 100000),
        Fraction("near_line_fraction", &Policy::near_line_fraction),
    };
    return kSettings;
}

} // namespace

std::vector<std::pair<std::string, std::string>> PolicyToSettings(const Policy& policy)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const Setting& s : Settings())
    {
        out.emplace_back(std::string(s.name), s.show(policy));
    }
    return out;
}

std::optional<std::string> ApplyPolicySetting(Policy& policy, const std::string& name,
                                              const std::string& value)
{
    for (const Setting& s : Settings())
    {
        if (s.name == name)
        {
            Policy copy = policy;
            if (auto error = s.set(copy, value))
            {
                return error;
            }
            policy = copy;
            return std::nullopt;
        }
    }
    std::string names;
    for (const Setting& s : Settings())
    {
        names += names.empty() ? "" : ", ";
        names += s.name;
    }
    return "there is no policy setting \"" + name + "\"; the settings are: " + names;
}

} // namespace coscore::core
