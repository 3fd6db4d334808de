import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Imports a canonical (or mapped) CSV file of `kind` as one transaction.
    ///
    /// Every problem in the file is collected (up to `options.problemLimit`) and reported together
    /// as `StoreError.importRejected`; then nothing is written. `progress` receives the fraction of
    /// the file read, now and then; `shouldStop` is polled and abandons the import when true.
    public func importCSV(
        _ kind: RecordKind, path: String, options: ImportOptions, context: ChangeContext,
        progress: ((Double) -> Void)? = nil, shouldStop: () -> Bool = { false }
    ) throws(StoreError) -> ImportSummary {
        // Mapped, not read: what is wrong with the file is said before anything starts.
        var run = ImportRun(kind: kind, path: path, options: options, reader: CSVReader(file: try FileBytes.map(path)))
        // The importer checks every reference itself, record by record, so SQLite's own foreign key
        // check (a second lookup per reference) is off for the import's transaction.
        let summary = try write(checkingReferences: false) { db in
            try run.write(db, kind: kind, path: path, context: context, progress: progress, shouldStop: shouldStop)
        }
        if !scenarioIsOpen { engine.afterImport() }
        return summary
    }
}

extension ImportRun {
    /// Runs the import inside the caller's transaction; throws (rolling it back) on any problem.
    mutating func write(
        _ db: Database, kind: RecordKind, path: String, context: ChangeContext,
        progress: ((Double) -> Void)?, shouldStop: () -> Bool
    ) throws -> ImportSummary {
        try execute(db, progress: progress, shouldStop: shouldStop)
        if !problems.isEmpty {
            let sorted = problems.enumerated().sorted { a, b in
                (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
            }.map(\.element)
            throw StoreError.importRejected(path: path, problems: sorted, truncated: truncated)
        }
        let matching =
            options.match
            ? "; matched \(matched.reference) by reference, \(matched.amount) by amount, held \(matched.held)" : ""
        try Workspace.journal(
            db, context, kind: "import.\(kind.rawValue)",
            payload: Workspace.json(["kind": kind.rawValue, "path": path]),
            effect: "imported \(records) \(kind.rawValue)" + (created > 0 ? ", created \(created) customers" : "")
                + matching)
        var summary = ImportSummary(kind: kind, records: records, createdCustomers: created)
        (summary.matchedByReference, summary.matchedByAmount, summary.held) = (
            matched.reference, matched.amount, matched.held
        )
        return summary
    }
}

/// One pass over a file: parse, validate and insert each record; problems roll everything back.
struct ImportRun {
    let kind: RecordKind
    let path: String
    let options: ImportOptions
    var reader: CSVReader
    var problems: [ImportProblem] = []
    var truncated = false
    var records = 0
    var created = 0
    var matched = (reference: 0, amount: 0, held: 0)
    private var columns: [ColumnDef] { kind.columns }

    mutating func problem(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        if problems.count >= options.problemLimit { truncated = true; return }
        problems.append(ImportProblem(line: line, column: column, message: message, hint: hint))
    }

