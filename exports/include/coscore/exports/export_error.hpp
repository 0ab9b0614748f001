// SPDX-License-Identifier: MIT
// The exports library's error family (STYLE.md §5): a file could not be written.
#pragma once

#include <coscore/scoring/error.hpp>

#include <string>

namespace coscore::exports
{

/// An export could not be written. `what()` names the file and says what to do; no file is left
/// under the target name.
class ExportError : public coscore::Error
{
public:
    /// `library_code` keeps libxlsxwriter's `lxw_error` value; 0 when the failure came from
    /// elsewhere (the file system, a CSV write).
    explicit ExportError(const std::string& message, int library_code = 0)
        : coscore::Error(message), m_library_code(library_code)
    {
    }

    /// The `lxw_error` value behind this failure, or 0.
    int LibraryCode() const noexcept { return m_library_code; }

private:
    int m_library_code = 0;
};

} // namespace coscore::exports
