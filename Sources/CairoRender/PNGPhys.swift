import Foundation

/// Cairo writes no pHYs chunk, so viewers assume 72 dpi. Insert one right after IHDR (PNG spec
/// §11.3.5.3: before the first IDAT) with pixels per metre and unit 1 (metre).
func insertPhysChunk(_ png: Data, dotsPerInch: Double) -> Data {
    let bytes = [UInt8](png)
    // 8-byte signature + IHDR (4 length + 4 type + 13 data + 4 CRC).
    guard bytes.count > 33, bytes[12...15].elementsEqual("IHDR".utf8) else { return png }
    let ppm = UInt32((dotsPerInch / 0.0254).rounded())
    var chunk: [UInt8] = [0, 0, 0, 9] + Array("pHYs".utf8)
    for _ in 0..<2 { chunk += [UInt8(ppm >> 24), UInt8((ppm >> 16) & 0xFF), UInt8((ppm >> 8) & 0xFF), UInt8(ppm & 0xFF)] }
    chunk.append(1)
    let crc = crc32(chunk[4...])
    chunk += [UInt8(crc >> 24), UInt8((crc >> 16) & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)]
    return Data(bytes[0..<33] + chunk + bytes[33...])
}

/// CRC-32 as PNG defines it (ISO 3309 polynomial, reflected, init and final xor 0xFFFFFFFF).
func crc32<C: Collection>(_ data: C) -> UInt32 where C.Element == UInt8 {
    var table = [UInt32](repeating: 0, count: 256)
    for n in 0..<256 {
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        table[n] = c
    }
    var crc: UInt32 = 0xFFFF_FFFF
    for b in data { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
}
