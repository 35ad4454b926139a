// Replays a fuzz target's corpus in the normal test suite, without libFuzzer:
// every file that once found a bug, or seeds the search, must still be read or
// refused cleanly. Usage: tema_fuzz_replay_TARGET CORPUS_DIR...
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(argv[i])) {
            if (entry.is_regular_file()) {
                files.push_back(entry.path());
            }
        }
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::ostringstream read;
            read << in.rdbuf();
            const std::string bytes = read.str();
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
            ++replayed;
        }
    }
    std::printf("replayed %zu inputs\n", replayed);
    return replayed > 0 ? 0 : 1;
}
