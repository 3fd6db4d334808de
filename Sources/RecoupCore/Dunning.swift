/// What a dunning step does, mildest first: the order is the order of severity.
public enum DunningAction: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A polite payment reminder (付款提醒), also before the due date.
    case reminder
    /// A demand letter (催款函).
    case letter
    /// A telephone call: an entry on the call list, not a letter.
    case call
    /// A final notice before legal steps (最后催告函).
    case finalNotice = "final_notice"
    /// The case goes to legal review: the run prepares a file for the legal team (a lawyer's letter,
    /// 律师函, is counsel's to send, not ours).
    case legalReview = "legal_review"

    public static func < (a: DunningAction, b: DunningAction) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// True for the actions that produce a letter to the customer (reminder, letter, final notice).
    public var isLetter: Bool { self == .reminder || self == .letter || self == .finalNotice }
}

/// One step of the dunning ladder: an action on the day `offset` days from the invoice's due date.
public struct DunningStep: Sendable, Hashable, CustomStringConvertible {
    /// Days relative to the due date: negative before it (a polite reminder), 0 on it.
    public var offset: Int
    public var action: DunningAction

    public init(_ offset: Int, _ action: DunningAction) { self.offset = offset; self.action = action }

    /// The key a step is recorded under (`dunning_sent.step`): `OFFSET:ACTION`, e.g. `-3:reminder`.
    public var key: String { "\(offset):\(action.rawValue)" }
    public var description: String { key }

    /// The day this step falls on for an invoice due on `due`.
    public func day(due: Day) -> Day { due + offset }
}

/// The policy's dunning ladder (`dunning.ladder`), ordered by offset: a later step is more advanced.
///
/// ```swift
/// let ladder = DunningLadder("-3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review")!
/// ladder.steps.last!.key   // "90:legal_review"
/// ```
public struct DunningLadder: Sendable, Hashable {
    /// Ordered by offset (steps with the same offset keep their order in the text).
    public var steps: [DunningStep]

    public init(steps: [DunningStep]) {
        self.steps = steps.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(
            \.element)
    }

    /// Parses `DAYS:ACTION,...`; nil when a pair does not parse, an action is unknown, a step is
    /// listed twice or the ladder is empty.
    public init?(_ text: String) {
        var out: [DunningStep] = []
        for pair in text.split(separator: ",") {
            let p = pair.split(separator: ":").map { String($0.trimmingSpaces) }
            guard p.count == 2, let days = Int(p[0]), let action = DunningAction(rawValue: p[1]) else { return nil }
            let step = DunningStep(days, action)
            guard !out.contains(step) else { return nil }
            out.append(step)
        }
        guard !out.isEmpty else { return nil }
        self.init(steps: out)
    }

    public static let standard = DunningLadder(
        "-3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review")!
}

/// One invoice's step in a dunning run.
public struct DunningItem: Sendable, Hashable {
    public var customerId: String
    public var invoiceId: String
    /// Position of the invoice in the ledger the run read.
    public var position: Int
    public var issuedOn: Day
    public var dueOn: Day
    public var amount: Money
    /// Open as of the run's day.
    public var open: Money
    /// Days past due as of the run's day (negative: days before the due date).
    public var daysOverdue: Int
    /// The step taken: the most advanced step due and not yet recorded.
    public var step: DunningStep
    /// Milder steps due and not yet recorded: recorded as passed, never sent later.
    public var passed: [DunningStep]
}

