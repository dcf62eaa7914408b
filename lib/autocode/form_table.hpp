#pragma once
// A hash map from a token's folded form to a small value, made for the
// matcher's hot loop: open addressing over one flat array of slots, keys
// longer than 16 bytes kept back to back in one buffer. std::unordered_map
// spent most of a lookup on three dependent cache misses (bucket, node,
// heap key); here a lookup is one slot, and a word of up to 16 bytes is
// compared as two integers.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qcode::autocode {

class FormTable {
public:
    struct Value {
        std::uint32_t offset = 0, count = 0;
    };
    // A key's hash and its first 16 bytes as two integers (for keys of up
    // to 16 bytes every byte is in them, so equal lengths and equal `a`,
    // `b` mean equal keys). Computed once per token, used for the lookup
    // and, on a miss, the insert.
    struct Key {
        std::uint64_t hash = 0;  // never 0
        std::uint64_t a = 0, b = 0;
    };
    static Key key_of(std::string_view key) noexcept;

    // The value stored for `key` (whose key_of() is `k`), or nullptr.
    const Value* find(std::string_view key, const Key& k) const noexcept {
        if (slots_.empty()) return nullptr;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = k.hash & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.hash == 0) return nullptr;
            if (s.hash == k.hash && s.a == k.a && s.b == k.b && s.key_length == key.size() &&
                (key.size() <= kInline || std::string_view(keys_.data() + s.key_offset, s.key_length) == key))
                return &s.value;
        }
    }

    // Stores `value` for `key`, which must not be in the table yet.
    void insert(std::string_view key, const Key& k, Value value);

    std::size_t size() const { return size_; }
    void clear();

private:
    static constexpr std::size_t kInline = 16;  // keys up to this long are only in the slot
    struct Slot {
        std::uint64_t hash = 0;  // 0: empty
        std::uint64_t a = 0, b = 0;
        std::uint32_t key_offset = 0, key_length = 0;
        Value value;
    };
    void grow();

    std::vector<Slot> slots_;  // a power of two in size, at most half full
    std::string keys_;
    std::size_t size_ = 0;
};

}  // namespace qcode::autocode
