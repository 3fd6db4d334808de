import Foundation
import RecoupCore

/// Writes records as canonical CSV files, in the same layout `exportCSV` writes.
///
/// Used for the generated demo and benchmark portfolios; a test checks that importing these files
/// and exporting the workspace gives the same bytes back.
public enum PortfolioFiles {
    /// Writes customers.csv, contracts.csv, invoices.csv and payments.csv into `directory`.
    public static func write(_ p: PortfolioGenerator.Portfolio, to directory: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .file(path: directory, reason: "cannot create the folder")
        }
        func m(_ v: Money?) -> String { v?.description ?? "" }
        func d(_ v: Day?) -> String { v?.iso ?? "" }
        func t(_ v: String?) -> String { v.map(CSVText.quoted) ?? "" }
        func i(_ v: Int?) -> String { v.map(String.init) ?? "" }
        try file(
            directory, .customers,
            p.customers.map { c in
                [
                    t(c.id), t(c.name), t(c.phone), t(c.email), t(c.taxId), t(c.segment), m(c.creditLimit),
                    i(c.bureauScore),
                    d(c.bureauDate), t(c.agent), d(c.openedOn),
                ]
            })
        try file(
            directory, .contracts,
            p.contracts.map { k in
                [
                    t(k.id), t(k.customerId), t(k.service), d(k.signedOn), d(k.startOn), d(k.endOn), m(k.value),
                    i(k.paymentTermsDays),
                    t(k.lateFeeDailyRate), i(k.lateFeeGraceDays), t(k.lateFeeCap), i(k.suspendAfterDays),
                    t(k.prepayRatio),
                ]
            })
        try file(
            directory, .invoices,
            p.invoices.map { v in
                [
                    t(v.id), t(v.customerId), t(v.contractId), d(v.issuedOn), d(v.dueOn), m(v.amount),
                    v.disputed ? "yes" : "", d(v.settledOn),
                ]
            })
        try file(
            directory, .payments,
            p.payments.map { x in
                [t(x.id), t(x.customerId), d(x.receivedOn), m(x.amount), t(x.invoiceId), t(x.method), t(x.reference)]
            })
    }

    private static func file(_ dir: String, _ kind: RecordKind, _ rows: [[String]]) throws(StoreError) {
        var out = kind.columns.map(\.name).joined(separator: ",") + "\n"
        out.reserveCapacity(rows.count * 80)
        for r in rows { out += r.joined(separator: ",") + "\n" }
        let path = (dir as NSString).appendingPathComponent(kind.rawValue + ".csv")
        do { try Data(out.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .file(path: path, reason: "cannot be written")
        }
    }
}

/// RFC 4180 quoting for one field.
package enum CSVText {
    package static func quoted(_ s: String) -> String {
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
