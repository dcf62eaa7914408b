// The matcher's memo table: what goes in comes out, under growth, with
// keys of every length (the hash reads eight bytes at a time) and after
// clear().
#include <boost/test/unit_test.hpp>

#include <string>
#include <unordered_map>

#include "autocode/form_table.hpp"

using qcode::autocode::FormTable;

BOOST_AUTO_TEST_SUITE(form_table)

BOOST_AUTO_TEST_CASE(finds_what_was_inserted_and_nothing_else) {
    FormTable t;
    std::unordered_map<std::string, std::uint32_t> expected;
    for (std::uint32_t i = 0; i < 20000; ++i) {  // grows from 4,096 slots several times
        std::string key = "wort" + std::to_string(i * 7919u) + std::string(i % 23, 'x');
        if (i % 5 == 0) key = std::string(i % 17, 'a');  // 0–16 bytes, some equal to earlier ones
        if (expected.contains(key)) continue;
        expected[key] = i;
        t.insert(key, FormTable::hash(key), FormTable::Value{i, i % 3});
    }
    BOOST_TEST(t.size() == expected.size());
    for (const auto& [key, i] : expected) {
        const auto* v = t.find(key, FormTable::hash(key));
        BOOST_TEST_REQUIRE(v != nullptr, key);
        BOOST_TEST(v->offset == i);
        BOOST_TEST(v->count == i % 3);
    }
    BOOST_TEST(t.find("nicht drin", FormTable::hash("nicht drin")) == nullptr);
    BOOST_TEST(t.find("wort", FormTable::hash("wort")) == nullptr);  // a prefix of keys
}

BOOST_AUTO_TEST_CASE(hash_depends_on_every_byte_and_the_length) {
    const std::string base = "aufenthaltsschnittstelle";
    for (std::size_t i = 0; i < base.size(); ++i) {
        std::string other = base;
        other[i] ^= 1;
        BOOST_TEST(FormTable::hash(other) != FormTable::hash(base), i);
    }
    BOOST_TEST(FormTable::hash(std::string("ab\0", 3)) != FormTable::hash("ab"));
    BOOST_TEST(FormTable::hash("") != 0u);
}

BOOST_AUTO_TEST_CASE(clear_empties_the_table) {
    FormTable t;
    t.insert("amt", FormTable::hash("amt"), {1, 2});
    t.clear();
    BOOST_TEST(t.size() == 0u);
    BOOST_TEST(t.find("amt", FormTable::hash("amt")) == nullptr);
    t.insert("amt", FormTable::hash("amt"), {3, 4});
    BOOST_TEST(t.find("amt", FormTable::hash("amt"))->offset == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
