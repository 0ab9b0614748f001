// SPDX-License-Identifier: MIT
#include "export_context.hpp"

#include <coscore/scoring/error.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <thread>

#ifndef COSCORE_VERSION_STRING
#define COSCORE_VERSION_STRING "0"
#endif

namespace coscore::exports::detail
{
namespace
{

template <typename T>
std::unordered_map<Key, std::size_t> IndexByKey(const std::vector<T>& items)
{
    std::unordered_map<Key, std::size_t> index;
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        index[items[i].key] = i;
    }
    return index;
}

std::string TwoDigits(int value)
{
    return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

DateTime ToCivil(std::chrono::sys_seconds when)
{
    const auto days = std::chrono::floor<std::chrono::days>(when);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss time{when - days};
    return {static_cast<int>(ymd.year()),
            static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day())),
            static_cast<int>(time.hours().count()),
            static_cast<int>(time.minutes().count()),
            static_cast<int>(time.seconds().count())};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// RoundIndex

RoundIndex::RoundIndex(const ExportInput& input)
    : m_bids(IndexByKey(input.round.bids)), m_funds(IndexByKey(input.round.funds)),
      m_members(IndexByKey(input.round.members)), m_input(&input)
{
    for (std::size_t i = 0; i < input.round.decisions.size(); ++i)
    {
        m_decisions[input.round.decisions[i].bid] = i; // the last decision of a bid applies
    }
    for (const scoring::Member& member : input.round.members)
    {
        if (member.scores)
        {
            m_scorer_columns[member.key] = static_cast<int>(m_scorers.size());
            m_scorers.push_back(&member);
        }
    }
    m_bid_count = CountBids(input.result);
    for (const scoring::Fund& fund : input.round.funds)
    {
        m_fund_names[fund.key] = fund.name;
    }
    for (const scoring::FundResult& fund : input.result.funds)
    {
        m_fund_names.try_emplace(fund.fund, "Fund " + std::to_string(fund.fund));
    }
}

const scoring::Bid& RoundIndex::BidOf(Key bid) const
{
    const auto it = m_bids.find(bid);
    if (it == m_bids.end())
    {
        throw InternalError("export: the reconciliation names bid key " + std::to_string(bid) +
                            ", which is not in the round");
    }
    return m_input->round.bids[it->second];
}

const scoring::Fund* RoundIndex::FundOf(Key fund) const
{
    const auto it = m_funds.find(fund);
    return it == m_funds.end() ? nullptr : &m_input->round.funds[it->second];
}

const scoring::Member* RoundIndex::MemberOf(Key member) const
{
    const auto it = m_members.find(member);
    return it == m_members.end() ? nullptr : &m_input->round.members[it->second];
}

const scoring::Decision* RoundIndex::DecisionOf(Key bid) const
{
    const auto it = m_decisions.find(bid);
    return it == m_decisions.end() ? nullptr : &m_input->round.decisions[it->second];
}

int RoundIndex::ScorerColumn(Key member) const
{
    const auto it = m_scorer_columns.find(member);
    return it == m_scorer_columns.end() ? -1 : it->second;
}

const std::string& RoundIndex::FundName(Key fund) const
{
    static const std::string unknown = "Unknown fund";
    const auto it = m_fund_names.find(fund);
    return it == m_fund_names.end() ? unknown : it->second;
}

// ---------------------------------------------------------------------------------------------
// OutputContext

std::string OutputContext::Marking() const
{
    return input.protective_marking ? *input.protective_marking
                                    : input.round.info.protective_marking;
}

PageSetup OutputContext::Page() const
{
    PageSetup page;
    page.title = input.round.info.title;
    page.marking = Marking();
    page.generated = "Generated " + GeneratedText(input.generated_at);
    return page;
}

DocumentInfo OutputContext::Document(std::string_view what) const
{
    DocumentInfo doc;
    const std::string& title = input.round.info.title;
    doc.title = title.empty() ? std::string(what) : title + " \xE2\x80\x94 " + std::string(what);
    doc.subject = std::string(what);
    doc.author = "CoScore";
    doc.category = "Grants panel";
    doc.keywords = "grants, panel, " + std::string(what);
    doc.status = Marking();
    doc.comments = "Written by CoScore " COSCORE_VERSION_STRING " from round " +
                   input.round.info.uuid + " on " + IsoText(input.generated_at) + ".";
    if (!input.audit_head_hex.empty())
    {
        doc.comments += " Audit chain head: " + input.audit_head_hex + ".";
    }
    doc.created = static_cast<std::time_t>(input.generated_at.time_since_epoch().count());
    if (!Marking().empty())
    {
        doc.custom.emplace_back("Protective marking", Marking());
    }
    doc.custom.emplace_back("Round", input.round.info.uuid);
    doc.custom.emplace_back("Generated at", IsoText(input.generated_at));
    if (!input.audit_head_hex.empty())
    {
        doc.custom.emplace_back("Audit chain head", input.audit_head_hex);
    }
    return doc;
}

int ExportThreads(const ExportOptions& options)
{
    if (options.threads == 1)
    {
        return 1;
    }
    return options.threads > 1 || std::thread::hardware_concurrency() > 1 ? 2 : 1;
}

bool OutputContext::ConstantMemory(std::int64_t cells) const
{
    switch (options.memory)
    {
    case MemoryMode::Constant:
        return true;
    case MemoryMode::InMemory:
        return false;
    case MemoryMode::Auto:
        break;
    }
    return cells > kConstantMemoryCells;
}

// ---------------------------------------------------------------------------------------------
// Wording

std::string_view FlagLabel(std::string_view code)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kLabels{{
        {"range", "Wide range"},
        {"iqr", "Wide spread (IQR)"},
        {"sd", "Wide spread (SD)"},
        {"outlier", "One member far from the rest"},
        {"voice_gap", "Voices disagree"},
        {"quorum", "Below quorum"},
        {"quorum_voice", "No lived-experience score"},
        {"needs_explaining", "Needs explaining"},
        {"incomplete", "Incomplete sheet"},
        {"gate", "Failed a gate"},
        {"ineligible", "Not eligible"},
        {"award_min", "Below the minimum award"},
        {"award_max", "Above the maximum award"},
    }};
    for (const auto& [known, label] : kLabels)
    {
        if (known == code)
        {
            return label;
        }
    }
    return code;
}

