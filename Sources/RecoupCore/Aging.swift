/// Open amounts as of a day in buckets: current (not yet due), then days past due with inclusive
/// upper bounds (with bounds 30,60,90: 1-30, 31-60, 61-90, 91+), as ERPNext ages receivables.
///
/// Computed from an allocation, so aging agrees to the fen with the allocation rule of the workspace
/// CSV spec: an invoice's open amount as of the day counts payments received on or before it, and
/// invoices issued after the day are not aged.
public struct Aging: Sendable {
    /// Upper bounds of the overdue buckets, increasing (e.g. 30, 60, 90).
    public let bounds: [Int]

    public init(bounds: [Int]) { self.bounds = bounds }

    /// Column names: `current`, `1-30`, `31-60`, `61-90`, `91+`.
    public var labels: [String] {
        var out = ["current"], low = 1
        for b in bounds { out.append("\(low)-\(b)"); low = b + 1 }
        out.append("\(low)+")
        return out
    }

    /// The bucket of an amount `daysLate` days past due (0 or less: current).
    public func bucket(daysLate: Int) -> Int {
        if daysLate <= 0 { return 0 }
        for (k, b) in bounds.enumerated() where daysLate <= b { return k + 1 }
        return bounds.count + 1
    }

    /// One group's aged amounts (minor units): `buckets` in `labels` order, the disputed part of
    /// them, and their total.
    public struct Row: Sendable, Hashable {
        public var buckets: [Int64]
        public var disputed: Int64 = 0
        public var total: Int64 { buckets.reduce(0, +) }
    }

    /// One row per customer, in `customerIds` order (the common case, without hashing).
    public func rowsByCustomer(_ ledger: Ledger, _ allocation: Allocation) -> [Row] {
        let asOf = allocation.asOf.ordinal
        let width = bounds.count + 2
        var out = [Row](repeating: Row(buckets: [Int64](repeating: 0, count: width)), count: ledger.customerCount)
        for c in 0..<ledger.customerCount {
            var row = out[c]
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                let open = allocation.open[i]
                guard open > 0, ledger.invoiceIssued[i] <= asOf else { continue }
                row.buckets[bucket(daysLate: Int(asOf - ledger.invoiceDue[i]))] += open
                row.disputed += ledger.heldAmount(i, on: asOf, open: open)
            }
            out[c] = row
        }
        return out
    }

    /// Ages every invoice of the ledger and adds it to the row of its group: `group(customer, invoice)`
    /// names the group (nil leaves the invoice out). Rows come back by group key.
    public func rows<Key: Hashable>(_ ledger: Ledger, _ allocation: Allocation, group: (Int, Int) -> Key?) -> [Key: Row]
    {
        let asOf = allocation.asOf.ordinal
        var out: [Key: Row] = [:]
        let empty = Row(buckets: [Int64](repeating: 0, count: bounds.count + 2))
        for c in 0..<ledger.customerCount {
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                let open = allocation.open[i]
                guard open > 0, ledger.invoiceIssued[i] <= asOf, let key = group(c, i) else { continue }
                let k = bucket(daysLate: Int(asOf - ledger.invoiceDue[i]))
                out[key, default: empty].buckets[k] += open
                out[key, default: empty].disputed += ledger.heldAmount(i, on: asOf, open: open)
            }
        }
        return out
    }
}
