// SPDX-License-Identifier: MIT
#include "table_handler.hpp"

#include "decimal_text.hpp"
#include "lookalike.hpp"
#include "text_encoding.hpp"

#include <algorithm>
#include <charconv>

namespace coscore::core::imports
{

namespace
{

std::string AmountCode(AmountFault fault)
{
    switch (fault)
    {
    case AmountFault::Empty:
        return "amount.missing";
    case AmountFault::Negative:
        return "amount.negative";
    case AmountFault::Formula:
        return "amount.formula";
    case AmountFault::NotFinite:
        return "amount.not_finite";
    case AmountFault::Exponent:
        return "amount.exponent";
    case AmountFault::Hex:
        return "amount.hex";
    case AmountFault::NonAsciiDigits:
        return "amount.non_ascii_digits";
    case AmountFault::LetterForDigit:
        return "amount.letter_for_digit";
    case AmountFault::SubPenny:
        return "amount.sub_penny";
    case AmountFault::Grouping:
        return "amount.grouping";
    case AmountFault::WrongDecimalMark:
        return "amount.decimal_mark";
    case AmountFault::TooLarge:
        return "amount.too_large";
    case AmountFault::None:
    case AmountFault::NotANumber:
        break;
    }
    return "amount.not_money";
}

const char* const kAmountFix = "Write the amount in pounds, like 1234.50, 1,234.50 or £1,234.50.";

bool IsAsciiDigits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// YYYY-MM-DD with an optional THH:MM[:SS] and Z, as "YYYY-MM-DDTHH:MM:SSZ".
std::optional<std::string> IsoTimestamp(std::string_view t)
{
    const auto digits = [&](std::size_t at, std::size_t n)
    { return t.size() >= at + n && IsAsciiDigits(t.substr(at, n)); };
    const auto number = [&](std::size_t at, std::size_t n)
    {
        int v = 0;
        std::from_chars(t.data() + at, t.data() + at + n, v);
        return v;
    };
    if (!digits(0, 4) || t.size() < 10 || t[4] != '-' || !digits(5, 2) || t[7] != '-' ||
        !digits(8, 2))
    {
        return std::nullopt;
    }
    const int month = number(5, 2);
    const int day = number(8, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31)
    {
        return std::nullopt;
    }
    std::string time = "00:00:00";
    std::string_view rest = t.substr(10);
    if (!rest.empty())
    {
        if ((rest[0] != 'T' && rest[0] != ' ') || rest.size() < 6)
        {
            return std::nullopt;
        }
        rest.remove_prefix(1);
        if (rest.ends_with('Z'))
        {
            rest.remove_suffix(1);
        }
        const bool seconds = rest.size() == 8;
        if ((rest.size() != 5 && !seconds) || rest[2] != ':' || (seconds && rest[5] != ':') ||
            !IsAsciiDigits(rest.substr(0, 2)) || !IsAsciiDigits(rest.substr(3, 2)) ||
            (seconds && !IsAsciiDigits(rest.substr(6, 2))))
        {
            return std::nullopt;
        }
        time = std::string(rest.substr(0, 5)) + (seconds ? std::string(rest.substr(5)) : ":00");
        if (number(10 + 1, 2) > 23 || std::stoi(time.substr(3, 2)) > 59 ||
            std::stoi(time.substr(6, 2)) > 59)
        {
            return std::nullopt;
        }
    }
    return std::string(t.substr(0, 10)) + "T" + time + "Z";
}

} // namespace

std::string Quote(std::string_view text)
{
    return "\"" + EscapeForDisplay(text) + "\"";
}

std::string EnumWord(std::string_view text)
{
    std::string word;
    for (const char c : StoredText(text))
    {
        if (c == ' ' || c == '-' || c == '_')
        {
            if (!word.empty() && word.back() != '_')
            {
                word += '_';
            }
            continue;
        }
        word += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    while (!word.empty() && word.back() == '_')
    {
        word.pop_back();
    }
    return word;
}

TableHandler::TableHandler(ImportTable table, ImportState& state, const SourceContext& context,
                           const ImportRequest& request)
    : m_table(table), m_state(state), m_context(context), m_request(request)
{
}

void TableHandler::ReportHeadingProblems(const HeadingMatch& match, std::int64_t row) const
{
    for (const auto& [severity, problem] : match.problems)
    {
        const std::string& code = problem.first;
        m_context.Report(severity, code, row, -1, problem.second,
                         code == "header.duplicate"     ? "Rename one of the two columns."
                         : code == "map.no_such_column" ? "Check the heading named in --map."
                                                        : "");
    }
}

std::optional<Layout> TableHandler::FindHeader(const std::vector<BufferedRow>& rows)
{
    for (const BufferedRow& row : rows)
    {
        HeadingMatch match =
            MatchHeadings(m_table, HeadingsOf(row), m_request.mappings, OptionalFields());
        if (match.missing.empty())
        {
            ReportHeadingProblems(match, row.number);
            match.layout.header_row = row.number;
            m_found = std::move(match.layout);
            return m_found;
        }
    }
    return std::nullopt;
}

void TableHandler::NoHeader(const std::vector<BufferedRow>& rows)
{
    const std::string table(ToString(m_table));
    if (rows.empty())
    {
        m_context.Error(table + ".no_rows", 0, -1, "The file has no rows with data.",
                        "Choose the file that holds the " + table + ".");
        return;
    }
    // The row most like a header: the one with the fewest required fields missing.
    std::optional<HeadingMatch> best;
    std::int64_t best_row = 0;
    for (const BufferedRow& row : rows)
    {
        HeadingMatch match =
            MatchHeadings(m_table, HeadingsOf(row), m_request.mappings, OptionalFields());
        if (!best || match.missing.size() < best->missing.size())
        {
            best_row = row.number;
            best = std::move(match);
        }
    }
    std::string missing;
    for (std::size_t i = 0; i < best->missing.size(); ++i)
    {
        missing += (i == 0                          ? ""
                    : i + 1 == best->missing.size() ? " and "
                                                    : ", ") +
                   best->missing[i];
    }
    std::string headings;
    for (const std::string& h : best->layout.headings)
    {
        if (!h.empty())
        {
            headings += (headings.empty() ? "" : ", ") + Quote(h);
        }
    }
    m_context.Error("header.missing_columns", best_row, -1,
                    "CoScore cannot find the " + table + " columns it needs: " + missing +
                        (missing.find(" and ") != std::string::npos ? " are" : " is") +
                        " missing. The row most like a header has: " + headings + ".",
                    "Rename the columns to the headings listed in the README, or say which column "
                    "holds each with --map " +
                        table + "." + best->missing.front() + "=COLUMN.");
    ReportHeadingProblems(*best, best_row);
}

void TableHandler::Row(const RowView& row)
{
    m_row = &row;
    m_layout = &*m_found;
    ++m_rows;
    ReadRow();
    m_row = nullptr;
}

void TableHandler::Finish()
{
    if (m_rows == 0)
    {
        const std::string table(ToString(m_table));
        m_context.Error(table + ".no_rows", 0, -1,
                        "The file has its headings but no " + table + " below them.",
                        "Choose the file that holds the " + table + ".");
    }
}

CellView TableHandler::CellAt(int column) const
{
    if (column < 0 || static_cast<std::size_t>(column) >= m_row->cells.size())
    {
        return {};
    }
    return m_row->cells[static_cast<std::size_t>(column)];
}

CellView TableHandler::Cell(int field) const
{
    return CellAt(ColumnOf(field));
}

void TableHandler::ErrorAt(std::string code, int column, std::string message, std::string fix) const
{
    m_context.Error(std::move(code), m_row->number, column, std::move(message), std::move(fix));
}

void TableHandler::Error(std::string code, int field, std::string message, std::string fix) const
{
    ErrorAt(std::move(code), ColumnOf(field), std::move(message), std::move(fix));
}

void TableHandler::Warning(std::string code, int field, std::string message, std::string fix) const
{
    m_context.Warning(std::move(code), m_row->number, ColumnOf(field), std::move(message),
                      std::move(fix));
}

std::string TableHandler::TextAt(int column) const
{
    const CellView cell = CellAt(column);
    switch (cell.kind)
    {
    case CellKind::Empty:
        return {};
    case CellKind::Error:
        ErrorAt("cell.error", column,
                "This cell shows the spreadsheet error " + Quote(cell.text) + ".",
                "Correct the formula or type the value, and save the file again.");
        return {};
    case CellKind::Uncalculated:
        m_context.Warning("cell.uncalculated", m_row->number, column,
                          "This cell holds a formula whose result was never saved. CoScore never "
                          "calculates formulas, so it reads as empty.",
                          "Open the file in Excel or LibreOffice, let it calculate, and save it.");
        return {};
    case CellKind::Text:
    case CellKind::Number:
    case CellKind::Bool:
    case CellKind::Date:
        break;
    }
    return std::string(StoredText(cell.text));
}

std::optional<std::string> TableHandler::RequiredText(int field, std::string_view what) const
{
    std::string text = Text(field);
    if (text.empty())
    {
        Error(std::string(ToString(m_table)) + ".missing_" +
                  std::string(ImportFields(m_table)[static_cast<std::size_t>(field)].name),
              field, "This row has no " + std::string(what) + ".",
              "Fill it in, or delete the row if it is not a real entry.");
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> TableHandler::Id(int field, std::string_view what) const
{
    auto id = RequiredText(field, what);
    if (!id)
    {
        return std::nullopt;
    }
    if (const std::string bad = InvisibleCharacterIn(*id); !bad.empty())
    {
        Error("id.invisible_character", field,
              "The " + std::string(what) + " " + Quote(*id) + " contains " + bad +
                  ", so it would look the same as a different id.",
              "Retype the id by hand.");
        return std::nullopt;
    }
    return id;
}

const IdRegistry::Entry* TableHandler::Resolve(const IdRegistry& ids, int field,
                                               std::string_view id, std::string_view kind,
                                               std::string_view where) const
{
    if (const IdRegistry::Entry* found = ids.Find(id))
    {
        return found;
    }
    const IdRegistry::Entry* like = ids.LookAlike(id);
    Error(std::string(ToString(m_table)) + ".unknown_" + std::string(kind), field,
          "There is no " + std::string(kind) + " " + Quote(id) + " in the round or in " +
              std::string(where) + "." +
              (like != nullptr ? " Did you mean " + Quote(like->id) + "?" : ""),
          "Correct the " + std::string(kind) + ", or add it first (import it in the same " +
              "command, or in CoScore).");
    return nullptr;
}

std::optional<scoring::Pence> TableHandler::Amount(int field, bool required) const
{
    const int column = ColumnOf(field);
    const CellView cell = CellAt(column);
    const std::string shown = Quote(cell.text);
    ParsedAmount parsed;
    switch (cell.kind)
    {
    case CellKind::Error:
    case CellKind::Uncalculated:
        TextAt(column); // reports it
        if (required && cell.kind == CellKind::Uncalculated)
        {
            Error("amount.missing", field, "This row has no amount (only a formula).", kAmountFix);
        }
        return std::nullopt;
    case CellKind::Date:
        Error("amount.is_date", field, "This cell is a date, not an amount of money.", kAmountFix);
        return std::nullopt;
    case CellKind::Bool:
        Error("amount.is_boolean", field, "This cell is TRUE or FALSE, not an amount of money.",
              kAmountFix);
        return std::nullopt;
    case CellKind::Number:
        parsed = ParseAmountNumber(cell.text);
        break;
    case CellKind::Empty:
    case CellKind::Text:
    {
        const std::string_view text = StoredText(cell.text);
        if (text.empty())
        {
            if (required)
            {
                Error("amount.missing", field, "This row has no amount.", kAmountFix);
            }
            return std::nullopt;
        }
        if (m_context.Format() == FileFormat::Csv && m_context.Separator() == ';' &&
            !m_request.options.decimal_comma && text.find(',') != std::string_view::npos)
        {
            Error("csv.decimal_comma", field,
                  "The file separates its fields with semicolons and writes " + shown +
                      " with a decimal comma. CoScore will not guess whether that means "
                      "pounds and pence.",
                  "Import it again saying the file uses decimal commas (--decimal-comma), or "
                  "save it as CSV UTF-8 with commas between fields.");
            return std::nullopt;
        }
        parsed = ParseAmountText(text, {m_request.options.decimal_comma});
        if (parsed.Ok() && m_context.Format() == FileFormat::Xlsx)
        {
            Warning("xlsx.text_amount", field,
                    "The amount " + shown +
                        " is stored as text in the spreadsheet; it is read as " +
                        FormatAmountPlain(parsed.pence) + ".",
                    "Check it, or format the column as a number in Excel.");
        }
        break;
    }
    }
    if (!parsed.Ok())
    {
        Error(AmountCode(parsed.fault), field, shown + " " + ExplainAmountFault(parsed.fault) + ".",
              kAmountFix);
        return std::nullopt;
    }
    return parsed.pence;
}

std::optional<int> TableHandler::WholeNumberAt(int column, std::string_view what,
                                               bool required) const
{
    const CellView cell = CellAt(column);
    const std::string fix = "Write " + std::string(what) + " as a whole number, like 3.";
    std::optional<DecimalText> number;
    if (cell.kind == CellKind::Number || cell.kind == CellKind::Text ||
        cell.kind == CellKind::Empty)
    {
        const std::string_view text = StoredText(cell.text);
        if (text.empty())
        {
            if (required)
            {
                ErrorAt("number.missing", column, "This row has no " + std::string(what) + ".",
                        fix);
            }
            return std::nullopt;
        }
        // Typed text must be plain digits; a stored number may be "3" or "3.0".
        const bool plain = IsAsciiDigits(text.starts_with('-') ? text.substr(1) : text);
        if (plain || cell.kind == CellKind::Number)
        {
            number = DecimalText::Parse(text);
        }
    }
    else
    {
        TextAt(column); // errors and uncalculated formulas are reported
        if (required && cell.kind == CellKind::Uncalculated)
        {
            ErrorAt("number.missing", column,
                    "This row has no " + std::string(what) + " (only a formula).", fix);
            return std::nullopt;
        }
    }
    const Scaled value = number ? number->ScaledToInteger(0, 1'000'000) : Scaled{};
    if (!number || value.fault != ScaleFault::None)
    {
        if (cell.kind != CellKind::Error && cell.kind != CellKind::Uncalculated)
        {
            ErrorAt("number.not_whole", column,
                    Quote(cell.text) + " is not a whole number for " + std::string(what) + ".",
                    fix);
        }
        return std::nullopt;
    }
    const int magnitude = static_cast<int>(value.value);
    return number->negative ? -magnitude : magnitude;
}

std::optional<double> TableHandler::Percent(int field) const
{
    const CellView cell = CellAt(ColumnOf(field));
    std::string text(StoredText(cell.text));
    if (cell.kind != CellKind::Text && cell.kind != CellKind::Number)
    {
        TextAt(ColumnOf(field));
        Error("number.not_percent", field, "This row has no weight.",
              "Write the weight in per cent, like 25 or 12.5.");
        return std::nullopt;
    }
    if (text.ends_with('%'))
    {
        text = std::string(StoredText(text.substr(0, text.size() - 1)));
    }
    if (cell.kind == CellKind::Text && text.find(',') != std::string::npos)
    {
        if (!m_request.options.decimal_comma)
        {
            Error(m_context.Separator() == ';' ? "csv.decimal_comma" : "number.not_percent", field,
                  Quote(cell.text) + " is written with a decimal comma.",
                  "Write it with a decimal point (12.5), or import again saying the file uses "
                  "decimal commas (--decimal-comma).");
            return std::nullopt;
        }
        std::replace(text.begin(), text.end(), ',', '.');
    }
    const auto number = DecimalText::Parse(text);
    double value = 0;
    const std::string plain = number ? number->ToPlain() : std::string();
    const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (!number || number->negative || ec != std::errc() || !(value >= 0 && value <= 100))
    {
        Error("number.not_percent", field, Quote(cell.text) + " is not a percentage from 0 to 100.",
              "Write the weight in per cent, like 25 or 12.5.");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> TableHandler::YesNo(int field) const
{
    const std::string word = EnumWord(Text(field));
    if (word == "yes" || word == "y" || word == "true" || word == "1")
    {
        return true;
    }
    if (word == "no" || word == "n" || word == "false" || word == "0")
    {
        return false;
    }
    if (!word.empty())
    {
        Error("value.not_yes_no", field, Quote(Cell(field).text) + " is not yes or no.",
              "Write yes or no.");
    }
    return std::nullopt;
}

std::optional<std::string> TableHandler::Date(int field) const
{
    const std::string text = Text(field);
    if (text.empty())
    {
        return std::nullopt;
    }
    if (auto iso = IsoTimestamp(text); iso)
    {
        return iso;
    }
    Error("date.not_iso", field,
          Quote(text) + " is not a date CoScore reads: a date like 01/03/2026 could mean March or "
                        "January, so it is never guessed.",
          "Write dates as 2026-03-01 (or 2026-03-01T14:30:00Z), or format the cells as dates.");
    return std::nullopt;
}

} // namespace coscore::core::imports
