// SPDX-License-Identifier: MIT
// Expat in streaming mode over hostile XML (RELIABILITY.md §3): any DOCTYPE stops the parse, so
// no entity is ever declared or expanded (XXE, billion laughs); depth is bounded. Element and
// attribute names arrive without their namespace. The only user of expat.
#pragma once

#include <coscore/core/import_reader.hpp>

#include <exception>
#include <memory>
#include <string>
#include <string_view>

namespace coscore::core::imports
{

class XmlHandler
{
public:
    virtual ~XmlHandler() = default;
    /// `attributes` alternate local name and value, ending with nullptr.
    virtual void Start(std::string_view name, const char** attributes) = 0;
    virtual void End(std::string_view name) = 0;
    virtual void Text(std::string_view text) = 0;
};

/// The value of the attribute with this local name, or nullptr.
const char* Attribute(const char** attributes, std::string_view local_name);

class XmlStream
{
public:
    /// `part` names the zip part in messages.
    XmlStream(XmlHandler& handler, std::string part, const ImportLimits& limits);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    /// Parses the next chunk. False once the handler asked to stop (see Stop()).
    bool Feed(std::string_view chunk);
    /// Checks that the document ended properly.
    void Finish();
    /// Called from a handler: stop after the current event, without an error.
    void Stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace coscore::core::imports
