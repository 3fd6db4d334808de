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
        let data = try Self.readBytes(path)
        var run = ImportRun(kind: kind, path: path, options: options, reader: CSVReader(data: data))
        // The importer checks every reference itself, record by record, so SQLite's own foreign key
        // check (a second lookup per reference) is off for the import's transaction.
        let summary = try write(checkingReferences: false) { db in
            try run.write(db, kind: kind, path: path, context: context, progress: progress, shouldStop: shouldStop)
        }
        if !scenarioIsOpen { engine.afterImport() }
        return summary
    }
}

extension Workspace {
    /// The whole file as bytes, read once into the array the reader uses (no second copy).
    static func readBytes(_ path: String) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw .file(path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .file(path: path, reason: "not a regular file")
        }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if n <= 0 { failed = n < 0; break }
                count += n
            }
        }
        if failed { throw .file(path: path, reason: "cannot be read") }
        return bytes
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
        var refs = try References(db: db, kind: kind)
        // A large file that at least doubles its table: the table's secondary indexes (by customer)
        // are dropped here and made again after the last record, one sort instead of a random
        // index page per record (a million invoices in no order of customers: 10.9 s -> 9.2 s,
        // their payments 23.6 s -> 17.7 s; docs/BENCHMARKS.md). All inside the import's
        // transaction: colleagues keep reading the books as they were, and an import that fails
        // rolls the drop back. Not when payments are matched, which looks invoices up by customer
        // as it goes.
        var rebuilt: [(name: String, create: String)] = []
        if kind == .invoices || kind == .payments, !options.match, reader.size / 64 >= options.bulkIndexRecords,
            Int64(reader.size / 64) >= refs.lastRowid
        {
            rebuilt = try db.connection.rebuildableIndexes(of: kind.table)
            for index in rebuilt { try db.execute(sql: "DROP INDEX \(index.name)") }
        }
        let insert = try db.makeStatement(sql: insertSQL)
        var values = [FieldValue?](repeating: nil, count: columns.count)
        var fieldOf = [CSVReader.Field?](repeating: nil, count: columns.count)
        var pinyin = PinyinInitials()
        var unsavedIds: Set<String> = []  // valid records' ids after the first problem (not inserted)
        var fast = FastPath(kind: kind, slots: slots, options: options)
        while true {
            let rec: CSVReader.Record
            do { guard let r = try reader.next() else { break }; rec = r } catch { record(error); break }
            records += 1
            if records % 65536 == 0 {
                if shouldStop() { throw StoreError.database("import interrupted; the workspace is unchanged") }
                progress?(Double(reader.offset) / Double(max(1, reader.size)))
            }
            if rec.fields.count != header.fields.count {
                let col =
                    rec.fields.count > header.fields.count ? reader.column(of: rec.fields[header.fields.count]) : 1
                problem(
                    rec.line, col, "expected \(header.fields.count) fields as in the header, found \(rec.fields.count)",
                    hint: "quote a field that contains a comma: \"a, b\"")
                continue
            }
            if problems.isEmpty, fast != nil,
                try fast!.insert(rec.fields, statement: insert.prepared, refs: &refs, db: db)
            {
                continue
            }
            let before = problems.count
            for i in 0..<columns.count { values[i] = nil; fieldOf[i] = nil }
            for (f, slot) in slots.enumerated() where slot >= 0 {
                let field = rec.fields[f]
                fieldOf[slot] = field
                values[slot] = parse(field, as: columns[slot], line: rec.line)
            }
            for (i, c) in columns.enumerated() where c.required && values[i] == nil && problems.count == before {
                let col = fieldOf[i].map { reader.column(of: $0) } ?? 1
                problem(fieldOf[i]?.line ?? rec.line, col, "missing value for required column '\(c.name)'")
            }
            // Rules between fields and references are checked even when a field was wrong, so that
            // one run reports everything wrong with the record.
            checkRecord(values, fields: fieldOf, line: rec.line, refs: &refs, db: db)
            if kind != .customers, let customer = values[1]?.text, !refs.customers.contains(customer) {
                if !options.createCustomers {
                    problem(
                        fieldOf[1]!.line, reader.column(of: fieldOf[1]!), "unknown customer '\(customer)'",
                        hint: "import the customers first, or pass --create-customers")
                } else if problems.isEmpty {
                    try db.execute(
                        sql: "INSERT INTO customer(id, name, initials) VALUES (?, ?, ?)",
                        arguments: [customer, customer, pinyin.initials(of: customer)])
                    refs.customers.insert(customer); created += 1
                }
            }
            guard problems.count == before else {
                // A rejected record still claims its id: a later record with the same id is a duplicate.
                if let id = values[0]?.text, !unsavedIds.insert(id).inserted, let f = fieldOf[0] {
                    duplicate(id, existed: false, line: rec.line, field: f)
                }
                continue
            }
            guard problems.isEmpty else {  // after the first problem, only validate (ids included: nothing is inserted)
                let id = values[0]!.text!
                if refs.ids != nil {
                    if !refs.ids!.insert(id).inserted || !unsavedIds.insert(id).inserted {
                        duplicate(id, existed: refs.existing.contains(id), line: rec.line, field: fieldOf[0]!)
                    }
                } else if let rowid = try Int64.fetchOne(
                    db, sql: "SELECT rowid FROM \(kind.table) WHERE id = ?", arguments: [id])
                {
                    duplicate(id, existed: rowid <= refs.lastRowid, line: rec.line, field: fieldOf[0]!)
                } else if !unsavedIds.insert(id).inserted {
                    duplicate(id, existed: false, line: rec.line, field: fieldOf[0]!)
                }
                continue
            }
            if refs.ids != nil, !refs.ids!.insert(values[0]!.text!).inserted {
                let id = values[0]!.text!
                duplicate(id, existed: refs.existing.contains(id), line: rec.line, field: fieldOf[0]!)
                continue
            }
            var hold = false
            if kind == .payments && options.match && values[4] == nil {
                switch try PaymentMatcher.match(
                    db, customer: values[1]!.text!, day: values[2]!.day!, amount: values[3]!.amount!,
                    reference: values[6]?.text)
                {
                case .reference(let invoice): values[4] = .text(invoice); matched.reference += 1
                case .amount(let invoice): values[4] = .text(invoice); matched.amount += 1
                case .none: hold = true; matched.held += 1
                }
            }
            var args: [DatabaseValue] = values.map { $0.map(Self.databaseValue) ?? .null }
            if kind == .customers {
                args.append(.text(pinyin.initials(of: values[1]!.text!)))
                refs.customers.insert(values[0]!.text!)
            }
            if kind == .invoices && values[6] == nil { args[6] = .integer(0) }
            if kind == .contracts { refs.contracts[values[0]!.text!] = values[1]!.text! }
            do {
                try insert.prepared.execute(args)
                if hold {
                    try db.execute(sql: "UPDATE payment SET held = 1 WHERE id = ?", arguments: [values[0]!.text!])
                }
            } catch let e as SQLError where e.kind == .unique(table: kind.table) || e.kind == .constraint {
                let id = values[0]!.text!
                let existed =
                    try Bool.fetchOne(
                        db, sql: "SELECT rowid <= ? FROM \(kind.table) WHERE id = ?",
                        arguments: [refs.lastRowid, id]) ?? false
                duplicate(id, existed: existed, line: rec.line, field: fieldOf[0]!)
            }
        }
        if records == 0 && problems.isEmpty {
            problem(2, 1, "no records after the header", hint: "the file has a header line and nothing else")
        }
        if problems.isEmpty { for index in rebuilt { try db.execute(sql: index.create) } }
        progress?(1)
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

    private var insertSQL: String {
        var names = columns.map(\.name)
        if kind == .customers { names.append("initials") }
        return
            "INSERT INTO \(kind.table)(\(names.joined(separator: ","))) VALUES (\(names.map { _ in "?" }.joined(separator: ",")))"
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
