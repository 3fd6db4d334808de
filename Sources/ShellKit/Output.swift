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
    /// A rate as a decimal fraction (`0.0005`) and the period it is per (`/day`, or empty): CSV and
    /// JSON carry the fraction, a table shows a percentage (`0.05 %/day`, `30 %`).
    case rate(String, per: String)
    /// No value: blank in tables and CSV, `null` in JSON.
    case empty

    /// The text CSV carries.
    public var plain: String {
        switch self {
        case .text(let s), .number(let s), .money(let s), .term(let s), .rate(let s, _): s
        case .empty: ""
        }
    }

    /// The text a table shows: amounts grouped with the currency, everything else as `plain`.
    public var shown: String {
        switch self {
        case .money(let s): return Self.grouped(s)
        case .rate(let s, let per): return Self.percent(ofFraction: s).map { $0 + " %" + per } ?? s
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
public struct Table: Sendable, Hashable {
    /// Shown above the table in table format only.
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// A line shown under the rows in table format only (`… 9 more: customer show C1 --full`).
    public var footer: String?

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
