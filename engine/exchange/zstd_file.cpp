#include "exchange/zstd_file.hpp"

#include <fmt/format.h>
#include <zstd.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace citecard::exchange {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;
struct StreamFreer {
  void operator()(ZSTD_DStream* s) const { ZSTD_freeDStream(s); }
};

}  // namespace

Result<void> decompress_zstd_file(const std::filesystem::path& in, const std::filesystem::path& out,
                                  std::uint64_t max_bytes, const std::string& what) {
  auto invalid = [&](const std::string& why) {
    return make_error(fmt::format("{}: {}", what, why), ErrorCode::Invalid);
  };
  File source(std::fopen(in.c_str(), "rb"));
  File target(std::fopen(out.c_str(), "wb"));
  if (!source || !target)
    return make_error(fmt::format("{}: cannot open a temporary file", what), ErrorCode::Io);
  std::unique_ptr<ZSTD_DStream, StreamFreer> stream(ZSTD_createDStream());
  if (!stream) return make_error("out of memory", ErrorCode::Failed);
  ZSTD_initDStream(stream.get());
  std::vector<char> input(ZSTD_DStreamInSize());
  std::vector<char> output(ZSTD_DStreamOutSize());
  std::uint64_t written = 0;
  std::size_t last_hint = 1;  // 0 once a frame has ended exactly
  bool any_input = false;
  for (;;) {
    const std::size_t read = std::fread(input.data(), 1, input.size(), source.get());
    if (read == 0) break;
    any_input = true;
    ZSTD_inBuffer in_buffer{input.data(), read, 0};
    while (in_buffer.pos < in_buffer.size) {
      ZSTD_outBuffer out_buffer{output.data(), output.size(), 0};
      last_hint = ZSTD_decompressStream(stream.get(), &out_buffer, &in_buffer);
      if (ZSTD_isError(last_hint))
        return invalid(std::string("not valid zstd data (") + ZSTD_getErrorName(last_hint) + ")");
      written += out_buffer.pos;
      if (written > max_bytes)
        return invalid(fmt::format("it decompresses to more than {} MB, more than citecard reads",
                                   max_bytes >> 20));
      if (out_buffer.pos > 0 &&
          std::fwrite(output.data(), 1, out_buffer.pos, target.get()) != out_buffer.pos)
        return make_error(
            fmt::format("{}: cannot write a temporary file (is the disk full?)", what),
            ErrorCode::Io);
    }
  }
  if (std::ferror(source.get()))
    return make_error(fmt::format("{}: cannot read it", what), ErrorCode::Io);
  if (!any_input || last_hint != 0) return invalid("its zstd data is cut short");
  if (std::fflush(target.get()) != 0)
    return make_error(fmt::format("{}: cannot write a temporary file (is the disk full?)", what),
                      ErrorCode::Io);
  return {};
}

}  // namespace citecard::exchange