    mutating func execute(_ db: Database, progress: ((Double) -> Void)?, shouldStop: () -> Bool) throws {
        let columns = self.columns  // built once, not for every record
        var refs = try References(db: db, kind: kind, records: reader.size / 64)
        let header: CSVReader.Record
        do {
            guard let h = try reader.next() else {
                problem(
                    1, 1, "the file is empty",
                    hint:
                        "a \(kind.rawValue) file starts with a header line: \(columns.map(\.name).joined(separator: ","))"
                )
                return
            }
            header = h
        } catch { record(error); return }
        guard let slots = mapHeader(header) else { return }
        // A large file that at least doubles its table: the table's secondary indexes (by customer)
        // are dropped here and made again after the last record, one sort instead of a random
        // index page per record (a million invoices in no order of customers: 10.9 s -> 9.2 s,
        // their payments 23.6 s -> 17.7 s; docs/BENCHMARKS.md). All inside the import's
        // transaction: colleagues keep reading the books as they were, and an import that fails
        // rolls the drop back. Not when payments are matched, which looks invoices up by customer
        // as it goes.
        var rebuilt: [(name: String, create: String)] = []
        var bulk = false
        if kind == .invoices || kind == .payments, !options.match, reader.size / 64 >= options.bulkIndexRecords,
            Int64(reader.size / 64) >= refs.lastRowid
        {
            rebuilt = try db.connection.rebuildableIndexes(of: kind.table)
            for index in rebuilt { try db.execute(sql: "DROP INDEX \(index.name)") }
            try db.connection.bulkCache(true)
            bulk = true
        }
        defer { if bulk { try? db.connection.bulkCache(false) } }
        let insert = try db.makeStatement(sql: FastInsert.sql(kind.table, insertColumns, rows: 1))
        var general = General(width: columns.count, headerFields: header.fields.count, slots: slots)
        let owners =
            kind == .invoices ? (refs.allContracts ? refs.contracts : nil) : (refs.allInvoices ? refs.invoices : nil)
        guard
            let check = FastCheck(
                kind: kind, slots: slots, headerFields: header.fields.count, customers: refs.customers,
                owners: owners, options: options)
        else {
            while true {
                let rec: CSVReader.Record
                do { guard let r = try reader.next() else { break }; rec = r } catch { record(error); break }
                try tick(at: reader.offset, progress: progress, shouldStop: shouldStop)
                try insertGenerally(rec, &general, insert: insert, refs: &refs, db: db)
            }
            return try finish(rebuilt, db: db, progress: progress)
        }
        // Invoices and payments: read and checked on the other core while this one inserts, when
        // the file is large enough to be worth a thread (a batch is 4,096 records).
        let checked = CheckedRecords(
            reader: reader, check: check, width: columns.count,
            ahead: Parallel.cores > 1 && reader.size >= options.readAheadBytes)
        defer { checked.stop() }
        var fast = FastInsert(
            kind: kind, width: columns.count, one: insert.prepared,
            many: db.connection.constraintFailureAbortsTransaction
                ? nil
                : try db.makeStatement(sql: FastInsert.sql(kind.table, insertColumns, rows: FastInsert.rows)).prepared,
            referencesChecked: owners != nil)
        let bytes = reader.bytes  // the file's bytes, for the inserts to bind from (kept while they run)
        try withExtendedLifetime(bytes) {
            let file = bytes.buffer
            while let batch = checked.next() {
                // Record `r` of the batch the general way: read again from the file, every field parsed.
                func generally(_ r: Int) throws {
                    reader.seek(to: batch.starts[r], line: batch.lines[r])
                    // Read once already without a problem: a failure now means the file changed under the
                    // import (it is mapped, not copied), which is reported, never skipped. A file cut
                    // short meanwhile stops the process (SIGBUS) with nothing written.
                    let again: CSVReader.Record?
                    do { again = try reader.next() } catch {
                        record(error)
                        return
                    }
                    guard let rec = again else {
                        problem(batch.lines[r], 1, "the file changed while it was imported", hint: "import it again")
                        return
                    }
                    try insertGenerally(rec, &general, insert: insert, refs: &refs, db: db)
                }
                for r in 0..<batch.count {
                    try tick(at: batch.end, progress: progress, shouldStop: shouldStop)
                    if problems.isEmpty, batch.ok[r], try fast.accepts(batch, at: r, file: file, refs: &refs, db: db) {
                        for refused in try fast.queue(batch, at: r, file: file) { try generally(refused) }
                        continue
                    }
                    for refused in try fast.flush(batch, file: file) { try generally(refused) }
                    try generally(r)
                }
                for refused in try fast.flush(batch, file: file) { try generally(refused) }
                if let p = batch.problem { record(p); break }
            }
        }
        try finish(rebuilt, db: db, progress: progress)
    }

    /// After the last record: the indexes dropped for a bulk import made again (when nothing is wrong).
    private mutating func finish(
        _ rebuilt: [(name: String, create: String)], db: Database, progress: ((Double) -> Void)?
    ) throws {
        if records == 0 && problems.isEmpty {
            problem(2, 1, "no records after the header", hint: "the file has a header line and nothing else")
        }
        if problems.isEmpty { for index in rebuilt { try db.execute(sql: index.create) } }
        progress?(1)
    }

