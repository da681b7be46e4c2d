// HTML cleaning throughput: dateline's Cleaner vs Readability.js (linkedom)
// on the same pages, one core each, CPU time (so a loaded machine does not
// distort the ratio). Run by hand:
//   build/bench/clean_html [DIR] [REPEATS]
// DIR defaults to ../shared/data/aeb/html; REPEATS (default 5) runs are made
// of each and the medians printed. Readability runs when node and
// bench/readability/node_modules are present (npm ci in bench/readability).
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "clean/cleaner.h"

namespace {

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

std::string ReadFile(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files too
  if (!f) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Runs bench/readability/run.mjs; returns the per-run CPU seconds.
std::vector<double> RunReadability(const std::string& dir, int repeats) {
  std::vector<double> secs;
  std::string script = std::string(DATELINE_SOURCE_DIR) + "/bench/readability/run.mjs";
  if (!std::filesystem::exists(std::string(DATELINE_SOURCE_DIR) + "/bench/readability/node_modules")) {
    std::printf("readability: bench/readability/node_modules missing (run npm ci there)\n");
    return secs;
  }
  std::string cmd = "node '" + script + "' '" + dir + "' " + std::to_string(repeats);
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return secs;
  char line[512];
  while (std::fgets(line, sizeof line, p)) {
    long pages = 0, bytes = 0;
    double cpu = 0;
    if (std::sscanf(line, "pages %ld bytes %ld cpu_s %lf", &pages, &bytes, &cpu) == 3) secs.push_back(cpu);
  }
  pclose(p);
  return secs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared;
  std::string dir = argc > 1 ? argv[1] : (dateline::SharedDir(&shared) ? shared + "/data/aeb/html" : "");
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  if (dir.empty() || !std::filesystem::is_directory(dir)) {
    std::fprintf(stderr, "usage: clean_html [DIR] [REPEATS] (no ../shared/data/aeb/html)\n");
    return 2;
  }
  std::vector<dateline::RawPage> pages;
  double mb = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    dateline::RawPage p;
    p.id = e.path().filename().string();
    p.format = "html";
    p.content = ReadFile(e.path().string());
    mb += p.content.size() / 1e6;
    pages.push_back(std::move(p));
  }
  dateline::Cleaner cleaner;
  std::vector<double> secs;
  size_t chars = 0;
  for (int r = 0; r < repeats; ++r) {
    double t0 = CpuSeconds();
    for (const auto& p : pages) chars += cleaner.Clean(p).text.size();
    secs.push_back(CpuSeconds() - t0);
  }
  double ours = Median(secs);
  std::printf("pages %zu, %.1f MB, %d runs, medians of CPU time, one thread\n", pages.size(), mb, repeats);
  std::printf("dateline     %8.1f pages/s %7.2f MB/s\n", pages.size() / ours, mb / ours);
  std::vector<double> rs = RunReadability(dir, repeats);
  if (!rs.empty()) {
    double theirs = Median(rs);
    std::printf("readability  %8.1f pages/s %7.2f MB/s\n", pages.size() / theirs, mb / theirs);
    std::printf("ratio        %8.1fx (dateline / readability)\n", theirs / ours);
  }
  return chars == 0 ? 1 : 0;
}
