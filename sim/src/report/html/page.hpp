#pragma once
// The HTML page of a report: head and style, headings, paragraphs, figures
// with captions, the contents, the headline table and the closing notes.
// Internal to report/html/.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "report/html/text.hpp"
#include "report/run_reader.hpp"

namespace hearth::report::html {

// The page as it is written, top to bottom; every text is escaped here.
class Page {
 public:
  explicit Page(const std::string& title);  // the head, the style, the shared <defs>
  Page& raw(const std::string& s) {
    html_ += s;
    return *this;
  }
  Page& h(int level, const std::string& text, const std::string& id = "") {
    const std::string l = std::to_string(level);
    html_ += "<h" + l + (id.empty() ? "" : " id=\"" + escape(id) + "\"") + ">" + escape(text) +
             "</h" + l + ">\n";
    return *this;
  }
  Page& p(const std::string& text, const std::string& cls = "") {
    html_ += "<p" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + ">" + escape(text) +
             "</p>\n";
    return *this;
  }
  // A chart with its heading above (when given) and its caption below.
  Page& figure(const std::string& svg_text, const std::string& caption,
               const std::string& heading = "") {
    html_ += "<figure>\n";
    if (!heading.empty()) html_ += "<div class=\"chart-title\">" + escape(heading) + "</div>\n";
    html_ += svg_text;
    if (!caption.empty()) html_ += "<figcaption>" + escape(caption) + "</figcaption>\n";
    html_ += "</figure>\n";
    return *this;
  }
  std::string finish() { return html_ + "</main>\n</body>\n</html>\n"; }

 private:
  std::string html_;
};

// The contents (links to the sections' ids); it opens <main>.
std::string nav(const std::vector<std::pair<std::string, std::string>>& items);
// Run i's letter: A, B, ... Z, A1, ...
std::string letter(std::size_t i);
// Headline table: a row per figure; a column per run, and B - A after each later run.
std::string headline_table(const std::vector<std::string>& labels,
                           const std::vector<std::vector<std::string>>& cells_by_run,
                           const std::vector<std::vector<double>>& values, bool with_diff);
// What an unfinished run's page covers, and how to finish it.
std::string unfinished_words(const RunData& run, const RunExtent& extent);
std::string default_title(const std::vector<std::string>& names);
// The closing section: how every figure is computed.
std::string notes_text();

}  // namespace hearth::report::html
