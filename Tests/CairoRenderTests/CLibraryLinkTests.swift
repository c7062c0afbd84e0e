import Foundation
import Testing
import CCairo
import CFontconfig
import CHarfBuzz
import CFreeType
import CCmarkGFM

/// One real call into each C library, so a missing -dev package or a broken module map fails here
/// with a clear name rather than deep inside a renderer test.
@Suite struct CLibraryLinkTests {
    @Test func cairoWritesAOnePagePDF() throws {
        #expect(cairo_version() >= 11600)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("infoplot-link-\(getpid()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = cairo_pdf_surface_create(path, 200, 100)
        let cr = cairo_create(surface)
        cairo_rectangle(cr, 10, 10, 50, 50)
        cairo_fill(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        cairo_surface_destroy(surface)
        let info = try runTool("/usr/bin/pdfinfo", [path])
        #expect(info.range(of: #"Pages:\s+1\n"#, options: .regularExpression) != nil)
        #expect(info.contains("200 x 100 pts"))
    }

    @Test func fontconfigFindsDejaVuSans() {
        #expect(FcInit() != 0)
        let pattern = FcNameParse("DejaVu Sans")
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        let matched = FcFontMatch(nil, pattern, &result)
        defer { FcPatternDestroy(matched) }
        var file: UnsafeMutablePointer<FcChar8>?
        #expect(FcPatternGetString(matched, FC_FILE, 0, &file) == FcResultMatch)
        #expect(file.map { String(cString: $0) }?.hasSuffix("DejaVuSans.ttf") == true)
    }

    @Test func harfbuzzAndFreetypeOpenTheMathFont() {
        var library: FT_Library?
        #expect(FT_Init_FreeType(&library) == 0)
        var face: FT_Face?
        #expect(FT_New_Face(library, "/usr/share/fonts/truetype/dejavu/DejaVuMathTeXGyre.ttf", 0, &face) == 0)
        #expect(FT_Set_Char_Size(face, 0, 10 * 64, 72, 72) == 0)
        let hbFont = hb_ft_font_create_referenced(face)
        #expect(hb_ot_math_has_data(hb_font_get_face(hbFont)) != 0)
        #expect(hb_ot_math_get_constant(hbFont, HB_OT_MATH_CONSTANT_AXIS_HEIGHT) > 0)
        hb_font_destroy(hbFont)
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    @Test func cmarkRendersAGitHubTable() throws {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        defer { cmark_parser_free(parser) }
        let table = cmark_find_syntax_extension("table")
        #expect(table != nil)
        cmark_parser_attach_syntax_extension(parser, table)
        let text = "| a | b |\n|---|---|\n| 1 | 2 |\n"
        cmark_parser_feed(parser, text, text.utf8.count)
        let doc = cmark_parser_finish(parser)
        defer { cmark_node_free(doc) }
        let html = String(cString: cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)))
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>2</td>"))
    }
}

func runTool(_ tool: String, _ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
