#include "io/frames_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>

#include "hearth/errors.hpp"
#include "io/hash.hpp"

namespace hearth::io {

static_assert(std::endian::native == std::endian::little,
              "the frames file is little-endian and written in host order");

namespace {

constexpr char kMagic[8] = {'H', 'E', 'A', 'R', 'T', 'H', 'F', 'R'};
constexpr char kRecordMagic[4] = {'F', 'R', 'A', 'M'};
// Sanity bounds that keep a corrupt header from asking for absurd memory.
constexpr std::int64_t kMaxCells = std::int64_t{1} << 26;
constexpr std::uint64_t kMaxBody = std::uint64_t{1} << 34;

[[noreturn]] void output_failure(const std::string& path, int error) {
  throw OutputError("cannot write " + path + ": " + std::strerror(error));
}

template <typename T>
void put_value(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void append_text(std::string& out, std::string_view text) {
  put_value<std::uint16_t>(out,
                           static_cast<std::uint16_t>(std::min<std::size_t>(text.size(), 65535)));
  out.append(text.substr(0, 65535));
}

// Reads from a byte range, throwing InputError at the first problem.
class Cursor {
 public:
  Cursor(const std::string& path, const char* data, std::size_t size, std::uint64_t base)
      : path_(path), data_(data), size_(size), base_(base) {}
  template <typename T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, data_ + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string text() {
    const auto n = get<std::uint16_t>();
    need(n);
    std::string s(data_ + at_, n);
    at_ += n;
    return s;
  }
  void bytes(void* out, std::size_t n) {
    need(n);
    std::memcpy(out, data_ + at_, n);
    at_ += n;
  }
  void skip(std::size_t n) {
    need(n);
    at_ += n;
  }
  std::size_t at() const { return at_; }
  std::size_t left() const { return size_ - at_; }
  [[noreturn]] void fail(const std::string& reason) const {
    throw InputError(path_, {{"byte " + std::to_string(base_ + at_), reason}});
  }

 private:
  void need(std::size_t n) const {
    if (n > size_ - at_) fail("truncated: expected " + std::to_string(n) + " more bytes");
  }
  const std::string& path_;
  const char* data_;
  std::size_t size_;
  std::uint64_t base_;
  std::size_t at_ = 0;
};

class InFile {
 public:
  explicit InFile(const std::string& path) : path_(path) {
    // A directory opens for reading on Linux, and its "size" is no file's.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      throw InputError(path, {{"", "cannot read: is a directory"}});
    }
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw InputError(path, {{"", std::string("cannot open: ") + std::strerror(errno)}});
    const long size = std::fseek(file_, 0, SEEK_END) == 0 ? std::ftell(file_) : -1;
    if (size < 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
      const int error = errno;
      std::fclose(file_);
      throw InputError(path, {{"", std::string("cannot read: ") + std::strerror(error)}});
    }
    size_ = static_cast<std::uint64_t>(size);
  }
  ~InFile() { std::fclose(file_); }
  std::uint64_t size() const { return size_; }
  std::string read(std::uint64_t offset, std::uint64_t n) const {
    if (offset > size_ || n > size_ - offset) {
      throw InputError(path_, {{"byte " + std::to_string(offset),
                                "truncated: expected " + std::to_string(n) +
                                    " bytes, the file ends at " + std::to_string(size_)}});
    }
    std::string out(n, '\0');
    if (std::fseek(file_, static_cast<long>(offset), SEEK_SET) != 0 ||
        std::fread(out.data(), 1, n, file_) != n) {
      throw InputError(path_, {{"byte " + std::to_string(offset), "read error"}});
    }
    return out;
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::uint64_t size_ = 0;
};

struct Header {
  std::int32_t every_ticks = 0;
  std::shared_ptr<MapGrid> grid;
  std::vector<std::string> indicators;
  std::vector<std::string> layers;
  std::uint64_t bytes = 0;
};

Header read_header(const std::string& path, const InFile& in) {
  // The fixed part and the names first (they fit in 64 KiB), then the rest,
  // whose length the fixed part gives.
  std::string data = in.read(0, std::min<std::uint64_t>(in.size(), 1 << 16));
  Header h;
  Cursor c(path, data.data(), data.size(), 0);
  if (!data.empty() &&
      std::memcmp(data.data(), kMagic, std::min<std::size_t>(8, data.size())) != 0) {
    c.fail("not a Hearth frames file (bad magic)");
  }
  char magic[8];
  c.bytes(magic, 8);
  if (std::memcmp(magic, kMagic, 8) != 0) c.fail("not a Hearth frames file (bad magic)");
  const auto version = c.get<std::uint32_t>();
  if (version != kFramesFormatVersion) {
    c.fail("frames format version " + std::to_string(version) + "; this build reads version " +
           std::to_string(kFramesFormatVersion));
  }
  h.every_ticks = c.get<std::int32_t>();
  if (h.every_ticks < 1) c.fail("corrupt: record interval " + std::to_string(h.every_ticks));
  auto grid = std::make_shared<MapGrid>();
  grid->width = c.get<std::int32_t>();
  grid->height = c.get<std::int32_t>();
  grid->cell_size_m = c.get<double>();
  grid->neighbourhood_count = c.get<std::int32_t>();
  const std::int64_t cells = std::int64_t{grid->width} * grid->height;
  if (grid->width < 1 || grid->height < 1 || cells > kMaxCells || !(grid->cell_size_m > 0) ||
      grid->neighbourhood_count < 1 || grid->neighbourhood_count > 65536) {
    c.fail("corrupt: grid " + std::to_string(grid->width) + " x " + std::to_string(grid->height) +
           " with " + std::to_string(grid->neighbourhood_count) + " neighbourhoods");
  }
  const auto indicators = c.get<std::uint32_t>();
  if (indicators > 10000) c.fail("corrupt: " + std::to_string(indicators) + " indicators");
  for (std::uint32_t k = 0; k < indicators; ++k) h.indicators.push_back(c.text());
  const auto layers = c.get<std::uint32_t>();
  if (layers > 1000) c.fail("corrupt: " + std::to_string(layers) + " layers");
  for (std::uint32_t k = 0; k < layers; ++k) {
    h.layers.push_back(c.text());
    c.get<double>();  // the step; this build uses its own steps for the layers it knows
  }
  const std::size_t names_end = c.at();
  const auto n = static_cast<std::size_t>(grid->neighbourhood_count);
  const std::uint64_t total = names_end + static_cast<std::uint64_t>(cells) * 2 + n * 8 + 8;
  data = in.read(0, total);
  Cursor rest(path, data.data(), data.size(), 0);
  rest.skip(names_end);
  grid->neighbourhood.resize(static_cast<std::size_t>(cells));
  rest.bytes(grid->neighbourhood.data(), grid->neighbourhood.size() * sizeof(std::uint16_t));
  for (std::uint16_t id : grid->neighbourhood) {
    if (id >= grid->neighbourhood_count) rest.fail("corrupt: neighbourhood id out of range");
  }
  grid->centroid_x.resize(n);
  grid->centroid_y.resize(n);
  rest.bytes(grid->centroid_x.data(), n * sizeof(float));
  rest.bytes(grid->centroid_y.data(), n * sizeof(float));
  const std::size_t hashed = rest.at();
  const auto checksum = rest.get<std::uint64_t>();
  if (checksum != fnv1a64(std::string_view(data.data(), hashed))) {
    rest.fail("corrupt: the header's checksum does not match");
  }
  h.grid = grid;
  h.bytes = rest.at();
  return h;
}

}  // namespace

FramesWriter::FramesWriter(std::string path, std::int32_t every_ticks, const MapGrid& grid)
    : path_(std::move(path)), every_ticks_(every_ticks) {
  cells_ = static_cast<std::size_t>(grid.width) * static_cast<std::size_t>(grid.height);
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) output_failure(path_, errno);
  std::string h(kMagic, 8);
  put_value<std::uint32_t>(h, kFramesFormatVersion);
  put_value<std::int32_t>(h, every_ticks);
  put_value<std::int32_t>(h, grid.width);
  put_value<std::int32_t>(h, grid.height);
  put_value<double>(h, grid.cell_size_m);
  put_value<std::int32_t>(h, grid.neighbourhood_count);
  put_value<std::uint32_t>(h, kCityIndicatorCount);
  for (int k = 0; k < kCityIndicatorCount; ++k) append_text(h, city_indicator_name(k));
  put_value<std::uint32_t>(h, kMapLayerCount);
  for (int k = 0; k < kMapLayerCount; ++k) {
    append_text(h, kMapLayerNames[k]);
    put_value<double>(h, kMapLayerSteps[k]);
  }
  h.append(reinterpret_cast<const char*>(grid.neighbourhood.data()),
           grid.neighbourhood.size() * sizeof(std::uint16_t));
  h.append(reinterpret_cast<const char*>(grid.centroid_x.data()),
           grid.centroid_x.size() * sizeof(float));
  h.append(reinterpret_cast<const char*>(grid.centroid_y.data()),
           grid.centroid_y.size() * sizeof(float));
  put_value<std::uint64_t>(h, fnv1a64(h));
  put(h);
}

FramesWriter::FramesWriter(std::string path, std::uint64_t size) : path_(std::move(path)) {
  {
    InFile in(path_);
    const Header h = read_header(path_, in);
    every_ticks_ = h.every_ticks;
    cells_ = h.grid->neighbourhood.size();
  }
  file_ = std::fopen(path_.c_str(), "r+b");
  if (!file_) output_failure(path_, errno);
  if (::ftruncate(fileno(file_), static_cast<off_t>(size)) != 0) output_failure(path_, errno);
  if (std::fseek(file_, 0, SEEK_END) != 0) output_failure(path_, errno);
}

FramesWriter::~FramesWriter() {
  if (file_) std::fclose(file_);
}

void FramesWriter::put(const std::string& bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    output_failure(path_, errno);
}

void FramesWriter::append(const Frame& frame) {
  if (!frame.map || frame.map->layers[0].size() != cells_) {
    throw OutputError("cannot write " + path_ + ": frame " + std::to_string(frame.tick) +
                      " has no map payload of this grid");
  }
  const MapFrame& map = *frame.map;
  std::string body;
  body.reserve(64 + kCityIndicatorCount * 8 + kMapLayerCount * cells_ * 2 + map.flows.size() * 8);
  put_value<std::int32_t>(body, frame.tick);
  append_text(body, frame.date);
  for (double value : frame.city) put_value<double>(body, value);
  append_text(body, map.last_event_type);
  for (const auto& layer : map.layers) {
    body.append(reinterpret_cast<const char*>(layer.data()), layer.size() * sizeof(std::uint16_t));
  }
  put_value<std::uint32_t>(body, static_cast<std::uint32_t>(map.flows.size()));
  for (const MapFlow& f : map.flows) {
    put_value<std::uint16_t>(body, f.from);
    put_value<std::uint16_t>(body, f.to);
    put_value<std::uint32_t>(body, f.households);
  }
  std::string head(kRecordMagic, 4);
  put_value<std::uint64_t>(head, body.size());
  put(head);
  put(body);
  std::string tail;
  put_value<std::uint64_t>(tail, fnv1a64(body));
  put(tail);
}

std::uint64_t FramesWriter::sync() {
  if (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0) output_failure(path_, errno);
  const long size = std::ftell(file_);
  if (size < 0) output_failure(path_, errno);
  return static_cast<std::uint64_t>(size);
}

void FramesWriter::close() {
  if (!file_) return;
  const bool ok = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  const int error = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!ok || !closed) output_failure(path_, error);
}

