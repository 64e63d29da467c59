#pragma once
// Where the viewer draws: an offscreen target for a screenshot, or a window
// on the desktop with its event loop (and the frame rate benchmark).
#include "viewer.hpp"  // viz/include: ViewerOptions
#include "viewer/view.hpp"

namespace hearth::viz {

// Renders the viewer once, offscreen, and writes options.screenshot (PNG).
void save_screenshot(Viewer& viewer, const ViewerOptions& options);

// Opens the window, placed on the desktop, and runs until it is closed (or
// --benchmark-frames are drawn); prints the frame rate line. Returns 0.
int interactive(Viewer& viewer, FrameSource& source, const ViewerOptions& options,
                const std::string& title);

}  // namespace hearth::viz
