import Foundation
import RecoupCore

/// The canonical columns of each file (shared/spec/workspace-csv.md), in export order.
package struct ColumnDef {
    package enum FieldType { case text, day, amount, positiveAmount, count, score, flag, fraction }
    package var name: String
    package var required: Bool
    package var type: FieldType
}

extension RecordKind {
    package var columns: [ColumnDef] {
        func c(_ n: String, _ t: ColumnDef.FieldType, required: Bool = false) -> ColumnDef {
            ColumnDef(name: n, required: required, type: t)
        }
        switch self {
        case .customers:
            return [
                c("id", .text, required: true), c("name", .text, required: true), c("phone", .text), c("email", .text),
                c("tax_id", .text), c("segment", .text), c("credit_limit", .amount), c("bureau_score", .score),
                c("bureau_date", .day), c("agent", .text), c("opened_on", .day),
            ]
        case .contracts:
            return [
                c("id", .text, required: true), c("customer_id", .text, required: true),
                c("service", .text, required: true),
                c("signed_on", .day, required: true), c("start_on", .day), c("end_on", .day), c("value", .amount),
                c("payment_terms_days", .count), c("late_fee_daily_rate", .fraction), c("late_fee_grace_days", .count),
                c("late_fee_cap", .fraction), c("suspend_after_days", .count), c("prepay_ratio", .fraction),
            ]
        case .invoices:
            return [
                c("id", .text, required: true), c("customer_id", .text, required: true), c("contract_id", .text),
                c("issued_on", .day, required: true), c("due_on", .day, required: true),
                c("amount", .positiveAmount, required: true), c("disputed", .flag), c("settled_on", .day),
            ]
        case .payments:
            return [
                c("id", .text, required: true), c("customer_id", .text, required: true),
                c("received_on", .day, required: true),
                c("amount", .positiveAmount, required: true), c("invoice_id", .text), c("method", .text),
                c("reference", .text),
            ]
        }
    }
}

/// A typed field value after validation.
package enum FieldValue {
    case text(String), day(Day), amount(Money), int(Int), flag(Bool)

    package var text: String? { if case .text(let v) = self { return v }; return nil }
    package var day: Day? { if case .day(let v) = self { return v }; return nil }
    package var amount: Money? { if case .amount(let v) = self { return v }; return nil }
    package var int: Int? { if case .int(let v) = self { return v }; return nil }
    package var flag: Bool? { if case .flag(let v) = self { return v }; return nil }
}

/// How to read a file: which canonical column comes from which header, and how dates are written.
public struct ImportOptions: Sendable {
    /// Canonical column name to the foreign header it is read from (`id` = `invoiceNumber`).
    public var mapping: [String: String] = [:]
    public var dateFormat: DateFormat = .iso
    /// Columns that are neither canonical nor mapped are skipped instead of rejected.
    public var ignoreExtraColumns = false
    /// Invoices and payments of unknown customers create them, named by their id.
    public var createCustomers = false
    /// At most this many problems are reported for one file.
    public var problemLimit = 100
    /// Payments that name no invoice are matched (gateway and bank files): by an invoice id inside
    /// the reference, then by an exact open amount; a payment that matches nothing is held as
    /// unapplied cash, not allocated, until someone applies it.
    public var match = false
    /// An invoices or payments file of at least this many records (estimated from its size, 64
    /// bytes a record) that at least doubles its table drops the table's secondary indexes and
    /// makes them again at the end, inside the import's transaction (SQLite; see the import).
    public var bulkIndexRecords = 50_000
    /// An invoices or payments file at least this large (bytes) is read and checked on another
    /// core while this one inserts (when there are two); a smaller one in line. The same records
    /// are accepted and the same problems reported either way.
    public var readAheadBytes = 1 << 20

    public init() {}

    /// Parses `canonical=Foreign,canonical=Foreign` into a mapping, or throws what is wrong.
    public static func parseMapping(_ text: String, for kind: RecordKind) throws(MappingError) -> [String: String] {
        var out: [String: String] = [:]
        let known = Set(kind.columns.map(\.name))
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw MappingError(reason: "'\(pair)' is not CANONICAL=FOREIGN")
            }
            let canonical = parts[0].lowercased()
            guard known.contains(canonical) else {
                throw MappingError(
                    reason:
                        "'\(parts[0])' is not a column of \(kind.rawValue) (columns: \(kind.columns.map(\.name).joined(separator: ", ")))"
                )
            }
            if out[canonical] != nil { throw MappingError(reason: "column '\(canonical)' is mapped twice") }
            out[canonical] = parts[1]
        }
        return out
    }
}

/// A `--map` text that cannot be read.
public struct MappingError: Error, Sendable {
    public var reason: String
}
