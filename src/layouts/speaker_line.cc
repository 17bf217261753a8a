#include "layouts/speaker_line.h"

#include <re2/re2.h>

#include "layouts/text_util.h"

namespace callscope::layouts {

bool IsUnidentified(std::string_view name) {
  static const RE2 kUnid(
      R"((?i)(?:unidentified|unknown|unnamed)(?: (?:company|audience|corporate))?(?: (?:participant|representative|speaker|analyst|member|caller|executive))?)");
  return RE2::FullMatch(name, kUnid);
}

std::optional<Header> ParseDashedSpeaker(std::string_view line) {
  static const RE2 kTitleWord(
      R"((?i).*\b(?:analyst|ceo|cfo|coo|cto|president|chairman|chairwoman|chief|officer|director|vp|vice president|head|manager|treasurer|controller|founder|partner|investor relations|ir|executive|secretary|counsel|general manager|md|evp|svp)\b.*)");
  std::string_view t = Trim(line);
  size_t d1 = t.find(" - ");
  if (d1 == std::string_view::npos || d1 == 0) return std::nullopt;
  std::string_view name = Trim(t.substr(0, d1));
  if (!LooksLikeName(name) && !IsUnidentified(name)) return std::nullopt;
  std::string_view rest = t.substr(d1 + 3);
  if (rest.empty()) return std::nullopt;
  if (rest.back() == '.') {  // a sentence, unless the firm's suffix ends it ("... - Co.")
    static const RE2 kSuffix(R"(.*\b(?:Inc|Co|Corp|Ltd|LLC|L\.P|S\.A|N\.A|Jr|Sr)\.)");
    if (!RE2::FullMatch(rest, kSuffix)) return std::nullopt;
  }
  Header h;
  h.name = std::string(name);
  size_t d2 = rest.find(" - ");
  if (d2 == std::string_view::npos) {
    if (!RE2::FullMatch(rest, kTitleWord) || rest.size() > 60) return std::nullopt;
    h.title = std::string(Trim(rest));
  } else {
    h.affiliation = std::string(Trim(rest.substr(0, d2)));
    h.title = std::string(Trim(rest.substr(d2 + 3)));
    if (h.affiliation.empty() || h.affiliation.size() > 80 || h.title.size() > 100) return std::nullopt;
    // A sentence that happens to hold two dashes has lowercase words and ends in punctuation.
    if (std::string_view(h.title).find(". ") != std::string_view::npos) return std::nullopt;
  }
  return h;
}

}  // namespace callscope::layouts