/// Which dunning step is due for which invoice as of a day (pure; the records of earlier runs
/// come in as a lookup).
///
/// The rule, per invoice of the ledger:
/// 1. Only invoices issued on or before the day and open (unpaid) as of the day take part, for what
///    a dispute open on the day does not hold: a wholly disputed invoice is held out until the
///    dispute is resolved (nothing is recorded for it), a partly disputed one is dunned for the rest.
/// 2. The steps due are those whose day (due date + offset) is on or before the day.
/// 3. The most advanced due step is taken, unless it was already recorded (sent or passed): then
///    nothing, so a second run on the same day, or a run on an earlier day, sends nothing.
/// 4. The milder due steps not yet recorded are returned as `passed`: recorded, never sent.
public enum Dunning {
    /// The items due as of `asOf`, in ledger order (customer, then due date).
    ///
    /// - Parameters:
    ///   - skip: positions to leave out (e.g. an installment plan's rows, which follow the plan).
    ///   - recorded: the step keys already recorded for an invoice id.
    public static func due(
        _ ledger: Ledger, _ allocation: Allocation, ladder: DunningLadder,
        skip: (Int) -> Bool = { _ in false }, recorded: (String) -> Set<String>
    ) -> [DunningItem] {
        let asOf = allocation.asOf
        var out: [DunningItem] = []
        for c in 0..<ledger.customerCount {
            for i in Int(ledger.invoiceStart[c])..<Int(ledger.invoiceStart[c + 1]) {
                let whole = allocation.open[i]
                guard whole > 0, ledger.invoiceIssued[i] <= asOf.ordinal, !skip(i) else { continue }
                // A dispute open on the day holds its amount out; a partly disputed invoice is dunned for the rest.
                let open = whole - ledger.heldAmount(i, on: asOf.ordinal, open: whole)
                guard open > 0 else { continue }
                let due = Day(ordinal: ledger.invoiceDue[i])
                let dueSteps = ladder.steps.filter { $0.day(due: due) <= asOf }
                guard let top = dueSteps.last else { continue }
                let done = recorded(ledger.invoiceIds[i])
                guard !done.contains(top.key) else { continue }
                out.append(
                    DunningItem(
                        customerId: ledger.customerIds[c], invoiceId: ledger.invoiceIds[i], position: i,
                        issuedOn: Day(ordinal: ledger.invoiceIssued[i]), dueOn: due,
                        amount: Money(minorUnits: ledger.invoiceAmount[i]), open: Money(minorUnits: open),
                        daysOverdue: asOf - due, step: top,
                        passed: dueSteps.dropLast().filter { !done.contains($0.key) }))
            }
        }
        return out
    }

    /// Groups items by customer, in the order of their first item: one notice per customer.
    public static func notices(_ items: [DunningItem]) -> [DunningNotice] {
        var order: [String] = []
        var by: [String: [DunningItem]] = [:]
        for item in items {
            if by[item.customerId] == nil { order.append(item.customerId) }
            by[item.customerId, default: []].append(item)
        }
        return order.map { DunningNotice(customerId: $0, items: by[$0]!) }
    }
}

/// What one customer receives from a run: one document with all its invoices at their steps.
public struct DunningNotice: Sendable, Hashable {
    public var customerId: String
    public var items: [DunningItem]

    public init(customerId: String, items: [DunningItem]) { self.customerId = customerId; self.items = items }

    /// The most severe action among the items: the kind of document (a letter, a call-list entry or
    /// a legal-review file).
    public var action: DunningAction { items.map(\.step.action).max() ?? .reminder }

    /// The open amount of the notice's invoices.
    public var total: Money { items.reduce(.zero) { $0 + $1.open } }

    /// The file name of the document without extension: `CUSTOMERID-ACTION` (`C001-letter`).
    public var baseName: String { "\(customerId)-\(action.rawValue)" }
}

extension Money {
    /// The amount in Chinese financial capitals (大写), as written on letters and cheques:
    /// `12,345.60` is 壹万贰仟叁佰肆拾伍元陆角整, `10,000.00` is 壹万元整, `0.05` is 伍分.
    public var chineseCapitals: String {
        let digits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
        let units = ["", "拾", "佰", "仟"], groups = ["", "万", "亿", "万亿", "亿亿"]
        let fen = minorUnits.magnitude
        var yuan = fen / 100
        let jiao = Int((fen / 10) % 10), cent = Int(fen % 10)
        var out = ""
        if yuan > 0 {
            var parts: [String] = []  // groups of four digits, lowest first
            while yuan > 0 { parts.append(String(yuan % 10_000)); yuan /= 10_000 }
            var text = "", pendingZero = false
            for g in stride(from: parts.count - 1, through: 0, by: -1) {
                let value = Int(parts[g])!
                if value == 0 { pendingZero = !text.isEmpty; continue }
                if !text.isEmpty && (pendingZero || value < 1000) { text += "零" }
                pendingZero = false
                var groupText = "", zero = false
                for k in stride(from: 3, through: 0, by: -1) {
                    var p = 1
                    for _ in 0..<k { p *= 10 }
                    let d = (value / p) % 10
                    if d == 0 { zero = !groupText.isEmpty; continue }
                    if zero { groupText += "零"; zero = false }
                    groupText += digits[d] + units[k]
                }
                text += groupText + groups[g]
            }
            out = text + "元"
        }
        if jiao == 0 && cent == 0 { return (minorUnits < 0 ? "负" : "") + (out.isEmpty ? "零元" : out) + "整" }
        if jiao > 0 { out += digits[jiao] + "角" } else if !out.isEmpty { out += "零" }
        if cent > 0 { out += digits[cent] + "分" } else { out += "整" }
        return (minorUnits < 0 ? "负" : "") + out
    }
}
