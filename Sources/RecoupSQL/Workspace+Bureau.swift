import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Imports a file of bureau reports (customer_id, score, date, agency) as one transaction.
    ///
    /// Every problem (unknown customer, score outside 0...1000, bad date, missing column or value, a
    /// report already on file for the same customer, day and agency) is collected and thrown together
    /// as `StoreError.importRejected`, located by line and column; then nothing is written. Otherwise
    /// each row becomes a `bureau_report`, and each customer's `bureau_score`/`bureau_date` take its
    /// latest report (latest day; on one day, the row read last), unless the customer record already
    /// holds a later-dated score.
    public func importBureau(path: String, options: BureauImportOptions, context: ChangeContext) throws(StoreError)
        -> BureauImportSummary
    {
        var run = BureauRun(options: options, reader: CSVReader(file: try FileBytes.map(path)))
        return try write { db in
            let rows = try run.read(db)
            if !run.problems.isEmpty {
                let sorted = run.problems.enumerated().sorted { a, b in
                    (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
                }.map(\.element)
                throw StoreError.importRejected(path: path, problems: sorted, truncated: run.truncated)
            }
            let insert = try db.makeStatement(
                sql: "INSERT INTO bureau_report(customer_id, score, on_day, agency) VALUES (?, ?, ?, ?)")
            var latest: [String: BureauReport] = [:]
            for r in rows {
                try insert.execute(arguments: [r.customerId, r.score, r.day.iso, r.agency])
                if let l = latest[r.customerId], l.day > r.day { continue }
                latest[r.customerId] = r
            }
            var updated = 0
            for r in latest.values.sorted(by: { $0.customerId < $1.customerId }) {
                try db.execute(
                    sql: """
                        UPDATE customer SET bureau_score = ?, bureau_date = ?
                        WHERE id = ? AND (bureau_date IS NULL OR bureau_date <= ?)
                        """, arguments: [r.score, r.day.iso, r.customerId, r.day.iso])
                updated += db.changesCount
            }
            try Self.journal(
                db, context, kind: "import.bureau", payload: Self.json(["path": path]),
                effect: "imported \(rows.count) bureau reports, latest score of \(updated) customers set")
            return BureauImportSummary(reports: rows.count, customers: updated)
        }
    }

    /// A customer's bureau reports, newest first (by day, then agency).
    public func bureauReports(customer: String) throws(StoreError) -> [BureauReport] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT customer_id, score, on_day, agency FROM bureau_report WHERE customer_id = ? ORDER BY on_day DESC, agency",
                arguments: [customer]
            ).compactMap { r in
                Day(r["on_day"] as String).map {
                    BureauReport(customerId: r["customer_id"], score: r["score"], day: $0, agency: r["agency"])
                }
            }
        }
    }
}

/// One pass over a bureau file: every row validated, the valid ones returned for insertion.
struct BureauRun {
    let options: BureauImportOptions
    var reader: CSVReader
    var problems: [ImportProblem] = []
    var truncated = false

    mutating func problem(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        if problems.count >= options.problemLimit { truncated = true; return }
        problems.append(ImportProblem(line: line, column: column, message: message, hint: hint))
    }

