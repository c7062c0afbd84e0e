import FigureModel

/// `color:` a theme role (`foreground`, `muted`, `background`, `series1`…), which stays a role the
/// exporter resolves in the theme it draws in; an Okabe–Ito name or `#RRGGBB[AA]`, which are the
/// author's literal colours in every theme.
func parseColor(_ text: String) -> Paint? {
    let s = text.lowercased()
    if s.hasPrefix("#"), s.count == 7 || s.count == 9, let v = UInt64(s.dropFirst(), radix: 16) {
        return .color(s.count == 7 ? Color(hex: UInt32(v)) : Color(hex: UInt32(v >> 8), alpha: Double(v & 0xFF) / 255))
    }
    if s.hasPrefix("series"), let i = Int(s.dropFirst(6)), i >= 1 { return .series(i - 1) }
    // `ink(series1)`: the ink that reads on that colour (text on a bar of it).
    if s.hasPrefix("ink("), s.hasSuffix(")"), let under = parseColor(String(s.dropFirst(4).dropLast())) { return under.contrastingInk }
    if let role = roleNames[s] { return role }
    return namedColors[s].map { .color($0) }
}

let roleNames: [String: Paint] = ["foreground": .foreground, "muted": .muted, "background": .background]

let namedColors: [String: Color] = [
    "blue": OkabeIto.blue, "orange": OkabeIto.orange, "vermillion": OkabeIto.vermillion, "red": OkabeIto.vermillion,
    "green": OkabeIto.bluishGreen, "skyblue": OkabeIto.skyBlue, "purple": OkabeIto.reddishPurple,
    "yellow": OkabeIto.yellow, "black": .black, "white": .white, "grey": .grey(0.5), "gray": .grey(0.5)]

let colorNames = ["foreground", "muted", "background", "series1", "series2", "series3", "ink(series1)", "blue", "orange", "vermillion",
                  "red", "green", "skyblue", "purple", "yellow", "black", "white", "grey", "#RRGGBB"]

let dashNames: [String: LineStyle] = ["solid": .solid, "dashed": .dashed, "dotted": .dotted, "dash-dot": .dashDot,
                                      "long-dash": .longDash]
