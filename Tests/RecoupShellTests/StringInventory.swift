import Foundation
import RecoupShell
import ShellKit

/// Every English text the interface shows, as catalogue keys: the command table's summaries,
/// discussions and argument and option help (read from the table itself), and the string literals
/// the sources hand to the places that show text (errors and their hints, table and record titles,
/// column headers, confirmations, terms, `tr(...)`), with each interpolation as `{}`.
///
/// This is the English catalogue: `docs/strings/en.txt` is written from it, and every language's
/// catalogue must have exactly these keys.
enum StringInventory {
    /// The places whose first string literal argument is shown to the user.
    static let markers = [
        "ShellError(", "ServiceError(", "hint:", "help:", "Column(", "title:", "tr(", ".text(", ".term(", "message:",
        ".rule(", "notPermitted(", "summary:", "Problem(", "footer = ", ".map { ", "hint = ", "message = ", "reason:",
        "? ", " : ",
        "?? ", "say(",
    ]
    /// Files whose `return "..."` lines are messages (the error types' `message` and `hint`).
    static let messageFiles = ["StoreError.swift", "ServiceContext.swift", "Money.swift", "Day.swift"]

    static func keys() throws -> [String] {
        var keys = Set<String>()
        for spec in Catalog.table.specs {
            keys.insert(spec.summary)
            let discussion = spec.discussion.trimmingCharacters(in: .whitespacesAndNewlines)
            if !discussion.isEmpty { keys.insert(discussion) }
            for a in spec.arguments { keys.insert(a.help) }
            for o in spec.options { keys.insert(o.help) }
        }
        keys.formUnion(Localization.composedPhrases)
        let root = Sandbox.packageRoot + "/Sources"
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("recoup-bench") && !$0.contains("Strings+") }
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            let isMessageFile = messageFiles.contains { file.hasSuffix($0) }
            for literal in literals(in: text, messageFile: isMessageFile) { keys.insert(literal) }
        }
        return keys.filter(isShownText).union(Localization.terms).sorted()
    }

    /// Leaves out literals that are not words for people: SQL, keys, formats, bare placeholders.
    static func isShownText(_ s: String) -> Bool {
        let letters = s.filter(\.isLetter)
        guard letters.count >= 2 else { return false }
        if (s.count <= 2 && s == s.lowercased()) || (s.hasPrefix("--") && !s.contains(" ")) || s.hasSuffix("[")
            || s.contains("{FFFD}")
        {
            return false
        }
        let chinese = s.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        if chinese > s.unicodeScalars.filter({ $0.isASCII && $0.properties.isAlphabetic }).count { return false }  // Chinese already
        if s.contains("CASE WHEN") || s.contains("SELECT ") { return false }
        if s.contains("{}") && !s.contains(" ") && (s.contains(".") || s.contains("/") || s.contains("@")) {
            return false  // a key or a path pattern: deposit.{}.other, letters/{}
        }
        // Pieces of a text composed elsewhere (" for {}", "whatif "): not shown alone.
        if s.first == " " || s.first == "," || s.first == ";" || s.last == " " { return false }
        if s.allSatisfy({ $0.isLowercase || $0 == "_" || $0.isNumber }) && s.contains("_") { return false }  // keys
        let upper = s.uppercased()
        for sql in ["SELECT ", "INSERT ", "UPDATE ", "CREATE ", "PRAGMA ", "DELETE "] where upper.hasPrefix(sql) {
            return s.hasPrefix(sql) == false
        }
        return true
    }

    /// The string literals that follow a marker in `source`.
    static func literals(in source: String, messageFile: Bool) -> [String] {
        let chars = Array(source)
        var out: [String] = []
        var markers = Self.markers
        if messageFile { markers.append("return ") }
        let markerChars = markers.map(Array.init)
        var i = 0
        while i < chars.count {
            // Skip comments.
            if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if chars[i] == "\"" {
                // A literal not after a marker: skip it whole.
                i = parseLiteral(chars, at: i)?.end ?? i + 1
                continue
            }
            var matched = false
            for m in markerChars where i + m.count <= chars.count && Array(chars[i..<i + m.count]) == m {
                if m == Array("tr("), i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_" {
                    continue
                }
                var j = i + m.count
                while j < chars.count, chars[j].isWhitespace { j += 1 }
                if j < chars.count, chars[j] == "\"", let lit = parseLiteral(chars, at: j) {
                    out.append(lit.text)
                    i = lit.end
                } else {
                    i += m.count
                }
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return out
    }

    /// The literal starting at `start` (a `"` or `"""`): its text with interpolations as `{}`, a
    /// final newline dropped, and the index after it.
    static func parseLiteral(_ c: [Character], at start: Int) -> (text: String, end: Int)? {
        let multi = start + 2 < c.count && c[start + 1] == "\"" && c[start + 2] == "\""
        var i = start + (multi ? 3 : 1)
        var text = ""
        while i < c.count {
            let ch = c[i]
            if multi, ch == "\"", i + 2 < c.count, c[i + 1] == "\"", c[i + 2] == "\"" {
                return (dedent(text), i + 3)
            }
            if !multi, ch == "\"" { return (text.hasSuffix("\n") ? String(text.dropLast()) : text, i + 1) }
            if !multi, ch == "\n" { return nil }
            if ch == "\\", i + 1 < c.count {
                let next = c[i + 1]
                switch next {
                case "(":
                    // Skip the interpolated expression, nested parentheses and literals included.
                    var depth = 1
                    var j = i + 2
                    while j < c.count, depth > 0 {
                        if c[j] == "\"" {
                            j = parseLiteral(c, at: j)?.end ?? j + 1
                            continue
                        }
                        if c[j] == "(" { depth += 1 }
                        if c[j] == ")" { depth -= 1 }
                        j += 1
                    }
                    text += "{}"
                    i = j
                    continue
                case "n": text += "\n"
                case "t": text += "\t"
                case "\n": text += "\u{1}"  // a line continuation inside a multi-line literal
                default: text.append(next)
                }
                i += 2
                continue
            }
            text.append(ch)
            i += 1
        }
        return nil
    }

    /// A multi-line literal's text without its lines' common indentation (that of the closing
    /// delimiter), continuations joined.
    static func dedent(_ raw: String) -> String {
        var lines = raw.components(separatedBy: "\n")
        if lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        let indent = lines.last.map { $0.prefix { $0 == " " }.count } ?? 0
        if lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        let text = lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }
            .joined(separator: "\n")
        return text.replacingOccurrences(of: "\u{1}\n", with: "").replacingOccurrences(of: "\u{1}", with: "")
            .trimmingCharacters(in: .newlines)
    }

    /// The keys in the catalogue's source form (`en: ...` blocks), for `docs/strings/en.txt`.
    static func englishFile(_ keys: [String]) -> String {
        "# Every English text Recoup shows, one entry per block (written by StringInventory; do not edit).\n"
            + "# A language's catalogue has these keys, each followed by its translation: see Catalogue.\n\n"
            + keys.map { "en: " + $0.replacingOccurrences(of: "\n", with: "\n  ") + "\n" }.joined()
    }
}
