import Foundation
import RecoupCore
import RecoupStore

/// The ids an import checks records against, read once at its start.
struct References {
    var customers: Set<String>
    /// Contract id to its customer, filled on demand (and by a contracts import itself).
    var contracts: [String: String] = [:]
    /// Invoice id to its customer, filled on demand.
    var invoices: [String: String] = [:]
    /// The largest rowid before this import: a clash above it is a duplicate within the file.
    var lastRowid: Int64
    /// Every id of the kind, those in the workspace and those inserted so far, when the engine's
    /// constraint failures abort the transaction (PostgreSQL): duplicates are found here instead of
    /// by the insert. Nil on SQLite, whose primary key finds them.
    var ids: Set<String>?
    /// The ids that were in the workspace before the import (with `ids`).
    var existing: Set<String> = []

    /// The contracts' (invoices') owners were all read at the start: one not in `contracts`
    /// (`invoices`) does not exist.
    var allContracts = false
    var allInvoices = false

    /// `records`: about how many records the file holds. A file with many references for the
    /// table they point into reads that table's owners once, in one pass, rather than one query a
    /// reference (a million payments by invoice: one lookup each was most of the import's time;
    /// docs/BENCHMARKS.md).
    init(db: Database, kind: RecordKind, records: Int = 0) throws {
        customers = []
        do {
            let rows = try db.connection.rawRows("SELECT id FROM customer")  // no Row a customer
            defer { rows.finish() }
            while rows.next() { customers.insert(rows.string(0)) }
        }
        lastRowid =
            db.connection.constraintFailureAbortsTransaction
            ? 0 : try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM \(kind.table)") ?? 0
        if db.connection.constraintFailureAbortsTransaction {
            // Read once through the bulk loaders' raw rows (a million invoice ids: no Row each).
            existing =
                kind == .customers ? customers : Set(try Self.owners(db, "SELECT id, id FROM \(kind.table)").keys)
            ids = existing
            // References looked up once, not a query a record (a round trip each on a server).
            if kind == .invoices || kind == .payments {
                contracts = try Self.owners(db, "SELECT id, customer_id FROM contract")
            }
            if kind == .payments { invoices = try Self.owners(db, "SELECT id, customer_id FROM invoice") }
            (allContracts, allInvoices) = (true, true)
        } else if kind == .invoices || kind == .payments {
            let table = kind == .invoices ? "contract" : "invoice"
            let rows = try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM \(table)") ?? 0
            if Int64(records) * 8 >= rows {
                let all = try Self.owners(db, "SELECT id, customer_id FROM \(table)")
                if kind == .invoices {
                    (contracts, allContracts) = (all, true)
                } else {
                    (invoices, allInvoices) = (all, true)
                }
            }
        }
    }

    /// Id to customer id for every row of a query, read through the bulk loaders' raw rows.
    static func owners(_ db: Database, _ sql: String) throws -> [String: String] {
        let rows = try db.connection.rawRows(sql)
        defer { rows.finish() }
        var out: [String: String] = [:]
        while rows.next() { out[rows.string(0)] = rows.isNull(1) ? "" : rows.string(1) }
        return out
    }

    mutating func customer(ofContract id: String, _ db: Database) throws -> String? {
        if let c = contracts[id] { return c }
        if allContracts { return nil }
        let c = try String.fetchOne(
            db.cachedStatement(sql: "SELECT customer_id FROM contract WHERE id = ?"), arguments: [id])
        if let c { contracts[id] = c }
        return c
    }

    mutating func customer(ofInvoice id: String, _ db: Database) throws -> String? {
        if let c = invoices[id] { return c }
        if allInvoices { return nil }
        return try String.fetchOne(
            db.cachedStatement(sql: "SELECT customer_id FROM invoice WHERE id = ?"), arguments: [id])
    }
}

extension RecordKind {
    /// One record of this kind, in words: `invoice`.
    public var singular: String { String(rawValue.dropLast()) }
}

