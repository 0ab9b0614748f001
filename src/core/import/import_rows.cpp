// SPDX-License-Identifier: MIT
// Funds, criteria, members, bids and interests: each row checked and added to the batch with the
// keys it will have, so that later tables of the same import can name it.
#include "lookalike.hpp"
#include "table_handler.hpp"
#include "text_encoding.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace coscore::core::imports
{

using namespace scoring;

std::unique_ptr<RowHandler> MakeScoresHandler(ImportState& state, const SourceContext& context,
                                              const ImportRequest& request);

namespace
{

/// Field numbers by name, for readable row code.
struct FieldIndexes
{
    explicit FieldIndexes(ImportTable table) : m_table(table) {}
    int operator()(std::string_view name) const { return FieldIndex(m_table, name); }
    ImportTable m_table;
};

/// Shared by the tables whose rows carry a new id: duplicates refused, look-alikes flagged.
class NewIdHandler : public TableHandler
{
public:
    using TableHandler::TableHandler;

protected:
    /// True when `id` may be added to `ids`.
    bool CheckNewId(const IdRegistry& ids, int field, const std::string& id,
                    std::string_view kind) const
    {
        const std::string table(ToString(m_table));
        if (const IdRegistry::Entry* same = ids.Find(id))
        {
            const bool in_round = same->where == "in the round";
            Error(table + (in_round ? ".already_in_round" : ".duplicate_id"), field,
                  "The " + std::string(kind) + " " + Quote(id) +
                      (in_round ? " is already in this round"
                                : " is also on " + same->where + " of this file") +
                      (same->id != id ? " (as " + Quote(same->id) + ")" : "") + ".",
                  in_round ? "Leave it out of this file: it was imported before."
                           : "Give each " + std::string(kind) +
                                 " its own id, or delete the repeated row.");
            return false;
        }
        if (const IdRegistry::Entry* like = ids.LookAlike(id))
        {
            Warning(table + ".lookalike_id", field,
                    "The " + std::string(kind) + " " + Quote(id) + " looks like " +
                        Quote(like->id) + " (" + like->where +
                        ") but is a different id: they may be the same " + std::string(kind) +
                        " typed differently.",
                    "Check which is right and correct the other; if they really are different, "
                    "accept this warning.");
        }
        return true;
    }
};

// ---- Funds ---------------------------------------------------------------------------------

class FundsHandler : public NewIdHandler
{
public:
    FundsHandler(ImportState& state, const SourceContext& context, const ImportRequest& request)
        : NewIdHandler(ImportTable::Funds, state, context, request)
    {
    }

protected:
    void ReadRow() override
    {
        const FieldIndexes f(m_table);
        const auto name = Id(f("fund"), "fund name");
        const auto budget = Amount(f("budget"), true);
        const auto min_award = Amount(f("min_award"), false);
        const auto max_award = Amount(f("max_award"), false);
        if (min_award && max_award && *min_award > *max_award)
        {
            Error("funds.min_over_max", f("min_award"),
                  "The smallest award is larger than the largest award.",
                  "Swap them, or correct one.");
        }
        if (max_award && budget && *max_award > *budget)
        {
            Warning("funds.max_over_budget", f("max_award"),
                    "The largest award is larger than the whole budget.",
                    "Check the figures; accept the warning if they are right.");
        }
        if (!name || !CheckNewId(m_state.fund_names, f("fund"), *name, "fund"))
        {
            return;
        }
        Fund fund;
        fund.key = m_state.next_fund++;
        fund.name = *name;
        fund.budget_pence = budget.value_or(0);
        fund.min_award_pence = min_award;
        fund.max_award_pence = max_award;
        KnownFund known;
        known.key = fund.key;
        known.name = fund.name;
        known.batch_index = m_state.batch.funds.size();
        known.min_award = min_award;
        known.max_award = max_award;
        m_state.fund_names.Add(*name, Here(), m_state.funds.size());
        m_state.funds.push_back(std::move(known));
        m_state.batch.funds.push_back(std::move(fund));
    }
};

// ---- Criteria ------------------------------------------------------------------------------

/// "1=Poor|2=Fair|3=Good": a level, "=", its text; "|" between levels, "\|" for a "|" in text.
std::optional<std::vector<LevelDescriptor>> ParseDescriptors(std::string_view text,
                                                             std::string& problem)
{
    std::vector<LevelDescriptor> levels;
    std::string part;
    const auto finish = [&]() -> bool
    {
        const std::string_view p = StoredText(part);
        const std::size_t equals = p.find('=');
        int level = 0;
        const std::string_view number =
            equals == std::string_view::npos ? std::string_view() : StoredText(p.substr(0, equals));
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), level);
        if (number.empty() || ec != std::errc() || end != number.data() + number.size())
        {
            problem = Quote(p) + " does not start with a level and \"=\"";
            return false;
        }
        levels.push_back({level, std::string(StoredText(p.substr(equals + 1))), ""});
        part.clear();
        return true;
    };
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '|' || text[i + 1] == '\\'))
        {
            part += text[++i];
        }
        else if (text[i] == '|')
        {
            if (!finish())
            {
                return std::nullopt;
            }
        }
        else
        {
            part += text[i];
        }
    }
    if (!StoredText(part).empty() && !finish())
    {
        return std::nullopt;
    }
    std::sort(levels.begin(), levels.end(),
              [](const LevelDescriptor& a, const LevelDescriptor& b) { return a.level < b.level; });
    return levels;
}

