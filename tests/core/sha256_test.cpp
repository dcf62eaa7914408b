// sha256_hex against the FIPS 180-2 / NIST example vectors, plus lengths
// at the padding boundaries (55/56/63/64/… bytes), checked against
// coreutils sha256sum.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/sha256.hpp"

using qcode::sha256_hex;

BOOST_AUTO_TEST_SUITE(sha256)

BOOST_AUTO_TEST_CASE(empty_string) {
    BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

BOOST_AUTO_TEST_CASE(abc) {
    BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(two_block_448_bit_message) {
    BOOST_TEST(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

BOOST_AUTO_TEST_CASE(long_896_bit_message) {
    BOOST_TEST(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
                          "lmnopqrsmnopqrstnopqrstu") ==
               "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

BOOST_AUTO_TEST_CASE(one_million_a) {
    BOOST_TEST(sha256_hex(std::string(1000000, 'a')) ==
               "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

BOOST_AUTO_TEST_CASE(padding_boundaries) {
    BOOST_TEST(sha256_hex(std::string(55, 'x')) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    BOOST_TEST(sha256_hex(std::string(56, 'x')) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    BOOST_TEST(sha256_hex(std::string(63, 'x')) == "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2");
    BOOST_TEST(sha256_hex(std::string(64, 'x')) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
    BOOST_TEST(sha256_hex(std::string(65, 'x')) == "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9");
    BOOST_TEST(sha256_hex(std::string(119, 'x')) == "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c");
    BOOST_TEST(sha256_hex(std::string(120, 'x')) == "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98");
}

BOOST_AUTO_TEST_CASE(hashes_bytes_not_code_points) {
    // UTF-8 bytes of "Straße über" (coreutils: printf 'Straße über' | sha256sum).
    BOOST_TEST(sha256_hex("Stra\xC3\x9F" "e \xC3\xBC" "ber") ==
               "c1f94d5bed9d290c8bda3b03c082b5adbdbe50c8a7e26b2182757415ac21b946");
}

BOOST_AUTO_TEST_CASE(lower_case_hex_of_64_digits) {
    const auto h = sha256_hex("qcode");
    BOOST_TEST(h.size() == 64u);
    BOOST_TEST(h.find_first_not_of("0123456789abcdef") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
