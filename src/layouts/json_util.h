// JSON layouts parse the normalized text with nlohmann::json once Detect() has seen the keys.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "layouts/layout.h"

namespace callscope::layouts {

// True if the text is a JSON document (starts with '{' or '[') whose first 8 KB contain `key`.
inline bool JsonHas(const Doc& doc, std::string_view key) {
  std::string_view t = doc.text();
  size_t i = t.find_first_not_of(" \t\n\r\f");
  if (i == std::string_view::npos || (t[i] != '{' && t[i] != '[')) return false;
  return t.substr(0, 8192).find(key) != std::string_view::npos;
}

inline std::string JsonStr(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace callscope::layouts
