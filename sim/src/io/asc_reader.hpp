#pragma once
// A strict reader of ESRI ASCII grids (.asc), the raster format QGIS and GDAL
// read and write: six header lines (ncols, nrows, xllcorner or xllcenter,
// yllcorner or yllcenter, cellsize, and an optional NODATA_value), then nrows
// lines of ncols numbers, the northernmost row first. Anything that does not
// fit (a missing or repeated key, a size that differs from the city grid, a
// short or long row, NaN or infinity, a number that does not parse) throws
// InputError naming the file and the line. Used for flood depth rasters.
#include <cstdint>
#include <string>
#include <vector>

namespace hearth::io {

struct AscGrid {
  std::int32_t ncols = 0;
  std::int32_t nrows = 0;
  double cellsize = 0;
  double nodata = -9999;
  bool has_nodata = false;
  // Row-major with row 0 the southernmost, so value[y * ncols + x] matches the
  // city grid's cell (x, y); NODATA cells hold `fill`.
  std::vector<float> value;
};

// Reads `path`; when expected_cols/rows are positive the raster must have that
// size. NODATA cells are set to `nodata_fill`. Values must lie in
// [min_value, max_value]. Files larger than max_bytes are refused.
AscGrid read_asc(const std::string& path, std::int32_t expected_cols, std::int32_t expected_rows,
                 float nodata_fill = 0.0f, double min_value = -1e9, double max_value = 1e9,
                 std::size_t max_bytes = std::size_t{1} << 30);

}  // namespace hearth::io
