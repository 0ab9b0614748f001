// SPDX-License-Identifier: MIT
// The schema migrations, embedded from src/core/migrations/*.sql at build time.
#pragma once

#include <span>
#include <string_view>

namespace coscore::core
{

struct Migration
{
    int version = 0;
    std::string_view file;
    std::string_view sql;
};

/// Every migration, in version order; version N brings a file from N − 1 to N.
std::span<const Migration> AllMigrations();

} // namespace coscore::core
