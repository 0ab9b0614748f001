// SPDX-License-Identifier: MIT
// The columns of each import table (PRODUCT.md §6) and the headings accepted for them.
#include "import_detail.hpp"
#include "text_encoding.hpp"

#include <algorithm>
#include <array>

namespace coscore::core
{

namespace
{

// Synonyms are written as NormaliseHeading leaves them; no heading may name two fields of one
// table.
const std::vector<ImportField> kFunds{
    {"fund", true, {"fund name", "name", "fund title"}, "the fund's name, unique in the round"},
    {"budget", true, {"budget £", "total budget", "fund budget"}, "the fund's budget in pounds"},
    {"min_award",
     false,
     {"min award", "minimum award", "smallest award", "min grant", "minimum grant"},
     "the smallest award, in pounds"},
    {"max_award",
     false,
     {"max award", "maximum award", "largest award", "max grant", "maximum grant"},
     "the largest award, in pounds"},
};

const std::vector<ImportField> kCriteria{
    {"fund", true, {"fund name"}, "the fund whose scoring form has the criterion"},
    {"criterion_id",
     true,
     {"criterion id", "criterion", "criterion ref", "criterion code", "id", "ref", "code"},
     "a short id, unique within the fund (C1, need)"},
    {"name", true, {"criterion name", "title", "heading"}, "the criterion's name"},
    {"weight",
     true,
     {"weight %", "weighting", "weight percent", "weight percentage"},
     "its weight in per cent (25, 25% or 12.5); a fund's weights should sum to 100"},
    {"scale_min",
     true,
     {"scale min", "min", "min score", "minimum", "minimum score", "lowest score"},
     "the lowest score, a whole number"},
    {"scale_max",
     true,
     {"scale max", "max", "max score", "maximum", "maximum score", "highest score"},
     "the highest score, a whole number"},
    {"question", false, {"question text"}, "the question members answer"},
    {"guidance", false, {"guidance notes", "help", "notes"}, "plain-English guidance"},
    {"descriptors",
     false,
     {"levels", "level descriptors", "scale descriptors"},
     "what each level means: 1=Poor|2=Fair|3=Good (a | in the text is written \\|)"},
    {"gate",
     false,
     {"minimum to fund", "pass mark", "threshold"},
     "the lowest panel median that keeps a bid fundable"},
    {"easy_read", false, {"easy read", "easy read wording"}, "the easy-read wording"},
};

const std::vector<ImportField> kMembers{
    {"member_id",
     true,
     {"member id", "member", "member ref", "id", "ref", "assessor", "assessor id",
      "panel member id"},
     "a short id, unique in the round (M01)"},
    {"name", true, {"member name", "full name", "assessor name"}, "the member's name"},
    {"role",
     true,
     {"member role", "type"},
     "councillor, person using services, carer, voluntary sector or officer"},
    {"scores",
     false,
     {"scoring", "is scoring", "scorer", "votes"},
     "yes or no; officers advise and do not score unless this says yes"},
    {"chair", false, {"chair role", "chairing"}, "chair, co-chair, deputy, or blank"},
};

const std::vector<ImportField> kBids{
    {"bid_id",
     true,
     {"bid id", "bid", "bid ref", "bid reference", "reference", "ref", "application id",
      "application ref", "application reference", "application number", "app id", "id"},
     "the application reference, unique in the round (INN-007)"},
    {"organisation",
     true,
     {"organization", "organisation name", "organization name", "org", "applicant",
      "applicant organisation", "group", "group name"},
     "the organisation that applied"},
    {"project_title", true, {"project title", "project", "project name", "title"}, "the project"},
    {"fund",
     true,
     {"fund name", "programme", "funding stream"},
     "the fund applied to (or --fund NAME for the whole file)"},
    {"amount_requested",
     true,
     {"amount requested", "amount", "requested", "request", "grant requested", "amount requested £",
      "amount £", "total requested", "grant amount"},
     "the amount requested in pounds: 1234.5, 1,234.50 or £1,234.50"},
    {"ward", false, {"area", "locality", "district", "division"}, "the ward or area"},
    {"summary",
     false,
     {"project summary", "description", "project description"},
     "a summary of the project"},
};

const std::vector<ImportField> kInterests{
    {"member_id",
     true,
     {"member id", "member", "member ref", "assessor", "assessor id"},
     "the member who declared the interest"},
    {"bid_id",
     true,
     {"bid id", "bid", "bid ref", "reference", "application id", "application ref"},
     "the bid it concerns"},
    {"type",
     false,
     {"interest type", "kind", "nature"},
     "employee_or_trustee, uses_service, volunteers, family_or_friend, financial or other"},
    {"rule",
     false,
     {"interest rule", "handling"},
     "no_score_no_see, no_score_may_speak or declared_may_score (blank: the type's default)"},
    {"declared_at",
     false,
     {"declared at", "declared", "date declared", "date"},
     "when it was declared: 2026-03-01 or 2026-03-01T14:30:00Z"},
    {"note", false, {"notes", "details", "how declared"}, "how and where it was declared"},
};

const std::vector<ImportField> kScores{
    {"bid_id",
     true,
     {"bid id", "bid", "bid ref", "reference", "application id", "application ref", "ref"},
     "the bid scored"},
    {"member_id",
     true,
     {"member id", "member", "member ref", "assessor", "assessor id"},
     "the member who scored"},
    {"criterion_id",
     true,
     {"criterion id", "criterion", "criterion ref", "criterion code"},
     "the criterion scored"},
    {"score",
     true,
     {"value", "mark", "rating"},
     "a whole number on the criterion's scale; blank, not_yet, absent, abstained or interest "
     "when missing"},
    {"comment", false, {"comments", "strengths"}, "the member's comment on the bid (strengths)"},
    {"concerns", false, {"weaknesses"}, "the member's concerns"},
    {"questions", false, {"questions for the meeting"}, "questions for the meeting"},
};

bool IsAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

} // namespace

std::string_view ToString(ImportTable table)
{
    switch (table)
    {
    case ImportTable::Funds:
        return "funds";
    case ImportTable::Criteria:
        return "criteria";
    case ImportTable::Members:
        return "members";
    case ImportTable::Bids:
        return "bids";
    case ImportTable::Interests:
        return "interests";
    case ImportTable::Scores:
        return "scores";
    }
    return "bids";
}

std::optional<ImportTable> ParseImportTable(std::string_view text)
{
    for (const ImportTable t : AllImportTables())
    {
        if (ToString(t) == text)
        {
            return t;
        }
    }
    return std::nullopt;
}

const std::vector<ImportTable>& AllImportTables()
{
    static const std::vector<ImportTable> kAll{ImportTable::Funds,     ImportTable::Criteria,
                                               ImportTable::Members,   ImportTable::Bids,
                                               ImportTable::Interests, ImportTable::Scores};
    return kAll;
}

std::optional<std::string> FieldForHeading(ImportTable table, std::string_view heading)
{
    const std::string wanted = imports::NormaliseHeading(heading);
    for (const ImportField& f : ImportFields(table))
    {
        if (imports::NormaliseHeading(f.name) == wanted ||
            std::find(f.synonyms.begin(), f.synonyms.end(), wanted) != f.synonyms.end())
        {
            return std::string(f.name);
        }
    }
    return std::nullopt;
}

const std::vector<ImportField>& ImportFields(ImportTable table)
{
    switch (table)
    {
    case ImportTable::Funds:
        return kFunds;
    case ImportTable::Criteria:
        return kCriteria;
    case ImportTable::Members:
        return kMembers;
    case ImportTable::Bids:
        return kBids;
    case ImportTable::Interests:
        return kInterests;
    case ImportTable::Scores:
        return kScores;
    }
    return kBids;
}

std::string_view ToString(Severity severity)
{
    switch (severity)
    {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "error";
}

ColumnMapping ParseColumnMapping(std::string_view text)
{
    const std::size_t dot = text.find('.');
    const std::size_t equals = text.find('=');
    const std::string shown = imports::EscapeForDisplay(text, 120);
    const std::string example = "Write it as TABLE.FIELD=COLUMN, for example "
                                "--map \"bids.amount_requested=Amount (£)\".";
    if (dot == std::string_view::npos || equals == std::string_view::npos || equals < dot ||
        equals + 1 == text.size())
    {
        throw ImportError("map.syntax", "The mapping \"" + shown + "\" is not TABLE.FIELD=COLUMN.",
                          example);
    }
    const auto table = ParseImportTable(text.substr(0, dot));
    if (!table)
    {
        throw ImportError(
            "map.unknown_table", "The mapping \"" + shown + "\" names no table CoScore imports.",
            "The tables are funds, criteria, members, bids, interests and scores. " + example);
    }
    const std::string field(text.substr(dot + 1, equals - dot - 1));
    if (imports::FieldIndex(*table, field) < 0)
    {
        std::string fields;
        for (const ImportField& f : ImportFields(*table))
        {
            fields += (fields.empty() ? "" : ", ") + std::string(f.name);
        }
        throw ImportError("map.unknown_field",
                          "The mapping \"" + shown + "\" names no field of " +
                              std::string(ToString(*table)) + ".",
                          "The fields of " + std::string(ToString(*table)) + " are " + fields +
                              ".");
    }
    return {*table, field, std::string(text.substr(equals + 1))};
}

namespace imports
{

std::string NormaliseHeading(std::string_view heading)
{
    std::string out;
    bool space = false;
    std::size_t i = 0;
    char32_t c = 0;
    while (i < heading.size())
    {
        const std::size_t start = i;
        if (!NextCodePoint(heading, i, c))
        {
            ++i;
            continue;
        }
        if (IsDefaultIgnorable(c) || c == U'(' || c == U')' || c == U':' || c == U'*' ||
            c == U'?' || c == U'"' || c == U'[' || c == U']')
        {
            continue;
        }
        const char ascii = c < 0x80 ? static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c) : '\0';
        if (c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0xA0 || ascii == '_' ||
            ascii == '-' || ascii == '.' || ascii == '/')
        {
            space = !out.empty();
            continue;
        }
        if (space)
        {
            out += ' ';
            space = false;
        }
        // Keep £ and % as words of their own: "amount £", "weight %".
        const bool symbol = c == U'£' || c == U'%';
        if (symbol && !out.empty() && out.back() != ' ')
        {
            out += ' ';
        }
        if (ascii != '\0' && IsAsciiAlnum(ascii))
        {
            out += ascii;
        }
        else
        {
            out.append(heading.substr(start, i - start));
        }
        space = symbol;
    }
    return out;
}

int FieldIndex(ImportTable table, std::string_view field)
{
    const auto& fields = ImportFields(table);
    const auto it = std::find_if(fields.begin(), fields.end(),
                                 [&](const ImportField& f) { return f.name == field; });
    return it == fields.end() ? -1 : static_cast<int>(it - fields.begin());
}

std::string_view StoredText(std::string_view text)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front()))
    {
        text.remove_prefix(1);
    }
    while (!text.empty() && blank(text.back()))
    {
        text.remove_suffix(1);
    }
    if (!text.empty() && text.front() == '\'' && NeedsFormulaGuard(text.substr(1)))
    {
        text.remove_prefix(1);
    }
    return text;
}

bool NeedsFormulaGuard(std::string_view text)
{
    const std::size_t first = text.find_first_not_of('\'');
    return first != std::string_view::npos &&
           std::string_view("=+-@\t\r\n").find(text[first]) != std::string_view::npos;
}

} // namespace imports
} // namespace coscore::core
