// How the engine grows with the size of the problem, up to a generated network
// of about 1 million road segments and 100,000 sources: time and peak memory of
// building the network, snapping the sources, an OD matrix from every source
// to 100 sites, the sites' catchments, and the capacity-limited allocation -
// and how soon each stops after a cancel.
//
// The network is a jittered street grid with some one-way streets and gaps,
// about 100 m between crossings; sources and sites are random points on it.
//
// Usage: bench_scale [--edges E] [--sources S] [--sites T] [--steps K]
//   runs K sizes, each 4x the last, up to E edges and S sources.

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "geo/allocation.h"
#include "geo/catchments.h"
#include "geo/network_builder.h"
#include "geo/routing.h"
#include "geo/snapping.h"

namespace {

using Clock = std::chrono::steady_clock;
using cp::geo::Location;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Args {
  std::size_t edges = 1000000;
  std::size_t sources = 100000;
  std::size_t sites = 100;
  int steps = 3;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::size_t v = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--edges"))
      a.edges = v;
    else if (!std::strcmp(argv[i], "--sources"))
      a.sources = v;
    else if (!std::strcmp(argv[i], "--sites"))
      a.sites = v;
    else if (!std::strcmp(argv[i], "--steps"))
      a.steps = static_cast<int>(v);
  }
  return a;
}

// Peak resident memory since the last reset, in MB (Linux).
double peakMb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0)
      return std::stod(line.substr(6)) / 1024;
  return 0;
}
void resetPeak() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

// A street grid of n x n crossings, 100 m apart with 20 m of jitter: rows and
// columns are lines the builder splits at every crossing; every 7th street is
// one-way and about 2 % of the blocks are missing.
std::vector<cp::geo::RoadLine> streetGrid(std::size_t n, std::mt19937& rng) {
  std::uniform_real_distribution<double> jitter(-20, 20);
  std::vector<std::vector<cp::geo::XY>> at(n, std::vector<cp::geo::XY>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      at[i][j] = {500000 + 100.0 * static_cast<double>(j) + jitter(rng),
                  4700000 + 100.0 * static_cast<double>(i) + jitter(rng)};
  std::bernoulli_distribution gap(0.02);
  std::vector<cp::geo::RoadLine> lines;
  const auto street = [&](std::size_t index, auto point) {
    cp::geo::RoadLine line;
    line.direction = index % 7 == 3 ? cp::geo::Direction::Forward : cp::geo::Direction::Both;
    line.speedKmh = index % 5 == 0 ? 60 : 40;
    for (std::size_t k = 0; k < n; ++k) {
      if (gap(rng) && line.xy.size() >= 2) {  // a missing block ends the line here
        line.featureId = lines.size();
        lines.push_back(line);
        line.xy.clear();
      }
      line.xy.push_back(point(k));
    }
    line.featureId = lines.size();
    if (line.xy.size() >= 2)
      lines.push_back(std::move(line));
  };
  for (std::size_t i = 0; i < n; ++i) {
    street(i, [&](std::size_t k) { return at[i][k]; });
    street(n + i, [&](std::size_t k) { return at[k][i]; });
  }
  return lines;
}

std::vector<std::optional<Location>> randomPlaces(const cp::geo::Snapper& snapper, std::size_t n,
                                                  std::size_t grid, std::mt19937& rng) {
  std::uniform_real_distribution<double> x(500000, 500000 + 100.0 * static_cast<double>(grid - 1));
  std::uniform_real_distribution<double> y(4700000,
                                           4700000 + 100.0 * static_cast<double>(grid - 1));
  std::vector<std::optional<Location>> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(snapper.snap({x(rng), y(rng)}).location);
  return out;
}

// Runs `work` with a feedback canceled after `after` seconds; the time from the
// cancel to the work's return (Canceled), or -1 when it finished first.
template <typename Work>
double cancelDelay(double after, Work work) {
  cp::geo::Feedback feedback;
  Clock::time_point canceledAt{};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::duration<double>(after));
    canceledAt = Clock::now();
    feedback.cancel();
  });
  bool canceled = false;
  try {
    work(&feedback);
  } catch (const cp::geo::Canceled&) {
    canceled = true;
  }
  const Clock::time_point end = Clock::now();
  canceller.join();
  return canceled ? std::chrono::duration<double>(end - canceledAt).count() : -1;
}

