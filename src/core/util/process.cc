#include "util/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "util/error.h"
#include "util/file.h"

namespace tema {

namespace {

// A file in the temp folder, removed on destruction: the program's stdin,
// stdout and stderr go through files, so no pipe can fill up or break.
class TempFile {
public:
    TempFile() {
        const std::string pattern =
            (std::filesystem::temp_directory_path() / "tema-process-XXXXXX").string();
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        fd_ = ::mkstemp(name.data());
        if (fd_ < 0) {
            throw Error("temporary file", std::string("cannot create: ") + std::strerror(errno));
        }
        path_ = name.data();
    }
    ~TempFile() {
        ::close(fd_);
        ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::string& path() const { return path_; }
    void write_all(std::string_view bytes) const {
        while (!bytes.empty()) {
            const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
            if (written < 0 && errno == EINTR) {
                continue;
            }
            if (written <= 0) {
                throw Error(path_, std::string("cannot write: ") + std::strerror(errno));
            }
            bytes.remove_prefix(static_cast<std::size_t>(written));
        }
    }

private:
    int fd_ = -1;
    std::string path_;
};

std::vector<char*> pointers_to(std::vector<std::string>& arguments) {
    std::vector<char*> pointers;
    pointers.reserve(arguments.size() + 1);
    for (std::string& argument : arguments) {
        pointers.push_back(argument.data());
    }
    pointers.push_back(nullptr);
    return pointers;
}

// Both ends of a pipe, closed on destruction; neither is inherited by other
// programs started meanwhile (by other threads), so EOF comes when it should.
class Pipe {
public:
    Pipe() {
        if (::pipe2(fds_, O_CLOEXEC) != 0) {
            throw Error("pipe", std::string("cannot create: ") + std::strerror(errno));
        }
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;

    int read_end() const { return fds_[0]; }
    int write_end() const { return fds_[1]; }
    void close_read() { close_fd(fds_[0]); }
    void close_write() { close_fd(fds_[1]); }

private:
    static void close_fd(int& fd) {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
    int fds_[2] = {-1, -1};
};

}  // namespace

WatchedResult run_program_watched(const std::string& path, const std::vector<std::string>& argv,
                                  std::string_view input, const Watch& watch) {
    TempFile in;
    TempFile err;
    in.write_all(input);
    Pipe out;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.path().c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write_end(), 1);
    posix_spawn_file_actions_addopen(&actions, 2, err.path().c_str(), O_WRONLY | O_TRUNC, 0);
    std::vector<std::string> arguments = argv;
    std::vector<char*> pointers = pointers_to(arguments);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, path.c_str(), &actions, nullptr, pointers.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw Error(path, std::string("cannot start: ") + std::strerror(rc));
    }
    out.close_write();

    using Clock = std::chrono::steady_clock;
    const Clock::time_point started = Clock::now();
    Clock::time_point heard = started;
    WatchedResult result;
    char buffer[65536];
    for (;;) {
        const Clock::time_point now = Clock::now();
        const auto left = std::min(watch.quiet - (now - heard), watch.total - (now - started));
        if (left <= Clock::duration::zero()) {
            ::kill(pid, SIGKILL);
            result.stopped = true;
            break;
        }
        pollfd ready{out.read_end(), POLLIN, 0};
        const int polled = ::poll(
            &ready, 1,
            static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count()));
        if (polled < 0 && errno != EINTR) {
            ::kill(pid, SIGKILL);
            result.stopped = true;
            break;
        }
        if (polled <= 0) {
            continue;  // the time left is checked above
        }
        const ssize_t got = ::read(out.read_end(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            break;  // EOF: it has finished writing
        }
        result.out.append(buffer, static_cast<std::size_t>(got));
        heard = Clock::now();
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            throw Error(path, std::string("lost track of it: ") + std::strerror(errno));
        }
    }
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_file(err.path());
    return result;
}

ProcessResult run_program(const std::vector<std::string>& argv, std::string_view input) {
    if (argv.empty()) {
        throw Error("program", "nothing to run");
    }
    const std::string& program = argv.front();
    TempFile in;
    TempFile out;
    TempFile err;
    in.write_all(input);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.path().c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.path().c_str(), O_WRONLY | O_TRUNC, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err.path().c_str(), O_WRONLY | O_TRUNC, 0);
    std::vector<std::string> arguments = argv;
    std::vector<char*> pointers = pointers_to(arguments);
    pid_t pid = 0;
    const int rc =
        ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, pointers.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc == ENOENT) {
        throw Error(program, "not installed (the program was not found on PATH)");
    }
    if (rc != 0) {
        throw Error(program, std::string("cannot start: ") + std::strerror(rc));
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            throw Error(program, std::string("lost track of it: ") + std::strerror(errno));
        }
    }
    ProcessResult result;
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(out.path());
    result.err = read_file(err.path());
    return result;
}

}  // namespace tema
