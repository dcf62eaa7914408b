// The parts of a code's scope that need the whole codebook or text
// folding: speaker-label keys and the `within:` graph (declared in
// codebook.hpp; applied in lib/autocode/scope.cpp).
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"
#include "codebook/suggest.hpp"
#include "text/normalize.hpp"

namespace qcode::codebook {

std::string speaker_label_key(std::string_view label) {
    const auto folded = text::fold_case(text::nfc(label));
    std::string key;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const auto c = static_cast<unsigned char>(folded[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        // U+00A0 no-break space: transcripts from Word carry it inside "IP 2".
        if (c == 0xC2 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        key += folded[i];
    }
    return key;
}

namespace {

bool in_subtree(std::string_view path, std::string_view root) {
    return path == root || (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/');
}

// Depth-first search over "x is within a code whose subtree holds y"; a
// node met again while still on the stack closes a cycle.
class CycleFinder {
public:
    explicit CycleFinder(std::vector<const Code*> scoped) : scoped_(std::move(scoped)), state_(scoped_.size(), 0) {}

    std::optional<WithinProblem> find() {
        for (std::size_t i = 0; i < scoped_.size(); ++i)
            if (state_[i] == 0)
                if (auto p = visit(i)) return p;
        return std::nullopt;
    }

private:
    std::optional<WithinProblem> visit(std::size_t i) {
        state_[i] = 1;
        stack_.push_back(i);
        for (std::size_t j = 0; j < scoped_.size(); ++j) {
            if (!in_subtree(scoped_[j]->path, scoped_[i]->within)) continue;
            if (state_[j] == 1) {
                std::string chain;
                const auto from = std::find(stack_.begin(), stack_.end(), j);
                for (auto it = from; it != stack_.end(); ++it)
                    chain += (chain.empty() ? "" : ", ") + scoped_[*it]->path + " within " + scoped_[*it]->within;
                return WithinProblem{scoped_[i],
                                     "codes are within each other in a circle (" + chain +
                                         "), so none of them could be coded first; remove one of these within: keys"};
            }
            if (state_[j] == 0)
                if (auto p = visit(j)) return p;
        }
        stack_.pop_back();
        state_[i] = 2;
        return std::nullopt;
    }

    std::vector<const Code*> scoped_;
    std::vector<int> state_;  // 0 new, 1 on the stack, 2 done
    std::vector<std::size_t> stack_;
};

}  // namespace

std::optional<WithinProblem> check_within(const Codebook& cb) {
    std::vector<std::string> paths;
    std::vector<const Code*> scoped;
    for_each_code(cb.codes, [&](const Code& c) {
        paths.push_back(c.path);
        if (!c.within.empty()) scoped.push_back(&c);
    });
    for (const auto* c : scoped) {
        if (std::find(paths.begin(), paths.end(), c->within) == paths.end()) {
            std::vector<std::string_view> candidates(paths.begin(), paths.end());
            std::string msg = "code '" + c->path + "' is within '" + c->within + "', which is no code of this codebook";
            if (auto guess = closest(c->within, candidates)) msg += "; did you mean '" + *guess + "'?";
            else msg += "; write the code's path, as in within: huerden/technik";
            return WithinProblem{c, msg};
        }
        if (in_subtree(c->path, c->within))
            return WithinProblem{c, "code '" + c->path + "' cannot be within '" + c->within +
                                        "': that is the code itself or a parent, whose codings include the code's own; "
                                        "name another code"};
    }
    return CycleFinder(std::move(scoped)).find();
}

}  // namespace qcode::codebook
