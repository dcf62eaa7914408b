#include "autocode/literal_automaton.hpp"

#include <algorithm>
#include <cassert>
#include <deque>
#include <stdexcept>

namespace qcode::autocode {

void LiteralAutomaton::add(std::string_view literal, std::uint32_t id) {
    if (built_) throw std::logic_error("LiteralAutomaton::add after build");
    if (literal.empty()) return;
    std::uint32_t state = 0;
    for (const char ch : literal) {
        const auto byte = static_cast<unsigned char>(ch);
        auto& e = edges_[state];
        auto it = std::find_if(e.begin(), e.end(), [&](const auto& p) { return p.first == byte; });
        if (it != e.end()) {
            state = it->second;
            continue;
        }
        const auto fresh = static_cast<std::uint32_t>(edges_.size());
        e.emplace_back(byte, fresh);  // `e` is used before edges_ grows
        edges_.emplace_back();
        own_.emplace_back();
        state = fresh;
    }
    own_[state].push_back(Output{id, static_cast<std::uint32_t>(literal.size())});
    ++literal_count_;
}

void LiteralAutomaton::build() {
    if (built_) return;
    built_ = true;
    // Byte classes: one per byte that occurs in some literal.
    for (const auto& e : edges_)
        for (const auto& [byte, to] : e)
            if (!byte_class_[byte]) byte_class_[byte] = static_cast<std::uint8_t>(classes_++);

    const auto states = edges_.size();
    next_.assign(states * classes_, 0);
    std::vector<std::uint32_t> fail(states, 0);
    std::vector<std::uint32_t> order;  // breadth first: a state's fail state comes before it
    order.reserve(states);

    std::deque<std::uint32_t> queue;
    for (const auto& [byte, to] : edges_[0]) {
        next_[byte_class_[byte]] = to;
        queue.push_back(to);
    }
    while (!queue.empty()) {
        const auto s = queue.front();
        queue.pop_front();
        order.push_back(s);
        // Missing edges go where the fail state goes (complete DFA).
        for (std::uint32_t c = 0; c < classes_; ++c) next_[s * classes_ + c] = next_[fail[s] * classes_ + c];
        for (const auto& [byte, to] : edges_[s]) {
            const auto c = byte_class_[byte];
            fail[to] = next_[fail[s] * classes_ + c];
            next_[s * classes_ + c] = to;
            queue.push_back(to);
        }
    }
    // Outputs: a state's own literals, then those of its fail chain.
    std::vector<std::vector<Output>> all(states);
    for (const auto s : order) {
        all[s] = own_[s];
        const auto& inherited = all[fail[s]];
        all[s].insert(all[s].end(), inherited.begin(), inherited.end());
    }
    output_begin_.assign(states + 1, 0);
    for (std::size_t s = 0; s < states; ++s) {
        output_begin_[s] = static_cast<std::uint32_t>(outputs_.size());
        outputs_.insert(outputs_.end(), all[s].begin(), all[s].end());
    }
    output_begin_[states] = static_cast<std::uint32_t>(outputs_.size());
    edges_.clear();
    edges_.shrink_to_fit();
    own_.clear();
    own_.shrink_to_fit();
}

void LiteralAutomaton::find(std::string_view word, std::vector<Match>& out) const {
    assert(built_ || literal_count_ == 0);
    if (literal_count_ == 0) return;
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        state = transition(state, static_cast<unsigned char>(word[i]));
        const auto end = static_cast<std::uint32_t>(i + 1);
        for (auto o = output_begin_[state]; o < output_begin_[state + 1]; ++o)
            out.push_back(Match{outputs_[o].id, end - outputs_[o].length, end});
    }
}

}  // namespace qcode::autocode
