#include "autocode/form_table.hpp"

#include <cstring>
#include <stdexcept>

namespace qcode::autocode {

namespace {

std::uint64_t read64(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

std::uint64_t read32(const char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

std::uint64_t mix(std::uint64_t x) noexcept {
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ull;
    x ^= x >> 32;
    return x;
}

}  // namespace

FormTable::Key FormTable::key_of(std::string_view key) noexcept {
    const char* p = key.data();
    const std::size_t n = key.size();
    Key k;
    // Reads that depend only on the length and together cover every byte
    // of a key of up to 16 bytes (overlapping where the length is odd), so
    // that no read goes past the key.
    if (n >= 8) {
        k.a = read64(p);
        k.b = read64(p + (n <= 16 ? n - 8 : 8));
    } else if (n >= 4) {
        k.a = read32(p) | (read32(p + n - 4) << 32);
    } else if (n > 0) {
        const auto u = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
        k.a = u(0) | (u(n / 2) << 8) | (u(n - 1) << 16);
    }
    std::uint64_t h = mix(k.a ^ (static_cast<std::uint64_t>(n) * 0x9e3779b97f4a7c15ull)) * 0x94d049bb133111ebull;
    h = mix(h ^ k.b) * 0xbf58476d1ce4e5b9ull;
    if (n > 16) {
        // The rest, eight bytes at a time, the last read overlapping.
        for (std::size_t i = 16; i < n; i += 8) h = mix(h ^ read64(p + (i + 8 <= n ? i : n - 8))) * 0x94d049bb133111ebull;
    }
    h = mix(h);
    k.hash = h ? h : 1;
    return k;
}

void FormTable::insert(std::string_view key, const Key& k, Value value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    if (keys_.size() + key.size() > UINT32_MAX) throw std::length_error("FormTable: keys exceed 4 GB");
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = k.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = Slot{k.hash, k.a, k.b, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), value};
    if (key.size() > kInline) keys_.append(key);
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
