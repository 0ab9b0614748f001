// SPDX-License-Identifier: MIT
// Row writers shared by the Workspace's commands and its bulk import.
#pragma once

#include <coscore/scoring/model.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace coscore::core
{
namespace sqlite
{
class Database;
class Statement;
} // namespace sqlite

namespace detail
{

std::int64_t NextPosition(sqlite::Database& db, const std::string& table);
void InsertCriterion(sqlite::Database& db, scoring::Key fund, const scoring::Criterion& c,
                     std::int64_t position);
void InsertLevels(sqlite::Database& db, scoring::Key criterion,
                  const std::vector<scoring::LevelDescriptor>& levels);
/// Throws CommandError with a plain message when the criterion cannot be stored.
void ValidateCriterion(const scoring::Criterion& c);
scoring::Key InsertFundRows(sqlite::Database& db, const scoring::Fund& fund, std::int64_t position);
scoring::Key InsertPot(sqlite::Database& db, scoring::Key fund, const scoring::Pot& pot);
scoring::Key InsertMember(sqlite::Database& db, const scoring::Member& m, std::int64_t position);
scoring::Key InsertBid(sqlite::Database& db, const scoring::Bid& b, std::int64_t position);
void InsertInterest(sqlite::Database& db, const scoring::Interest& i);
/// Binds and runs kUpsertScore for one score: a value, or NULL with its missing reason.
void WriteScoreRow(sqlite::Statement& st, const scoring::Score& s);
extern const char* const kUpsertScore;
/// Throws CommandError("Please give …") when the text is blank.
void RequireText(const std::string& text, const std::string& what);
std::string Trimmed(const std::string& text);

} // namespace detail
} // namespace coscore::core
