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
    /// An amount of money as a decimal literal (`-22142.07`): CSV and JSON carry the literal, a
    /// table shows it grouped by thousands with the currency (`-¥22,142.07`).
    case money(String)
    /// A word from a fixed vocabulary (a state, a kind: `legal_review`): CSV and JSON carry the
    /// word, a table shows it in the interface's language (法律审查).
    case term(String)
    /// A rate as a decimal fraction (`0.0005`) or a percentage (`30%`) and the period it is per
    /// (`/day`, or empty): CSV and JSON carry it as written, a table shows a percentage
    /// (`0.05 %/day`, `30 %`).
    case rate(String, per: String)
    /// A moment as recorded (UTC, ISO 8601: `2026-12-03T07:07:37Z`) and as the operator reads it
    /// (their time zone: `2026-12-03 15:07:37 +08:00`): CSV and JSON carry the first, a table the second.
    case time(String, local: String)
    /// No value: blank in tables and CSV, `null` in JSON.
    case empty

    /// The text CSV carries.
    public var plain: String {
        switch self {
        case .text(let s), .number(let s), .money(let s), .term(let s), .rate(let s, _), .time(let s, _): s
        case .empty: ""
        }
    }

    /// The text a table shows: amounts grouped with the currency, everything else as `plain`.
    public var shown: String {
        switch self {
        case .money(let s): return Self.grouped(s)
        case .rate(let s, let per):
            if s.hasSuffix("%") { return String(s.dropLast()).trimmingSpaces + " %" + per }  // written as a percentage
            return Self.percent(ofFraction: s).map { $0 + " %" + per } ?? s
        case .time(_, let local): return local
        default: return plain
        }
    }

    /// `0.0005` as `0.05`, `0.3` as `30`: the decimal point moved two places, exactly (no binary
    /// floating point), trailing zeros dropped. Nil for text that is not a plain decimal.
    public static func percent(ofFraction literal: String) -> String? {
        var s = Substring(literal)
        let negative = s.first == "-"
        if negative { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty,
            (whole + (parts.count == 2 ? parts[1] : "")).allSatisfy({
                $0.isASCII && $0.isNumber
            })
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        var digits = String(whole) + fraction.prefix(2)
        var rest = String(fraction.dropFirst(2))
        while digits.count > 1 && digits.first == "0" { digits.removeFirst() }
        while rest.last == "0" { rest.removeLast() }
        return (negative ? "-" : "") + digits + (rest.isEmpty ? "" : "." + rest)
    }

    /// `-22142.07` as `-¥22,142.07`; text that is not a plain decimal is returned as it is.
    public static func grouped(_ literal: String) -> String {
        var digits = Substring(literal)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
            parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return literal }
        var out = ""
        for (k, ch) in whole.enumerated() {
            if k > 0 && (whole.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (negative ? "-¥" : "¥") + out + (parts.count == 2 ? "." + parts[1] : "")
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
///
/// The cells are either stored (`rows`) or computed on demand from the rows of a `TableSpec`, so a
/// report of 100,000 rows goes to CSV without a million cells held in memory at once.
public struct Table: Sendable, Hashable {
    /// Shown above the table in table format only.
    public var title: String?
    public var columns: [Column]
    /// A line shown under the rows in table format only (`… 9 more: customer show C1 --full`).
    public var footer: String?
    var stored: [[Cell]]
    var computed: (count: Int, cell: @Sendable (Int, Int) -> Cell)?

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        self.title = title
        self.columns = columns
        self.stored = rows
    }

    /// A table whose cell `(row, column)` is `cell(row, column)`, computed when rendered.
    public init(title: String? = nil, columns: [Column], count: Int, cell: @escaping @Sendable (Int, Int) -> Cell) {
        self.title = title
        self.columns = columns
        self.stored = []
        self.computed = (count, cell)
    }

    /// The cells row by row (a computed table's are computed here; setting them stores them).
    public var rows: [[Cell]] {
        get {
            guard let c = computed else { return stored }
            return (0..<c.count).map { r in columns.indices.map { c.cell(r, $0) } }
        }
        set {
            stored = newValue
            computed = nil
        }
    }

    public var rowCount: Int { computed?.count ?? stored.count }

    /// The table with every cell passed through `f` (computed tables stay computed).
    public func mappingCells(_ f: @escaping @Sendable (Cell) -> Cell) -> Table {
        var t = self
        if let c = computed {
            t.computed = (c.count, { r, k in f(c.cell(r, k)) })
        } else {
            t.stored = stored.map { $0.map(f) }
        }
        return t
    }

    /// The cell function, to fetch once before a long loop: each `cell(_:_:)` copies it, retaining
    /// what it holds, and cores rendering parts of one table at once then wait on that count.
    var cells: @Sendable (Int, Int) -> Cell {
        let n = columns.count
        if let c = computed { return { r, k in k < n ? c.cell(r, k) : .empty } }
        let rows = stored
        return { r, k in k < rows[r].count ? rows[r][k] : .empty }
    }

    func cell(_ row: Int, _ column: Int) -> Cell {
        if let c = computed { return column < columns.count ? c.cell(row, column) : .empty }
        return column < stored[row].count ? stored[row][column] : .empty
    }

    public static func == (a: Table, b: Table) -> Bool {
        a.title == b.title && a.columns == b.columns && a.footer == b.footer && a.rows == b.rows
    }

    public func hash(into h: inout Hasher) {
        h.combine(title)
        h.combine(columns)
        h.combine(rows)
    }
}

/// A table declared once, each column with the value it shows: the same declaration gives the
/// terminal table, CSV and JSON (keys and titles from `Column`), and `docs/OUTPUT.md` (what each key
/// holds), so no column can shift against its header the way positional cell arrays could.
///
/// ```swift
/// let spec = TableSpec<Customer>("customer list", [
///     .init(Column("ID", key: "id"), "the customer's id") { .text($0.id) },
/// ])
/// let table = spec.table(customers)
/// ```
public struct TableSpec<Row>: @unchecked Sendable {
    public struct Col: @unchecked Sendable {
        public var column: Column
        /// What the key holds, for the output reference.
        public var about: String
        public var value: (borrowing Row) -> Cell

        public init(_ column: Column, _ about: String, _ value: @escaping (borrowing Row) -> Cell) {
            self.column = column
            self.about = about
            self.value = value
        }
    }

    /// The command whose output this is (`customer list`), for the reference.
    public var command: String
    public var columns: [Col]

    public init(_ command: String, _ columns: [Col]) {
        self.command = command
        self.columns = columns
    }

    /// The table of `rows`, its cells computed as they are rendered. Inlinable, so that each
    /// command's table is specialized for its row type (a row is then read in place, not copied
    /// through the generic value witnesses for every cell).
    @inlinable
    public func table(_ rows: [Row], title: String? = nil) -> Table {
        let box = RowsBox(rows, columns.map(\.value))
        return Table(title: title, columns: columns.map(\.column), count: rows.count) { r, c in box.cell(r, c) }
    }

    /// The keys, titles and meanings, for `docs/OUTPUT.md`.
    public var reference: OutputReference {
        OutputReference(command: command, columns: columns.map { ($0.column.key, $0.column.title, $0.about) })
    }
}

/// Holds a table's rows and column functions for its cell function (immutable once made).
///
/// Kept in buffers of its own rather than arrays: a cell read from an array property of a shared
/// object retains and releases the array's storage, and when a long table is rendered on several
/// cores at once those counts on the same storage made the cores wait on one another (38 % of
/// `credit score --all`'s rendering went to retain and release; docs/BENCHMARKS.md).
@usableFromInline
final class RowsBox<Row>: @unchecked Sendable {
    @usableFromInline let rows: UnsafeMutableBufferPointer<Row>
    @usableFromInline let values: UnsafeMutableBufferPointer<(borrowing Row) -> Cell>

    @inlinable
    init(_ rows: [Row], _ values: [(borrowing Row) -> Cell]) {
        self.rows = .allocate(capacity: rows.count)
        _ = self.rows.initialize(from: rows)
        self.values = .allocate(capacity: values.count)
        _ = self.values.initialize(from: values)
    }

    @inlinable
    deinit {
        rows.deinitialize()
        rows.deallocate()
        values.deinitialize()
        values.deallocate()
    }

    @inlinable
    func cell(_ r: Int, _ c: Int) -> Cell { values[c]((rows.baseAddress.unsafelyUnwrapped + r).pointee) }
}

/// One command's output keys as the reference lists them.
public struct OutputReference: Sendable {
    public var command: String
    public var columns: [(key: String, title: String, about: String)]

    /// The Markdown reference of `references` (for `docs/OUTPUT.md`).
    public static func markdown(_ references: [OutputReference]) -> String {
        var out =
            "# Output reference\n\n<!-- Generated from the commands' table declarations (TableSpec). Do not edit by hand. -->\n\n"
        out +=
            "The keys of each command's CSV header and JSON objects, the title a terminal table shows, and what each holds. "
        out += "Amounts are decimals with two places (a table adds ¥ and thousands separators), dates YYYY-MM-DD, "
        out +=
            "rates as decimal fractions or as set (a table shows percentages). Keys stay English in every interface language.\n"
        for r in references.sorted(by: { $0.command < $1.command }) {
            out += "\n## `\(r.command)`\n\n| Key | Title | Holds |\n|---|---|---|\n"
            for c in r.columns { out += "| `\(c.key)` | \(c.title) | \(c.about) |\n" }
        }
        return out
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
    /// Shown folded in table format, to fit a screen: a record on as few lines as it takes
    /// (`Title: Label value · Label value`), a table under a one-line title, an empty table only
    /// named in one closing line with the other empty ones. CSV and JSON are unchanged.
    public var folded = false

    public init(_ key: String, title: String? = nil, _ content: Output, folded: Bool = false) {
        self.key = key
        self.title = title ?? key
        self.content = content
        self.folded = folded
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
