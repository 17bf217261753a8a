// The JSON writer streams a call member by member; its bytes must be nlohmann's dump of the
// whole object, pretty and compact, whatever the values (empty arrays and objects, nesting,
// escapes, invalid UTF-8).
#include <doctest/doctest.h>

#include "report/json_writer.h"

namespace callscope::report {
namespace {

using ordered = nlohmann::ordered_json;

std::string Whole(const ordered& j, int indent) { return j.dump(indent, ' ', false, ordered::error_handler_t::replace); }

std::string Streamed(const ordered& j, int indent) {
  JsonWriter w(indent);
  for (const auto& [k, v] : j.items()) {
    if (v.is_array()) w.Array(k, v.size(), [&](size_t i) { return v[i]; });
    else w.Member(k, v);
  }
  return w.Finish();
}

TEST_CASE("JsonWriter: the same bytes as dumping the whole object") {
  ordered j;
  j["schema"] = "callscope/1";
  j["empty_array"] = ordered::array();
  j["empty_object"] = ordered::object();
  j["nested"] = {{"a", {1, 2, {{"b", ordered::array()}}}}, {"c", nullptr}, {"d", 0.25}};
  j["items"] = {{{"text", "line one\nline two \"quoted\""}, {"n", 1}}, {{"list", {1, 2}}, {"o", ordered::object()}}, 3};
  j["bad_utf8"] = std::string("caf\xe9");
  j["last"] = false;
  for (int indent : {-1, 0, 2, 4}) {
    CAPTURE(indent);
    CHECK(Streamed(j, indent) == Whole(j, indent));
  }
}

TEST_CASE("JsonWriter: an object with no members") {
  JsonWriter compact(-1), pretty(2);
  CHECK(compact.Finish() == ordered::object().dump());
  CHECK(pretty.Finish() == ordered::object().dump(2));
}

}  // namespace
}  // namespace callscope::report