    /// What the general path keeps from record to record.
    struct General {
        let width: Int
        let headerFields: Int
        let slots: [Int]
        var values: [FieldValue?]
        var fieldOf: [CSVReader.Field?]
        var pinyin = PinyinInitials()
        /// Valid records' ids after the first problem (not inserted).
        var unsavedIds: Set<String> = []

        init(width: Int, headerFields: Int, slots: [Int]) {
            self.width = width
            self.headerFields = headerFields
            self.slots = slots
            values = [FieldValue?](repeating: nil, count: width)
            fieldOf = [CSVReader.Field?](repeating: nil, count: width)
        }
    }

    /// The general path for one record: every field parsed and checked with its diagnostic, the
    /// record inserted when nothing is wrong with the file so far (customers created with
    /// `--create-customers`, payments matched with `--match`).
    private mutating func insertGenerally(
        _ rec: CSVReader.Record, _ g: inout General, insert: Statement, refs: inout References, db: Database
    ) throws {
        let columns = self.columns
        if rec.fields.count != g.headerFields {
            let col = rec.fields.count > g.headerFields ? reader.column(of: rec.fields[g.headerFields]) : 1
            problem(
                rec.line, col, "expected \(g.headerFields) fields as in the header, found \(rec.fields.count)",
                hint: "quote a field that contains a comma: \"a, b\"")
            return
        }
        let before = problems.count
        for i in 0..<columns.count { g.values[i] = nil; g.fieldOf[i] = nil }
        for (f, slot) in g.slots.enumerated() where slot >= 0 {
            let field = rec.fields[f]
            g.fieldOf[slot] = field
            g.values[slot] = parse(field, as: columns[slot], line: rec.line)
        }
        for (i, c) in columns.enumerated() where c.required && g.values[i] == nil && problems.count == before {
            let col = g.fieldOf[i].map { reader.column(of: $0) } ?? 1
            problem(g.fieldOf[i]?.line ?? rec.line, col, "missing value for required column '\(c.name)'")
        }
        // Rules between fields and references are checked even when a field was wrong, so that
        // one run reports everything wrong with the record.
        checkRecord(g.values, fields: g.fieldOf, line: rec.line, refs: &refs, db: db)
        if kind != .customers, let customer = g.values[1]?.text, !refs.customers.contains(customer) {
            if !options.createCustomers {
                problem(
                    g.fieldOf[1]!.line, reader.column(of: g.fieldOf[1]!), "unknown customer '\(customer)'",
                    hint: "import the customers first, or pass --create-customers")
            } else if problems.isEmpty {
                try db.execute(
                    sql: "INSERT INTO customer(id, name, initials) VALUES (?, ?, ?)",
                    arguments: [customer, customer, g.pinyin.initials(of: customer)])
                refs.customers.insert(customer); created += 1
            }
        }
        guard problems.count == before else {
            // A rejected record still claims its id: a later record with the same id is a duplicate.
            if let id = g.values[0]?.text, !g.unsavedIds.insert(id).inserted, let f = g.fieldOf[0] {
                duplicate(id, existed: false, line: rec.line, field: f)
            }
            return
        }
        guard problems.isEmpty else {  // after the first problem, only validate (ids included: nothing is inserted)
            let id = g.values[0]!.text!
            if refs.ids != nil {
                if !refs.ids!.insert(id).inserted || !g.unsavedIds.insert(id).inserted {
                    duplicate(id, existed: refs.existing.contains(id), line: rec.line, field: g.fieldOf[0]!)
                }
            } else if let rowid = try Int64.fetchOne(
                db, sql: "SELECT rowid FROM \(kind.table) WHERE id = ?", arguments: [id])
            {
                duplicate(id, existed: rowid <= refs.lastRowid, line: rec.line, field: g.fieldOf[0]!)
            } else if !g.unsavedIds.insert(id).inserted {
                duplicate(id, existed: false, line: rec.line, field: g.fieldOf[0]!)
            }
            return
        }
        if refs.ids != nil, !refs.ids!.insert(g.values[0]!.text!).inserted {
            let id = g.values[0]!.text!
            duplicate(id, existed: refs.existing.contains(id), line: rec.line, field: g.fieldOf[0]!)
            return
        }
        var hold = false
        if kind == .payments && options.match && g.values[4] == nil {
            switch try PaymentMatcher.match(
                db, customer: g.values[1]!.text!, day: g.values[2]!.day!, amount: g.values[3]!.amount!,
                reference: g.values[6]?.text)
            {
            case .reference(let invoice): g.values[4] = .text(invoice); matched.reference += 1
            case .amount(let invoice): g.values[4] = .text(invoice); matched.amount += 1
            case .none: hold = true; matched.held += 1
            }
        }
        var args: [DatabaseValue] = g.values.map { $0.map(Self.databaseValue) ?? .null }
        if kind == .customers {
            args.append(.text(g.pinyin.initials(of: g.values[1]!.text!)))
            refs.customers.insert(g.values[0]!.text!)
        }
        if kind == .invoices && g.values[6] == nil { args[6] = .integer(0) }
        if kind == .contracts { refs.contracts[g.values[0]!.text!] = g.values[1]!.text! }
        do {
            try insert.prepared.execute(args)
            if hold {
                try db.execute(sql: "UPDATE payment SET held = 1 WHERE id = ?", arguments: [g.values[0]!.text!])
            }
        } catch let e as SQLError where e.kind == .unique(table: kind.table) || e.kind == .constraint {
            let id = g.values[0]!.text!
            let existed =
                try Bool.fetchOne(
                    db, sql: "SELECT rowid <= ? FROM \(kind.table) WHERE id = ?",
                    arguments: [refs.lastRowid, id]) ?? false
            duplicate(id, existed: existed, line: rec.line, field: g.fieldOf[0]!)
        }
    }

