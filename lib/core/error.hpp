#pragma once
// One error type for everything a user can get wrong. It carries where the
// problem is (file, line) so that the CLI can print "file:line: what, and
// what to do" without knowing which module raised it.
#include <stdexcept>
#include <string>

namespace qcode {

class Error : public std::runtime_error {
public:
    explicit Error(std::string message, std::string file = {}, int line = 0)
        : std::runtime_error(format(message, file, line)),
          message_(std::move(message)), file_(std::move(file)), line_(line) {}

    const std::string& message() const noexcept { return message_; }
    const std::string& file() const noexcept { return file_; }
    int line() const noexcept { return line_; }

private:
    static std::string format(const std::string& message, const std::string& file, int line) {
        if (file.empty()) return message;
        if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
        return file + ": " + message;
    }
    std::string message_;
    std::string file_;
    int line_;
};

}  // namespace qcode
