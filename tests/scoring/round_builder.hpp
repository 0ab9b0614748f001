// SPDX-License-Identifier: MIT
// Builds small rounds for hand-computed reconciliation tests. A fund made with Fund() has one
// criterion on a 0–100 scale, so a member's score on it *is* their total.
#pragma once

#include <coscore/scoring/model.hpp>
#include <coscore/scoring/reconcile.hpp>

#include <algorithm>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace coscore::scoring
{

// Readable failures for the model's enums (Boost.Test's customisation point, found by ADL).
inline std::ostream& boost_test_print_type(std::ostream& os, DecisionKind v)
{
    return os << ToString(v);
}
inline std::ostream& boost_test_print_type(std::ostream& os, Voice v)
{
    return os << ToString(v);
}
inline std::ostream& boost_test_print_type(std::ostream& os, RankBasis v)
{
    return os << ToString(v);
}
inline std::ostream& boost_test_print_type(std::ostream& os, MissingReason v)
{
    return os << ToString(v);
}

} // namespace coscore::scoring

namespace coscore::scoring::testing
{

class RoundBuilder
{
public:
    /// A fund with one 0–100 criterion keyed `fund * 100`, so scores are totals.
    RoundBuilder& Fund(Key key, Pence budget_pence, std::optional<int> gate = std::nullopt)
    {
        scoring::Fund fund;
        fund.key = key;
        fund.name = "Fund " + std::to_string(key);
        fund.budget_pence = budget_pence;
        scoring::Criterion c;
        c.key = key * 100;
        c.name = "Overall";
        c.weight_percent = 100;
        c.scale_min = 0;
        c.scale_max = 100;
        c.gate = gate;
        fund.criteria.push_back(c);
        m_round.funds.push_back(std::move(fund));
        return *this;
    }

    /// Adds a criterion to the last fund.
    RoundBuilder& Criterion(Key key, std::string name, double weight, int lo, int hi,
                            std::optional<int> gate = std::nullopt)
    {
        scoring::Criterion c;
        c.key = key;
        c.name = std::move(name);
        c.weight_percent = weight;
        c.scale_min = lo;
        c.scale_max = hi;
        c.gate = gate;
        m_round.funds.back().criteria.push_back(std::move(c));
        return *this;
    }

    RoundBuilder& Member(Key key, std::string name, Role role, bool scores = true)
    {
        scoring::Member m;
        m.key = key;
        m.ref = "M" + std::to_string(key);
        m.name = std::move(name);
        m.role = role;
        m.scores = scores;
        m_round.members.push_back(std::move(m));
        return *this;
    }

    /// Members 1..n named "Member k" with roles cycling lived experience, councillor, carer,
    /// voluntary sector.
    RoundBuilder& Members(int n)
    {
        static constexpr Role kRoles[] = {Role::PersonUsingServices, Role::Councillor, Role::Carer,
                                          Role::VoluntarySector};
        for (int k = 1; k <= n; ++k)
        {
            Member(k, "Member " + std::to_string(k), kRoles[(k - 1) % 4]);
        }
        return *this;
    }

    RoundBuilder& Bid(Key key, std::string ref, Key fund, Pence requested_pence)
    {
        scoring::Bid b;
        b.key = key;
        b.ref = std::move(ref);
        b.fund = fund;
        b.requested_pence = requested_pence;
        b.eligibility = Eligibility::Eligible;
        m_round.bids.push_back(std::move(b));
        return *this;
    }

    scoring::Bid& LastBid() { return m_round.bids.back(); }

    RoundBuilder& Score(Key bid, Key member, Key criterion, std::optional<int> value,
                        MissingReason missing = MissingReason::None)
    {
        scoring::Score s;
        s.bid = bid;
        s.member = member;
        s.criterion = criterion;
        if (value)
        {
            s.value = static_cast<std::int16_t>(*value);
        }
        s.missing = value ? MissingReason::None : missing;
        m_round.scores.push_back(s);
        return *this;
    }

