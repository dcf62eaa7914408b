#pragma once
// One background thread that runs tasks in the order given. autocode::run
// uses it to match one document while the calling thread reads the next
// from the project and stores the last one's codings: the project file is
// used by the calling thread only (a Store is one thread's), the matcher
// is shared read-only.
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <utility>

namespace qcode::autocode {

template <typename Result>
class Worker {
public:
    Worker() : thread_([this] { loop(); }) {}
    // Runs what is queued, then stops: the tasks' captures may refer to the
    // caller's locals, so they must not outlive the scope that made them.
    ~Worker() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_one();
        thread_.join();
    }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Queues `task` (callable, may be move-only); its result or exception
    // arrives through the future.
    template <typename F>
    std::future<Result> submit(F&& task) {
        std::packaged_task<Result()> job(std::forward<F>(task));
        auto result = job.get_future();
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(std::move(job));
        }
        wake_.notify_one();
        return result;
    }

private:
    void loop() {
        for (;;) {
            std::packaged_task<Result()> job;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
                if (queue_.empty()) return;  // stopped, nothing left
                job = std::move(queue_.front());
                queue_.pop_front();
            }
            job();  // an exception goes to the job's future
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::packaged_task<Result()>> queue_;
    bool stop_ = false;
    std::thread thread_;  // last: starts once the members above exist
};

}  // namespace qcode::autocode
