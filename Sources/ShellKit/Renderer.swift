import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Wraps a value a concurrent loop writes disjoint parts of.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Renders an `Output` as aligned text, CSV or JSON.
///
/// Every non-empty rendering ends with a newline; `.empty` renders as `""`. Print the result with
/// `terminator: ""`.
///
/// - table: columns aligned by display width (a Chinese character takes two cells), a header rule of
///   dashes, numbers right-aligned; with `width`, detail columns are left out (last first), then the
///   wrapping columns are narrowed (to 16 cells, then 8) and their text wrapped onto more lines, then the
///   widest text columns are truncated with `…` until the table fits (never below 4 cells), all but
///   ids, dates and columns marked `whole`. Records are `title  value` lines; a document shows each
///   section under its title underlined with `=`, separated by blank lines.
/// - csv: RFC 4180 with LF line ends: a header row of column keys, fields quoted when they contain a
///   comma, a quote, CR or LF. A record is a `key,value` header and one row per field; a document is
///   its sections one after another, each preceded by a line `# KEY`, separated by blank lines.
/// - json: valid UTF-8 JSON (non-ASCII kept as is, control characters escaped): a table is an array of
///   objects keyed by column key (one object per line), a record an object, a document an object of
///   sections; numbers unquoted, empty cells `null`, text a string.
public enum Renderer {
    /// The cores a long CSV is rendered on (as RecoupCore's `Parallel.cores`: `RECOUP_CORES` or the
    /// machine's, at most 8).
    static let cores: Int = {
        if let set = getenv("RECOUP_CORES"), let n = Int(String(cString: set)), n >= 1 { return min(n, 64) }
        return max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }()

    /// `none` is what an empty section of a document shows.
    public static func render(
        _ output: Output, as format: OutputFormat, width: Int? = nil, none: String = "(none)"
    ) -> String {
        switch format {
        case .table: text(output, width: width, none: none)
        case .csv: csv(output)
        case .json: output.isEmpty ? "" : JSONWriter.write(json(output)) + "\n"
        }
    }

    // MARK: table format

    static func text(_ output: Output, width: Int?, none: String = "(none)") -> String {
        switch output {
        case .empty:
            return ""
        case .text(let s):
            return s.isEmpty || s.hasSuffix("\n") ? s : s + "\n"
        case .table(let table):
            return text(table, width: width)
        case .record(let fields):
            let labelWidth = fields.map { DisplayWidth.of($0.title) }.max() ?? 0
            return fields.map {
                trimTrailing(DisplayWidth.pad($0.title, to: labelWidth) + "  " + $0.value.shown) + "\n"
            }.joined()
        case .document(let sections) where sections.contains(where: \.folded):
            return folded(sections, width: width, none: none)
        case .document(let sections):
            return sections.map { section in
                let body = text(section.content, width: width, none: none)
                return section.title + "\n" + String(repeating: "=", count: DisplayWidth.of(section.title))
                    + "\n" + (body.isEmpty ? none + "\n" : body)
            }.joined(separator: "\n")
        }
    }

    /// A document whose sections are folded (see `Section.folded`): records as wrapped lines of
    /// `Label value` pairs, tables under a one-line title, empty tables named together at the end.
    static func folded(_ sections: [Section], width: Int?, none: String) -> String {
        let limit = width ?? 150
        var out = ""
        var empty: [String] = []
        for section in sections {
            switch section.content {
            case .record(let fields) where section.folded:
                let pairs = fields.filter { !$0.value.shown.isEmpty }.map { $0.title + " " + $0.value.shown }
                if !out.isEmpty { out += "\n" }
                var line = section.title + ":"
                for pair in pairs {
                    if DisplayWidth.of(line) + 3 + DisplayWidth.of(pair) > limit, line.count > section.title.count + 1 {
                        out += line + "\n"
                        line = "  " + pair
                    } else {
                        line += (line.hasSuffix(":") ? " " : " · ") + pair
                    }
                }
                out += line + "\n"
            case .table(let table) where section.folded && table.rowCount == 0:
                empty.append(section.title)
            case .empty where section.folded:
                empty.append(section.title)
            default:
                let body = text(section.content, width: width, none: none)
                if section.folded {
                    out += "\n" + section.title + ":\n" + body
                } else {
                    out +=
                        "\n" + section.title + "\n" + String(repeating: "=", count: DisplayWidth.of(section.title))
                        + "\n" + (body.isEmpty ? none + "\n" : body)
                }
            }
        }
        if !empty.isEmpty { out += "\n" + none + " " + empty.joined(separator: " · ") + "\n" }
        return out
    }

