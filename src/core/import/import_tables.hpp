// SPDX-License-Identifier: MIT
// Reading each import table into the batch: the round as it is plus the rows read so far (so a
// bids file may name a fund from the funds file of the same import), the header row found among
// the first rows, and one handler per table that checks every row.
#pragma once

#include "import_detail.hpp"

#include <coscore/core/import.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coscore::core::imports
{

/// Ids of one kind (bids, members, funds, one fund's criteria), to refuse duplicates and flag
/// look-alikes as they are added.
class IdRegistry
{
public:
    struct Entry
    {
        std::string id;
        std::string where; ///< "in the round", or "line 4"
        std::size_t index = 0;
    };
    void Add(std::string id, std::string where, std::size_t index);
    /// The entry that is the same id up to case and spaces.
    const Entry* Find(std::string_view id) const;
    /// An entry that looks like `id` without being the same id.
    const Entry* LookAlike(std::string_view id) const;

private:
    std::unordered_map<std::string, Entry> m_by_key;
    std::unordered_map<std::string, std::string> m_key_by_look;
};

struct KnownCriterion
{
    scoring::Key key = 0;
    std::string ref;
    int lo = 0;
    int hi = 0;
};

struct KnownFund
{
    scoring::Key key = 0;
    std::string name;
    bool locked = false;
    std::optional<std::size_t> batch_index; ///< in batch.funds when new
    std::vector<KnownCriterion> criteria;
    IdRegistry criterion_ids;
    double weight_sum = 0;
    std::optional<scoring::Pence> min_award;
    std::optional<scoring::Pence> max_award;
};

struct KnownMember
{
    scoring::Key key = 0;
    std::string ref;
    std::string name;
    bool scores = true;
};

struct KnownBid
{
    scoring::Key key = 0;
    std::string ref;
    std::size_t fund = 0; ///< index into funds
};

/// The round and everything read so far in this import.
struct ImportState
{
    ImportState(const ImportBaseline& baseline, const std::vector<bool>& locked_funds);

    std::vector<KnownFund> funds;
    IdRegistry fund_names;
    std::vector<KnownMember> members;
    IdRegistry member_ids;
    std::vector<KnownBid> bids;
    IdRegistry bid_ids;
    /// (member key, bid key) → rule, for interests in the round and in this import.
    std::unordered_map<std::uint64_t, scoring::InterestRule> interests;
    /// (bid, member) pairs that already hold a sheet or a score in the round, sorted.
    std::vector<std::pair<scoring::Key, scoring::Key>> scored_pairs;
    ImportBatch batch;
    scoring::Key next_fund = 1;
    scoring::Key next_criterion = 1;
    scoring::Key next_member = 1;
    scoring::Key next_bid = 1;

    static std::uint64_t PairKey(scoring::Key a, scoring::Key b)
    {
        return (std::uint64_t{static_cast<std::uint32_t>(a)} << 32) | static_cast<std::uint32_t>(b);
    }
    bool HasScores(scoring::Key bid, scoring::Key member) const;
};

/// Where each field of a table is, once the header row is known.
struct Layout
{
    std::int64_t header_row = 0;
    std::size_t header_rows = 1; ///< 2 for a wide matrix with members over criteria
    std::vector<std::string> headings;
    std::vector<FieldMatch> fields; ///< one per ImportFields(table)
    std::vector<int> extra;         ///< columns with a heading that no field took
    int width = 0;
    bool wide = false; ///< scores as a matrix: one column per member × criterion
    int Column(int field) const { return fields[static_cast<std::size_t>(field)].column; }
};

/// A row held back while the header row is looked for.
struct BufferedRow
{
    std::int64_t number = 0;
    std::vector<CellKind> kinds;
    std::vector<std::string> cells;
};

/// The headings of a buffered row, as they will be stored and shown.
std::vector<std::string> HeadingsOf(const BufferedRow& row);

struct HeadingMatch
{
    Layout layout;
    std::vector<std::string> missing; ///< required fields without a column
    std::vector<std::pair<Severity, std::pair<std::string, std::string>>> problems; ///< code, text
};

/// Matches a row's headings to the table's fields (mappings first, then names and synonyms).
/// `optional` names required fields that may be missing (the bids' fund with --fund).
HeadingMatch MatchHeadings(ImportTable table, const std::vector<std::string>& headings,
                           const std::vector<ColumnMapping>& mappings,
                           const std::vector<std::string_view>& optional = {});

/// Reads one table's data rows. The driver finds the header with FindHeader, checks each row's
/// width, skips blank rows and hands the rest to Row.
class RowHandler
{
public:
    virtual ~RowHandler() = default;
    /// The header among `rows` (blank rows left out), or nullopt.
    virtual std::optional<Layout> FindHeader(const std::vector<BufferedRow>& rows) = 0;
    /// Says why no header was found.
    virtual void NoHeader(const std::vector<BufferedRow>& rows) = 0;
    virtual void Row(const RowView& row) = 0;
    /// After the last row: checks that need every row (an empty file, totals).
    virtual void Finish() = 0;
};

struct TableResult
{
    FileInfo file;
    std::optional<Layout> layout; ///< empty when the file could not be read or has no header
};

/// Reads the file through `handler`; reading faults become issues. With `max_rows` > 0 stops
/// after that many rows and keeps them in `preview`.
TableResult ReadTable(const ImportFile& file, const ImportOptions& options, SourceContext& context,
                      RowHandler& handler, std::size_t max_rows = 0,
                      std::vector<ImportPreview::Row>* preview = nullptr);

std::unique_ptr<RowHandler> MakeHandler(ImportTable table, ImportState& state,
                                        const SourceContext& context, const ImportRequest& request);

} // namespace coscore::core::imports