extension ImportRun {
    /// The typed value of one field, or nil (with a problem recorded when the text is wrong).
    mutating func parse(_ field: CSVReader.Field, as column: ColumnDef, line: Int) -> FieldValue? {
        var col: Int { reader.column(of: field) }  // only for a problem: it rescans the line
        let line = field.line
        guard let raw = String(validating: field.bytes, as: UTF8.self) else {
            problem(line, col, "invalid UTF-8 in column '\(column.name)'", hint: "save the file as UTF-8")
            return nil
        }
        if raw.utf8.contains(0) {  // SQLite would keep the text only up to it
            problem(
                line, col, "a NUL byte in column '\(column.name)'", hint: "remove the control characters from the file")
            return nil
        }
        let text = Self.trimmingWhitespace(raw)
        if text.isEmpty { return nil }
        switch column.type {
        case .text:
            return .text(text)
        case .day:
            if let d = options.dateFormat.parse(text) { return .day(d) }
            let iso = options.dateFormat == .iso
            problem(
                line, col, "bad date '\(text)' in column '\(column.name)'",
                hint: iso
                    ? "dates are real calendar days written YYYY-MM-DD; for another layout pass --date-format, e.g. M/d/yyyy"
                    : "expected a real calendar day in the format \(options.dateFormat.pattern)")
        case .amount, .positiveAmount:
            switch Money.parse(text) {
            case .success(let m):
                if column.type == .positiveAmount && !m.isPositive {
                    problem(
                        line, col,
                        m.isNegative
                            ? "negative amount '\(text)' in column '\(column.name)'"
                            : "zero amount in column '\(column.name)'",
                        hint:
                            "an \(kind.singular) amount must be greater than zero; record refunds and credit notes separately"
                    )
                    return nil
                }
                if m.isNegative {
                    problem(line, col, "negative amount '\(text)' in column '\(column.name)'"); return nil
                }
                return .amount(m)
            case .failure(let e):
                problem(
                    line, col, "bad amount '\(text)' in column '\(column.name)': \(e.reason)",
                    hint: "write amounts like 12345.67: digits, a point, at most two decimals")
            }
        case .count, .score:
            let limit = column.type == .score ? 1000 : 100_000
            if let v = Int(text), v >= 0, v <= limit { return .int(v) }
            problem(
                line, col, "bad value '\(text)' in column '\(column.name)'",
                hint: "expected a whole number from 0 to \(limit)")
        case .flag:
            switch text.lowercased() {
            case "yes", "y", "true", "1": return .flag(true)
            case "no", "n", "false", "0": return .flag(false)
            default:
                problem(
                    line, col, "bad value '\(text)' in column '\(column.name)'",
                    hint: "write yes or no, true or false, 1 or 0")
            }
        case .fraction:
            if Self.isDecimal(text) { return .text(text) }
            problem(
                line, col, "bad rate '\(text)' in column '\(column.name)'",
                hint: "write a fraction with a point, e.g. 0.0005 for 0.05 % a day or 0.3 for 30 %")
        }
        return nil
    }

    /// `s.trimmingCharacters(in: .whitespaces)`, without Foundation's cost when there is nothing to
    /// trim: a text whose first and last scalars cannot be whitespace (anything but tab, space,
    /// U+0080...U+3000 and U+FEFF) comes back as it is; any other goes through Foundation.
    static func trimmingWhitespace(_ s: String) -> String {
        func mayBeSpace(_ c: Unicode.Scalar) -> Bool {
            c == "\t" || c == " " || (c.value >= 0x80 && c.value <= 0x3000) || c.value == 0xFEFF
        }
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return s }
        if !mayBeSpace(first) && !mayBeSpace(last) { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    static func isDecimal(_ s: String) -> Bool {
        var dot = false, digits = 0
        for c in s.utf8 {
            if c == UInt8(ascii: ".") {
                if dot { return false }; dot = true
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits += 1
            } else {
                return false
            }
        }
        return digits > 0
    }

    /// Rules between fields and against the workspace: dates in order, references that exist.
    mutating func checkRecord(
        _ v: [FieldValue?], fields: [CSVReader.Field?], line: Int, refs: inout References, db: Database
    ) {
        func col(_ i: Int) -> Int { fields[i].map { reader.column(of: $0) } ?? 1 }
        func at(_ i: Int) -> Int { fields[i]?.line ?? line }
        switch kind {
        case .customers:
            break
        case .contracts:
            if let s = v[4]?.day, let e = v[5]?.day, e < s {
                problem(at(5), col(5), "service ends (\(e.iso)) before it starts (\(s.iso))")
            }
        case .invoices:
            if let issued = v[3]?.day, let due = v[4]?.day, due < issued {
                problem(
                    at(4), col(4), "due date \(due.iso) is before the issue date \(issued.iso)",
                    hint: "check the order of the issued_on and due_on columns")
            }
            if let issued = v[3]?.day, let settled = v[7]?.day, settled < issued {
                problem(at(7), col(7), "settled \(settled.iso), before the invoice was issued (\(issued.iso))")
            }
            if let contract = v[2]?.text, let customer = v[1]?.text {
                switch Result(catching: { try refs.customer(ofContract: contract, db) }) {
                case .success(nil):
                    problem(
                        at(2), col(2), "unknown contract '\(contract)'",
                        hint: "import the contracts first, or leave contract_id empty")
                case .success(let owner?) where owner != customer:
                    problem(at(2), col(2), "contract '\(contract)' belongs to customer '\(owner)', not '\(customer)'")
                default: break
                }
            }
        case .payments:
            if let invoice = v[4]?.text, let customer = v[1]?.text {
                switch Result(catching: { try refs.customer(ofInvoice: invoice, db) }) {
                case .success(nil):
                    problem(
                        at(4), col(4), "unknown invoice '\(invoice)'",
                        hint: "import the invoices first, or leave invoice_id empty")
                case .success(let owner?) where owner != customer:
                    problem(at(4), col(4), "invoice '\(invoice)' belongs to customer '\(owner)', not '\(customer)'")
                default: break
                }
            }
        }
    }
}
