/// What went wrong in the workspace, in words for the person at the keyboard.
public enum StoreError: Error, Sendable, Equatable {
    /// The workspace file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A file to import or export could not be read or written.
    case file(path: String, reason: String)
    /// An import found problems; nothing was written.
    case importRejected(path: String, problems: [ImportProblem], truncated: Bool)
    /// A record that must exist does not.
    case notFound(kind: String, id: String)
    /// Anything else SQLite reported, already in plain words.
    case database(String)

    public var message: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open workspace '\(path)': \(reason)"
        case .file(let path, let reason): return "'\(path)': \(reason)"
        case .importRejected(let path, let problems, _):
            return "import of '\(path)' rejected: \(problems.count) problem\(problems.count == 1 ? "" : "s"); the workspace is unchanged"
        case .notFound(let kind, let id): return "no \(kind) '\(id)'"
        case .database(let text): return text
        }
    }
}

/// One problem in an imported file, located by line (the header is line 1) and column.
public struct ImportProblem: Sendable, Equatable {
    public var line: Int
    /// 1-based column in Unicode scalars where the offending field starts.
    public var column: Int
    public var message: String
    public var hint: String?

    public init(line: Int, column: Int, message: String, hint: String? = nil) {
        self.line = line; self.column = column; self.message = message; self.hint = hint
    }
}
