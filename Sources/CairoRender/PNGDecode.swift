import CCairo
import Foundation

/// A decoded PNG: straight (not premultiplied) 0xAARRGGBB pixels, top row first.
public struct DecodedPNG: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt32]
}

/// Reads PNG bytes through cairo's PNG reader (the image a style's logo names). Cairo gives
/// premultiplied ARGB32; the pixels are turned back to straight alpha, as `FrameImage` stores them.
public func decodePNG(_ data: Data) throws -> DecodedPNG {
    final class Source { let bytes: [UInt8]; var offset = 0; init(_ d: Data) { bytes = [UInt8](d) } }
    let source = Source(data)
    let read: cairo_read_func_t = { closure, out, length in
        guard let closure, let out else { return CAIRO_STATUS_READ_ERROR }
        let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard s.offset + n <= s.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        s.bytes.withUnsafeBufferPointer { out.update(from: $0.baseAddress! + s.offset, count: n) }
        s.offset += n
        return CAIRO_STATUS_SUCCESS
    }
    guard let surface = withExtendedLifetime(source, {
        cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
    }) else { throw RenderError("PNG decoding failed") }
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        throw RenderError(String(cString: cairo_status_to_string(cairo_surface_status(surface))))
    }
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard width > 0, height > 0, let base = cairo_image_surface_get_data(surface) else { throw RenderError("the PNG is empty") }
    let opaque = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24
    var pixels: [UInt32] = []
    pixels.reserveCapacity(width * height)
    for r in 0..<height {
        let row = UnsafeRawPointer(base + r * stride).assumingMemoryBound(to: UInt32.self)
        for c in 0..<width {
            let p = row[c]
            if opaque { pixels.append(p | 0xFF00_0000); continue }
            let a = p >> 24
            guard a > 0 else { pixels.append(0); continue }
            func un(_ shift: UInt32) -> UInt32 { min(255, (((p >> shift) & 0xFF) * 255 + a / 2) / a) << shift }
            pixels.append(a << 24 | un(16) | un(8) | un(0))
        }
    }
    return DecodedPNG(width: width, height: height, pixels: pixels)
}
