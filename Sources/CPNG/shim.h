// libpng reports errors by longjmp, which Swift cannot catch: this one encoder holds every libpng
// call behind a setjmp, so a failure returns a status instead of unwinding through Swift frames.
#include <png.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/// Receives the encoded bytes in order.
typedef void (*infoplot_png_write_fn)(void *context, const uint8_t *bytes, size_t length);

struct infoplot_png_sink { infoplot_png_write_fn write; void *context; };

static void infoplot_png_write_data(png_structp png, png_bytep data, size_t length) {
    struct infoplot_png_sink *sink = (struct infoplot_png_sink *)png_get_io_ptr(png);
    sink->write(sink->context, data, length);
}

static void infoplot_png_flush(png_structp png) { (void)png; }

/// Pixel layouts the encoder reads.
enum infoplot_png_layout {
    INFOPLOT_PNG_RGBA = 0,        // 4 bytes R, G, B, A (straight alpha)
    INFOPLOT_PNG_BGRX = 1,        // 4 bytes B, G, R, unused: cairo RGB24 on a little-endian machine
    INFOPLOT_PNG_XRGB = 2,        // 4 bytes unused, R, G, B: cairo RGB24 on a big-endian machine
};

/// Encodes `height` rows of `width` pixels, `stride` bytes apart, as an 8-bit PNG with a pHYs chunk
/// of `pixels_per_metre` (none when 0), the given row filters and zlib level. No time chunk, so
/// the bytes depend only on the pixels. Returns 0 on success.
static inline int infoplot_png_encode(const uint8_t *pixels, int width, int height, size_t stride, int layout,
                                      uint32_t pixels_per_metre, int filters, int level,
                                      infoplot_png_write_fn write, void *context) {
    struct infoplot_png_sink sink = { write, context };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return 1;
    png_infop info = png_create_info_struct(png);
    if (!info) { png_destroy_write_struct(&png, NULL); return 1; }
    if (setjmp(png_jmpbuf(png))) { png_destroy_write_struct(&png, &info); return 1; }
    png_set_write_fn(png, &sink, infoplot_png_write_data, infoplot_png_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 layout == INFOPLOT_PNG_RGBA ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (pixels_per_metre > 0) png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_compression_level(png, level);
    png_write_info(png, info);
    if (layout == INFOPLOT_PNG_BGRX) { png_set_bgr(png); png_set_filler(png, 0, PNG_FILLER_AFTER); }
    if (layout == INFOPLOT_PNG_XRGB) png_set_filler(png, 0, PNG_FILLER_BEFORE);
    for (int y = 0; y < height; y++) png_write_row(png, pixels + (size_t)y * stride);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return 0;
}