class CriteriaHandler : public TableHandler
{
public:
    CriteriaHandler(ImportState& state, const SourceContext& context, const ImportRequest& request)
        : TableHandler(ImportTable::Criteria, state, context, request)
    {
    }

    void Finish() override
    {
        TableHandler::Finish();
        for (const std::size_t f : m_touched)
        {
            const KnownFund& fund = m_state.funds[f];
            if (std::abs(fund.weight_sum - 100.0) > 1e-6)
            {
                char sum[32];
                std::snprintf(sum, sizeof sum, "%g", fund.weight_sum);
                m_context.Warning("criteria.weights_sum", 0, -1,
                                  "The weights of the " + Quote(fund.name) +
                                      " criteria add up to " + sum + "%, not 100%.",
                                  "Correct the weights; CoScore spreads the weights over the "
                                  "criteria a member scored, so totals stay fair either way.");
            }
        }
    }

protected:
    void ReadRow() override
    {
        const FieldIndexes f(m_table);
        const auto fund_name = RequiredText(f("fund"), "fund");
        const IdRegistry::Entry* fund_entry =
            fund_name ? Resolve(m_state.fund_names, f("fund"), *fund_name, "fund", "the funds file")
                      : nullptr;
        const auto ref = Id(f("criterion_id"), "criterion id");
        const auto name = RequiredText(f("name"), "criterion name");
        const auto weight = Percent(f("weight"));
        const auto lo = WholeNumber(f("scale_min"), "the lowest score", true);
        const auto hi = WholeNumber(f("scale_max"), "the highest score", true);
        if (lo && hi && (*hi <= *lo || *hi - *lo > 100))
        {
            Error("criteria.scale", f("scale_max"),
                  "The scale must run from a lower to a higher whole number, at most 100 steps "
                  "(it says " +
                      std::to_string(*lo) + " to " + std::to_string(*hi) + ").",
                  "Correct scale_min or scale_max.");
        }
        const bool scale_ok = lo && hi && *hi > *lo && *hi - *lo <= 100;
        const auto gate = WholeNumber(f("gate"), "the gate", false);
        if (gate && scale_ok && (*gate < *lo || *gate > *hi))
        {
            Error("criteria.gate", f("gate"), "The gate is not a level of the scale.",
                  "Give a gate between scale_min and scale_max, or leave it blank.");
        }
        std::vector<LevelDescriptor> levels;
        if (const std::string text = Text(f("descriptors")); !text.empty())
        {
            std::string problem;
            const auto parsed = ParseDescriptors(text, problem);
            if (!parsed)
            {
                Error("criteria.descriptors", f("descriptors"),
                      "The level descriptors cannot be read: " + problem + ".",
                      "Write them as 1=Poor|2=Fair|3=Good, one level=text for each level.");
            }
            else if (scale_ok)
            {
                levels = *parsed;
                CheckLevels(levels, *lo, *hi, f("descriptors"));
            }
        }
        if (!fund_entry || !ref)
        {
            return;
        }
        KnownFund& fund = m_state.funds[fund_entry->index];
        if (fund.locked)
        {
            Error("criteria.fund_locked", f("fund"),
                  "The " + Quote(fund.name) + " is locked, so its scoring form cannot change.",
                  "An officer can unlock the fund, giving a reason, before importing.");
        }
        if (!CheckCriterionId(fund, *ref, f("criterion_id")) || !name || !weight || !scale_ok)
        {
            return;
        }
        Criterion c;
        c.key = m_state.next_criterion++;
        c.ref = *ref;
        c.name = *name;
        c.question = Text(f("question"));
        c.guidance = Text(f("guidance"));
        c.easy_read = Text(f("easy_read"));
        c.weight_percent = *weight;
        c.scale_min = *lo;
        c.scale_max = *hi;
        c.descriptors = std::move(levels);
        c.gate = gate;
        fund.criterion_ids.Add(c.ref, Here(), fund.criteria.size());
        fund.criteria.push_back({c.key, c.ref, c.scale_min, c.scale_max});
        fund.weight_sum += c.weight_percent;
        if (std::find(m_touched.begin(), m_touched.end(), fund_entry->index) == m_touched.end())
        {
            m_touched.push_back(fund_entry->index);
        }
        if (fund.batch_index)
        {
            m_state.batch.funds[*fund.batch_index].criteria.push_back(std::move(c));
        }
        else
        {
            m_state.batch.criteria.emplace_back(fund.key, std::move(c));
        }
    }

private:
    bool CheckCriterionId(const KnownFund& fund, const std::string& ref, int field) const
    {
        if (const IdRegistry::Entry* same = fund.criterion_ids.Find(ref))
        {
            Error("criteria.duplicate_id", field,
                  "The " + Quote(fund.name) + " already has a criterion " + Quote(same->id) + " (" +
                      same->where + ").",
                  "Give each criterion of a fund its own id.");
            return false;
        }
        if (const IdRegistry::Entry* like = fund.criterion_ids.LookAlike(ref))
        {
            Warning("criteria.lookalike_id", field,
                    "The criterion id " + Quote(ref) + " looks like " + Quote(like->id) + " (" +
                        like->where + ") of the same fund.",
                    "Check the ids; accept the warning if they really are different.");
        }
        return true;
    }

