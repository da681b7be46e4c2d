#include "clean/dump_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace dateline {

double LinearModel::Predict(const std::vector<std::string>& x) const {
  double z = 0;
  for (const auto& f : x) {
    auto it = weights.find(f);
    if (it != weights.end()) z += it->second;
  }
  return Probability(z);
}

double LinearModel::Probability(double z) {
  z = std::clamp(z, -30.0, 30.0);
  return 1 / (1 + std::exp(-z));
}

void DumpLineModel::BuildIndex() {
  index.clear();
  for (const auto& [f, w] : stage1.weights) index[f].stage1 = w;
  for (const auto& [f, w] : stage2.weights) index[f].stage2 = w;
}

Result<DumpLineModel> DumpLineModel::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  DumpLineModel m;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    try {
      if (cols.size() == 2 && cols[0] == "threshold") {
        m.threshold = std::stod(cols[1]);
      } else if (cols.size() == 3 && (cols[0] == "1" || cols[0] == "2")) {
        (cols[0] == "1" ? m.stage1 : m.stage2).weights[cols[1]] = std::stof(cols[2]);
      } else {
        return Status::InvalidInput(path + ":" + std::to_string(lineno) + ": bad row");
      }
    } catch (const std::exception&) {
      return Status::InvalidInput(path + ":" + std::to_string(lineno) + ": bad number");
    }
  }
  if (m.empty()) return Status::InvalidInput(path + ": no weights");
  m.BuildIndex();
  return m;
}

Status DumpLineModel::Save(const std::string& path, const std::string& comment) const {
  std::ofstream out(path);
  if (!out) return Status::IoError("cannot write " + path);
  std::stringstream cs(comment);
  for (std::string c; std::getline(cs, c);) out << "# " << c << "\n";
  out << "threshold\t" << threshold << "\n";
  int stage = 1;
  for (const LinearModel* m : {&stage1, &stage2}) {
    std::map<std::string, float> sorted(m->weights.begin(), m->weights.end());
    for (const auto& [f, w] : sorted)
      if (std::fabs(w) >= 1e-4) out << stage << "\t" << f << "\t" << w << "\n";
    ++stage;
  }
  return out ? Status::Ok() : Status::IoError("write failed: " + path);
}

}  // namespace dateline
