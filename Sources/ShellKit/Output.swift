/// The formats a command's result can be rendered in (`--format table|csv|json`).
public enum OutputFormat: String, CaseIterable, Sendable, Hashable {
    case table, csv, json
}

/// One value in a table or record.
public enum Cell: Sendable, Hashable {
    /// Free text.
    case text(String)
    /// A decimal literal such as `-1234.50`: right-aligned in tables, unquoted in JSON.
    /// (A literal that is not a valid JSON number is written as a JSON string.)
    case number(String)
    /// No value: blank in tables and CSV, `null` in JSON.
    case empty

    /// The text shown in tables and CSV.
    public var plain: String {
        switch self {
        case .text(let s), .number(let s): s
        case .empty: ""
        }
    }
}

/// A table column: a title for people and a key for machines (CSV header, JSON key).
public struct Column: Sendable, Hashable {
    public var title: String
    public var key: String
    /// Nil means automatic: right when every non-empty cell of the column is a number.
    public var alignment: Alignment?
    /// A detail a terminal table leaves out, last first, when the table is wider than the terminal
    /// (CSV and JSON always carry it).
    public var detail: Bool
    /// Text a terminal table wraps onto more lines rather than cuts, when the table is wider than
    /// the terminal (the queue's reasons: a collector reads all of them before dialling).
    public var wraps: Bool
    /// Never cut on a narrow terminal (a phone number, a state). Ids (`id`, `..._id` keys) and
    /// columns of dates are kept whole without asking.
    public var whole: Bool

    /// A column whose key defaults to the title in lower case with spaces as underscores.
    public init(
        _ title: String, key: String? = nil, alignment: Alignment? = nil, detail: Bool = false, wraps: Bool = false,
        whole: Bool = false
    ) {
        self.whole = whole
        self.title = title
        self.key = key ?? title.lowercased().replacingAll(" ", with: "_")
        self.alignment = alignment
        self.detail = detail
        self.wraps = wraps
    }
}

/// Rows of cells under columns. Every row should have `columns.count` cells; missing cells render
/// as empty, extra cells are ignored.
public struct Table: Sendable, Hashable {
    /// Shown above the table in table format only.
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    func cell(_ row: Int, _ column: Int) -> Cell {
        column < rows[row].count ? rows[row][column] : .empty
    }
}

/// One key/value line of a record.
public struct Field: Sendable, Hashable {
    /// The CSV/JSON key.
    public var key: String
    /// The label shown in table format.
    public var title: String
    public var value: Cell

    public init(_ key: String, title: String? = nil, _ value: Cell) {
        self.key = key
        self.title = title ?? key
        self.value = value
    }
}

/// One part of a multi-section screen such as a customer file.
public struct Section: Sendable {
    /// The CSV `# key` marker and JSON key.
    public var key: String
    /// The heading shown in table format.
    public var title: String
    public var content: Output

    public init(_ key: String, title: String? = nil, _ content: Output) {
        self.key = key
        self.title = title ?? key
        self.content = content
    }
}

/// What a command produces, independent of the format it is shown in.
///
/// ```swift
/// let file = Output.document([
///     Section("customer", title: "Customer", .record([Field("id", title: "ID", .text("C001"))])),
///     Section("invoices", title: "Open invoices", .table(invoices)),
/// ])
/// print(Renderer.render(file, as: .json), terminator: "")
/// ```
public indirect enum Output: Sendable {
    /// Nothing to show (renders as the empty string in every format).
    case empty
    /// Plain text, e.g. a confirmation (a JSON string in JSON).
    case text(String)
    case table(Table)
    /// Key/value lines (a JSON object).
    case record([Field])
    /// Sections one after another (a JSON object keyed by section key).
    case document([Section])
}
