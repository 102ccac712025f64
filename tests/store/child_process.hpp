// A child process whose stdout the test reads line by line, and can kill at any moment: the
// crash and concurrency tests run the answer harness this way.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace citecard::test {

class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out_ = fds[0];
  }
  ~ChildProcess() {
    if (pid_ > 0) kill();
    if (out_ >= 0) ::close(out_);
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next line of output, or nullopt at end of output or when `timeout` passes first.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto eol = buffer_.find('\n');
      if (eol != std::string::npos) {
        std::string line = buffer_.substr(0, eol);
        buffer_.erase(0, eol + 1);
        return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      if (!fill()) return std::nullopt;
    }
  }

  // Reads what output is there (waiting up to `timeout` for some) into the buffer, so a child
  // never blocks on a full pipe; false once the output has ended.
  bool pump(std::chrono::milliseconds timeout) {
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return true;
    return fill();
  }

  // SIGKILL, as a crash or a power cut looks to the process: no handler, no flush, no cleanup.
  void kill() {
    ::kill(pid_, SIGKILL);
    wait();
  }

  // Waits for the process to end; its exit status, or -signal when a signal ended it.
  int wait() {
    if (pid_ <= 0) return status_;
    int raw = 0;
    ::waitpid(pid_, &raw, 0);
    pid_ = -1;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -WTERMSIG(raw);
    return status_;
  }

  // Every line still unread once the process has ended (the pipe keeps what it was given).
  std::vector<std::string> remaining_lines() {
    wait();
    while (fill()) {
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto eol = buffer_.find('\n'); eol != std::string::npos; eol = buffer_.find('\n', start)) {
      lines.push_back(buffer_.substr(start, eol - start));
      start = eol + 1;
    }
    buffer_.erase(0, start);  // a line cut off by the kill is no acknowledgement
    return lines;
  }

 private:
  bool fill() {
    char chunk[65536];
    const ssize_t n = ::read(out_, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  int status_ = 0;
  std::string buffer_;
};

}  // namespace citecard::test