std::int32_t read_frames_every(const std::string& path) {
  InFile in(path);
  return read_header(path, in).every_ticks;
}

FramesReader::FramesReader(std::string path) : path_(std::move(path)) {
  InFile in(path_);
  const Header h = read_header(path_, in);
  every_ticks_ = h.every_ticks;
  grid_ = h.grid;
  for (const std::string& name : h.indicators) {
    int slot = -1;
    for (int k = 0; k < kCityIndicatorCount; ++k) {
      if (city_indicator_name(k) == name) slot = k;
    }
    indicator_slot_.push_back(slot);
  }
  for (const std::string& name : h.layers) {
    int slot = -1;
    for (int k = 0; k < kMapLayerCount; ++k) {
      if (kMapLayerNames[k] == name) slot = k;
    }
    layer_slot_.push_back(slot);
  }
  std::uint64_t at = h.bytes;
  while (at < in.size()) {
    const std::string head = in.read(at, 12);
    if (std::memcmp(head.data(), kRecordMagic, 4) != 0) {
      throw InputError(path_, {{"byte " + std::to_string(at), "corrupt: no frame record here"}});
    }
    std::uint64_t bytes;
    std::memcpy(&bytes, head.data() + 4, 8);
    if (bytes > kMaxBody) {
      throw InputError(path_, {{"byte " + std::to_string(at + 4), "corrupt: record length"}});
    }
    const std::string body = in.read(at + 12, bytes);
    const std::string tail = in.read(at + 12 + bytes, 8);
    std::uint64_t checksum;
    std::memcpy(&checksum, tail.data(), 8);
    if (checksum != fnv1a64(body)) {
      throw InputError(
          path_, {{"byte " + std::to_string(at), "corrupt: frame " + std::to_string(index_.size()) +
                                                     "'s checksum does not match"}});
    }
    const Frame frame = parse_body(body, at + 12);
    if (!index_.empty() && frame.tick <= index_.back().tick) {
      throw InputError(path_, {{"byte " + std::to_string(at + 12), "corrupt: ticks out of order"}});
    }
    index_.push_back({frame.tick, frame.date, at + 12, bytes, frame.city});
    at += 12 + bytes + 8;
  }
  if (index_.empty()) throw InputError(path_, {{"", "holds no frames"}});
}

