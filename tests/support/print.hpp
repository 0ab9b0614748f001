// SPDX-License-Identifier: MIT
// Lets Boost.Test print CoScore's enums by their stable names in failure messages.
#pragma once

#include <coscore/scoring/model.hpp>

#include <ostream>

namespace coscore::scoring
{

#define COSCORE_PRINT_ENUM(Enum)                                                                   \
    inline std::ostream& boost_test_print_type(std::ostream& os, const Enum& value)                \
    {                                                                                              \
        return os << ToString(value);                                                              \
    }

COSCORE_PRINT_ENUM(Role)
COSCORE_PRINT_ENUM(Voice)
COSCORE_PRINT_ENUM(ChairRole)
COSCORE_PRINT_ENUM(InterestType)
COSCORE_PRINT_ENUM(InterestRule)
COSCORE_PRINT_ENUM(MissingReason)
COSCORE_PRINT_ENUM(SheetStatus)
COSCORE_PRINT_ENUM(Eligibility)
COSCORE_PRINT_ENUM(DecisionKind)
COSCORE_PRINT_ENUM(DecisionStatus)
COSCORE_PRINT_ENUM(RankBasis)
COSCORE_PRINT_ENUM(AllocationRule)

#undef COSCORE_PRINT_ENUM

} // namespace coscore::scoring
