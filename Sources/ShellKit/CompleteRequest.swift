/// The hidden `recoup __complete --cursor-word N -- WORD...` entry used by the bash, zsh and fish
/// completion scripts.
///
/// The scripts pass the words of the shell command after `recoup`'s global options, as the user
/// typed them (still quoted), and the index of the word under the cursor (the last word, possibly
/// empty). The request rebuilds a line and cursor for `Completer`, and `output` prints one
/// candidate per line as `WORD<TAB>DESCRIPTION`, where WORD is the whole replacement for the
/// current word (so `--format=c` completes to `--format=csv`), unquoted: each shell quotes it.
///
/// ```swift
/// let request = try CompleteRequest(parsing: ["--cursor-word", "2", "--", "customer", "show", "bj"])
/// print(request.output(using: completer), terminator: "")
/// ```
public struct CompleteRequest: Sendable, Hashable {
    /// The command words, as typed.
    public var words: [String]
    /// Index in `words` of the word under the cursor (`words.count` means a new, empty word).
    public var cursorWord: Int

    public init(words: [String], cursorWord: Int) {
        self.words = words
        self.cursorWord = max(0, min(cursorWord, words.count))
    }

    /// Reads the arguments after `__complete`: `--cursor-word N [--] WORD...`.
    ///
    /// - Throws: `ShellError` when `--cursor-word` is missing or not a number.
    public init(parsing arguments: [String]) throws(ShellError) {
        var index = 0
        var cursorWord: Int?
        var words: [String] = []
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                words += arguments[index...]
                break
            } else if argument == "--cursor-word" || argument.hasPrefix("--cursor-word=") {
                let value = argument.contains("=")
                    ? String(argument.drop { $0 != "=" }.dropFirst())
                    : (index < arguments.count ? arguments[index] : "")
                if !argument.contains("=") { index += 1 }
                guard let number = Int(value), number >= 0 else {
                    throw ShellError("invalid value '\(value)' for '--cursor-word'", hint: "expected a word index")
                }
                cursorWord = number
            } else {
                words.append(argument)
            }
        }
        guard let cursorWord else {
            throw ShellError("missing option '--cursor-word'", hint: "usage: __complete --cursor-word N -- WORD...")
        }
        self.init(words: words, cursorWord: cursorWord)
    }

    /// The words joined by spaces up to and including the cursor word, with the cursor at its end
    /// (scalar offset). Words after the cursor word are ignored.
    public var line: (text: String, cursor: Int) {
        var text = words.prefix(cursorWord + 1).joined(separator: " ")
        if cursorWord >= words.count { text += words.isEmpty ? "" : " " }
        return (text, text.unicodeScalars.count)
    }

    /// Runs the completer and formats its candidates, one `WORD<TAB>DESCRIPTION` line each.
    public func output(using completer: Completer) -> String {
        let (text, cursor) = line
        let result = completer.complete(line: text, cursor: cursor)
        return Self.format(result, line: text)
    }

    /// Formats a result for the scripts: each candidate as the whole current word (the text of the
    /// word before `replaceStart`, unquoted, followed by the value), a tab and its description
    /// (tabs and newlines in it become spaces; the tab is left out when there is no description).
    public static func format(_ result: CompletionResult, line: String) -> String {
        let context = Tokenizer.tokenizeForCompletion(line, cursor: result.replaceStart)
        let lead = context.current.map { $0.start < result.replaceStart ? $0.text : "" } ?? ""
        return result.candidates.map { candidate in
            let description = String(candidate.description.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            let value = lead + candidate.value
            return (description.isEmpty ? value : value + "\t" + description) + "\n"
        }.joined()
    }
}