    void CheckLevels(const std::vector<LevelDescriptor>& levels, int lo, int hi, int field) const
    {
        std::set<int> seen;
        for (const LevelDescriptor& d : levels)
        {
            if (d.level < lo || d.level > hi || !seen.insert(d.level).second || d.text.empty())
            {
                Error("criteria.descriptors", field,
                      "Level " + std::to_string(d.level) +
                          " is outside the scale, described twice, or has no text.",
                      "Give one descriptor for each level from scale_min to scale_max.");
                return;
            }
        }
        std::string missing;
        for (int level = lo; level <= hi; ++level)
        {
            if (seen.count(level) == 0)
            {
                missing += (missing.empty() ? "" : ", ") + std::to_string(level);
            }
        }
        if (!missing.empty())
        {
            Warning("criteria.missing_descriptors", field,
                    "Levels " + missing +
                        " have no descriptor; members see what each level "
                        "means only where there is one.",
                    "Add a descriptor for every level.");
        }
    }

    std::vector<std::size_t> m_touched;
};

// ---- Members -------------------------------------------------------------------------------

std::optional<Role> RoleFromWord(const std::string& word)
{
    for (const Role r : {Role::Councillor, Role::PersonUsingServices, Role::Carer,
                         Role::VoluntarySector, Role::Officer})
    {
        if (word == ToString(r) || word == EnumWord(DisplayName(r)))
        {
            return r;
        }
    }
    return word == "person_who_uses_services" ? std::optional(Role::PersonUsingServices)
                                              : std::nullopt;
}

class MembersHandler : public NewIdHandler
{
public:
    MembersHandler(ImportState& state, const SourceContext& context, const ImportRequest& request)
        : NewIdHandler(ImportTable::Members, state, context, request)
    {
    }

protected:
    void ReadRow() override
    {
        const FieldIndexes f(m_table);
        const auto id = Id(f("member_id"), "member id");
        const auto name = RequiredText(f("name"), "name");
        const std::string role_text = Text(f("role"));
        const auto role = RoleFromWord(EnumWord(role_text));
        if (!role)
        {
            Error("members.role", f("role"),
                  (role_text.empty() ? std::string("The role is missing")
                                     : Quote(role_text) + " is not a role CoScore knows") +
                      ".",
                  "Write councillor, person using services, carer, voluntary sector or officer.");
        }
        const auto scores = YesNo(f("scores"));
        const std::string chair_text = EnumWord(Text(f("chair")));
        const auto chair =
            chair_text.empty() ? std::optional(ChairRole::None) : ParseChairRole(chair_text);
        if (!chair)
        {
            Error("members.chair", f("chair"), Quote(Text(f("chair"))) + " is not a chair role.",
                  "Write chair, co-chair, deputy, or leave it blank.");
        }
        if (!id || !name || !role || !chair ||
            !CheckNewId(m_state.member_ids, f("member_id"), *id, "member"))
        {
            return;
        }
        Member m;
        m.key = m_state.next_member++;
        m.ref = *id;
        m.name = *name;
        m.role = *role;
        m.scores = scores.value_or(*role != Role::Officer);
        m.chair = *chair;
        m_state.member_ids.Add(m.ref, Here(), m_state.members.size());
        m_state.members.push_back({m.key, m.ref, m.name, m.scores});
        m_state.batch.members.push_back(std::move(m));
    }
};

