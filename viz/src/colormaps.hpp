#pragma once
// Colour scales readable with colour-vision deficiency: viridis (van der Walt
// and Smith 2015, matplotlib) and cividis (Nuñez, Anderton and Renslow 2018,
// PLoS ONE 13(7): e0199239), as piecewise-linear tables through published
// values of the maps; the Okabe-Ito palette (Okabe and Ito 2008) for
// categories.
#include <cstdint>

namespace hearth::viz {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

enum class Scale { Viridis, Cividis };

// t in [0, 1] (clamped; NaN gives the low end).
Rgb colour_of(Scale scale, double t);

// Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
inline constexpr Rgb kOkabeIto[7] = {{230, 159, 0}, {86, 180, 233}, {0, 158, 115},  {240, 228, 66},
                                     {0, 114, 178}, {213, 94, 0},   {204, 121, 167}};

}  // namespace hearth::viz
