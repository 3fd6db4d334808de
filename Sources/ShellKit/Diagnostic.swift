/// An error found while reading or parsing a command line: what went wrong, one hint, and where.
///
/// `message` is lower-case with user text in single quotes; `hint` is shown in parentheses;
/// `column` is 1-based and counts Unicode scalars.
public struct ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var column: Int?

    public init(_ message: String, hint: String? = nil, column: Int? = nil) {
        self.message = message
        self.hint = hint
        self.column = column
    }

    /// `message (hint)`, without location.
    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}

/// A message ready to show the user, with whatever location is known.
///
/// ```swift
/// Diagnostic(file: "nightly.recoup", line: 12, column: 8, message: "unknown option '--amout'",
///            hint: "did you mean '--amount'?").rendered
/// // nightly.recoup:12:8: error: unknown option '--amout' (did you mean '--amount'?)
/// ```
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var file: String?
    /// 1-based line number in `file` (or in the session).
    public var line: Int?
    /// 1-based column in Unicode scalars.
    public var column: Int?
    public var severity: Severity
    public var message: String
    public var hint: String?
    /// The severity as shown, when not its English word (`错误` for `error`).
    public var severityWord: String?

    public init(
        file: String? = nil, line: Int? = nil, column: Int? = nil, severity: Severity = .error,
        message: String, hint: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// A diagnostic for a `ShellError`, placed in `file` at `line` (the error supplies the column).
    public init(_ error: ShellError, file: String? = nil, line: Int? = nil) {
        self.init(file: file, line: line, column: error.column, message: error.message, hint: error.hint)
    }

    /// `FILE:LINE:COL: error: MESSAGE (HINT)`.
    ///
    /// Missing parts are left out: `FILE:LINE: error: ...`, `FILE: error: ...`, `LINE:COL: error: ...`
    /// or just `error: ...`. A column without a line (interactive input) is not printed: show
    /// `caret(under:)` instead.
    public var rendered: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let line {
            location.append(String(line))
            if let column { location.append(String(column)) }
        }
        let prefix = location.isEmpty ? "" : location.joined(separator: ":") + ": "
        let suffix = hint.map { " (\($0))" } ?? ""
        return "\(prefix)\(severityWord ?? severity.rawValue): \(message)\(suffix)"
    }

    /// Two lines pointing at `column` in `source`: the source line, then a `^` under the column,
    /// aligned by display width (a Chinese character takes two cells). Nil when there is no column.
    public func caret(under source: String) -> String? {
        guard let column, column >= 1 else { return nil }
        let before = String(String.UnicodeScalarView(source.unicodeScalars.prefix(column - 1)))
        let offset = DisplayWidth.of(before.replacingAll("\t", with: " "))
        return source + "\n" + String(repeating: " ", count: offset) + "^"
    }
}

/// "Did you mean ...?" suggestions.
public enum DidYouMean {
    /// The candidate closest to `word`, or nil when none is close enough.
    ///
    /// Accepts the smallest case-insensitive Damerau-Levenshtein distance that is at most
    /// `max(1, word.count / 3)`; ties go to the candidate listed first. Failing that, accepts the only
    /// candidate that starts with `word`. An exact match is returned as is.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        guard !word.isEmpty else { return nil }
        let lowered = Array(word.lowercased())
        let limit = max(1, lowered.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(lowered, Array(candidate.lowercased()))
            if d <= limit, best == nil || d < best!.distance { best = (candidate, d) }
        }
        if let best { return best.candidate }
        let prefixed = Set(candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) })
        return prefixed.count == 1 ? prefixed.first : nil
    }

    /// Optimal-string-alignment (restricted Damerau-Levenshtein) distance between two words:
    /// insertions, deletions, substitutions and transpositions of adjacent characters cost 1.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