// ---- Bids ----------------------------------------------------------------------------------

class BidsHandler : public NewIdHandler
{
public:
    BidsHandler(ImportState& state, const SourceContext& context, const ImportRequest& request)
        : NewIdHandler(ImportTable::Bids, state, context, request)
    {
    }

    std::optional<Layout> FindHeader(const std::vector<BufferedRow>& rows) override
    {
        auto layout = NewIdHandler::FindHeader(rows);
        if (layout && !m_request.fund.empty() && layout->Column(FieldIndex(m_table, "fund")) >= 0)
        {
            m_context.Report(Severity::Note, "bids.fund_column_used", layout->header_row, -1,
                             "The file has a fund column; --fund " + Quote(m_request.fund) +
                                 " applies only to rows where it is blank.",
                             "");
        }
        return layout;
    }

protected:
    std::vector<std::string_view> OptionalFields() const override
    {
        return m_request.fund.empty() ? std::vector<std::string_view>{}
                                      : std::vector<std::string_view>{"fund"};
    }

    void ReadRow() override
    {
        const FieldIndexes f(m_table);
        const auto id = Id(f("bid_id"), "bid id");
        const auto organisation = RequiredText(f("organisation"), "organisation");
        const std::string title = Text(f("project_title"));
        if (title.empty())
        {
            Warning("bids.missing_title", f("project_title"), "This bid has no project title.",
                    "Add the title, or accept the warning.");
        }
        std::string fund_name = Text(f("fund"));
        if (fund_name.empty())
        {
            fund_name = m_request.fund;
        }
        const IdRegistry::Entry* fund_entry = nullptr;
        if (fund_name.empty())
        {
            Error("bids.missing_fund", f("fund"), "This bid names no fund.",
                  "Fill in the fund, or import the file with --fund NAME.");
        }
        else
        {
            fund_entry =
                Resolve(m_state.fund_names, f("fund"), fund_name, "fund", "the funds file");
        }
        const auto amount = Amount(f("amount_requested"), true);
        std::vector<ApplicationField> fields;
        for (const int column : m_layout->extra)
        {
            if (std::string value = TextAt(column); !value.empty())
            {
                fields.push_back(
                    {m_layout->headings[static_cast<std::size_t>(column)], std::move(value)});
            }
        }
        if (fund_entry != nullptr)
        {
            CheckFund(m_state.funds[fund_entry->index], amount);
        }
        if (!id || !organisation || !fund_entry || !amount ||
            !CheckNewId(m_state.bid_ids, f("bid_id"), *id, "bid"))
        {
            return;
        }
        Bid b;
        b.key = m_state.next_bid++;
        b.ref = *id;
        b.organisation = *organisation;
        b.project_title = title;
        b.fund = m_state.funds[fund_entry->index].key;
        b.requested_pence = *amount;
        b.ward = Text(f("ward"));
        b.summary = Text(f("summary"));
        b.fields = std::move(fields);
        m_state.bid_ids.Add(b.ref, Here(), m_state.bids.size());
        m_state.bids.push_back({b.key, b.ref, fund_entry->index});
        m_state.batch.bids.push_back(std::move(b));
    }

private:
    void CheckFund(const KnownFund& fund, const std::optional<Pence>& amount) const
    {
        const int column = FieldIndex(m_table, "amount_requested");
        if (fund.locked)
        {
            Error("bids.fund_locked", FieldIndex(m_table, "fund"),
                  "The " + Quote(fund.name) + " is locked, so no bids can be added to it.",
                  "An officer can unlock the fund, giving a reason, before importing.");
        }
        if (amount && fund.min_award && *amount < *fund.min_award)
        {
            Warning("bids.below_min_award", column,
                    "The amount requested is below the smallest award of the " + Quote(fund.name) +
                        ", £" + FormatAmountPlain(*fund.min_award) + ".",
                    "Check the amount; accept the warning if it is right.");
        }
        if (amount && fund.max_award && *amount > *fund.max_award)
        {
            Warning("bids.above_max_award", column,
                    "The amount requested is above the largest award of the " + Quote(fund.name) +
                        ", £" + FormatAmountPlain(*fund.max_award) + ".",
                    "Check the amount; accept the warning if it is right.");
        }
    }
};

