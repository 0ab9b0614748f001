// SPDX-License-Identifier: MIT
// libFuzzer: the CSV reader over any bytes, with the encodings and limits an import can choose.
#include "csv_reader.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace coscore::core;
    if (size == 0)
    {
        return 0;
    }
    // The first byte chooses the options, so the corpus explores all of them.
    ReadOptions options;
    options.encoding = (data[0] & 1) != 0 ? TextEncoding::Windows1252 : TextEncoding::Auto;
    if ((data[0] & 2) != 0)
    {
        options.limits.max_columns = 8;
        options.limits.max_field_bytes = 64;
        options.limits.max_rows = 16;
        options.limits.max_record_bytes = 256;
    }
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    imports::MemorySource source(bytes);
    std::size_t cells = 0;
    try
    {
        imports::ReadCsv(source, static_cast<std::int64_t>(bytes.size()), options,
                         [&](const RowView& row)
                         {
                             for (const CellView& c : row.cells)
                             {
                                 cells += c.text.size(); // touch every byte handed out
                             }
                             return (data[0] & 4) == 0 || row.number < 3;
                         });
    }
    catch (const ImportError&)
    {
    }
    return cells == static_cast<std::size_t>(-1) ? 1 : 0;
}