    private mutating func duplicate(_ id: String, existed: Bool, line: Int, field: CSVReader.Field) {
        problem(
            line, reader.column(of: field),
            existed ? "\(kind.singular) '\(id)' already exists in the workspace" : "duplicate id '\(id)' in this file",
            hint: existed ? "ids are unique; was this file imported before?" : "each id may appear once")
    }

    private mutating func record(_ error: CSVReader.Problem) {
        let p = error.importProblem
        problem(p.line, p.column, p.message, hint: p.hint)
    }

    /// For each header field, the canonical column it fills (-1: skipped); nil after header problems.
    private mutating func mapHeader(_ header: CSVReader.Record) -> [Int]? {
        let map = HeaderMap(
            header, reader: reader, canonical: columns.map(\.name),
            required: columns.indices.filter { columns[$0].required },
            mapping: options.mapping, ignoreExtraColumns: options.ignoreExtraColumns, what: kind.rawValue,
            notAColumn: "of \(kind.rawValue)", mapExample: columns[0].name)
        for p in map.problems { problem(p.line, p.column, p.message, hint: p.hint) }
        return problems.isEmpty ? map.slots : nil
    }

    static func nearest(_ word: String, among names: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var prev = row[0]; row[0] = i
                for j in 1...max(1, b.count) where !b.isEmpty {
                    let cur = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                    prev = cur
                }
            }
            return row[b.count]
        }
        let scored = names.map { ($0, distance(Array(word), Array($0))) }.filter { $0.1 <= max(1, $0.0.count / 3) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// The columns an INSERT fills: the kind's, and a customer's pinyin initials.
    private var insertColumns: [String] { columns.map(\.name) + (kind == .customers ? ["initials"] : []) }

    /// Counts a record; now and then says how far the import is and stops it when asked.
    private mutating func tick(at offset: Int, progress: ((Double) -> Void)?, shouldStop: () -> Bool) throws {
        records += 1
        guard records % 65536 == 0 else { return }
        if shouldStop() { throw StoreError.database("import interrupted; the workspace is unchanged") }
        progress?(Double(offset) / Double(max(1, reader.size)))
    }

    static func databaseValue(_ v: FieldValue) -> DatabaseValue {
        switch v {
        case .text(let s): return .text(s)
        case .day(let d): return .text(d.iso)
        case .amount(let m): return .integer(m.minorUnits)
        case .int(let i): return .integer(Int64(i))
        case .flag(let b): return .integer(b ? 1 : 0)
        }
    }
}
