/// Tab completion as a pure function of the line and the cursor.
///
/// At the first word it offers command words (groups, commands, aliases); after a group, its
/// subcommands; after a command, options when the word starts with `-` (or when no positional
/// argument is expected), an option's values after an option that takes one (or after `--opt=`),
/// and otherwise the next positional argument's values. Values come from the `CompletionSource`:
/// fixed lists and paths are answered here, `.domain` by the provider, except `.domain("command")`,
/// which completes command words from the table (for `help customer sh<Tab>`).
///
/// ```swift
/// let completer = Completer(table: table, provider: index)
/// let result = completer.complete(line: "customer show bjdf", cursor: 18)
/// // result.insertion == "北京东方" when two customers match, replacing scalars 14..<18
/// ```
public struct Completer {
    public var table: CommandTable
    public var provider: any CompletionProvider
    /// Base for relative paths (nil: the process's current directory).
    public var currentDirectory: String?
    /// Replaces `~` in paths (nil: `$HOME`).
    public var homeDirectory: String?

    public init(
        table: CommandTable, provider: any CompletionProvider = NoCompletions(),
        currentDirectory: String? = nil, homeDirectory: String? = nil
    ) {
        self.table = table
        self.provider = provider
        self.currentDirectory = currentDirectory
        self.homeDirectory = homeDirectory
    }

    /// The word being completed: where its replaceable part starts and what was typed there.
    struct Target {
        var start: Int
        var typed: String
        var openQuote: Character?
        var isPath = false
        /// The provider left matches out: insert no common prefix.
        var isPartial = false
    }

    /// Completes the word ending at `cursor` (a scalar offset into `line`).
    public func complete(line: String, cursor: Int) -> CompletionResult {
        let cursor = max(0, min(cursor, line.unicodeScalars.count))
        let context = Tokenizer.tokenizeForCompletion(line, cursor: cursor)
        guard let current = context.current else { return .none(at: cursor) }
        var target = Target(start: current.start, typed: current.text, openQuote: current.openQuote)
        let candidates = unique(candidates(context.tokens, current, &target))
        var result = CompletionResult(
            replaceStart: target.start, replaceEnd: cursor,
            insertion: insertion(for: candidates.map(\.value), target),
            candidates: candidates)
        result.isPartial = target.isPartial
        return result
    }

    func candidates(_ tokens: [Token], _ current: PartialWord, _ target: inout Target) -> [Candidate] {
        let words = tokens.map(\.text)
        let walked = table.walk(words)
        var result: [Candidate] = []
        if walked.depth == words.count && !current.text.hasPrefix("-") {
            result += commandWords(after: words, typed: current.text)
        }
        guard let command = walked.command, command.depth == walked.depth else { return result }
        let spec = table.specs[command.spec]
        return result + arguments(spec, Array(tokens[command.depth...]), current, &target)
    }

    /// Words that may follow `path`, starting with `typed`, described by summary or subcommands.
    func commandWords(after path: [String], typed: String) -> [Candidate] {
        table.subcommands(of: path).filter { $0.hasPrefix(typed) }.map {
            Candidate($0, description: table.describe($0, after: path))
        }
    }

    func arguments(_ spec: CommandSpec, _ tokens: [Token], _ current: PartialWord, _ target: inout Target)
        -> [Candidate]
    {
        var optionsEnded = false
        var positionals: [String] = []
        var used = Set<String>()
        var pending: OptionSpec?
        for token in tokens {
            if pending != nil { pending = nil; continue }
            if !optionsEnded && !token.wasQuoted && token.text == "--" { optionsEnded = true; continue }
            if !optionsEnded && ArgumentParser.looksLikeOption(token, in: spec) {
                let name = String(token.text.split(separator: "=", maxSplits: 1)[0])
                guard let option = spec.option(named: name) else { continue }
                used.insert(option.name)
                if !option.isFlag && !token.text.contains("=") { pending = option }
                continue
            }
            positionals.append(token.text)
        }
        if let pending {
            return values(pending.completion, earlier: [], &target)
        }
        let raw = current.raw
        if !optionsEnded, raw.hasPrefix("--"), let equals = raw.firstIndex(of: "="),
            let option = spec.option(named: String(raw[..<equals])), !option.isFlag
        {
            let offset = raw.unicodeScalars.distance(from: raw.startIndex, to: equals) + 1
            target.start = current.start + offset
            target.typed = String(current.text.unicodeScalars.dropFirst(offset))
            return values(option.completion, earlier: [], &target)
        }
        let options = spec.options.filter { $0.isRepeatable || !used.contains($0.name) }.map {
            Candidate($0.name, description: $0.help)
        }
        if !optionsEnded && !current.wasQuoted && current.text.hasPrefix("-") {
            return options.filter { $0.value.hasPrefix(current.text) }
        }
        let index = positionals.count
        let argument =
            index < spec.arguments.count
            ? spec.arguments[index]
            : spec.arguments.last.flatMap {
                $0.isVariadic ? $0 : nil
            }
        let offerOptions = optionsEnded || !current.text.isEmpty ? [] : options
        guard let argument else { return offerOptions }
        let position = spec.arguments.firstIndex(of: argument) ?? index
        let found = values(argument.completion, earlier: Array(positionals.dropFirst(position)), &target)
        if found.isEmpty && (argument.isOptional || argument.isVariadic && index > position) {
            return offerOptions
        }
        return found
    }

