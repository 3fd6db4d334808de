/// A small deterministic JSON writer (keys keep their given order).
///
/// Objects and arrays are indented by two spaces, except that an object inside an array is written
/// on one line, so a table becomes one line per row. Strings keep non-ASCII as UTF-8 and escape
/// `"`, `\` and control characters.
public enum JSONWriter {
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// A number literal, written as is (see `isNumber`).
        case number(String)
        case string(String)
        case array([Value])
        case object([Pair])

        public struct Pair: Sendable, Hashable {
            public var key: String
            public var value: Value
            public init(_ key: String, _ value: Value) {
                self.key = key
                self.value = value
            }
        }

        public static func object(_ pairs: [(String, Value)]) -> Value {
            .object(pairs.map { Pair($0.0, $0.1) })
        }
    }

    /// The JSON text of `value`, without a final newline.
    public static func write(_ value: Value) -> String {
        var out = ""
        write(value, indent: 0, inline: false, into: &out)
        return out
    }

    static func write(_ value: Value, indent: Int, inline: Bool, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += quoted(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            if inline {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    write(item, indent: indent, inline: true, into: &out)
                }
                out += "]"
                return
            }
            let pad = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                let rowLike: Bool = if case .object = item { true } else { false }
                write(item, indent: indent + 2, inline: rowLike, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            if inline {
                out += "{"
                for (i, pair) in pairs.enumerated() {
                    if i > 0 { out += ", " }
                    out += quoted(pair.key) + ": "
                    write(pair.value, indent: indent, inline: true, into: &out)
                }
                out += "}"
                return
            }
            let pad = String(repeating: " ", count: indent + 2)
            out += "{\n"
            for (i, pair) in pairs.enumerated() {
                out += pad + quoted(pair.key) + ": "
                write(pair.value, indent: indent + 2, inline: false, into: &out)
                out += i == pairs.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// True when `s` is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    public static func isNumber(_ s: String) -> Bool {
        var chars = Array(s.utf8)[...]
        func digits() -> Int {
            let n = chars.prefix { $0 >= 48 && $0 <= 57 }.count
            chars = chars.dropFirst(n)
            return n
        }
        if chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        if chars.first == UInt8(ascii: "0") {
            chars = chars.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            if digits() == 0 { return false }
        }
        if chars.first == UInt8(ascii: "e") || chars.first == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if chars.first == UInt8(ascii: "+") || chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
            if digits() == 0 { return false }
        }
        return chars.isEmpty
    }
}