struct Measure {
  double seconds = 0;
  double peakMb = 0;
};

template <typename Work>
Measure measure(Work work) {
  resetPeak();
  const auto start = Clock::now();
  work();
  return {secondsSince(start), peakMb()};
}

void runSize(std::size_t grid, std::size_t sources, std::size_t sites) {
  std::mt19937 rng(42);
  const std::vector<cp::geo::RoadLine> lines = streetGrid(grid, rng);
  cp::geo::BuildOptions build;
  build.measure = cp::geo::LengthMeasure::Planar;
  build.toleranceM = 0.5;
  cp::geo::Network net;
  const Measure built = measure([&] { net = cp::geo::buildNetwork(lines, build); });
  std::optional<cp::geo::Snapper> snapper;
  std::vector<std::optional<Location>> from, to;
  const Measure snapped = measure([&] {
    snapper.emplace(net, cp::geo::SnapOptions{1000, 0});
    from = randomPlaces(*snapper, sources, grid, rng);
  });
  to = randomPlaces(*snapper, sites, grid, rng);
  cp::geo::OdMatrix od;
  const Measure matrix = measure([&] { od = cp::geo::odMatrix(net, from, to); });
  std::vector<cp::geo::Assignment> nearest;
  const Measure catchments = measure([&] {
    const cp::geo::Catchments c(net, to,
                                {cp::geo::Metric::Distance, cp::geo::Travel::ToSite, 5000});
    nearest = c.atAll(from);
  });
  cp::geo::AllocationInput input;
  input.supply.assign(sources, 10.0);
  input.capacity.assign(sites,
                        0.8 * 10.0 * static_cast<double>(sources) / static_cast<double>(sites));
  input.unitCost.resize(od.cells.size());
  for (std::size_t k = 0; k < od.cells.size(); ++k)
    input.unitCost[k] = od.cells[k].distanceM / 1000;
  cp::geo::Allocation allocation;
  const Measure allocated = measure([&] { allocation = cp::geo::allocate(input); });

  const double cancelBuild = cancelDelay(
      0.5 * built.seconds, [&](auto* f) { cp::geo::buildNetwork(lines, build, nullptr, f); });
  const double cancelOd =
      cancelDelay(0.5 * matrix.seconds, [&](auto* f) { cp::geo::odMatrix(net, from, to, {}, f); });
  const double cancelAllocation =
      cancelDelay(0.5 * allocated.seconds, [&](auto* f) { cp::geo::allocate(input, f); });

  std::printf(
      "%9zu %8zu | %7.2f %6.0f | %7.2f %6.0f | %7.2f %6.0f | %7.2f %6.0f | %7.2f %6.0f | %5.2f "
      "%5.2f %5.2f\n",
      net.segmentCount(), sources, built.seconds, built.peakMb, snapped.seconds, snapped.peakMb,
      matrix.seconds, matrix.peakMb, catchments.seconds, catchments.peakMb, allocated.seconds,
      allocated.peakMb, cancelBuild, cancelOd, cancelAllocation);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  std::printf(
      "Scale: grid networks, %zu sites; seconds and the process's peak resident MB per step; "
      "cancel: seconds "
      "from cancel to stop (-1: finished first)\n",
      a.sites);
  std::printf("%9s %8s | %14s | %14s | %14s | %14s | %14s | %17s\n", "segments", "sources", "build",
              "snap sources", "OD to sites", "catchments", "allocation", "cancel b/od/alloc");
  for (int step = a.steps - 1; step >= 0; --step) {
    const double share = std::pow(4.0, -step);
    // n x n crossings give about 2 n^2 segments.
    const auto grid = static_cast<std::size_t>(std::sqrt(share * static_cast<double>(a.edges) / 2));
    runSize(
        std::max<std::size_t>(grid, 4),
        std::max<std::size_t>(static_cast<std::size_t>(share * static_cast<double>(a.sources)), 10),
        a.sites);
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak memory of the whole run: %.0f MB\n",
              static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
