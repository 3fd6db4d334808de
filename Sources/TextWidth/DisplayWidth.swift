/// Horizontal alignment of text in a column.
public enum Alignment: Sendable, Hashable {
    case left, right
}

/// How many terminal cells text takes: wide East Asian characters and emoji take two, combining
/// marks and other zero-width characters none, everything else one.
///
/// Wide: CJK Unified Ideographs (all extensions), CJK radicals, symbols and punctuation,
/// Hiragana, Katakana, Bopomofo, Hangul (Jamo and syllables), Yi, fullwidth forms, vertical and
/// compatibility forms, and emoji with emoji presentation (or followed by U+FE0F).
///
/// ```swift
/// DisplayWidth.of("上海星辰 Ltd")  // 12
/// DisplayWidth.pad("上海", to: 6, alignment: .left)  // "上海  "
/// ```
public enum DisplayWidth {
    /// The width in cells of `text` (one grapheme cluster counts once, by its widest scalar).
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The width in cells of one character (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isWide(first) { return 2 }
        if scalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        if isZeroWidth(first) { return 0 }
        return 1
    }

    /// `text` padded with spaces to `width` cells (unchanged when already as wide or wider).
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        return alignment == .left ? text + spaces : spaces + text
    }

    /// `text` cut to at most `width` cells, ending with `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard of(text) > width else { return text }
        let budget = width - of(ellipsis)
        guard budget >= 0 else { return String(repeating: ".", count: max(0, width)) }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// `text` in lines of at most `width` cells: broken after the last space that fits (not one
    /// before a `%`, which stays with its number: `12 %`), else (a long word, or Chinese, which has
    /// no spaces) between characters. Never loses a character.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0, of(text) > width else { return [text] }
        var lines: [String] = []
        var current = "", used = 0
        for character in text {
            let w = of(character)
            if used + w > width {
                let breaks = current.indices.filter {
                    let next = current.index(after: $0)
                    return current[$0] == " " && (next < current.endIndex ? current[next] : character) != "%"
                }
                if let space = breaks.last, space != current.startIndex {
                    lines.append(String(current[..<space]))
                    current = String(current[current.index(after: space)...])
                } else {
                    lines.append(current)
                    current = ""
                }
                used = of(current)
            }
            if character == " " && current.isEmpty { continue }  // a new line starts with no space
            current.append(character)
            used += w
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return s.properties.isEmojiPresentation
        }
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return true
        default:
            return (0x1160...0x11FF).contains(s.value) || (0xFE00...0xFE0F).contains(s.value)
        }
    }
}
