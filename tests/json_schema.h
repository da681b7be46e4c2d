// A small JSON Schema validator for the subset docs/document.schema.json
// uses: type (incl. unions), enum, required, properties, items,
// additionalProperties (schema), minItems/maxItems, minimum, $ref to #/$defs.
#ifndef DATELINE_TESTS_JSON_SCHEMA_H_
#define DATELINE_TESTS_JSON_SCHEMA_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dateline::e2e {

class SchemaValidator {
 public:
  explicit SchemaValidator(nlohmann::json root) : root_(std::move(root)) {}
  // Appends "path: problem" lines to *errors; true when valid.
  bool Validate(const nlohmann::json& v, std::vector<std::string>* errors) const {
    size_t before = errors->size();
    Check(root_, v, "$", errors);
    return errors->size() == before;
  }

 private:
  static bool IsType(const nlohmann::json& v, const std::string& t) {
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer();
    if (t == "number") return v.is_number();
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    return false;
  }
  void Check(const nlohmann::json& s, const nlohmann::json& v, const std::string& path,
             std::vector<std::string>* errors) const {
    if (s.contains("$ref")) {
      std::string ref = s["$ref"];
      return Check(root_["$defs"][ref.substr(ref.rfind('/') + 1)], v, path, errors);
    }
    if (s.contains("type")) {
      bool ok = false;
      if (s["type"].is_array()) {
        for (const auto& t : s["type"]) ok = ok || IsType(v, t);
      } else {
        ok = IsType(v, s["type"]);
      }
      if (!ok) return errors->push_back(path + ": wrong type " + std::string(v.type_name()));
    }
    if (s.contains("enum")) {
      bool found = false;
      for (const auto& e : s["enum"]) found = found || e == v;
      if (!found) errors->push_back(path + ": " + v.dump() + " not in enum");
    }
    if (v.is_object()) {
      for (const auto& r : s.value("required", nlohmann::json::array()))
        if (!v.contains(r.get<std::string>())) errors->push_back(path + ": missing " + r.get<std::string>());
      for (const auto& [k, sub] : v.items()) {
        if (s.contains("properties") && s["properties"].contains(k)) Check(s["properties"][k], sub, path + "." + k, errors);
        else if (s.contains("additionalProperties") && s["additionalProperties"].is_object())
          Check(s["additionalProperties"], sub, path + "." + k, errors);
      }
    }
    if (v.is_array()) {
      if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) errors->push_back(path + ": too few items");
      if (s.contains("maxItems") && v.size() > s["maxItems"].get<size_t>()) errors->push_back(path + ": too many items");
      if (s.contains("items"))
        for (size_t i = 0; i < v.size(); ++i) Check(s["items"], v[i], path + "[" + std::to_string(i) + "]", errors);
    }
    if (v.is_number() && s.contains("minimum") && v.get<double>() < s["minimum"].get<double>())
      errors->push_back(path + ": below minimum");
  }
  nlohmann::json root_;
};

}  // namespace dateline::e2e

#endif  // DATELINE_TESTS_JSON_SCHEMA_H_