    /// Totals of members 1..n on the bid's single 0–100 criterion; nullopt leaves one out.
    RoundBuilder& Totals(Key bid, const std::vector<std::optional<int>>& totals)
    {
        const Key fund = FundOf(bid);
        for (std::size_t m = 0; m < totals.size(); ++m)
        {
            if (totals[m])
            {
                Score(bid, static_cast<Key>(m + 1), fund * 100, totals[m]);
            }
        }
        return *this;
    }

    RoundBuilder& Interest(Key member, Key bid, InterestRule rule)
    {
        m_round.interests.push_back({member, bid, InterestType::Other, rule, "", ""});
        return *this;
    }

    RoundBuilder& Decide(Key bid, DecisionKind kind, std::optional<Pence> award = std::nullopt,
                         std::string reason = "")
    {
        scoring::Decision d;
        d.bid = bid;
        d.kind = kind;
        d.award_pence = award;
        d.reason = std::move(reason);
        m_round.decisions.push_back(std::move(d));
        return *this;
    }

    RoundBuilder& Sheet(Key bid, Key member, bool needs_explaining)
    {
        scoring::ScoreSheet sheet;
        sheet.bid = bid;
        sheet.member = member;
        sheet.needs_explaining = needs_explaining;
        m_round.sheets.push_back(std::move(sheet));
        return *this;
    }

    RoundBuilder& Moderate(Key bid, Key member, Key criterion, std::optional<int> value)
    {
        scoring::ModeratedScore s;
        s.bid = bid;
        s.member = member;
        s.criterion = criterion;
        s.value = value;
        s.reason = "discussed";
        m_round.moderated.push_back(std::move(s));
        return *this;
    }

    RoundBuilder& Policy(const scoring::Policy& policy)
    {
        m_round.policy = policy;
        return *this;
    }

    scoring::Policy& MutablePolicy() { return m_round.policy; }
    RoundData& Round() { return m_round; }

    /// The round with scores and sheets sorted as RoundData promises.
    RoundData Build() const
    {
        RoundData round = m_round;
        std::stable_sort(round.scores.begin(), round.scores.end(),
                         [](const scoring::Score& a, const scoring::Score& b) {
                             return std::tie(a.bid, a.member, a.criterion) <
                                    std::tie(b.bid, b.member, b.criterion);
                         });
        std::stable_sort(round.sheets.begin(), round.sheets.end(),
                         [](const ScoreSheet& a, const ScoreSheet& b)
                         { return std::tie(a.bid, a.member) < std::tie(b.bid, b.member); });
        return round;
    }

private:
    Key FundOf(Key bid) const
    {
        for (const auto& b : m_round.bids)
        {
            if (b.key == bid)
            {
                return b.fund;
            }
        }
        return 0;
    }

    RoundData m_round;
};

/// Options for tests of the rules: no bootstrap or reliability (other units, and slower).
inline ReconcileOptions QuickOptions()
{
    ReconcileOptions options;
    options.bootstrap = false;
    options.reliability = false;
    return options;
}

/// The result of bid `key` in any fund; fails the test when absent.
inline const BidResult& FindBid(const ReconcileResult& result, Key key)
{
    for (const FundResult& fund : result.funds)
    {
        for (const BidResult& bid : fund.bids)
        {
            if (bid.bid == key)
            {
                return bid;
            }
        }
    }
    throw std::runtime_error("bid " + std::to_string(key) + " not in the result");
}

/// The codes of a bid's flags, in order.
inline std::vector<std::string> FlagCodes(const BidResult& bid)
{
    std::vector<std::string> codes;
    for (const Flag& flag : bid.flags)
    {
        codes.push_back(flag.code);
    }
    return codes;
}

/// The text of the flag `code`, or empty.
inline std::string FlagText(const BidResult& bid, const std::string& code)
{
    for (const Flag& flag : bid.flags)
    {
        if (flag.code == code)
        {
            return flag.text;
        }
    }
    return {};
}

/// The bid keys of a fund in rank order.
inline std::vector<Key> RankOrder(const FundResult& fund)
{
    std::vector<Key> keys;
    for (const BidResult& bid : fund.bids)
    {
        keys.push_back(bid.bid);
    }
    return keys;
}

} // namespace coscore::scoring::testing