// ---- Interests -----------------------------------------------------------------------------

class InterestsHandler : public TableHandler
{
public:
    InterestsHandler(ImportState& state, const SourceContext& context, const ImportRequest& request)
        : TableHandler(ImportTable::Interests, state, context, request)
    {
    }

protected:
    void ReadRow() override
    {
        const FieldIndexes f(m_table);
        const auto member_id = Id(f("member_id"), "member id");
        const auto bid_id = Id(f("bid_id"), "bid id");
        const IdRegistry::Entry* member = member_id
                                              ? Resolve(m_state.member_ids, f("member_id"),
                                                        *member_id, "member", "the members file")
                                              : nullptr;
        const IdRegistry::Entry* bid =
            bid_id ? Resolve(m_state.bid_ids, f("bid_id"), *bid_id, "bid", "the bids file")
                   : nullptr;
        const std::string type_text = EnumWord(Text(f("type")));
        const auto type =
            type_text.empty() ? std::optional(InterestType::Other) : ParseInterestType(type_text);
        if (!type)
        {
            Error("interests.type", f("type"),
                  Quote(Text(f("type"))) + " is not a type of interest.",
                  "Write employee_or_trustee, uses_service, volunteers, family_or_friend, "
                  "financial or other.");
        }
        const std::string rule_text = EnumWord(Text(f("rule")));
        std::optional<InterestRule> rule;
        if (!rule_text.empty())
        {
            rule = ParseInterestRule(rule_text);
        }
        else if (type)
        {
            rule = DefaultRuleFor(*type);
        }
        if (!rule && !rule_text.empty())
        {
            Error("interests.rule", f("rule"), Quote(Text(f("rule"))) + " is not an interest rule.",
                  "Write no_score_no_see, no_score_may_speak or declared_may_score, or leave it "
                  "blank for the type's usual rule.");
        }
        const auto declared = Date(f("declared_at"));
        if (!member || !bid || !type || !rule)
        {
            return;
        }
        const KnownMember& m = m_state.members[member->index];
        const KnownBid& b = m_state.bids[bid->index];
        const std::uint64_t pair = ImportState::PairKey(m.key, b.key);
        if (m_state.interests.count(pair) != 0)
        {
            const auto line = m_lines.find(pair);
            Error("interests.duplicate", f("bid_id"),
                  Quote(m.ref) + " has already declared an interest in " + Quote(b.ref) +
                      (line != m_lines.end() ? " on " + line->second + " of this file"
                                             : " in this round") +
                      ".",
                  "Leave out the repeated declaration.");
            return;
        }
        if (BarsScoring(*rule) && m_state.HasScores(b.key, m.key))
        {
            Error("interests.after_scores", f("bid_id"),
                  Quote(m.ref) + " already has scores for " + Quote(b.ref) +
                      " in this round, so this interest would have to set them aside.",
                  "Declare this interest in CoScore (Setup, Interests), which sets the scores "
                  "aside and records it in the audit log.");
            return;
        }
        Interest interest;
        interest.member = m.key;
        interest.bid = b.key;
        interest.type = *type;
        interest.rule = *rule;
        interest.declared_at = declared.value_or("");
        interest.note = Text(f("note"));
        m_state.interests.emplace(pair, *rule);
        m_lines.emplace(pair, Here());
        m_state.batch.interests.push_back(std::move(interest));
    }

private:
    std::map<std::uint64_t, std::string> m_lines;
};

} // namespace

std::unique_ptr<RowHandler> MakeHandler(ImportTable table, ImportState& state,
                                        const SourceContext& context, const ImportRequest& request)
{
    switch (table)
    {
    case ImportTable::Funds:
        return std::make_unique<FundsHandler>(state, context, request);
    case ImportTable::Criteria:
        return std::make_unique<CriteriaHandler>(state, context, request);
    case ImportTable::Members:
        return std::make_unique<MembersHandler>(state, context, request);
    case ImportTable::Bids:
        return std::make_unique<BidsHandler>(state, context, request);
    case ImportTable::Interests:
        return std::make_unique<InterestsHandler>(state, context, request);
    case ImportTable::Scores:
        break;
    }
    return MakeScoresHandler(state, context, request);
}

} // namespace coscore::core::imports
