#include "autocode/form_table.hpp"

#include <cstring>
#include <stdexcept>

namespace qcode::autocode {

namespace {

std::uint64_t mix(std::uint64_t x) noexcept {
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ull;
    x ^= x >> 32;
    return x;
}

}  // namespace

std::uint64_t FormTable::hash(std::string_view key) noexcept {
    const char* p = key.data();
    std::size_t n = key.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ (static_cast<std::uint64_t>(n) * 0xbf58476d1ce4e5b9ull);
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = mix(h ^ w) * 0x94d049bb133111ebull;
        p += 8;
        n -= 8;
    }
    if (n) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = mix(h ^ w) * 0x94d049bb133111ebull;
    }
    h = mix(h);
    return h ? h : 1;
}

void FormTable::insert(std::string_view key, std::uint64_t h, Value value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    if (keys_.size() + key.size() > UINT32_MAX) throw std::length_error("FormTable: keys exceed 4 GB");
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    Slot& s = slots_[i];
    s = Slot{h, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), value, {}};
    if (key.size() <= kInline) key.copy(s.head, key.size());
    else keys_.append(key);
    ++size_;
}

void FormTable::grow() {
    std::vector<Slot> old(slots_.empty() ? 4096 : slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const auto& s : old) {
        if (s.hash == 0) continue;
        std::size_t i = s.hash & mask;
        while (slots_[i].hash != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

void FormTable::clear() {
    slots_.clear();
    keys_.clear();
    size_ = 0;
}

}  // namespace qcode::autocode
