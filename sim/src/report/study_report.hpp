#pragma once
// `hearth report DIR` for a calibration or sensitivity directory
// (docs/CALIBRATION.md): the fit table, the implausibility of the best
// point by target and the accepted ranges; or mu* and Sobol indices as bars
// with their 95% intervals. Read from the directory's result files only.
#include <string>

namespace hearth::report {

// True when DIR holds a finished `hearth calibrate` or `hearth sensitivity`
// study (calibration.json with fit.csv, or sensitivity.json with points.csv).
bool is_study_dir(const std::string& dir);

// The page; throws InputError naming a missing or malformed file.
std::string study_report_html(const std::string& dir, const std::string& title);

}  // namespace hearth::report
