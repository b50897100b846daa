#include "network_io.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <type_traits>

namespace cp::geo {
namespace {

constexpr char kMagic[8] = {'C', 'P', 'N', 'E', 'T', 0, 0, 3};
constexpr std::uint64_t kMaxElements = 1ULL << 34;  // guards against corrupt sizes

class Writer {
 public:
  Writer(std::ostream& out, const std::string& label) : label_(label), out_(out) {}
  void bytes(const void* data, std::size_t size) {
    out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out_)
      throw std::runtime_error("write failed for network '" + label_ + "'");
  }
  template <typename T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const std::uint64_t n = v.size();
    bytes(&n, sizeof n);
    bytes(v.data(), n * sizeof(T));
  }
  void str(const std::string& s) { vec(std::vector<char>(s.begin(), s.end())); }

 private:
  std::string label_;
  std::ostream& out_;
};

class Reader {
 public:
  Reader(std::istream& in, const std::string& label) : label_(label), in_(in) {
    const std::streampos start = in_.tellg();
    if (in_.seekg(0, std::ios::end)) {
      const std::streamoff size = in_.tellg() - start;
      size_ = size >= 0 ? static_cast<std::uint64_t>(size) : 0;
    }
    in_.clear();
    in_.seekg(start);
  }
  void bytes(void* data, std::size_t size) {
    if (size > size_ - read_)
      fail("it is truncated");
    in_.read(static_cast<char*>(data), static_cast<std::streamsize>(size));
    if (!in_)
      fail("it is truncated");
    read_ += size;
  }
  template <typename T>
  void vec(std::vector<T>& v) {
    std::uint64_t n = 0;
    bytes(&n, sizeof n);
    // Checked before allocating: a damaged size must not ask for gigabytes.
    if (n > kMaxElements || n * sizeof(T) > size_ - read_)
      fail("it holds an impossible array size");
    v.resize(static_cast<std::size_t>(n));
    bytes(v.data(), v.size() * sizeof(T));
  }
  std::string str() {
    std::vector<char> chars;
    vec(chars);
    return {chars.begin(), chars.end()};
  }
  [[noreturn]] void fail(const std::string& why) const {
    throw std::runtime_error("network '" + label_ + "' cannot be read: " + why);
  }

 private:
  std::string label_;
  std::istream& in_;
  std::uint64_t size_ = kMaxElements;  // bytes in the stream (unknown: the largest allowed)
  std::uint64_t read_ = 0;
};

template <typename Io, typename Net>
void eachArray(Io& io, Net& n) {
  io.vec(n.nodeXY);
  io.vec(n.nodeComponent);
  io.vec(n.segmentFrom);
  io.vec(n.segmentTo);
  io.vec(n.segmentLength);
  io.vec(n.segmentTime);
  io.vec(n.segmentDirection);
  io.vec(n.segmentFeature);
  io.vec(n.shapeBegin);
  io.vec(n.shape);
  io.vec(n.arcBegin);
  io.vec(n.arcs);
  io.vec(n.componentNodeCount);
}

template <typename T>
bool allBelow(const std::vector<T>& ids, std::size_t limit) {
  for (const T& id : ids)
    if (static_cast<std::size_t>(id) >= limit)
      return false;
  return true;
}

bool arcsValid(const std::vector<Network::Arc>& arcs, std::size_t nodes, std::size_t segments) {
  for (const Network::Arc& a : arcs)
    if (a.head >= nodes || a.segment >= segments)
      return false;
  return true;
}

// Offsets into another array: from 0, never decreasing, ending at its size.
template <typename T>
bool offsetsValid(const std::vector<T>& begins, std::size_t total) {
  if (begins.empty() || begins.front() != 0 || begins.back() != total)
    return false;
  return std::is_sorted(begins.begin(), begins.end());
}

bool costsValid(const Network& n) {
  const auto usable = [](double c) { return std::isfinite(c) && c >= 0; };
  for (std::size_t s = 0; s < n.segmentCount(); ++s)
    if (!usable(n.segmentLength[s]) || !usable(n.segmentTime[s]) ||
        n.shapeBegin[s + 1] - n.shapeBegin[s] < 2)
      return false;
  for (const Network::Arc& a : n.arcs)
    if (!usable(a.length) || !usable(a.time))
      return false;
  return true;
}

// Every arc leaves its node along its segment, towards the segment's other end.
bool arcsJoinTheirNodes(const Network& n) {
  for (std::size_t node = 0; node < n.nodeCount(); ++node)
    for (ArcId a = n.arcBegin[node]; a < n.arcBegin[node + 1]; ++a) {
      const Network::Arc& arc = n.arcs[a];
      const NodeId from = n.segmentFrom[arc.segment], to = n.segmentTo[arc.segment];
      if (!((from == node && to == arc.head) || (to == node && from == arc.head)))
        return false;
    }
  return true;
}

void checkConsistent(const Network& n, const Reader& reader) {
  const std::size_t nodes = n.nodeCount();
  const std::size_t segs = n.segmentCount();
  const bool sizesOk = n.nodeComponent.size() == nodes && n.segmentTo.size() == segs &&
                       n.segmentLength.size() == segs && n.segmentTime.size() == segs &&
                       n.segmentDirection.size() == segs && n.segmentFeature.size() == segs &&
                       n.shapeBegin.size() == segs + 1 && n.arcBegin.size() == nodes + 1;
  if (!sizesOk)
    reader.fail("its arrays do not fit together");
  const bool idsOk = allBelow(n.segmentFrom, nodes) && allBelow(n.segmentTo, nodes) &&
                     arcsValid(n.arcs, nodes, segs) && allBelow(n.arcBegin, n.arcCount() + 1) &&
                     allBelow(n.shapeBegin, n.shape.size() + 1) &&
                     allBelow(n.nodeComponent, n.componentNodeCount.size());
  if (!idsOk)
    reader.fail("it refers to nodes or segments that do not exist");
  if (!offsetsValid(n.shapeBegin, n.shape.size()) || !offsetsValid(n.arcBegin, n.arcCount()) ||
      !costsValid(n) || !arcsJoinTheirNodes(n))
    reader.fail("its arrays do not fit together");
}

}  // namespace

void saveNetwork(const Network& network, std::ostream& out, const std::string& label) {
  Writer w(out, label);
  w.bytes(kMagic, sizeof kMagic);
  w.str(network.crsWkt);
  w.str(network.sourceKey);
  w.bytes(&network.largestComponent, sizeof network.largestComponent);
  eachArray(w, network);
}

Network loadNetwork(std::istream& in, const std::string& label) {
  Reader r(in, label);
  char magic[sizeof kMagic] = {};
  r.bytes(magic, sizeof magic);
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0)
    r.fail("it is not a Circular Planner network of this version");
  Network n;
  n.crsWkt = r.str();
  n.sourceKey = r.str();
  r.bytes(&n.largestComponent, sizeof n.largestComponent);
  eachArray(r, n);
  checkConsistent(n, r);
  return n;
}

void saveNetwork(const Network& network, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    throw std::runtime_error("cannot write network file '" + path + "'");
  saveNetwork(network, out, path);
  out.close();
  if (!out)
    throw std::runtime_error("write failed for network file '" + path + "'");
}

Network loadNetwork(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot open network file '" + path + "'");
  return loadNetwork(in, path);
}

}  // namespace cp::geo
