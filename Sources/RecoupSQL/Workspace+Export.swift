import Foundation
import RecoupCore
import RecoupStore

extension Workspace {
    /// Writes every record of `kind` as canonical CSV, in the order they were imported.
    ///
    /// Amounts have two decimals, dates are ISO, `disputed` is `yes` or empty; a file written by
    /// export imports back and exports again byte for byte. The file is replaced atomically. An
    /// invoice's `disputed` is `yes` while a dispute is open on it (an imported one or one opened
    /// since), so a file read back holds it out from its issue date, as the interchange spec has it.
    /// Returns the number of records written.
    @discardableResult
    public func exportCSV(_ kind: RecordKind, path: String) throws(StoreError) -> Int {
        let columns = kind.columns
        var out = columns.map(\.name).joined(separator: ",") + "\n"
        let select = columns.map { c in
            kind == .invoices && c.name == "disputed"
                ? "(CASE WHEN disputed <> 0 OR EXISTS (SELECT 1 FROM dispute d WHERE d.invoice_id = invoice.id AND d.resolved_on IS NULL) THEN 1 ELSE 0 END)"
                : c.name
        }
        let count: Int = try read { db in
            var n = 0
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(select.joined(separator: ",")) FROM \(kind.table) ORDER BY rowid")
            while let row = try rows.next() {
                var fields: [String] = []
                for (i, c) in columns.enumerated() {
                    let value: DatabaseValue = row[i]
                    if value.isNull { fields.append(""); continue }
                    switch c.type {
                    case .amount, .positiveAmount:
                        fields.append(Money(minorUnits: Int64.fromDatabaseValue(value) ?? 0).description)
                    case .flag: fields.append((Int.fromDatabaseValue(value) ?? 0) != 0 ? "yes" : "")
                    case .count, .score: fields.append(String(Int.fromDatabaseValue(value) ?? 0))
                    default: fields.append(CSVText.quoted(String.fromDatabaseValue(value) ?? ""))
                    }
                }
                out += fields.joined(separator: ",") + "\n"
                n += 1
            }
            return n
        }
        do {
            try Data(out.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .file(path: path, reason: (error as NSError).localizedDescription)
        }
        return count
    }
}
