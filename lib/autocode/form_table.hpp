#pragma once
// A hash map from a token's folded form to a small value, made for the
// matcher's hot loop: open addressing over one flat array of slots, keys
// kept back to back in one buffer, a hash that reads eight bytes at a time.
// std::unordered_map spent most of a lookup on three dependent cache misses
// (bucket, node, heap key); here a lookup is one slot and one key compare.
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

    static std::uint64_t hash(std::string_view key) noexcept;

    // The value stored for `key` (whose hash() is `h`), or nullptr.
    const Value* find(std::string_view key, std::uint64_t h) const noexcept {
        if (slots_.empty()) return nullptr;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.hash == 0) return nullptr;
            if (s.hash == h && s.key_length == key.size() && same_key(s, key)) return &s.value;
        }
    }

    // Stores `value` for `key`, which must not be in the table yet.
    void insert(std::string_view key, std::uint64_t h, Value value);

    std::size_t size() const { return size_; }
    void clear();

private:
    // Keys of up to kInline bytes live in the slot (most words: no second
    // cache miss to compare them), longer ones in keys_.
    static constexpr std::size_t kInline = 16;
    struct Slot {
        std::uint64_t hash = 0;  // 0: empty (hash() never returns 0)
        std::uint32_t key_offset = 0, key_length = 0;
        Value value;
        char head[kInline] = {};
    };
    bool same_key(const Slot& s, std::string_view key) const noexcept {
        const char* stored = key.size() <= kInline ? s.head : keys_.data() + s.key_offset;
        return std::string_view(stored, key.size()) == key;
    }
    void grow();

    std::vector<Slot> slots_;  // a power of two in size, at most half full
    std::string keys_;
    std::size_t size_ = 0;
};

}  // namespace qcode::autocode
