/// The words of the interface in one language other than English: help, messages, hints, table
/// titles and headers, and the terms (states, kinds) shown in table cells.
///
/// English is the source language: the English text where the code uses it is the key, so the
/// English catalogue is the code itself (collected by a test into `docs/strings/en.txt`), and a
/// language's catalogue maps each key to its translation. A key may hold `{}` where the English
/// text interpolates a value (`"no customer '{}'"`); the translation places the values with `{}`
/// in the same order, or `{1}`, `{2}` ... to reorder them. Text without an entry is shown as it is,
/// in English, so a missing entry never hides a message (a test fails on one).
///
/// The catalogue's source text is one entry per block:
///
/// ```text
/// en: no customer '{}'
/// zh: 没有客户“{}”
///
/// en: a longer text
///   that goes on over more lines
/// zh: 较长的文字
///   接着写
/// ```
///
/// Lines starting with two spaces continue the entry above them (joined with a newline); `#` starts
/// a comment line.
public struct Catalogue: Sendable {
    /// One entry with `{}` in its key.
    struct Template: Sendable {
        /// The key's literal pieces around its placeholders: `n` placeholders give `n + 1` pieces.
        var pieces: [String]
        /// The translation: literal text and placeholder numbers (0-based), in order.
        var output: [Piece]
    }

    enum Piece: Sendable {
        case literal(String)
        case value(Int)
    }

    /// The language's code, `zh`; `en` for English (no entries).
    public let language: String
    /// Keys without placeholders, to their translation.
    public private(set) var exact: [String: String] = [:]
    var templates: [Template] = []
    /// Every key in the order the source gives them (placeholders as `{}`).
    public private(set) var keys: [String] = []
    /// Problems found in the source text: an `en:` without its `zh:`, a duplicate key, a translation
    /// that places a value the key does not have.
    public private(set) var problems: [String] = []

    /// English: every text shown as it is.
    public static let english = Catalogue(language: "en")

    init(language: String) { self.language = language }

    /// Parses a catalogue's source text (see the type's documentation).
    public init(language: String, source: String) {
        self.language = language
        var entries: [(en: String, other: String, line: Int)] = []
        var enLine = 0
        var current: WritableKeyPath<(String?, String?), String?>?
        var pair: (String?, String?) = (nil, nil)
        func flush() {
            if let e = pair.0 {
                if let o = pair.1 {
                    entries.append((e, o, enLine))
                } else {
                    problems.append("line \(enLine): 'en:' without its '\(language):'")
                }
            }
            pair = (nil, nil)
            current = nil
        }
        var lineNumber = 0
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(raw)
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("en: ") || line == "en:" {
                flush()
                enLine = lineNumber
                pair.0 = String(line.dropFirst(4))
                current = \.0
            } else if line.hasPrefix("\(language): ") || line == "\(language):" {
                guard pair.0 != nil, pair.1 == nil else {
                    problems.append("line \(lineNumber): '\(language):' without an 'en:' before it")
                    continue
                }
                pair.1 = String(line.dropFirst(language.count + 2))
                current = \.1
            } else if line.hasPrefix("  "), let path = current {
                pair[keyPath: path] = (pair[keyPath: path] ?? "") + "\n" + line.dropFirst(2)
            } else if !line.allSatisfy({ $0 == " " }) {
                problems.append("line \(lineNumber): neither 'en:', '\(language):' nor a continuation")
            }
        }
        flush()
        var seen = Set<String>()
        for entry in entries {
            guard seen.insert(entry.en).inserted else {
                problems.append("line \(entry.line): '\(entry.en)' has a second entry")
                continue
            }
            keys.append(entry.en)
            let pieces = entry.en.split(separator: "{}", omittingEmptySubsequences: false).map(String.init)
            if pieces.count == 1 {
                exact[entry.en] = entry.other
                continue
            }
            let output = Self.pieces(of: entry.other, values: pieces.count - 1)
            if output.contains(where: { if case .value(let k) = $0 { k >= pieces.count - 1 } else { false } }) {
                problems.append("line \(entry.line): the translation places a value the key does not have")
                continue
            }
            templates.append(Template(pieces: pieces, output: output))
        }
        // Longer literal text first, so "no open invoice '{}'" wins over "no {} '{}'".
        templates.sort { $0.pieces.joined().count > $1.pieces.joined().count }
    }

    /// The translation's pieces: `{}` takes the next value, `{N}` value N (1-based).
    static func pieces(of text: String, values: Int) -> [Piece] {
        var out: [Piece] = []
        var literal = ""
        var next = 0
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), after[..<close].allSatisfy(\.isNumber) {
                literal += rest[..<open]
                if !literal.isEmpty { out.append(.literal(literal)) }
                literal = ""
                let digits = after[..<close]
                if digits.isEmpty {
                    out.append(.value(next))
                    next += 1
                } else {
                    out.append(.value(Int(digits)! - 1))
                }
                rest = after[after.index(after: close)...]
            } else {
                literal += rest[...open]
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty { out.append(.literal(literal)) }
        return out
    }

    /// True for English, which needs no translation.
    public var isEnglish: Bool { language == "en" }

    /// The text in this language: its entry's translation, or a template's with the values the
    /// text holds, or the text itself when no entry matches. Text of several lines with no entry of
    /// its own is translated line by line.
    public func callAsFunction(_ text: String) -> String {
        if isEnglish || text.isEmpty { return text }
        if let hit = translation(text) { return hit }
        if text.contains("\n") {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                translation(String($0)) ?? String($0)
            }.joined(separator: "\n")
        }
        return text
    }

    /// The translation of exactly this text, or nil.
    public func translation(_ text: String) -> String? {
        if let hit = exact[text] { return hit }
        for template in templates {
            if let values = Self.match(text, template.pieces) {
                return template.output.map { piece in
                    switch piece {
                    case .literal(let s): s
                    // A value that is itself a sentence (a reason inside a message) is translated too;
                    // a word (an id, a command word, a name) is shown as the user typed it.
                    case .value(let k): values[k].contains(" ") ? translation(values[k]) ?? values[k] : values[k]
                    }
                }.joined()
            }
        }
        return nil
    }

    /// The values between the pieces when `text` has the pieces in order (each value as short as
    /// it can be, the last one up to the final piece), or nil.
    static func match(_ text: String, _ pieces: [String]) -> [String]? {
        guard text.hasPrefix(pieces[0]), text.hasSuffix(pieces[pieces.count - 1]),
            text.count >= pieces[0].count + pieces[pieces.count - 1].count
        else { return nil }
        var values: [String] = []
        var rest = text.dropFirst(pieces[0].count)
        for k in 1..<pieces.count {
            if k == pieces.count - 1 {
                guard rest.hasSuffix(pieces[k]) else { return nil }
                values.append(String(rest.dropLast(pieces[k].count)))
                return values
            }
            if pieces[k].isEmpty {
                // Two values side by side ("problem{}{}": "s", " (first 20 shown)"): the first is a
                // word, up to the first space or bracket.
                let word = rest.prefix { !$0.isWhitespace && !"(（;；,，:：".contains($0) }
                values.append(String(word))
                rest = rest.dropFirst(word.count)
                continue
            }
            guard let range = rest.firstRange(of: pieces[k]) else { return nil }
            values.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        return values
    }
}

extension String {
    /// The text with its first `{}` replaced by `value` (for a catalogue phrase with one value).
    public func replacingFirstPlaceholder(with value: String) -> String {
        guard let range = firstRange(of: "{}") else { return self }
        return String(self[..<range.lowerBound]) + value + String(self[range.upperBound...])
    }
}
