// Maximum-weight b-matching with LEMON's NetworkSimplex: the native peer of bench/assign.bench.ts.
//
// Usage: lemon-bmatching GRAPH_FILE [RUNS]
//
// GRAPH_FILE (little-endian, written by the benchmark): the bytes "BFBM", then four uint32: version
// (1), left count L, right count R, edge count M; then R int32 capacities; then M edges of three
// int32 each (left index, right index, integer weight), in any order.
//
// The problem: each left at most once, right r at most capacity[r] times, a left may stay unmatched,
// maximise the total weight. As a min-cost flow with integer costs (so the optimum is exact): the
// source s supplies L units and the sink t demands them; s -> left (capacity 1, cost 0), left ->
// right (capacity 1, cost -weight), right -> t (capacity = the right's capacity, cost 0), and one
// bypass s -> t (capacity L, cost 0) for the lefts that stay unmatched. Of the layouts tried, this
// one (the source's arcs first, one bypass rather than one per left) made run() fastest, as did the
// default block-search pivot rule.
//
// Prints one line of JSON: the optimum (total weight), the number matched, the time to read the
// file (readMs), and per run the time to build the LEMON graph and load the problem into
// NetworkSimplex (buildMs) and the time of run() alone (solveMs), measured here with a steady clock.
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

using Clock = std::chrono::steady_clock;
using Simplex = lemon::NetworkSimplex<lemon::StaticDigraph, int, int>;

static double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

[[noreturn]] static void fail(const char* what) {
  std::fprintf(stderr, "lemon-bmatching: %s\n", what);
  std::exit(2);
}

static std::string jsonList(const std::vector<double>& xs) {
  std::string s = "[";
  char buf[32];
  for (size_t i = 0; i < xs.size(); i++) {
    std::snprintf(buf, sizeof buf, "%s%.3f", i ? "," : "", xs[i]);
    s += buf;
  }
  return s + "]";
}

int main(int argc, char** argv) {
  if (argc < 2) fail("usage: lemon-bmatching GRAPH_FILE [RUNS]");
  const int runs = argc > 2 ? std::atoi(argv[2]) : 1;
  if (runs < 1) fail("RUNS must be at least 1");

  const auto t0 = Clock::now();
  std::FILE* f = std::fopen(argv[1], "rb");
  if (!f) fail("cannot open the graph file");
  char magic[4];
  uint32_t head[4];
  if (std::fread(magic, 1, 4, f) != 4 || std::memcmp(magic, "BFBM", 4) != 0) fail("not a BFBM file");
  if (std::fread(head, 4, 4, f) != 4 || head[0] != 1) fail("unsupported BFBM version");
  const int L = static_cast<int>(head[1]);
  const int R = static_cast<int>(head[2]);
  const int M = static_cast<int>(head[3]);
  std::vector<int32_t> capacity(R);
  std::vector<int32_t> edges(3 * static_cast<size_t>(M));
  if (std::fread(capacity.data(), 4, R, f) != static_cast<size_t>(R)) fail("short file (capacities)");
  if (std::fread(edges.data(), 4, edges.size(), f) != edges.size()) fail("short file (edges)");
  std::fclose(f);
  for (int e = 0; e < M; e++) {
    const int l = edges[3 * e];
    const int r = edges[3 * e + 1];
    if (l < 0 || l >= L || r < 0 || r >= R) fail("edge out of range");
  }
  const double readMs = msSince(t0);

  std::vector<double> buildMs;
  std::vector<double> solveMs;
  long long optimum = 0;
  long long matched = 0;
  for (int run = 0; run < runs; run++) {
    const auto tb = Clock::now();
    // Nodes: s = 0, lefts 1..L, rights L+1..L+R, t = L+R+1. StaticDigraph::build wants the arcs
    // sorted by source: the source's, then each left's edges (bucketed by left), then the rights'.
    const int S = 0;
    const int T = L + R + 1;
    const size_t arcCount = static_cast<size_t>(M) + L + R + 1;
    std::vector<std::pair<int, int>> arcs;
    std::vector<int> arcCap;
    std::vector<int> arcCost;
    arcs.reserve(arcCount);
    arcCap.reserve(arcCount);
    arcCost.reserve(arcCount);
    const auto add = [&](int from, int to, int cap, int cost) {
      arcs.emplace_back(from, to);
      arcCap.push_back(cap);
      arcCost.push_back(cost);
    };
    for (int l = 0; l < L; l++) add(S, 1 + l, 1, 0);
    const int bypass = static_cast<int>(arcs.size());
    add(S, T, L, 0);
    std::vector<int> start(L + 1, 0);
    for (int e = 0; e < M; e++) start[edges[3 * e] + 1]++;
    for (int l = 0; l < L; l++) start[l + 1] += start[l];
    std::vector<int> byLeft(M);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (int e = 0; e < M; e++) byLeft[fill[edges[3 * e]]++] = e;
    for (int k = 0; k < M; k++) {
      const int e = byLeft[k];
      add(1 + edges[3 * e], 1 + L + edges[3 * e + 1], 1, -edges[3 * e + 2]);
    }
    for (int r = 0; r < R; r++) add(1 + L + r, T, capacity[r], 0);

    lemon::StaticDigraph g;
    g.build(T + 1, arcs.begin(), arcs.end());
    lemon::StaticDigraph::ArcMap<int> cap(g);
    lemon::StaticDigraph::ArcMap<int> cost(g);
    lemon::StaticDigraph::NodeMap<int> supply(g, 0);
    // StaticDigraph numbers the arcs in the order given, so arc i is arcs[i].
    for (size_t i = 0; i < arcs.size(); i++) {
      const auto a = g.arc(static_cast<int>(i));
      cap[a] = arcCap[i];
      cost[a] = arcCost[i];
    }
    supply[g.node(S)] = L;
    supply[g.node(T)] = -L;
    Simplex ns(g);
    ns.upperMap(cap).costMap(cost).supplyMap(supply);
    buildMs.push_back(msSince(tb));

    const auto ts = Clock::now();
    const auto status = ns.run();
    solveMs.push_back(msSince(ts));
    if (status != Simplex::OPTIMAL) fail("no optimal flow");
    optimum = -ns.totalCost<long long>();
    matched = L - ns.flow(g.arc(bypass));
  }
  std::printf("{\"optimum\":%lld,\"matched\":%lld,\"readMs\":%.3f,\"buildMs\":%s,\"solveMs\":%s}\n", optimum,
              matched, readMs, jsonList(buildMs).c_str(), jsonList(solveMs).c_str());
  return 0;
}
