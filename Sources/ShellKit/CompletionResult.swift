/// One completion: the value to insert and a short description (may be empty).
public struct Candidate: Sendable, Hashable {
    public var value: String
    public var description: String

    public init(_ value: String, description: String = "") {
        self.value = value
        self.description = description
    }
}

/// Answers `CompletionSource.domain` lookups (customers, contracts, invoices, policy keys, ...).
///
/// The provider does its own matching, by id prefix, part of a name or pinyin initials, so its
/// candidates need not start with `prefix`. It should answer from memory: it runs on a keystroke.
public protocol CompletionProvider {
    /// Candidates of `domain` for the typed word `prefix` (quotes removed), best first.
    func candidates(domain: String, prefix: String) -> [Candidate]
    /// The same, saying whether matches were left out (a provider stops at a limit).
    func answer(domain: String, prefix: String) -> DomainAnswer
}

extension CompletionProvider {
    public func answer(domain: String, prefix: String) -> DomainAnswer {
        DomainAnswer(candidates(domain: domain, prefix: prefix), isPartial: false)
    }
}

/// A provider's candidates, best first, and whether more matched than it gives. When more did,
/// Tab inserts no common prefix: what the candidates given share need not be what every match
/// shares (`C0` would become `C000` because the first 200 of 100,000 ids start so).
public struct DomainAnswer: Sendable {
    public var candidates: [Candidate]
    public var isPartial: Bool

    public init(_ candidates: [Candidate], isPartial: Bool) {
        self.candidates = candidates
        self.isPartial = isPartial
    }
}

/// A provider with nothing to offer, e.g. when no workspace is open.
public struct NoCompletions: CompletionProvider, Sendable {
    public init() {}
    public func candidates(domain: String, prefix: String) -> [Candidate] { [] }
}

/// What Tab does: replace scalars `[replaceStart, replaceEnd)` of the line with `insertion`.
///
/// `insertion` is nil when there is nothing to insert yet: the reader then shows `candidates`
/// (for example on a second Tab) using `listing(width:)`.
public struct CompletionResult: Sendable, Hashable {
    /// Scalar offset where the replaced text starts (the word's start, or just after `--opt=`).
    public var replaceStart: Int
    /// Scalar offset where the replaced text ends (the cursor).
    public var replaceEnd: Int
    /// Text to put in place of the range, already quoted, or nil.
    public var insertion: String?
    public var candidates: [Candidate]
    /// More matched than the candidates (the provider stopped at its limit).
    public var isPartial = false

    public init(replaceStart: Int, replaceEnd: Int, insertion: String?, candidates: [Candidate]) {
        self.replaceStart = replaceStart
        self.replaceEnd = replaceEnd
        self.insertion = insertion
        self.candidates = candidates
    }

    /// No completion at `cursor`.
    public static func none(at cursor: Int) -> CompletionResult {
        CompletionResult(replaceStart: cursor, replaceEnd: cursor, insertion: nil, candidates: [])
    }

    /// The line after applying `insertion` (unchanged when it is nil), with the new cursor offset.
    public func applied(to line: String) -> (line: String, cursor: Int) {
        guard let insertion else { return (line, replaceEnd) }
        let scalars = Array(line.unicodeScalars)
        let start = min(replaceStart, scalars.count)
        let end = min(max(replaceEnd, start), scalars.count)
        var result = String.UnicodeScalarView(scalars[..<start])
        result.append(contentsOf: insertion.unicodeScalars)
        let cursor = result.count
        result.append(contentsOf: scalars[end...])
        return (String(result), cursor)
    }

    /// The candidates laid out for a terminal `width` cells wide (measured by display width).
    ///
    /// With descriptions: one candidate per line, `value  description`, values aligned and
    /// descriptions truncated to fit. Without: values in columns, filled top to bottom like `ls`.
    /// At most `limit` candidates are shown, then a line `... and N more`. Ends with a newline
    /// (empty string when there are no candidates).
    public func listing(width: Int, limit: Int = 100) -> String {
        let shown = Array(candidates.prefix(max(1, limit)))
        guard !shown.isEmpty else { return "" }
        let width = max(width, 20)
        var out = ""
        if shown.contains(where: { !$0.description.isEmpty }) {
            let valueWidth = min(shown.map { DisplayWidth.of($0.value) }.max()!, width / 2)
            for candidate in shown {
                let value = DisplayWidth.truncate(candidate.value, to: max(valueWidth, 1))
                var line = DisplayWidth.pad(value, to: valueWidth)
                let room = width - valueWidth - 2
                if !candidate.description.isEmpty && room > 3 {
                    line += "  " + DisplayWidth.truncate(candidate.description, to: room)
                }
                out += Renderer.trimTrailing(line) + "\n"
            }
        } else {
            let cell = min(shown.map { DisplayWidth.of($0.value) }.max()!, width)
            let columns = max(1, (width + 2) / (cell + 2))
            let rows = (shown.count + columns - 1) / columns
            for row in 0..<rows {
                var line = ""
                for column in 0..<columns {
                    let index = column * rows + row
                    guard index < shown.count else { break }
                    if column > 0 { line += "  " }
                    line += DisplayWidth.pad(DisplayWidth.truncate(shown[index].value, to: cell), to: cell)
                }
                out += Renderer.trimTrailing(line) + "\n"
            }
        }
        if isPartial {
            out += "... and more than \(candidates.count - shown.count): type more to narrow them\n"
        } else if candidates.count > shown.count {
            out += "... and \(candidates.count - shown.count) more\n"
        }
        return out
    }
}
