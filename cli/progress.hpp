#pragma once
// A one-line progress bar on stderr, drawn only when stderr is a terminal
// (so logs and pipes stay clean).
#include <cstddef>
#include <string>

namespace qcode::cli {

class ProgressBar {
public:
    explicit ProgressBar(std::string what);
    ~ProgressBar();  // clears the line
    void update(std::size_t done, std::size_t total, const std::string& item);
    bool enabled() const { return enabled_; }

private:
    std::string what_;
    bool enabled_;
    bool drawn_ = false;
};

}  // namespace qcode::cli