    static func text(_ table: Table, width: Int?) -> String {
        let columns = table.columns
        let alignments = columns.indices.map { c in
            columns[c].alignment ?? (isNumeric(table, c) ? .right : .left)
        }
        var widths = columns.indices.map { c in
            (0..<table.rowCount).map { DisplayWidth.of(table.cell($0, c).shown) }.max(by: <)
                .map { max($0, DisplayWidth.of(columns[c].title)) } ?? DisplayWidth.of(columns[c].title)
        }
        if let width {
            let total = { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
            // Too wide: leave out the last detail column and try again, before truncating anything.
            if total() > width, let drop = columns.lastIndex(where: \.detail) {
                var narrower = table
                narrower.columns.remove(at: drop)
                narrower.rows = table.rows.map { row in
                    var r = row; if drop < r.count { r.remove(at: drop) }; return r
                }
                return text(narrower, width: width)
            }
            let whole = columns.indices.map { c in
                columns[c].whole || columns[c].key == "id" || columns[c].key.hasSuffix("_id") || isDates(table, c)
            }
            func isWhole(_ c: Int) -> Bool { whole[c] }
            // Then narrow the wrapping columns, the widest first (down to 16 cells), before cutting any text.
            for floor in [16, 8] {
                while total() > width {
                    let wrapping = widths.indices.filter { columns[$0].wraps && widths[$0] > floor }
                    guard let widest = wrapping.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
                if total() <= width { break }
                // Before narrowing them further, cut the text columns that may be cut (not below 8).
                while total() > width {
                    let cuttable = widths.indices.filter {
                        alignments[$0] == .left && widths[$0] > 8 && !columns[$0].wraps && !isWhole($0)
                    }
                    guard let widest = cuttable.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
            }
            while total() > width {
                let candidates = widths.indices.filter {
                    alignments[$0] == .left && widths[$0] > 4 && !columns[$0].wraps && !whole[$0]
                }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        func line(_ values: [String]) -> String {
            let cells = values.indices.map { c in
                DisplayWidth.pad(
                    DisplayWidth.truncate(values[c], to: widths[c]), to: widths[c], alignment: alignments[c])
            }
            return trimTrailing(cells.joined(separator: "  ")) + "\n"
        }
        var out = table.title.map { $0 + "\n" } ?? ""
        out += line(columns.map(\.title))
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in 0..<table.rowCount {
            let pieces = columns.indices.map { c in
                let text = table.cell(row, c).shown
                return columns[c].wraps ? DisplayWidth.wrap(text, to: widths[c]) : [text]
            }
            for k in 0..<(pieces.map(\.count).max() ?? 1) {
                out += line(pieces.map { k < $0.count ? $0[k] : "" })
            }
        }
        if let footer = table.footer { out += footer + "\n" }
        return out
    }

    /// True when every non-empty cell of the column is an ISO date (YYYY-MM-DD).
    static func isDates(_ table: Table, _ column: Int) -> Bool {
        var saw = false
        for row in 0..<table.rowCount {
            let text = table.cell(row, column).plain
            if text.isEmpty { continue }
            let b = Array(text.utf8)
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
            saw = true
        }
        return saw
    }

    static func isNumeric(_ table: Table, _ column: Int) -> Bool {
        var sawNumber = false
        for row in 0..<table.rowCount {
            switch table.cell(row, column) {
            case .number, .money, .rate: sawNumber = true
            case .text, .term, .time: return false
            case .empty: continue
            }
        }
        return sawNumber
    }

    static func trimTrailing(_ s: String) -> String {
        var result = s
        while result.last == " " { result.removeLast() }
        return result
    }

    // MARK: csv

    static func csv(_ output: Output) -> String {
        switch output {
        case .empty:
            return ""
        case .text(let s):
            return s.isEmpty || s.hasSuffix("\n") ? s : s + "\n"
        case .table(let table):
            // One growing byte buffer per part, fields appended in place: reports print 100,000 rows.
            // A long table is cut into one part per core, rendered at once and joined (cells are pure
            // functions of immutable rows): `credit score --all` printed 100,000 rows of 14 columns
            // in 0.25 s on one core as one String (appending to a String checks its encoding for
            // every field); bytes on two cores take a third of that.
            let n = table.rowCount, columns = table.columns.count
            let parts = n >= 20_000 ? Self.cores : 1
            let chunks = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: parts)
            chunks.initialize(repeating: [])
            defer {
                chunks.deinitialize()
                chunks.deallocate()
            }
            let base = UncheckedSendable(chunks)
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                let cell = table.cells
                var part: [UInt8] = []
                let rows = (n * k / parts)..<(n * (k + 1) / parts)
                part.reserveCapacity(rows.count * 10 * max(1, columns))
                for row in rows {
                    for c in 0..<columns {
                        if c > 0 { part.append(0x2C) }
                        appendCSVField(cell(row, c).plain, to: &part)
                    }
                    part.append(0x0A)
                }
                base.value[k] = part
            }
            // The header and the parts copied once into the string, each part freed once copied
            // (the fields came from strings, so the bytes are UTF-8 already).
            let header = Array(csvLine(table.columns.map(\.key)).utf8)
            let total = header.count + chunks.reduce(0) { $0 + $1.count }
            let out = String(unsafeUninitializedCapacity: total) { buffer in
                var at = buffer.initialize(fromContentsOf: header)
                for k in 0..<parts {
                    at = buffer[at...].initialize(fromContentsOf: chunks[k])
                    chunks[k] = []
                }
                return at
            }
            return out
        case .record(let fields):
            return csvLine(["key", "value"]) + fields.map { csvLine([$0.key, $0.value.plain]) }.joined()
        case .document(let sections):
            return sections.map { "# \($0.key)\n" + csv($0.content) }.joined(separator: "\n")
        }
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ",") + "\n"
    }

    /// `appendCSVField` into bytes: the field's UTF-8 read in place (no copy of a native string).
    static func appendCSVField(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { b in
            guard b.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                out.append(contentsOf: b)
                return
            }
            out.append(0x22)
            for x in b {
                if x == 0x22 { out.append(0x22) }
                out.append(x)
            }
            out.append(0x22)
        }
    }

    /// One RFC 4180 field: quoted (with quotes doubled) when it holds a comma, quote, CR or LF.
    public static func csvField(_ field: String) -> String {
        var out = ""
        appendCSVField(field, to: &out)
        return out
    }

    static func appendCSVField(_ field: String, to out: inout String) {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(field)
            return
        }
        out.append("\"")
        out.append(field.replacingAll("\"", with: "\"\""))
        out.append("\"")
    }

    // MARK: json

    static func json(_ output: Output) -> JSONWriter.Value {
        switch output {
        case .empty:
            return .null
        case .text(let s):
            return .string(s)
        case .table(let table):
            return .array(
                (0..<table.rowCount).map { row in
                    .object(table.columns.indices.map { (table.columns[$0].key, json(table.cell(row, $0))) })
                })
        case .record(let fields):
            return .object(fields.map { ($0.key, json($0.value)) })
        case .document(let sections):
            return .object(sections.map { ($0.key, json($0.content)) })
        }
    }

    static func json(_ cell: Cell) -> JSONWriter.Value {
        switch cell {
        case .text(let s), .term(let s), .time(let s, _): .string(s)
        case .number(let s), .money(let s), .rate(let s, _): JSONWriter.isNumber(s) ? .number(s) : .string(s)
        case .empty: .null
        }
    }
}

extension Output {
    var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}
