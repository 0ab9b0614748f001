// SPDX-License-Identifier: MIT
// The officer's pre-send checklist on the demo round: what is left to do, in words that say
// which bids and which form, and how it changes when the round does.
#include "temp_dir.hpp"

#include <coscore/core/demo_round.hpp>
#include <coscore/forms/setup_checks.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace coscore;

namespace
{

std::vector<std::string> ToDo(const scoring::RoundData& round)
{
    std::vector<std::string> out;
    for (const forms::SetupCheck& check : forms::RunSetupChecks(round))
    {
        if (!check.ok)
        {
            out.push_back(check.text.utf8_string());
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(setup_checks)

BOOST_AUTO_TEST_CASE(TheDemoRoundHasThreeBidsWithoutAnEligibilityCheckAndNamesThem)
{
    test::TempDir dir;
    const auto ws = core::CreateDemoRound(dir.File("demo.coscore"));
    const auto todo = ToDo(ws->LoadRound());
    BOOST_TEST_REQUIRE(todo.size() == 1U);
    BOOST_TEST(todo[0] == "3 bids have no eligibility check: INN-008, INN-012, SUS-014.");
}

BOOST_AUTO_TEST_CASE(WeightsThatDoNotAddUpAreNamedWithTheirSum)
{
    test::TempDir dir;
    const auto ws = core::CreateDemoRound(dir.File("demo.coscore"));
    scoring::Fund innovation = ws->ListFunds().front();
    BOOST_REQUIRE(innovation.name == "Innovation Fund");
    scoring::Criterion first = innovation.criteria.front();
    first.weight_percent -= 5.0;
    ws->UpdateCriterion(first);
    const auto todo = ToDo(ws->LoadRound());
    const bool named = std::any_of(
        todo.begin(), todo.end(),
        [](const std::string& t)
        {
            return t == "Weights of the Innovation Fund form add up to 95%: they should add up to "
                        "100%.";
        });
    BOOST_TEST(named);
}

BOOST_AUTO_TEST_SUITE_END()