std::string FlagLabels(const std::vector<scoring::Flag>& flags)
{
    std::string text;
    for (const scoring::Flag& flag : flags)
    {
        if (!text.empty())
        {
            text += "; ";
        }
        text += FlagLabel(flag.code);
    }
    return text;
}

std::string_view DecisionText(const scoring::BidResult& bid)
{
    return bid.decision ? scoring::CabinetWording(*bid.decision) : "Not yet decided";
}

std::string_view StatusText(const std::optional<scoring::DecisionStatus>& status)
{
    if (!status)
    {
        return "";
    }
    switch (*status)
    {
    case scoring::DecisionStatus::Proposed:
        return "Proposed";
    case scoring::DecisionStatus::Agreed:
        return "Agreed";
    case scoring::DecisionStatus::Locked:
        return "Locked";
    }
    return "";
}

std::string_view MissingText(scoring::MissingReason reason)
{
    switch (reason)
    {
    case scoring::MissingReason::Interest:
        return "Interest declared";
    case scoring::MissingReason::Absent:
        return "Absent";
    case scoring::MissingReason::Abstained:
        return "Abstained";
    case scoring::MissingReason::NotYet:
        return "Not yet scored";
    case scoring::MissingReason::None:
        break;
    }
    return "";
}

std::string PoundsText(Pence pence)
{
    const bool negative = pence < 0;
    const std::uint64_t magnitude =
        negative ? 0U - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    const std::string pounds = std::to_string(magnitude / 100U);
    std::string grouped;
    for (std::size_t i = 0; i < pounds.size(); ++i)
    {
        if (i > 0 && (pounds.size() - i) % 3 == 0)
        {
            grouped.push_back(',');
        }
        grouped.push_back(pounds[i]);
    }
    const auto rest = static_cast<int>(magnitude % 100U);
    return std::string(negative ? "-" : "") + "\xC2\xA3" + grouped + "." + TwoDigits(rest);
}

std::string IntervalText(const std::optional<scoring::RankInterval>& interval)
{
    if (!interval)
    {
        return "";
    }
    if (interval->lo == interval->hi)
    {
        return std::to_string(interval->lo);
    }
    return std::to_string(interval->lo) + "\xE2\x80\x93" + std::to_string(interval->hi);
}

std::string GeneratedText(std::chrono::sys_seconds when)
{
    static constexpr std::array<std::string_view, 12> kMonths{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    const DateTime c = ToCivil(when);
    return std::to_string(c.day) + " " +
           std::string(kMonths.at(static_cast<std::size_t>(c.month - 1))) + " " +
           std::to_string(c.year) + ", " + TwoDigits(c.hour) + ":" + TwoDigits(c.minute) + " UTC";
}

std::string IsoText(std::chrono::sys_seconds when)
{
    const DateTime c = ToCivil(when);
    return std::to_string(c.year) + "-" + TwoDigits(c.month) + "-" + TwoDigits(c.day) + "T" +
           TwoDigits(c.hour) + ":" + TwoDigits(c.minute) + ":" + TwoDigits(c.second) + "Z";
}

std::string JoinRefs(const RoundIndex& index, const std::vector<Key>& bids)
{
    std::string text;
    for (const Key bid : bids)
    {
        if (!text.empty())
        {
            text += ", ";
        }
        text += index.BidOf(bid).ref;
    }
    return text;
}

int WriteTitleBlock(XlsxSheet& sheet, const OutputContext& ctx, std::string_view title,
                    const std::vector<std::string>& notes)
{
    int row = 0;
    const std::string marking = ctx.Marking();
    if (!marking.empty())
    {
        sheet.WriteText(row++, 0, marking, Style::Marking);
    }
    sheet.WriteText(row++, 0, title, Style::Title);
    const std::string& round = ctx.Round().info.title;
    sheet.WriteText(row++, 0,
                    (round.empty() ? std::string() : round + " \xC2\xB7 ") + "Generated " +
                        GeneratedText(ctx.input.generated_at),
                    Style::Note);
    for (const std::string& note : notes)
    {
        sheet.WriteText(row++, 0, note, Style::Note);
    }
    return row + 1;
}

std::int64_t CountBids(const scoring::ReconcileResult& result)
{
    std::int64_t bids = 0;
    for (const scoring::FundResult& fund : result.funds)
    {
        bids += static_cast<std::int64_t>(fund.bids.size());
    }
    return bids;
}

bool IsCsvPath(const std::filesystem::path& path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".csv";
}

} // namespace coscore::exports::detail
