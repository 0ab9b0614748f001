// SPDX-License-Identifier: MIT
// The base of every table's handler: the header found by matching headings, and typed reading of
// a row's cells, each problem reported with its row, column and a fix.
#pragma once

#include "import_tables.hpp"

#include <coscore/core/import_amount.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coscore::core::imports
{

class TableHandler : public RowHandler
{
public:
    TableHandler(ImportTable table, ImportState& state, const SourceContext& context,
                 const ImportRequest& request);

    std::optional<Layout> FindHeader(const std::vector<BufferedRow>& rows) override;
    void NoHeader(const std::vector<BufferedRow>& rows) override;
    void Row(const RowView& row) final;
    void Finish() override;

protected:
    /// One data row; `m_row` and `m_layout` are set.
    virtual void ReadRow() = 0;
    /// Required fields that may be missing (the bids' fund when --fund is given).
    virtual std::vector<std::string_view> OptionalFields() const { return {}; }
    /// Reports the problems of the matched headings; false when one is an error.
    void ReportHeadingProblems(const HeadingMatch& match, std::int64_t row) const;

    // Reading the current row. `field` indexes ImportFields(table); -1 reads nothing.
    CellView Cell(int field) const;
    CellView CellAt(int column) const;
    /// The column of `field` in the file, or -1.
    int ColumnOf(int field) const { return field < 0 ? -1 : m_layout->Column(field); }
    /// Text as stored (see StoredText); an error cell or an uncalculated formula is reported.
    std::string Text(int field) const { return TextAt(ColumnOf(field)); }
    std::string TextAt(int column) const;
    /// Required text: reported as missing when blank.
    std::optional<std::string> RequiredText(int field, std::string_view what) const;
    /// An id: required, with no invisible or control characters.
    std::optional<std::string> Id(int field, std::string_view what) const;
    std::optional<scoring::Pence> Amount(int field, bool required) const;
    std::optional<int> WholeNumberAt(int column, std::string_view what, bool required) const;
    std::optional<int> WholeNumber(int field, std::string_view what, bool required) const
    {
        return WholeNumberAt(ColumnOf(field), what, required);
    }
    /// A percentage: "25", "25%", "12.5" (a spreadsheet's 25% cell too).
    std::optional<double> Percent(int field) const;
    std::optional<bool> YesNo(int field) const;
    /// ISO 8601: 2026-03-01 or 2026-03-01T14:30:00[Z]; a spreadsheet date cell too.
    std::optional<std::string> Date(int field) const;

    /// The fund, member or bid named by `id`: found up to case and spaces, or reported as
    /// unknown (naming the look-alike it may mean).
    const IdRegistry::Entry* Resolve(const IdRegistry& ids, int field, std::string_view id,
                                     std::string_view kind, std::string_view where) const;

    void Error(std::string code, int field, std::string message, std::string fix) const;
    void Warning(std::string code, int field, std::string message, std::string fix) const;
    void ErrorAt(std::string code, int column, std::string message, std::string fix) const;

    /// "line 4" or "row 4" of this file.
    std::string Here() const { return m_context.RowName(m_row->number); }

    ImportTable m_table;
    ImportState& m_state;
    const SourceContext& m_context;
    const ImportRequest& m_request;
    const RowView* m_row = nullptr;
    const Layout* m_layout = nullptr;
    std::optional<Layout> m_found;
    std::int64_t m_rows = 0;
};

/// "Person who uses services", "person_using_services", "Voluntary-sector" → the enum value;
/// the stored names and PRODUCT.md's words, nothing guessed.
std::string EnumWord(std::string_view text);

/// Quoted and escaped for a message.
std::string Quote(std::string_view text);

} // namespace coscore::core::imports
