// PNG files (W3C PNG 2nd ed.) written around one zlib stream from libdeflate, the only place
// libdeflate is called: the container is four chunk types, each a length, a type, the data and a
// CRC-32 (§5.3), so no PNG library is needed around the compressor.
#include <libdeflate.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Receives the encoded bytes in order.
typedef void (*infoplot_png_write_fn)(void *context, const uint8_t *bytes, size_t length);

/// Pixel layouts the encoder reads.
enum infoplot_png_layout {
    INFOPLOT_PNG_RGBA = 0,        // 4 bytes R, G, B, A (straight alpha)
    INFOPLOT_PNG_BGRX = 1,        // 4 bytes B, G, R, unused: cairo RGB24 on a little-endian machine
    INFOPLOT_PNG_XRGB = 2,        // 4 bytes unused, R, G, B: cairo RGB24 on a big-endian machine
    INFOPLOT_PNG_ARGB_PREMULTIPLIED = 3,  // native-endian 32-bit A, R, G, B, colour times alpha: cairo ARGB32
};

static inline void infoplot_png_put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

/// One chunk: length, type, data, CRC-32 of type and data (§5.3).
static inline void infoplot_png_chunk(const char *type, const uint8_t *data, size_t length,
                                      infoplot_png_write_fn write, void *context) {
    uint8_t head[8], tail[4];
    infoplot_png_put32(head, (uint32_t)length);
    memcpy(head + 4, type, 4);
    uint32_t crc = libdeflate_crc32(0, head + 4, 4);
    if (length > 0) crc = libdeflate_crc32(crc, data, length);
    infoplot_png_put32(tail, crc);
    write(context, head, 8);
    if (length > 0) write(context, data, length);
    write(context, tail, 4);
}

/// Encodes `height` rows of `width` pixels, `stride` bytes apart, as an 8-bit RGB (or, with alpha, RGBA) PNG with
/// row filter None on every row, a pHYs chunk of `pixels_per_metre` (none when 0) and the image data
/// compressed at libdeflate `level` in one IDAT chunk. No time chunk, so the bytes depend only on the
/// pixels. Returns 0 on success.
static inline int infoplot_png_encode(const uint8_t *pixels, int width, int height, size_t stride, int layout,
                                      uint32_t pixels_per_metre, int level,
                                      infoplot_png_write_fn write, void *context) {
    if (width <= 0 || height <= 0) return 1;
    const int alpha = layout == INFOPLOT_PNG_RGBA || layout == INFOPLOT_PNG_ARGB_PREMULTIPLIED;
    const size_t channels = alpha ? 4 : 3;
    const size_t row = 1 + (size_t)width * channels;   // the filter-type byte, then the pixels (§7.2)
    if ((size_t)height > ((size_t)INT32_MAX) / row) return 1;
    const size_t size = row * (size_t)height;
    uint8_t *raw = (uint8_t *)malloc(size);
    if (!raw) return 1;
    for (int y = 0; y < height; y++) {
        const uint8_t *in = pixels + (size_t)y * stride;
        uint8_t *out = raw + (size_t)y * row;
        *out++ = 0;   // filter type None
        if (layout == INFOPLOT_PNG_RGBA) {
            memcpy(out, in, (size_t)width * 4);
        } else if (layout == INFOPLOT_PNG_BGRX) {
            for (int x = 0; x < width; x++, in += 4, out += 3) { out[0] = in[2]; out[1] = in[1]; out[2] = in[0]; }
        } else if (layout == INFOPLOT_PNG_XRGB) {
            for (int x = 0; x < width; x++, in += 4, out += 3) { out[0] = in[1]; out[1] = in[2]; out[2] = in[3]; }
        } else {
            // PNG stores straight alpha (§4.3): undo the premultiplication with rounding, as cairo's
            // own writer does; a fully transparent pixel is all zeros.
            const uint32_t *p = (const uint32_t *)(const void *)in;
            for (int x = 0; x < width; x++, out += 4) {
                const uint32_t v = p[x], a = v >> 24;
                if (a == 0) { out[0] = out[1] = out[2] = out[3] = 0; continue; }
                const uint32_t c[3] = { (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF };
                for (int k = 0; k < 3; k++) {
                    const uint32_t straight = (c[k] * 255 + a / 2) / a;
                    out[k] = (uint8_t)(straight > 255 ? 255 : straight);
                }
                out[3] = (uint8_t)a;
            }
        }
    }
    struct libdeflate_compressor *compressor = libdeflate_alloc_compressor(level);
    if (!compressor) { free(raw); return 1; }
    const size_t bound = libdeflate_zlib_compress_bound(compressor, size);
    uint8_t *z = (uint8_t *)malloc(bound);
    size_t zlength = z ? libdeflate_zlib_compress(compressor, raw, size, z, bound) : 0;
    libdeflate_free_compressor(compressor);
    free(raw);
    if (zlength == 0 || zlength > (size_t)INT32_MAX) { free(z); return 1; }

    static const uint8_t signature[8] = { 137, 80, 78, 71, 13, 10, 26, 10 };
    write(context, signature, 8);
    uint8_t ihdr[13];
    infoplot_png_put32(ihdr, (uint32_t)width);
    infoplot_png_put32(ihdr + 4, (uint32_t)height);
    ihdr[8] = 8;                                          // bit depth
    ihdr[9] = alpha ? 6 : 2;        // colour type: truecolour with alpha, or truecolour
    ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;             // deflate, adaptive filtering, no interlace
    infoplot_png_chunk("IHDR", ihdr, 13, write, context);
    if (pixels_per_metre > 0) {
        uint8_t phys[9];
        infoplot_png_put32(phys, pixels_per_metre);
        infoplot_png_put32(phys + 4, pixels_per_metre);
        phys[8] = 1;                                      // unit: the metre
        infoplot_png_chunk("pHYs", phys, 9, write, context);
    }
    infoplot_png_chunk("IDAT", z, zlength, write, context);
    infoplot_png_chunk("IEND", NULL, 0, write, context);
    free(z);
    return 0;
}
