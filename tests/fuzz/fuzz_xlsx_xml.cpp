// SPDX-License-Identifier: MIT
// libFuzzer: the workbook's XML (sheet, shared strings, styles, workbook, relationships) behind a
// well-formed zip, so that mutations reach expat and the cell mapper rather than the zip checks.
#include <coscore/core/import_reader.hpp>

#include <zlib.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace
{

void Put16(std::string& out, unsigned value)
{
    out += static_cast<char>(value & 0xFF);
    out += static_cast<char>((value >> 8) & 0xFF);
}

void Put32(std::string& out, unsigned long value)
{
    Put16(out, static_cast<unsigned>(value & 0xFFFF));
    Put16(out, static_cast<unsigned>((value >> 16) & 0xFFFF));
}

/// A zip of stored (uncompressed) parts.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts)
{
    std::string out;
    std::string directory;
    for (const auto& part : parts)
    {
        const std::string& name = part.first;
        const std::string& data = part.second;
        const unsigned long crc =
            crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
        const auto offset = static_cast<unsigned long>(out.size());
        const auto header = [&](std::string& to, bool central)
        {
            Put32(to, central ? 0x02014b50UL : 0x04034b50UL);
            if (central)
            {
                Put16(to, 20);
            }
            Put16(to, 20);
            Put16(to, 0);
            Put16(to, 0);
            Put32(to, 0);
            Put32(to, crc);
            Put32(to, data.size());
            Put32(to, data.size());
            Put16(to, static_cast<unsigned>(name.size()));
            Put16(to, 0);
            if (central)
            {
                Put16(to, 0);
                Put16(to, 0);
                Put16(to, 0);
                Put32(to, 0);
                Put32(to, offset);
            }
            to += name;
        };
        header(out, false);
        out += data;
        header(directory, true);
    }
    const auto directory_offset = static_cast<unsigned long>(out.size());
    out += directory;
    Put32(out, 0x06054b50UL);
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, static_cast<unsigned>(parts.size()));
    Put16(out, static_cast<unsigned>(parts.size()));
    Put32(out, directory.size());
    Put32(out, directory_offset);
    Put16(out, 0);
    return out;
}

const char* const kNs = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
const char* const kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace coscore::core;
    if (size == 0)
    {
        return 0;
    }
    const std::string fuzzed(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::array<std::string, 5> xml{
        std::string("<worksheet ") + kNs +
            "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\">"
            "<v>45000</v></c></row></sheetData></worksheet>",
        std::string("<sst ") + kNs + "><si><t>a</t></si></sst>",
        std::string("<styleSheet ") + kNs +
            "><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
        std::string("<workbook ") + kNs + " xmlns:r=\"" + kRel +
            "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    "relationships\"><Relationship Id=\"rId1\" Type=\"") +
            kRel +
            "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
            "Type=\"" +
            kRel +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" "
            "Type=\"" +
            kRel + "/styles\" Target=\"/xl/styles.xml\"/></Relationships>",
    };
    xml[data[0] % xml.size()] = fuzzed; // the first byte picks the part the input replaces
    const std::string workbook = Zip({
        {"_rels/.rels", std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                                    "package/2006/relationships\"><Relationship Id=\"rId1\" "
                                    "Type=\"") +
                            kRel +
                            "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", xml[3]},
        {"xl/_rels/workbook.xml.rels", xml[4]},
        {"xl/worksheets/sheet1.xml", xml[0]},
        {"xl/sharedStrings.xml", xml[1]},
        {"xl/styles.xml", xml[2]},
    });
    try
    {
        ReadTableBytes("fuzz.xlsx", workbook, {}, [](const RowView&) { return true; });
    }
    catch (const ImportError&)
    {
    }
    return 0;
}
