// SPDX-License-Identifier: MIT
#include "read_ahead.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace coscore::core::imports
{

namespace
{

// A batch is handed over when it holds this many rows or bytes of cell text; the reader stays
// at most this many batches ahead, so a hostile file cannot make the queue grow.
constexpr std::size_t kRowsPerBatch = 4096;
constexpr std::size_t kTextBytesPerBatch = std::size_t{1} << 20;
constexpr std::size_t kBatchesAhead = 4;

struct CopiedCell
{
    CellKind kind = CellKind::Empty;
    std::size_t offset = 0;
    std::size_t size = 0;
};

struct CopiedRow
{
    std::int64_t number = 0;
    std::size_t first_cell = 0;
    std::size_t cell_count = 0;
    std::int64_t rows_read = 0; ///< FileInfo::rows_read when the reader passed the row on
};

/// Rows copied out of the reader's buffers (a RowView is valid only during its call).
struct Batch
{
    FileInfo info; ///< what the reader knew of the file at the batch's first row
    std::string text;
    std::vector<CopiedCell> cells;
    std::vector<CopiedRow> rows;

    void Add(const RowView& row)
    {
        if (rows.empty() && row.file != nullptr)
        {
            info = *row.file;
        }
        rows.push_back({row.number, cells.size(), row.cells.size(),
                        row.file != nullptr ? row.file->rows_read : 0});
        for (const CellView& cell : row.cells)
        {
            cells.push_back({cell.kind, text.size(), cell.text.size()});
            text.append(cell.text);
        }
    }

    bool Full() const { return rows.size() >= kRowsPerBatch || text.size() >= kTextBytesPerBatch; }
};

/// The hand-over between the reading thread and the checking one.
class BatchQueue
{
public:
    /// Reader: false once the caller has stopped reading.
    bool Push(Batch&& batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_stopped || m_batches.size() < kBatchesAhead; });
        if (m_stopped)
        {
            return false;
        }
        m_batches.push_back(std::move(batch));
        m_ready.notify_one();
        return true;
    }

    /// Reader: no more batches; `error` is what stopped it, if anything did.
    void Finish(std::exception_ptr error)
    {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_error = std::move(error);
        m_ready.notify_one();
    }

    /// Caller: the next batch, or nothing once the reader has finished and all are taken.
    std::optional<Batch> Pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_batches.empty() || m_finished; });
        if (m_batches.empty())
        {
            return std::nullopt;
        }
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_space.notify_one();
        return batch;
    }

    /// Caller: stop the reader (it sees false from its sink at the next full batch).
    void Stop()
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_space.notify_all();
    }

    std::exception_ptr Error()
    {
        const std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<Batch> m_batches;
    bool m_finished = false;
    bool m_stopped = false;
    std::exception_ptr m_error;
};

/// The reading thread's body: every row goes into batches; the rows of an unfinished batch
/// are handed over before the reader's error, as reading in line would have shown them.
FileInfo ReadIntoQueue(const std::function<FileInfo(const RowSink&)>& read, BatchQueue& queue)
{
    Batch batch;
    FileInfo info;
    try
    {
        info = read(
            [&](const RowView& row)
            {
                batch.Add(row);
                return !batch.Full() || queue.Push(std::exchange(batch, Batch{}));
            });
        if (!batch.rows.empty())
        {
            queue.Push(std::move(batch));
        }
        queue.Finish(nullptr);
    }
    catch (...)
    {
        if (!batch.rows.empty())
        {
            queue.Push(std::move(batch));
        }
        queue.Finish(std::current_exception());
    }
    return info;
}

/// Passes a batch's rows to `sink`; false as soon as the sink asks to stop.
bool Deliver(Batch& batch, const RowSink& sink, std::vector<CellView>& views)
{
    for (const CopiedRow& row : batch.rows)
    {
        views.clear();
        for (std::size_t c = row.first_cell; c < row.first_cell + row.cell_count; ++c)
        {
            const CopiedCell& cell = batch.cells[c];
            views.push_back(
                {cell.kind, std::string_view(batch.text).substr(cell.offset, cell.size)});
        }
        batch.info.rows_read = row.rows_read;
        if (!sink(RowView{row.number, views, &batch.info}))
        {
            return false;
        }
    }
    return true;
}

} // namespace

FileInfo ReadAhead(const std::function<FileInfo(const RowSink&)>& read, const RowSink& sink)
{
    BatchQueue queue;
    FileInfo result;
    std::thread reader([&] { result = ReadIntoQueue(read, queue); });
    std::vector<CellView> views;
    try
    {
        while (std::optional<Batch> batch = queue.Pop())
        {
            if (!Deliver(*batch, sink, views))
            {
                // What reading in line would have returned on stopping at this row.
                queue.Stop();
                reader.join();
                return batch->info;
            }
        }
    }
    catch (...)
    {
        queue.Stop();
        reader.join();
        throw;
    }
    reader.join();
    if (const std::exception_ptr error = queue.Error())
    {
        std::rethrow_exception(error);
    }
    return result;
}

} // namespace coscore::core::imports
