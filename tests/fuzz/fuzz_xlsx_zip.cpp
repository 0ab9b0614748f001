// SPDX-License-Identifier: MIT
// libFuzzer: the zip layer (directory checks, counted inflation) and the whole workbook reader
// over any bytes.
#include "zip_archive.hpp"

#include <coscore/core/import_reader.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace coscore::core;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ImportLimits limits;
    limits.max_part_bytes = 4 << 20; // keep each run fast; the limits are tested elsewhere
    limits.max_inflated_bytes = 8 << 20;
    try
    {
        imports::ZipArchive zip(bytes, limits);
        for (const char* part : {"xl/workbook.xml", "[Content_Types].xml", "_rels/.rels"})
        {
            if (zip.Has(part))
            {
                zip.Read(part, [](std::string_view) { return true; });
            }
        }
    }
    catch (const ImportError&)
    {
    }
    ReadOptions options;
    options.limits = limits;
    try
    {
        ReadTableBytes("fuzz.xlsx", bytes, options, [](const RowView&) { return true; });
    }
    catch (const ImportError&)
    {
    }
    return 0;
}
