// Nestable transactions: the outermost is BEGIN IMMEDIATE … COMMIT, inner
// ones are savepoints; a failed command leaves the file as it was
// (DESIGN §2, §5).
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace qcode;
using qcode::store::Store;
using qcode::store_test::sample_document;
using qcode::testing::read_file;
using qcode::testing::TempDir;

namespace {

struct Project {
    TempDir dir;
    std::string path = (dir.path() / "p.qcode").string();
    Store store = Store::create(path);
    Id doc = store.add_document(sample_document());

    std::vector<std::string> attribute_names() {
        std::vector<std::string> out;
        for (const auto& a : store.attributes()) out.push_back(a.name);
        return out;
    }
    bool autocommit() { return sqlite3_get_autocommit(store.database().getHandle()) != 0; }
};

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(store_transactions)

BOOST_AUTO_TEST_CASE(commit_keeps_the_work) {
    Project p;
    {
        auto tx = p.store.transaction();
        p.store.set_attribute(p.doc, "a", "1");
        tx->commit();
    }
    BOOST_TEST(p.autocommit());
    BOOST_TEST(p.attribute_names() == (Strings{"a"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(destroyed_without_commit_rolls_back) {
    Project p;
    {
        auto tx = p.store.transaction();
        p.store.set_attribute(p.doc, "a", "1");
        BOOST_TEST(!p.autocommit());
    }
    BOOST_TEST(p.autocommit());
    BOOST_TEST(p.attribute_names().empty());
}

BOOST_AUTO_TEST_CASE(inner_rollback_keeps_outer_work) {
    Project p;
    {
        auto outer = p.store.transaction();
        p.store.set_attribute(p.doc, "outer", "1");
        {
            auto inner = p.store.transaction();
            p.store.set_attribute(p.doc, "inner", "1");
            // no commit: the savepoint rolls back
        }
        BOOST_TEST(!p.autocommit());  // still inside the outer transaction
        p.store.set_attribute(p.doc, "after", "1");
        outer->commit();
    }
    BOOST_TEST(p.attribute_names() == (Strings{"after", "outer"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(outer_rollback_undoes_committed_inner_work) {
    Project p;
    {
        auto outer = p.store.transaction();
        p.store.set_attribute(p.doc, "outer", "1");
        {
            auto inner = p.store.transaction();
            p.store.set_attribute(p.doc, "inner", "1");
            inner->commit();
        }
        // outer destroyed without commit
    }
    BOOST_TEST(p.autocommit());
    BOOST_TEST(p.attribute_names().empty());
}

BOOST_AUTO_TEST_CASE(inner_and_outer_commit) {
    Project p;
    {
        auto outer = p.store.transaction();
        {
            auto inner = p.store.transaction();
            p.store.set_attribute(p.doc, "inner", "1");
            {
                auto innermost = p.store.transaction();
                p.store.set_attribute(p.doc, "innermost", "1");
                innermost->commit();
            }
            inner->commit();
        }
        outer->commit();
    }
    BOOST_TEST(p.attribute_names() == (Strings{"inner", "innermost"}), boost::test_tools::per_element());
    // And it is on disk: a second connection sees it.
    auto again = Store::open(p.path);
    BOOST_TEST(again.attributes().size() == 2u);
}

BOOST_AUTO_TEST_CASE(two_inner_transactions_in_sequence) {
    Project p;
    {
        auto outer = p.store.transaction();
        {
            auto first = p.store.transaction();
            p.store.set_attribute(p.doc, "first", "1");
        }  // rolled back
        {
            auto second = p.store.transaction();
            p.store.set_attribute(p.doc, "second", "1");
            second->commit();
        }
        outer->commit();
    }
    BOOST_TEST(p.attribute_names() == (Strings{"second"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_new_transaction_after_rollback_works) {
    Project p;
    { auto tx = p.store.transaction(); p.store.set_attribute(p.doc, "x", "1"); }
    {
        auto tx = p.store.transaction();
        p.store.set_attribute(p.doc, "y", "1");
        tx->commit();
    }
    BOOST_TEST(p.attribute_names() == (Strings{"y"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(failed_write_leaves_the_file_byte_for_byte_unchanged) {
    TempDir dir;
    const auto path = (dir.path() / "p.qcode").string();
    {
        auto s = Store::create(path);
        const Id d = s.add_document(sample_document("first"));
        s.set_attribute(d, "kommune", "Nordheim");
    }
    const auto before = read_file(path);
    BOOST_TEST(!std::filesystem::exists(path + "-wal"));
    {
        auto s = Store::open(path);
        try {
            auto tx = s.transaction();
            const Id d = s.add_document(sample_document("second"));
            s.set_attribute(d, "kommune", "S\xC3\xBC" "dtal");
            s.upsert_code(store_test::code("neu"));
            auto bad = sample_document("third");
            bad.units.push_back(Unit{UnitKind::turn, 9, Span{0, 1}, "Unbekannt", std::nullopt, std::nullopt});
            s.add_document(bad);  // throws: unknown speaker
            tx->commit();
            BOOST_FAIL("the bad document must throw");
        } catch (const Error&) {
        }
        BOOST_TEST(s.documents().size() == 1u);
    }
    BOOST_TEST(read_file(path) == before);
    auto s = Store::open(path);
    BOOST_TEST(s.documents().size() == 1u);
    BOOST_TEST(s.codes().empty());
    BOOST_TEST(s.attributes().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
