#pragma once
// The bench tools' command lines: `--name value` options read one by one,
// every mistake answered by the same usage message and exit status 2.
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

namespace qbench {

class Args {
public:
    Args(int argc, char** argv, std::string tool, std::string synopsis)
        : argc_(argc), argv_(argv), tool_(std::move(tool)), synopsis_(std::move(synopsis)) {}

    // Moves to the next option; false after the last. -h/--help prints usage.
    bool next() {
        if (++i_ >= argc_) return false;
        name_ = argv_[i_];
        if (name_ == "-h" || name_ == "--help") usage("help");
        return true;
    }
    const std::string& name() const { return name_; }

    // The current option's value.
    std::string value() {
        if (i_ + 1 >= argc_) usage(name_ + " needs a value");
        return argv_[++i_];
    }

    // `text` (by default the option's value) as a whole number.
    std::uint64_t number(const std::string& text) const {
        std::uint64_t v = 0;
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || p != text.data() + text.size()) usage("bad number for " + name_ + ": " + text);
        return v;
    }
    std::uint64_t number() { return number(value()); }

    [[noreturn]] void usage(const std::string& msg) const {
        std::cerr << tool_ << ": " << msg << "\nusage: " << tool_ << " " << synopsis_ << "\n";
        std::exit(2);
    }

private:
    int argc_;
    char** argv_;
    int i_ = 0;
    std::string name_;
    std::string tool_, synopsis_;
};

}  // namespace qbench
