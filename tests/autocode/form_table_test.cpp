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
        t.insert(key, FormTable::key_of(key), FormTable::Value{i, i % 3});
    }
    BOOST_TEST(t.size() == expected.size());
    for (const auto& [key, i] : expected) {
        const auto* v = t.find(key, FormTable::key_of(key));
        BOOST_TEST_REQUIRE(v != nullptr, key);
        BOOST_TEST(v->offset == i);
        BOOST_TEST(v->count == i % 3);
    }
    BOOST_TEST(t.find("nicht drin", FormTable::key_of("nicht drin")) == nullptr);
    BOOST_TEST(t.find("wort", FormTable::key_of("wort")) == nullptr);  // a prefix of keys
}

BOOST_AUTO_TEST_CASE(hash_depends_on_every_byte_and_the_length) {
    // Every length around the 4-, 8- and 16-byte reads: each byte changes the hash.
    for (std::size_t n = 1; n <= 40; ++n) {
        const std::string word(n, 'e');
        for (std::size_t i = 0; i < n; ++i) {
            std::string other = word;
            other[i] = 'f';
            BOOST_TEST(FormTable::key_of(other).hash != FormTable::key_of(word).hash, n << " " << i);
        }
    }
    const std::string base = "aufenthaltsschnittstelle";
    for (std::size_t i = 0; i < base.size(); ++i) {
        std::string other = base;
        other[i] ^= 1;
        BOOST_TEST(FormTable::key_of(other).hash != FormTable::key_of(base).hash, i);
    }
    BOOST_TEST(FormTable::key_of(std::string("ab\0", 3)).hash != FormTable::key_of("ab").hash);
    BOOST_TEST(FormTable::key_of("").hash != 0u);
}

BOOST_AUTO_TEST_CASE(keys_differing_in_one_byte_stay_apart_at_every_length) {
    // Keys of up to 16 bytes are compared by the two integers of key_of
    // alone: each byte must be in them.
    FormTable t;
    std::uint32_t next = 0;
    std::unordered_map<std::string, std::uint32_t> expected;
    for (std::size_t n = 0; n <= 24; ++n) {
        const std::string word(n, 'e');
        for (std::size_t i = 0; i <= n; ++i) {
            std::string key = word;
            if (i < n) key[i] = 'f';
            if (expected.contains(key)) continue;
            expected[key] = next;
            t.insert(key, FormTable::key_of(key), {next++, 0});
        }
    }
    for (const auto& [key, value] : expected) {
        const auto* v = t.find(key, FormTable::key_of(key));
        BOOST_TEST_REQUIRE(v != nullptr, key);
        BOOST_TEST(v->offset == value, key);
    }
}

BOOST_AUTO_TEST_CASE(clear_empties_the_table) {
    FormTable t;
    t.insert("amt", FormTable::key_of("amt"), {1, 2});
    t.clear();
    BOOST_TEST(t.size() == 0u);
    BOOST_TEST(t.find("amt", FormTable::key_of("amt")) == nullptr);
    t.insert("amt", FormTable::key_of("amt"), {3, 4});
    BOOST_TEST(t.find("amt", FormTable::key_of("amt"))->offset == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
