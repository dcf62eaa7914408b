// The background thread autocode::run matches documents on: tasks run in
// the order given, results and exceptions come back through the futures,
// and destruction finishes what is queued.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "autocode/worker.hpp"

using qcode::autocode::Worker;

BOOST_AUTO_TEST_SUITE(autocode_worker)

BOOST_AUTO_TEST_CASE(runs_tasks_in_order_on_another_thread) {
    std::vector<int> order;  // written by the worker only
    std::vector<std::future<int>> results;
    std::thread::id worker_id;
    {
        Worker<int> worker;
        for (int i = 0; i < 50; ++i)
            results.push_back(worker.submit([&order, &worker_id, i] {
                if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the rest queue up
                worker_id = std::this_thread::get_id();
                order.push_back(i);
                return i * i;
            }));
        for (int i = 0; i < 50; ++i) BOOST_TEST(results[static_cast<std::size_t>(i)].get() == i * i);
    }
    BOOST_TEST(order.size() == 50u);
    for (int i = 0; i < 50; ++i) BOOST_TEST(order[static_cast<std::size_t>(i)] == i);
    BOOST_TEST((worker_id != std::this_thread::get_id()));
}

BOOST_AUTO_TEST_CASE(an_exception_reaches_the_caller_and_later_tasks_still_run) {
    Worker<int> worker;
    auto failing = worker.submit([]() -> int { throw std::runtime_error("regex took too long"); });
    auto after = worker.submit([] { return 7; });
    BOOST_CHECK_THROW(failing.get(), std::runtime_error);
    BOOST_TEST(after.get() == 7);
}

BOOST_AUTO_TEST_CASE(destruction_waits_for_queued_tasks) {
    std::atomic<int> done = 0;
    {
        Worker<int> worker;
        for (int i = 0; i < 5; ++i)
            (void)worker.submit([&done] {
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                return ++done;
            });
    }  // futures dropped unread: the tasks still ran before the thread ended
    BOOST_TEST(done.load() == 5);
}

BOOST_AUTO_TEST_CASE(move_only_tasks) {
    Worker<int> worker;
    auto owned = std::make_unique<int>(41);
    BOOST_TEST(worker.submit([p = std::move(owned)] { return *p + 1; }).get() == 42);
}

BOOST_AUTO_TEST_SUITE_END()
