// SPDX-License-Identifier: MIT
#include "xml_stream.hpp"

#include <expat.h>

#include <cstring>

namespace coscore::core::imports
{

namespace
{

/// Expat reports namespaced names as "uri|local"; CoScore matches on the local name.
std::string_view LocalName(const char* name)
{
    const char* bar = std::strrchr(name, '|');
    return bar == nullptr ? std::string_view(name) : std::string_view(bar + 1);
}

const char* const kResave = "Open the file in Excel or LibreOffice and save it again as an Excel "
                            "workbook (.xlsx), then import that copy.";

} // namespace

const char* Attribute(const char** attributes, std::string_view local_name)
{
    for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2)
    {
        if (LocalName(a[0]) == local_name)
        {
            return a[1];
        }
    }
    return nullptr;
}

struct XmlStream::Impl
{
    XML_Parser parser = nullptr;
    XmlHandler& handler;
    std::string part;
    const ImportLimits& limits;
    int depth = 0;
    bool stopped = false;
    // Exceptions never cross expat's C frames: they are parked here and rethrown after.
    std::exception_ptr failure;

    Impl(XmlHandler& h, std::string p, const ImportLimits& l)
        : handler(h), part(std::move(p)), limits(l)
    {
    }

    void Fail(std::exception_ptr e)
    {
        if (!failure)
        {
            failure = std::move(e);
        }
        XML_StopParser(parser, XML_FALSE);
    }

    void Fail(const char* code, const std::string& message)
    {
        Fail(std::make_exception_ptr(ImportError(code, message, kResave, 0, 0, part)));
    }

    template <typename F>
    void Guarded(F&& f)
    {
        if (failure || stopped)
        {
            return;
        }
        try
        {
            f();
        }
        catch (...)
        {
            Fail(std::current_exception());
        }
    }

    static void OnStart(void* data, const XML_Char* name, const XML_Char** attributes)
    {
        auto* self = static_cast<Impl*>(data);
        if (++self->depth > self->limits.max_xml_depth)
        {
            self->Fail("xlsx.too_deep", "The spreadsheet part \"" + self->part +
                                            "\" nests its XML deeper than any workbook does.");
            return;
        }
        self->Guarded([&] { self->handler.Start(LocalName(name), attributes); });
    }
    static void OnEnd(void* data, const XML_Char* name)
    {
        auto* self = static_cast<Impl*>(data);
        --self->depth;
        self->Guarded([&] { self->handler.End(LocalName(name)); });
    }
    static void OnText(void* data, const XML_Char* text, int length)
    {
        auto* self = static_cast<Impl*>(data);
        self->Guarded(
            [&] { self->handler.Text(std::string_view(text, static_cast<std::size_t>(length))); });
    }
    static void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int)
    {
        auto* self = static_cast<Impl*>(data);
        self->Fail("xlsx.doctype",
                   "The spreadsheet part \"" + self->part +
                       "\" contains a DOCTYPE declaration. Excel never writes one, and it is "
                       "refused because it can make a reader fetch files or expand text without "
                       "end (XXE, \"billion laughs\").");
    }
    static void OnEntity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                         const XML_Char*, const XML_Char*, const XML_Char*)
    {
        auto* self = static_cast<Impl*>(data);
        self->Fail("xlsx.doctype", "The spreadsheet part \"" + self->part +
                                       "\" declares an XML entity, which is refused.");
    }
    static int OnExternalEntity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                                const XML_Char*)
    {
        return XML_STATUS_ERROR; // never fetched
    }
};

XmlStream::XmlStream(XmlHandler& handler, std::string part, const ImportLimits& limits)
    : m_impl(std::make_unique<Impl>(handler, std::move(part), limits))
{
    m_impl->parser = XML_ParserCreateNS(nullptr, '|');
    if (m_impl->parser == nullptr)
    {
        throw std::bad_alloc();
    }
    XML_SetUserData(m_impl->parser, m_impl.get());
    XML_SetElementHandler(m_impl->parser, &Impl::OnStart, &Impl::OnEnd);
    XML_SetCharacterDataHandler(m_impl->parser, &Impl::OnText);
    XML_SetStartDoctypeDeclHandler(m_impl->parser, &Impl::OnDoctype);
    XML_SetEntityDeclHandler(m_impl->parser, &Impl::OnEntity);
    XML_SetExternalEntityRefHandler(m_impl->parser, &Impl::OnExternalEntity);
    XML_SetParamEntityParsing(m_impl->parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream()
{
    XML_ParserFree(m_impl->parser);
}

bool XmlStream::Feed(std::string_view chunk)
{
    if (m_impl->stopped)
    {
        return false;
    }
    const XML_Status status =
        XML_Parse(m_impl->parser, chunk.data(), static_cast<int>(chunk.size()), XML_FALSE);
    if (m_impl->failure)
    {
        std::rethrow_exception(m_impl->failure);
    }
    if (m_impl->stopped)
    {
        return false;
    }
    if (status != XML_STATUS_OK)
    {
        throw ImportError("xlsx.bad_xml",
                          "The spreadsheet part \"" + m_impl->part + "\" is not well-formed XML (" +
                              XML_ErrorString(XML_GetErrorCode(m_impl->parser)) + ", line " +
                              std::to_string(XML_GetCurrentLineNumber(m_impl->parser)) + ").",
                          kResave, 0, 0, m_impl->part);
    }
    return true;
}

void XmlStream::Finish()
{
    if (!m_impl->stopped)
    {
        const XML_Status status = XML_Parse(m_impl->parser, nullptr, 0, XML_TRUE);
        if (m_impl->failure)
        {
            std::rethrow_exception(m_impl->failure);
        }
        if (status != XML_STATUS_OK && !m_impl->stopped)
        {
            throw ImportError("xlsx.bad_xml",
                              "The spreadsheet part \"" + m_impl->part +
                                  "\" ends before its XML is complete (" +
                                  XML_ErrorString(XML_GetErrorCode(m_impl->parser)) + ").",
                              kResave, 0, 0, m_impl->part);
        }
    }
}

void XmlStream::Stop()
{
    m_impl->stopped = true;
    XML_StopParser(m_impl->parser, XML_FALSE);
}

} // namespace coscore::core::imports
