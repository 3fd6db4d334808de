/// One word of a command line, after quote removal and variable expansion.
///
/// `start` and `end` are offsets in Unicode scalars of the raw word in the line (quotes included),
/// `end` exclusive; a Chinese character counts as one. `column` is the 1-based column for messages.
public struct Token: Sendable, Hashable {
    /// The word's value: quotes removed, escapes resolved, variables expanded.
    public var text: String
    /// Scalar offset of the word's first raw character.
    public var start: Int
    /// Scalar offset just past the word's last raw character.
    public var end: Int
    /// True when any part of the word was written inside `'...'` or `"..."`. The parser reads a word
    /// as an option only when its name was typed bare, so `'--x'` is a positional value while
    /// `--note='late payment'` is an option with a quoted value.
    public var wasQuoted: Bool

    /// How many leading scalars of `text` were written outside quotes (all of them when
    /// `wasQuoted` is false). `--note='late payment'` has 7: its option name was typed bare.
    public var bareLength: Int

    public init(_ text: String, start: Int, end: Int, wasQuoted: Bool = false, bareLength: Int? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.wasQuoted = wasQuoted
        self.bareLength = bareLength ?? (wasQuoted ? 0 : text.unicodeScalars.count)
    }

    /// 1-based column of the word's first character, for diagnostics.
    public var column: Int { start + 1 }
}

/// The word under the cursor as seen by completion: what was typed from its start up to the cursor.
public struct PartialWord: Sendable, Hashable {
    /// Scalar offset where the word starts (equal to the cursor when the cursor follows a space).
    public var start: Int
    /// The word so far with quotes removed and escapes resolved; variables are left as typed.
    public var text: String
    /// The raw characters of the word so far, exactly as in the line.
    public var raw: String
    /// The quote left open at the cursor (`'` or `"`), if any.
    public var openQuote: Character?
    /// True when any part of the word so far was quoted.
    public var wasQuoted: Bool
}

/// What completion needs to know about a line cut at the cursor.
public struct CompletionContext: Sendable, Hashable {
    /// The complete words before the word under the cursor.
    public var tokens: [Token]
    /// The word under the cursor (empty when the cursor follows a space); nil inside a comment.
    public var current: PartialWord?
}

/// Splits command lines into words, shell style.
///
/// Rules: words are separated by spaces and tabs; `'...'` is literal; `"..."` allows the escapes
/// `\"`, `\\`, `\$` and expands variables; a backslash outside quotes escapes the next character;
/// `#` at the start of a word (outside quotes) starts a comment running to the end of the line;
/// `$NAME` and `${NAME}` expand (NAME: ASCII letters, digits, underscore), except inside `'...'`.
/// A `$` not followed by a name is literal.
///
/// ```swift
/// let tokens = try Tokenizer.tokenize(#"customer show "上海 星辰" # note"#) { _ in nil }
/// // [Token("customer", 0..<8), Token("show", 9..<13), Token("上海 星辰", 14..<21, quoted)]
/// ```
public enum Tokenizer {
    /// Tokenizes a whole line, expanding variables through `variables`.
    ///
    /// - Throws: `ShellError` with the 1-based column of the problem: an unterminated quote (column of
    ///   the opening quote), an undefined variable (column of its `$`, hint `set NAME VALUE`), an
    ///   unterminated or empty `${...}`.
    public static func tokenize(
        _ line: String, variables: (String) -> String? = { _ in nil }
    ) throws(ShellError) -> [Token] {
        let scalars = Array(line.unicodeScalars)
        return try withoutActuallyEscaping(variables) { variables throws(ShellError) in
            var scanner = Scanner(scalars: scalars, limit: scalars.count, variables: variables)
            return try scanner.run().tokens
        }
    }

    /// Tokenizes up to `cursor` (a scalar offset, clamped to the line) without ever failing: an open
    /// quote is tolerated, variables stay unexpanded, and the word under the cursor is reported.
    public static func tokenizeForCompletion(_ line: String, cursor: Int) -> CompletionContext {
        let scalars = Array(line.unicodeScalars)
        let limit = max(0, min(cursor, scalars.count))
        var scanner = Scanner(scalars: scalars, limit: limit, variables: nil)
        // A tolerant scanner (no variables) has no error path.
        guard let scan = try? scanner.run() else { return CompletionContext(tokens: [], current: nil) }
        if scan.inComment { return CompletionContext(tokens: scan.tokens, current: nil) }
        let current: PartialWord
        if let open = scan.open {
            let raw = String(String.UnicodeScalarView(scalars[open.start..<limit]))
            current = PartialWord(
                start: open.start, text: open.text, raw: raw,
                openQuote: open.quote.map { Character($0) }, wasQuoted: open.wasQuoted)
        } else {
            current = PartialWord(start: limit, text: "", raw: "", openQuote: nil, wasQuoted: false)
        }
        return CompletionContext(tokens: scan.tokens, current: current)
    }

    /// True when the line ends with a backslash that is outside quotes and not itself escaped (and not
    /// inside a comment): the REPL and the script runner then join it with the next line.
    public static func hasContinuation(_ line: String) -> Bool {
        let s = Array(line.unicodeScalars)
        var i = 0
        var inWord = false
        while i < s.count {
            let c = s[i]
            switch c {
            case " ", "\t":
                inWord = false
                i += 1
            case "#" where !inWord:
                return false
            case "\\":
                if i == s.count - 1 { return true }
                inWord = true
                i += 2
            case "'":
                inWord = true
                i += 1
                while i < s.count && s[i] != "'" { i += 1 }
                i += 1
            case "\"":
                inWord = true
                i += 1
                while i < s.count && s[i] != "\"" { i += s[i] == "\\" ? 2 : 1 }
                i += 1
            default:
                inWord = true
                i += 1
            }
        }
        return false
    }

    /// The line without its continuation backslash (unchanged when `hasContinuation` is false).
    /// Join continued lines as `removingContinuation(first) + next`, like a POSIX shell.
    public static func removingContinuation(_ line: String) -> String {
        guard hasContinuation(line) else { return line }
        var scalars = line.unicodeScalars
        scalars.removeLast()
        return String(scalars)
    }

    /// True when `text` can be written as a bare word (no quoting needed).
    public static func isBareWord(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { needsQuoting.contains($0) }
    }

    /// Writes `text` so that `tokenize` reads it back as one word: bare when possible, otherwise in
    /// single quotes (a single quote inside becomes `'\''`).
    public static func quote(_ text: String) -> String {
        if isBareWord(text) { return text }
        return "'" + text.replacingAll("'", with: #"'\''"#) + "'"
    }

    static let needsQuoting: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "'", "\"", "#", "$", "\\"]
}

extension String {
    /// Standard-library-only replacement of every occurrence of a character.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }
}
