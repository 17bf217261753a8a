#include "layouts/speaker_line.h"

#include <re2/re2.h>

#include "layouts/text_util.h"

namespace callscope::layouts {

bool IsUnidentified(std::string_view name) {
  static const RE2 kUnid(
      R"((?i)(?:unidentified|unknown|unnamed)(?: (?:company|audience|corporate))?(?: (?:participant|representative|speaker|analyst|member|caller|executive))?)");
  return RE2::FullMatch(name, kUnid);
}

Header ParseDoubleDash(std::string_view line) {
  Header h;
  std::string_view parts[3];
  int n = 0;
  std::string_view rest = Trim(line);
  while (n < 3) {
    size_t d = n < 2 ? rest.find("--") : std::string_view::npos;
    parts[n++] = Trim(rest.substr(0, d));
    if (d == std::string_view::npos) break;
    rest = rest.substr(d + 2);
  }
  h.name = std::string(parts[0]);
  if (n == 2) h.title = std::string(parts[1]);
  if (n == 3) h.affiliation = std::string(parts[1]), h.title = std::string(parts[2]);
  if (h.name == "Operator") h.role = Role::kOperator;
  return h;
}

void SplitFirmAnalyst(Header* h) {
  static const RE2 kFirmAnalyst(R"((.+?),? - (Analyst)|(.+),? (Analyst))");
  std::string firm, title, firm2, title2;
  if (h->affiliation.empty() && RE2::FullMatch(h->title, kFirmAnalyst, &firm, &title, &firm2, &title2)) {
    h->affiliation = firm.empty() ? firm2 : firm;
    h->title = title.empty() ? title2 : title;
    if (!h->affiliation.empty() && h->affiliation.back() == ',') h->affiliation.pop_back();
  }
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
