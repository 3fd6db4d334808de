/// The answer of a completer for one Tab press.
///
/// Positions count Unicode scalars from the start of the line (a Chinese character is one).
/// `replaceStart..<replaceEnd` is the whole argument under the cursor, even when the cursor is inside it;
/// Tab replaces that range with `insertion` (the full, correctly spelled argument or the candidates'
/// common prefix) and leaves the cursor just after the inserted text.
public struct LineCompletion: Sendable, Equatable {
    /// First scalar offset of the replaced range (inclusive).
    public var replaceStart: Int
    /// End scalar offset of the replaced range (exclusive).
    public var replaceEnd: Int
    /// The replacement text, or nil when there is nothing to insert.
    public var insertion: String?
    /// The candidates rendered for the terminal (one or more lines), shown when Tab has nothing to insert,
    /// such as on the second consecutive Tab. Nil or empty when there are no candidates.
    public var listing: String?

    public init(replaceStart: Int, replaceEnd: Int, insertion: String? = nil, listing: String? = nil) {
        self.replaceStart = replaceStart
        self.replaceEnd = replaceEnd
        self.insertion = insertion
        self.listing = listing
    }

    /// A completion with no candidates: Tab beeps.
    public static let none = LineCompletion(replaceStart: 0, replaceEnd: 0)

    /// The line and cursor after applying `insertion` to `line`, or nil when there is nothing to insert
    /// (no insertion, or the insertion equals the text already in the range).
    ///
    /// The range is clamped to the line. The cursor ends just after the inserted text wherever it was.
    /// ```swift
    /// // "show 张三 --all", cursor after "张" (6), range 5..<7, insertion "张三丰"
    /// // -> ("show 张三丰 --all", 8)
    /// ```
    public func applied(to line: [Unicode.Scalar], cursor: Int) -> (line: [Unicode.Scalar], cursor: Int)? {
        guard let insertion else { return nil }
        let start = min(max(replaceStart, 0), line.count)
        let end = min(max(replaceEnd, start), line.count)
        let inserted = Array(insertion.unicodeScalars)
        if line[start..<end].elementsEqual(inserted) { return nil }
        var result = line
        result.replaceSubrange(start..<end, with: inserted)
        return (result, start + inserted.count)
    }
}

/// Computes the completion for `line` with the cursor at scalar offset `cursor`. Must not touch the
/// terminal: `EditLineReader` applies the answer and prints the listing.
public typealias LineCompleter = (_ line: String, _ cursor: Int) -> LineCompletion
