import CCairo
import CPangoCairo

/// A Pango context for measuring and drawing at 72 units per inch with hinting off and unrounded glyph
/// positions, so a string has the same width on PDF, SVG and PNG surfaces and layout can measure once
/// for every format. (Pango ≥ 1.44 rounds glyph positions to whole points unless told not to, which
/// makes widths jump with the font size.) The caller owns the context (g_object_unref).
func makeUnhintedPangoContext() -> OpaquePointer {
    let context = pango_font_map_create_context(pango_cairo_font_map_get_default())!
    pango_cairo_context_set_resolution(context, 72)
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_context_set_round_glyph_positions(context, 0)
    return context
}
