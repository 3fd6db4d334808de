import Foundation

/// Where an installment plan on the books stands on a day: each row with what is paid and open, and
/// the plan's status. The one place the status is decided: `plan show`, `plan list`, payoff and
/// prepayment quotes and the call queue all use it.
///
/// A plan is **broken** once a row has stayed open more than `graceDays` past its due date (from the
/// day `dueOn + graceDays + 1`); then, as the plan's terms say, the whole open balance is due. It is
/// **completed** when no row is open, and **active** otherwise.
public struct PlanState: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable { case active, broken, completed }

    public struct Row: Sendable, Hashable {
        /// 1-based position in the plan (the `#NN` of the row's obligation id).
        public var seq: Int
        public var row: Installment
        public var paid: Money
        public var open: Money
        public init(seq: Int, row: Installment, paid: Money, open: Money) {
            self.seq = seq; self.row = row; self.paid = paid; self.open = open
        }
    }

    public var rows: [Row]
    public var status: Status
    /// The first day the plan counts as broken, when it is.
    public var brokenSince: Day?

    public var open: Money { rows.reduce(.zero) { $0 + $1.open } }
    public var paid: Money { rows.reduce(.zero) { $0 + $1.paid } }
    /// Regular rows paid in full, counted from the start (what payoff and prepayment start from).
    public var paidInstallments: Int {
        rows.prefix { $0.row.period == 0 || $0.open.isZero }.filter { $0.row.period > 0 && !$0.row.isPrepayment }.count
    }

    /// True when an amount still open `daysPastDue` days after its due date breaks the plan.
    public static func breaks(daysPastDue: Int, graceDays: Int) -> Bool { daysPastDue > graceDays }

    /// The plan's state on `asOf`, given what is open on each row (by `seq`) on that day.
    public static func evaluate(_ installments: [Installment], open: (Int) -> Money, asOf: Day, graceDays: Int)
        -> PlanState
    {
        var rows: [Row] = []
        var broken: Day?
        for (k, row) in installments.enumerated() {
            let left = open(k + 1)
            rows.append(Row(seq: k + 1, row: row, paid: row.payment - left, open: left))
            if left.isPositive && breaks(daysPastDue: asOf - row.dueOn, graceDays: graceDays) && broken == nil {
                broken = row.dueOn + graceDays + 1
            }
        }
        let status: Status = rows.allSatisfy { $0.open.isZero } ? .completed : broken != nil ? .broken : .active
        return PlanState(rows: rows, status: status, brokenSince: broken)
    }
}

/// The parts of a plan row a payment pays, in the order they are paid.
public enum RowPart: String, Sendable, CaseIterable {
    case fee, interest, principal

    /// How much of each part of `row` the amount `paid` covers, filling the parts in `order` (each
    /// part at most what the row has of it; what is left over is not spread).
    public static func split(_ paid: Money, of row: Installment, order: [RowPart]) -> [RowPart: Money] {
        var left = paid, out: [RowPart: Money] = [:]
        for part in order {
            let due = part == .fee ? row.fee : part == .interest ? row.interest : row.principal
            let take = min(left, due)
            out[part] = take
            left -= take
        }
        return out
    }

    /// The policy's `allocation.order` less `penalty` (late fees are charged apart from plan rows),
    /// every part once, missing parts after in their usual order; nil when `text` names a part
    /// twice or a word that is not a part.
    public static func order(_ text: String) -> [RowPart]? {
        var order: [RowPart] = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where word != "penalty"
        {
            guard let part = RowPart(rawValue: word), !order.contains(part) else { return nil }
            order.append(part)
        }
        for part in RowPart.allCases where !order.contains(part) { order.append(part) }
        return order
    }
}
