// SPDX-License-Identifier: MIT
// Reading a large table on a second thread while the caller checks the rows already read.
//
// An import spends about half of its planning time taking the file apart (decoding, splitting
// CSV records, inflating and parsing XLSX) and half checking each row; on two cores the two can
// overlap. The reader runs as it always does, on its own thread, into batches of copied rows;
// the caller's sink sees the same rows in the same order, on the calling thread, with the same
// outcome as reading in line: a sink that returns false stops the reader, and an error the
// reader throws reaches the caller after every row read before it.
#pragma once

#include <coscore/core/import_reader.hpp>

#include <functional>

namespace coscore::core::imports
{

/// Runs `read(sink)` with the reading on a second thread. `read` must call its sink only from
/// the thread it runs on, and must not keep a row after the call (RowView's contract).
FileInfo ReadAhead(const std::function<FileInfo(const RowSink&)>& read, const RowSink& sink);

} // namespace coscore::core::imports
