#include "progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <filesystem>

namespace qcode::cli {

ProgressBar::ProgressBar(std::string what) : what_(std::move(what)), enabled_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
    if (drawn_) fmt::print(stderr, "\r\033[K");
}

void ProgressBar::update(std::size_t done, std::size_t total, const std::string& item) {
    if (!enabled_ || total < 2) return;  // a single file needs no bar
    constexpr int width = 30;
    const int filled = total ? static_cast<int>(width * done / total) : width;
    const auto name = std::filesystem::path(item).filename().string();
    fmt::print(stderr, "\r\033[K{} [{}{}] {}/{} {}", what_, std::string(filled, '#'), std::string(width - filled, '.'),
               done, total, name.substr(0, 40));
    std::fflush(stderr);
    drawn_ = true;
}

}  // namespace qcode::cli