    mutating func read(_ db: Database) throws -> [BureauReport] {
        let canonical = BureauImportOptions.columns
        let header: CSVReader.Record
        do {
            guard let h = try reader.next() else {
                problem(
                    1, 1, "the file is empty",
                    hint: "a bureau file starts with a header line: \(canonical.joined(separator: ","))")
                return []
            }
            header = h
        } catch { record(error); return [] }
        guard let slots = mapHeader(header) else { return [] }
        let customers = Set(try String.fetchAll(db, sql: "SELECT id FROM customer"))
        let exists = try db.makeStatement(
            sql: "SELECT 1 FROM bureau_report WHERE customer_id = ? AND on_day = ? AND agency = ?")
        var seen: [String: Int] = [:]  // "customer|day|agency" to the line that has it
        var out: [BureauReport] = []
        var records = 0
        while true {
            let rec: CSVReader.Record
            do { guard let r = try reader.next() else { break }; rec = r } catch { record(error); break }
            records += 1
            if rec.fields.count != header.fields.count {
                let col =
                    rec.fields.count > header.fields.count ? reader.column(of: rec.fields[header.fields.count]) : 1
                problem(
                    rec.line, col, "expected \(header.fields.count) fields as in the header, found \(rec.fields.count)",
                    hint: "quote a field that contains a comma: \"a, b\"")
                continue
            }
            var text = [String?](repeating: nil, count: canonical.count)
            var field = [CSVReader.Field?](repeating: nil, count: canonical.count)
            let before = problems.count
            for (f, slot) in slots.enumerated() where slot >= 0 {
                let fl = rec.fields[f]
                field[slot] = fl
                guard let s = String(validating: fl.bytes, as: UTF8.self) else {
                    problem(
                        fl.line, reader.column(of: fl), "invalid UTF-8 in column '\(canonical[slot])'",
                        hint: "save the file as UTF-8");
                    continue
                }
                let t = s.trimmingCharacters(in: .whitespaces)
                text[slot] = t.isEmpty ? nil : t
            }
            func at(_ i: Int) -> (Int, Int) { field[i].map { ($0.line, reader.column(of: $0)) } ?? (rec.line, 1) }
            for i in 0..<3 where text[i] == nil && field[i] != nil {
                let (l, c) = at(i)
                problem(l, c, "missing value for required column '\(canonical[i])'")
            }
            if let id = text[0], !customers.contains(id) {
                let (l, c) = at(0)
                problem(l, c, "unknown customer '\(id)'", hint: "import the customers first")
            }
            var score: Int?
            if let s = text[1] {
                if let v = Int(s), (0...1000).contains(v) {
                    score = v
                } else {
                    let (l, c) = at(1)
                    problem(
                        l, c, "bad score '\(s)' in column 'score'",
                        hint: "expected a whole number from 0 to 1000; map another scale onto 0-1000 first")
                }
            }
            var day: Day?
            if let s = text[2] {
                day = options.dateFormat.parse(s)
                if day == nil {
                    let (l, c) = at(2)
                    problem(
                        l, c, "bad date '\(s)' in column 'date'",
                        hint: options.dateFormat == .iso
                            ? "dates are real calendar days written YYYY-MM-DD; for another layout pass --date-format, e.g. M/d/yyyy"
                            : "expected a real calendar day in the format \(options.dateFormat.pattern)")
                }
            }
            guard problems.count == before, let id = text[0], let score, let day else { continue }
            let agency = text[3] ?? options.agency
            let key = "\(id)|\(day.iso)|\(agency)"
            let (l, c) = at(2)
            let who = agency.isEmpty ? "" : " from '\(agency)'"
            if let first = seen[key] {
                problem(
                    l, c, "duplicate report for customer '\(id)' on \(day.iso)\(who) (first on line \(first))",
                    hint: "a customer has one report per day and agency")
                continue
            }
            seen[key] = rec.line
            if try Bool.fetchOne(exists, arguments: [id, day.iso, agency]) != nil {
                problem(
                    l, c, "a report for customer '\(id)' on \(day.iso)\(who) already exists in the workspace",
                    hint: "a customer has one report per day and agency; was this file imported before?")
                continue
            }
            out.append(BureauReport(customerId: id, score: score, day: day, agency: agency))
        }
        if records == 0 && problems.isEmpty {
            problem(2, 1, "no records after the header", hint: "the file has a header line and nothing else")
        }
        return out
    }

    private mutating func record(_ error: CSVReader.Problem) {
        let p = error.importProblem
        problem(p.line, p.column, p.message, hint: p.hint)
    }

    /// For each header field, the column it fills (-1: skipped); nil after header problems.
    private mutating func mapHeader(_ header: CSVReader.Record) -> [Int]? {
        let map = HeaderMap(
            header, reader: reader, canonical: BureauImportOptions.columns, required: [0, 1, 2],
            mapping: options.mapping,
            ignoreExtraColumns: options.ignoreExtraColumns, what: "bureau", notAColumn: "of a bureau file",
            mapExample: "score")
        for p in map.problems { problem(p.line, p.column, p.message, hint: p.hint) }
        return problems.isEmpty ? map.slots : nil
    }
}