    /// Candidates from a source for `target.typed`; `earlier` holds the words already given to the
    /// same (variadic) argument.
    func values(_ source: CompletionSource, earlier: [String], _ target: inout Target) -> [Candidate] {
        let typed = target.typed
        switch source {
        case .none:
            return []
        case .values(let values):
            return values.filter { $0.hasPrefix(typed) }.map { Candidate($0) }
        case .file, .directory:
            target.isPath = true
            return FilePaths.candidates(
                for: typed, directoriesOnly: source == .directory, in: currentDirectory,
                home: homeDirectory ?? FilePaths.home)
        case .domain("command"):
            return commandWords(after: earlier, typed: typed)
        case .domain(let domain):
            let answer = provider.answer(domain: domain, prefix: typed)
            target.isPartial = answer.isPartial
            return answer.candidates
        }
    }

    /// The candidates without repeated values, compared by their bytes: a `String` hashes its
    /// canonical form, which for Chinese names cost more than finding them (Tab on 100,000 customers).
    func unique(_ candidates: [Candidate]) -> [Candidate] {
        var seen = Set<[UInt8]>()
        return candidates.filter { seen.insert(Array($0.value.utf8)).inserted }
    }

    /// The text to insert: a unique candidate quoted and followed by a space (none after a directory),
    /// or the candidates' longest common prefix when it extends or replaces what was typed.
    func insertion(for values: [String], _ target: Target) -> String? {
        guard let first = values.first, !target.isPartial || values.count == 1 else { return nil }
        if values.count == 1 {
            let space = target.isPath && first.hasSuffix("/") ? "" : " "
            return Self.quoted(first, openQuote: target.openQuote, closing: true) + space
        }
        let prefix = Self.longestCommonPrefix(values)
        let typed = target.typed
        let extends = prefix.hasPrefix(typed)
        let replaces = !values.allSatisfy { $0.hasPrefix(typed) }
        guard prefix != typed, !typed.hasPrefix(prefix), extends || replaces else { return nil }
        return Self.quoted(prefix, openQuote: target.openQuote, closing: false)
    }

    /// `text` written for the line: bare when possible, else continuing the user's open quote or in
    /// single quotes; the quote is closed only when `closing` (a complete value).
    static func quoted(_ text: String, openQuote: Character?, closing: Bool) -> String {
        if openQuote == "\"" {
            var body = ""
            for c in text {
                if c == "\"" || c == "\\" || c == "$" { body.append("\\") }
                body.append(c)
            }
            return "\"" + body + (closing ? "\"" : "")
        }
        guard openQuote == "'" || !Tokenizer.isBareWord(text) else { return text }
        return "'" + text.replacingAll("'", with: #"'\''"#) + (closing ? "'" : "")
    }

    /// The longest common prefix of `values` that ends between two characters of every one of
    /// them. Compared byte by byte, then cut back to a character boundary: splitting 200 Chinese
    /// names into characters cost a fifth of a Tab on 100,000 customers.
    public static func longestCommonPrefix(_ values: [String]) -> String {
        guard let first = values.first else { return "" }
        let head = Array(first.utf8)
        var n = head.count
        for value in values.dropFirst() {
            var k = 0
            for b in value.utf8 {
                guard k < n, b == head[k] else { break }
                k += 1
            }
            n = k
            if n == 0 { return "" }
        }
        // Back to the last position that is a character boundary in every value.
        while n > 0 {
            let atBoundary = values.allSatisfy { value in
                value.utf8.index(value.utf8.startIndex, offsetBy: n).samePosition(in: value) != nil
            }
            if atBoundary { break }
            n -= 1
        }
        return String(decoding: head[..<n], as: UTF8.self)
    }
}
