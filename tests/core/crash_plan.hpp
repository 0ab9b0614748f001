// SPDX-License-Identifier: MIT
// The deterministic sequence of score saves used by the kill -9 test: write k sets one of ten
// cells (two demo bids M06 has not scored × five criteria) to a value that depends on k.
#pragma once

#include <coscore/core/workspace.hpp>

#include <stdexcept>
#include <vector>

namespace coscore::test
{

class CrashPlan
{
public:
    struct Cell
    {
        scoring::Key bid = 0;
        scoring::Key member = 0;
        scoring::Key criterion = 0;
    };
    struct Write : Cell
    {
        int value = 0;
    };

    explicit CrashPlan(const core::Workspace& ws)
    {
        scoring::Key member = 0;
        for (const auto& m : ws.ListMembers())
        {
            member = m.ref == "M06" ? m.key : member;
        }
        const auto funds = ws.ListFunds();
        for (const auto& b : ws.ListBids())
        {
            if (b.ref == "INN-010" || b.ref == "INN-012")
            {
                for (const auto& c : funds.front().criteria)
                {
                    m_cells.push_back({b.key, member, c.key});
                }
            }
        }
        if (m_cells.size() != 10)
        {
            throw std::runtime_error("the demo round changed: crash plan needs 10 cells");
        }
    }

    static constexpr long kCells = 10;
    const std::vector<Cell>& Cells() const { return m_cells; }
    Write Write(long k) const
    {
        struct Write w;
        static_cast<Cell&>(w) = m_cells[static_cast<std::size_t>(k % kCells)];
        w.value = ValueOf(k);
        return w;
    }
    static int ValueOf(long k) { return static_cast<int>((k / kCells) % 6); }

private:
    std::vector<Cell> m_cells;
};

} // namespace coscore::test
