// SPDX-License-Identifier: MIT
// The validation report: issues, their printed form, and the log that keeps it short.
#include "import_detail.hpp"
#include "text_encoding.hpp"

#include <algorithm>

namespace coscore::core
{

namespace
{

std::string Plural(std::int64_t n, std::string_view one, std::string_view many)
{
    // Thousands separated for reading: 1,080 scores.
    std::string digits = std::to_string(n);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
    {
        digits.insert(static_cast<std::size_t>(at), ",");
    }
    return digits + " " + std::string(n == 1 ? one : many);
}

int Rank(Severity s)
{
    return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2;
}

} // namespace

std::string FormatIssue(const ImportIssue& issue)
{
    using imports::EscapeForDisplay;
    std::string line(ToString(issue.severity));
    line += ": ";
    std::string where = EscapeForDisplay(issue.file, 120);
    if (!issue.sheet.empty())
    {
        where += ", sheet \"" + EscapeForDisplay(issue.sheet, 60) + "\"";
    }
    if (!issue.cell.empty() && issue.row > 0)
    {
        where += ", cell " + EscapeForDisplay(issue.cell, 20);
    }
    else if (issue.row > 0)
    {
        where +=
            std::string(issue.sheet.empty() ? ", line " : ", row ") + std::to_string(issue.row);
    }
    if (!issue.column.empty())
    {
        where += ", column \"" + EscapeForDisplay(issue.column, 60) + "\"";
    }
    line += where + ": " + EscapeForDisplay(issue.message, 600);
    if (!issue.fix.empty())
    {
        line += " Fix: " + EscapeForDisplay(issue.fix, 400);
    }
    line += " [" + EscapeForDisplay(issue.code, 60) + "]";
    return line;
}

int ImportReport::Errors() const
{
    return static_cast<int>(std::count_if(issues.begin(), issues.end(),
                                          [](const ImportIssue& i)
                                          { return i.severity == Severity::Error; }));
}

int ImportReport::Warnings() const
{
    return static_cast<int>(std::count_if(issues.begin(), issues.end(),
                                          [](const ImportIssue& i)
                                          { return i.severity == Severity::Warning; }));
}

bool ImportReport::CanImport(bool accept_warnings) const
{
    return Errors() == 0 && (accept_warnings || Warnings() == 0);
}

std::vector<std::string> ImportReport::Lines() const
{
    std::vector<const ImportIssue*> order;
    for (const ImportIssue& i : issues)
    {
        order.push_back(&i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const ImportIssue* a, const ImportIssue* b)
                     { return Rank(a->severity) < Rank(b->severity); });
    std::vector<std::string> lines;
    for (const ImportIssue* i : order)
    {
        lines.push_back(FormatIssue(*i));
    }
    return lines;
}

std::string ImportReport::Summary() const
{
    if (!imported)
    {
        const int errors = Errors();
        const int warnings = Warnings();
        std::string text = "Nothing was imported: ";
        if (errors > 0 || warnings == 0)
        {
            text += Plural(errors, "error", "errors");
        }
        if (warnings > 0)
        {
            text += (errors > 0 ? ", " : "") + Plural(warnings, "warning", "warnings");
        }
        text += ".";
        if (errors == 0 && warnings > 0)
        {
            text += " Check the warnings; import again accepting them if they are expected.";
        }
        return text;
    }
    std::vector<std::string> parts;
    const auto add = [&](std::int64_t n, std::string_view one, std::string_view many)
    {
        if (n > 0)
        {
            parts.push_back(Plural(n, one, many));
        }
    };
    add(counts.funds, "fund", "funds");
    add(counts.criteria, "criterion", "criteria");
    add(counts.members, "member", "members");
    add(counts.bids, "bid", "bids");
    add(counts.interests, "interest", "interests");
    add(counts.scores, "score", "scores");
    if (parts.empty())
    {
        return "Imported nothing: the files hold no rows.";
    }
    std::string text = "Imported ";
    for (std::size_t i = 0; i < parts.size(); ++i)
    {
        text += i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ";
        text += parts[i];
    }
    return text + ".";
}

namespace imports
{

void IssueLog::Add(ImportIssue issue)
{
    auto& [count, first] = m_counts[{issue.file, issue.code}];
    if (++count <= kMaxPerCode)
    {
        if (count == 1)
        {
            first = issue;
        }
        m_issues.push_back(std::move(issue));
    }
}

std::vector<ImportIssue> IssueLog::Finish()
{
    std::vector<ImportIssue> out = std::move(m_issues);
    for (const auto& [key, entry] : m_counts)
    {
        if (entry.first > kMaxPerCode)
        {
            ImportIssue more = entry.second;
            more.row = 0;
            more.column.clear();
            more.cell.clear();
            more.message = "…and " + std::to_string(entry.first - kMaxPerCode) +
                           " more like the ones above (" + more.code + ").";
            more.fix.clear();
            out.push_back(std::move(more));
        }
    }
    m_counts.clear();
    return out;
}

void SourceContext::Report(Severity severity, std::string code, std::int64_t row, int column,
                           std::string message, std::string fix) const
{
    ImportIssue issue;
    issue.severity = severity;
    issue.code = std::move(code);
    issue.file = m_file;
    issue.sheet = m_sheet;
    issue.row = row;
    if (column >= 0)
    {
        issue.column = ColumnName(column);
        if (m_format == FileFormat::Xlsx && row > 0)
        {
            issue.cell = ColumnLetters(column + 1) + std::to_string(row);
        }
    }
    issue.message = std::move(message);
    issue.fix = std::move(fix);
    m_log.Add(std::move(issue));
}

std::string SourceContext::RowName(std::int64_t row) const
{
    return m_format == FileFormat::Xlsx ? "row " + std::to_string(row)
                                        : "line " + std::to_string(row);
}

std::string SourceContext::ColumnName(int column) const
{
    if (column >= 0 && static_cast<std::size_t>(column) < m_headings.size() &&
        !m_headings[static_cast<std::size_t>(column)].empty())
    {
        return m_headings[static_cast<std::size_t>(column)];
    }
    return ColumnLetters(column + 1);
}

} // namespace imports
} // namespace coscore::core
