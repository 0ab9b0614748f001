// SPDX-License-Identifier: MIT
#include "json_output.hpp"

#include <coscore/core/policy_settings.hpp>

#include <charconv>
#include <map>

namespace coscore::cli
{

using core::JsonWriter;
using namespace scoring;

namespace
{

void WriteSettingValue(JsonWriter& json, const std::string& value)
{
    double number = 0.0;
    const auto* end = value.data() + value.size();
    const auto parsed = std::from_chars(value.data(), end, number);
    if (parsed.ec == std::errc() && parsed.ptr == end)
    {
        json.Number(number);
    }
    else if (value == "on" || value == "off")
    {
        json.Bool(value == "on");
    }
    else
    {
        json.String(value);
    }
}

void WriteInterval(JsonWriter& json, std::string_view key, const std::optional<RankInterval>& r)
{
    json.Key(key);
    if (!r)
    {
        json.Null();
        return;
    }
    json.BeginArray().Int(r->lo).Int(r->hi).EndArray();
}

void WriteFigures(JsonWriter& json, const BidResult& b)
{
    const Figures& f = b.figures;
    json.Field("n", f.n).Field("mean", f.mean).Field("median", f.median);
    json.Field("olympic", f.olympic).Field("sd", f.sd).Field("min", f.min).Field("max", f.max);
    json.Field("range", f.range).Field("iqr", f.iqr).Field("zmean", b.zmean);
    json.Field("adjusted", b.adjusted);
    json.Key("voices").BeginObject();
    for (const VoiceFigures& v : b.voices)
    {
        json.Key(ToString(v.voice)).BeginObject();
        json.Field("n", v.n).Field("mean", v.mean);
        json.Field("median", v.figures.median).Field("sd", v.figures.sd);
        json.Field("min", v.figures.min).Field("max", v.figures.max);
        json.EndObject();
    }
    json.EndObject();
}

void WriteBid(JsonWriter& json, const Bid* bid, const BidResult& b)
{
    json.BeginObject();
    json.Field("bid_id", bid != nullptr ? bid->ref : std::to_string(b.bid));
    json.Field("organisation", bid != nullptr ? bid->organisation : std::string());
    json.Field("rank", b.rank).Field("tied", b.tied);
    json.Field("raw_rank", b.raw_rank).Field("adjusted_rank", b.adjusted_rank);
    WriteFigures(json, b);
    json.Field("fundable", b.fundable);
    json.Key("flags").BeginArray();
    for (const Flag& f : b.flags)
    {
        json.BeginObject().Field("code", f.code).Field("text", f.text).EndObject();
    }
    json.EndArray();
    json.Field("median_rank", b.median_rank);
    WriteInterval(json, "rank_ci50", b.rank_ci50);
    WriteInterval(json, "rank_ci90", b.rank_ci90);
    json.Field("p_funded", b.p_funded);
    json.Field("requested_pence", b.requested_pence).Field("award_pence", b.award_pence);
    json.Field("cumulative_pence", b.cumulative_pence);
    json.Field("funded", b.funded);
    json.Key("decision");
    if (b.decision)
    {
        json.String(ToString(*b.decision));
    }
    else
    {
        json.Null();
    }
    json.Field("allocation_note", b.allocation_note);
    json.EndObject();
}

std::string RefOf(const std::map<Key, const Bid*>& bids, Key key)
{
    const auto it = bids.find(key);
    return it != bids.end() ? it->second->ref : std::to_string(key);
}

void WriteRefs(JsonWriter& json, std::string_view key, const std::vector<Key>& keys,
               const std::map<Key, const Bid*>& bids)
{
    json.Key(key).BeginArray();
    for (Key k : keys)
    {
        json.String(RefOf(bids, k));
    }
    json.EndArray();
}

void WriteFund(JsonWriter& json, const Fund* fund, const FundResult& f,
               const std::map<Key, const Bid*>& bids)
{
    json.BeginObject();
    json.Field("name", fund != nullptr ? fund->name : std::to_string(f.fund));
    json.Field("budget_pence", f.budget_pence).Field("spent_pence", f.spent_pence);
    json.Field("remaining_pence", f.remaining_pence).Field("funded_count", f.funded_count);
    json.Key("pots").BeginArray();
    for (const PotResult& p : f.pots)
    {
        json.BeginObject().Field("name", p.name).Field("minimum_pence", p.minimum_pence);
        json.Field("spent_pence", p.spent_pence).Field("met", p.met).EndObject();
    }
    json.EndArray();
    json.Key("bids").BeginArray();
    for (const BidResult& b : f.bids)
    {
        const auto it = bids.find(b.bid);
        WriteBid(json, it != bids.end() ? it->second : nullptr, b);
    }
    json.EndArray();
    json.Key("ties").BeginArray();
    for (const TieGroup& t : f.ties)
    {
        json.BeginObject();
        WriteRefs(json, "bids", t.bids, bids);
        json.Field("at_line", t.at_line).Field("resolved", t.resolved);
        json.Field("resolution", t.resolution).EndObject();
    }
    json.EndArray();
    WriteRefs(json, "status_changes", f.status_changes, bids);
    json.Key("knapsack");
    if (f.knapsack)
    {
        json.BeginObject();
        WriteRefs(json, "bids", f.knapsack->bids, bids);
        json.Field("spent_pence", f.knapsack->spent_pence);
        json.Field("total_score", f.knapsack->total_score).EndObject();
    }
    else
    {
        json.Null();
    }
    json.Field("knapsack_note", f.knapsack_note);
    json.Key("bayes").BeginArray();
    for (const BayesBid& b : f.bayes)
    {
        json.BeginObject().Field("bid_id", RefOf(bids, b.bid));
        json.Field("expected_rank", b.expected_rank).Field("sucra", b.sucra);
        json.Field("pcer", b.pcer).Field("rank_pm", b.rank_pm);
        WriteInterval(json, "rank_ci50", b.ci50);
        WriteInterval(json, "rank_ci90", b.ci90);
        json.Field("p_funded", b.p_funded).Field("group", b.group).EndObject();
    }
    json.EndArray();
    json.Field("bayes_mc_error", f.bayes_mc_error);
    json.Key("reliability");
    WriteReliability(json, f.reliability);
    json.EndObject();
}

} // namespace

void WritePolicy(JsonWriter& json, const Policy& policy)
{
    json.BeginObject();
    for (const auto& [name, value] : core::PolicyToSettings(policy))
    {
        json.Key(name);
        WriteSettingValue(json, value);
    }
    json.EndObject();
}

void WriteReliability(JsonWriter& json, const ReliabilityReport& r)
{
    json.BeginObject();
    json.Field("units", r.units).Field("raters", r.raters);
    json.Field("pairable_values", r.pairable_values);
    json.Key("krippendorff_alpha").BeginObject();
    json.Field("nominal", r.alpha.nominal).Field("ordinal", r.alpha.ordinal);
    json.Field("interval", r.alpha.interval).Field("ratio", r.alpha.ratio);
    json.EndObject();
    json.Key("icc");
    if (r.icc.empty())
    {
        json.Null();
    }
    else
    {
        json.BeginObject();
        for (const IccValue& icc : r.icc)
        {
            json.Key(icc.name).BeginObject();
            json.Field("value", icc.value);
            json.Key("ci95").BeginArray().Number(icc.ci_lo).Number(icc.ci_hi).EndArray();
            json.Field("F", icc.f).Field("df1", icc.df1).Field("df2", icc.df2);
            json.Field("p", icc.p).EndObject();
        }
        json.EndObject();
    }
    json.Key("anova");
    if (r.anova)
    {
        json.BeginObject().Field("BMS", r.anova->bms).Field("WMS", r.anova->wms);
        json.Field("JMS", r.anova->jms).Field("EMS", r.anova->ems).EndObject();
    }
    else
    {
        json.Null();
    }
    json.Key("kendall_w");
    if (r.kendall_w)
    {
        json.BeginObject().Field("w", r.kendall_w->w).Field("chi2", r.kendall_w->chi2);
        json.Field("df", r.kendall_w->df).Field("p", r.kendall_w->p).EndObject();
    }
    else
    {
        json.Null();
    }
    json.EndObject();
}

void WriteReconcile(JsonWriter& json, const RoundData& round, const ReconcileResult& result,
                    std::optional<Key> only_fund)
{
    std::map<Key, const Bid*> bids;
    for (const Bid& b : round.bids)
    {
        bids[b.key] = &b;
    }
    std::map<Key, const Fund*> funds;
    for (const Fund& f : round.funds)
    {
        funds[f.key] = &f;
    }
    json.BeginObject();
    json.Key("round").BeginObject();
    json.Field("title", round.info.title).Field("uuid", round.info.uuid);
    json.Field("created_at", round.info.created_at).EndObject();
    json.Key("policy");
    WritePolicy(json, round.policy);
    json.Field("basis_used", ToString(result.basis_used));
    json.Field("basis_note", result.basis_note);
    json.Field("zmean_allowed", result.zmean_allowed);
    json.Key("funds").BeginArray();
    for (const FundResult& f : result.funds)
    {
        if (!only_fund || *only_fund == f.fund)
        {
            const auto it = funds.find(f.fund);
            WriteFund(json, it != funds.end() ? it->second : nullptr, f, bids);
        }
    }
    json.EndArray();
    json.Key("equal_voice").BeginObject();
    for (const VoiceFundedSet& v : result.equal_voice.voices)
    {
        json.Key(ToString(v.voice)).BeginObject();
        WriteRefs(json, "funded", v.funded, bids);
        WriteRefs(json, "gained", v.gained, bids);
        WriteRefs(json, "lost", v.lost, bids);
        json.Field("mean_leniency", v.mean_leniency).Field("members", v.members);
        json.Field("mean_total", v.mean_total).EndObject();
    }
    json.EndObject();
    json.Key("leniency").BeginArray();
    for (const MemberLeniency& l : result.leniency)
    {
        std::string ref = std::to_string(l.member);
        for (const Member& m : round.members)
        {
            ref = m.key == l.member ? m.ref : ref;
        }
        json.BeginObject().Field("member_id", ref).Field("bids_scored", l.bids_scored);
        json.Field("leniency", l.leniency).Field("mean_given", l.mean_given).EndObject();
    }
    json.EndArray();
    json.Key("reliability");
    WriteReliability(json, result.reliability);
    json.EndObject();
}

void WriteRank(JsonWriter& json, const RankReport& report)
{
    json.BeginObject();
    json.Field("method", ToString(report.method)).Field("fundable", report.fundable);
    json.Field("seed", static_cast<std::int64_t>(report.seed)).Field("draws", report.draws);
    json.Field("exact", report.exact);
    json.Field("mc_error", report.mc_error).Field("funding_line", report.funding_line);
    if (report.method == RankMethod::Bayes)
    {
        json.Field("chains", report.chains).Field("max_rhat", report.max_rhat);
        json.Field("converged", report.converged);
    }
    json.Key("bids").BeginArray();
    for (const RankedUnit& u : report.units)
    {
        json.BeginObject().Field("id", u.id).Field("n", u.n).Field("mean", u.mean);
        json.Field("rank", u.rank).Field("tied", u.tied);
        json.Field("median_rank", u.median_rank);
        json.Field("expected_rank", u.expected_rank).Field("sucra", u.sucra);
        json.Field("pcer", u.pcer).Field("rank_pm", u.rank_pm);
        WriteInterval(json, "rank_ci50", u.rank_ci50);
        WriteInterval(json, "rank_ci90", u.rank_ci90);
        json.Field("p_funded", u.p_funded).Key("group");
        // Groups exist only in the Bayesian ranking (accepted / lottery / rejected).
        u.group.empty() ? json.Null() : json.String(u.group);
        json.EndObject();
    }
    json.EndArray().EndObject();
}

} // namespace coscore::cli
