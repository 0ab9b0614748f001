// SPDX-License-Identifier: MIT
// libFuzzer: amounts typed and stored. Besides not crashing, an accepted amount must be within
// the limits and read back to the same pence from its plain form.
#include "decimal_text.hpp"

#include <coscore/core/import_amount.hpp>

#include <cstdlib>
#include <string>

namespace
{

void Check(const coscore::core::ParsedAmount& parsed)
{
    using namespace coscore::core;
    if (!parsed.Ok())
    {
        return;
    }
    if (parsed.pence < 0 || parsed.pence > kMaxAmountPence ||
        ParseAmountText(FormatAmountPlain(parsed.pence)).pence != parsed.pence ||
        ParseAmountNumber(FormatAmountPlain(parsed.pence)).pence != parsed.pence)
    {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace coscore::core;
    const std::string text(reinterpret_cast<const char*>(data), size);
    Check(ParseAmountText(text));
    Check(ParseAmountText(text, {true}));
    Check(ParseAmountNumber(text));
    if (const auto d = imports::DecimalText::Parse(text); d)
    {
        (void)d->RoundedToSignificant(15).ScaledToInteger(2, kMaxAmountPence);
        (void)d->ToPlain();
    }
    return 0;
}