Frame FramesReader::parse_body(const std::string& body, std::uint64_t offset) const {
  Cursor c(path_, body.data(), body.size(), offset);
  Frame frame;
  frame.tick = c.get<std::int32_t>();
  if (frame.tick < 0) c.fail("corrupt: negative tick");
  frame.date = c.text();
  frame.city.fill(std::numeric_limits<double>::quiet_NaN());
  for (int slot : indicator_slot_) {
    const auto value = c.get<double>();
    if (slot >= 0) frame.city[static_cast<std::size_t>(slot)] = value;
  }
  auto map = std::make_shared<MapFrame>();
  map->grid = grid_;
  map->last_event_type = c.text();
  const std::size_t cells = grid_->neighbourhood.size();
  for (auto& layer : map->layers) layer.assign(cells, kMapNoData);
  std::vector<std::uint16_t> skipped(cells);
  for (int slot : layer_slot_) {
    auto& layer = slot >= 0 ? map->layers[static_cast<std::size_t>(slot)] : skipped;
    c.bytes(layer.data(), cells * sizeof(std::uint16_t));
  }
  const auto flows = c.get<std::uint32_t>();
  if (flows > c.left() / 8) c.fail("corrupt: flow count");
  map->flows.resize(flows);
  for (MapFlow& f : map->flows) {
    f.from = c.get<std::uint16_t>();
    f.to = c.get<std::uint16_t>();
    f.households = c.get<std::uint32_t>();
    if (f.from >= grid_->neighbourhood_count || f.to >= grid_->neighbourhood_count) {
      c.fail("corrupt: flow between unknown neighbourhoods");
    }
  }
  if (c.left() != 0) c.fail("corrupt: " + std::to_string(c.left()) + " bytes after the frame");
  frame.map = std::move(map);
  return frame;
}

std::shared_ptr<const Frame> FramesReader::read(std::size_t i) const {
  InFile in(path_);
  const Entry& e = index_.at(i);
  const std::string body = in.read(e.offset, e.bytes);
  const std::string tail = in.read(e.offset + e.bytes, 8);
  std::uint64_t checksum;
  std::memcpy(&checksum, tail.data(), 8);
  if (checksum != fnv1a64(body)) {
    throw InputError(
        path_, {{"byte " + std::to_string(e.offset - 12), "corrupt: frame " + std::to_string(i) +
                                                              "'s checksum does not match "
                                                              "(changed since it was opened?)"}});
  }
  return std::make_shared<const Frame>(parse_body(body, e.offset));
}

std::size_t FramesReader::index_at_or_before(std::int32_t tick) const {
  std::size_t best = 0;
  for (std::size_t i = 0; i < index_.size(); ++i) {
    if (index_[i].tick <= tick) best = i;
  }
  return best;
}

}  // namespace hearth::io
