// SPDX-License-Identifier: MIT
// The JSON writer: the text written as it goes is the text kept whole, and a failed stream says so.
#include <coscore/core/json.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace
{

using coscore::core::JsonWriter;

/// A document of about 3 MB: many objects, nested arrays, escapes and numbers.
void WriteLargeDocument(JsonWriter& json)
{
    json.BeginObject().Field("title", "Round \"A\"\n").Key("bids").BeginArray();
    for (int i = 0; i < 20'000; ++i)
    {
        json.BeginObject().Field("ref", "B" + std::to_string(i)).Field("mean", i / 7.0);
        json.Key("flags").BeginArray().String("range").String("\xE2\x80\x94").EndArray();
        json.Field("funded", i % 2 == 0).EndObject();
    }
    json.EndArray().EndObject();
}

} // namespace

BOOST_AUTO_TEST_SUITE(Json)

BOOST_AUTO_TEST_CASE(StreamedTextIsTheTextKeptWhole)
{
    for (const bool pretty : {false, true})
    {
        JsonWriter whole(pretty);
        WriteLargeDocument(whole);
        std::ostringstream out;
        JsonWriter streamed(out, pretty);
        WriteLargeDocument(streamed);
        // Written in pieces on the way, not kept: what is left is less than one piece.
        BOOST_TEST(streamed.Text().size() < 64U * 1024U);
        BOOST_TEST(out.str().size() > 1'000'000U);
        streamed.Finish();
        BOOST_TEST(streamed.Text().empty());
        BOOST_TEST(out.str() == whole.Text());
    }
}

BOOST_AUTO_TEST_CASE(FinishSaysWhenTheStreamFailed)
{
    std::ostringstream out;
    JsonWriter json(out, false);
    json.BeginObject().Field("a", 1).EndObject();
    out.setstate(std::ios_base::badbit);
    BOOST_CHECK_THROW(json.Finish(), std::ios_base::failure);
}

BOOST_AUTO_TEST_SUITE_END()
