/// The collections policy of a workspace: aging buckets, default breach clauses, the overdue and
/// dunning ladders, allocation order, rounding and working thresholds.
///
/// Kept as text values under dotted keys (`aging.buckets = 30,60,90`), each checked when set, with
/// typed accessors for the engines. A contract's own clauses override the `clause.*` defaults.
public struct Policy: Sendable, Hashable {
    /// One setting: its key, default value, the words a team reads in `policy show`, and its check.
    public struct Setting: Sendable {
        public let key: String
        public let value: String
        public let help: String
        let check: @Sendable (String) -> String?
    }

    public private(set) var values: [String: String]

    public init(values: [String: String] = [:]) {
        var v = Dictionary(uniqueKeysWithValues: Policy.settings.map { ($0.key, $0.value) })
        for (k, x) in values where v[k] != nil { v[k] = x }
        self.values = v
    }

    public subscript(key: String) -> String { values[key] ?? "" }

    /// Changes one setting, or says why the value is wrong (unknown key, bad value).
    public mutating func set(_ key: String, _ value: String) throws(PolicyError) {
        guard let s = Policy.settings.first(where: { $0.key == key }) else { throw .unknownKey(key) }
        if let reason = s.check(value) { throw .badValue(key: key, value: value, reason: reason) }
        values[key] = value
    }

    // MARK: The settings and their defaults

    public static let settings: [Setting] = [
        Setting(key: "aging.buckets", value: "30,60,90", help: "upper bounds of the overdue buckets in days, inclusive (31 days late is 31-60)", check: checkBounds),
        Setting(key: "clause.payment_terms_days", value: "30", help: "days from invoice to due date when a contract states none", check: checkCount),
        Setting(key: "clause.late_fee_daily_rate", value: "0.0005", help: "late fee per day as a fraction of the overdue amount (0.0005 = 0.05 %/day)", check: checkFraction),
        Setting(key: "clause.late_fee_grace_days", value: "0", help: "days after the due date before late fees start", check: checkCount),
        Setting(key: "clause.late_fee_cap", value: "0.3", help: "cap on late fees as a fraction of the overdue principal", check: checkFraction),
        Setting(key: "clause.suspend_after_days", value: "60", help: "days overdue after which the service may be suspended", check: checkCount),
        Setting(key: "latefee.loss_rate", value: "0.0345", help: "annual rate of the actual loss from late payment (the 1-year LPR): a fee more than 30 % above it is flagged (Civil Code art. 585)", check: checkFraction),
        Setting(key: "overdue.ladder", value: "reminder:1,warning:15,suspend:contract,legal_review:90", help: "overdue states from the mildest, STATE:DAYS; 'contract' takes the contract's suspend_after_days", check: checkLadder),
        Setting(key: "dunning.ladder", value: "-3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review", help: "dunning steps, DAYS:ACTION, days relative to the due date (negative: before it)", check: checkDunning),
        Setting(key: "allocation.order", value: "penalty,fee,interest,principal", help: "what a payment toward an installment pays first", check: checkOrder),
        Setting(key: "rounding", value: "half-up", help: "rounding of computed amounts: half-up, half-even or up", check: { RoundingMode(rawValue: $0) == nil ? "choose half-up, half-even or up" : nil }),
        Setting(key: "plan.grace_days", value: "15", help: "days an installment may stay unpaid past due before the plan is broken", check: checkCount),
        Setting(key: "queue.min_amount", value: "100.00", help: "overdue amounts below this are left out of the call queue", check: checkAmount),
        Setting(key: "queue.promise_days", value: "7", help: "days after a promise to pay during which the account ranks lower", check: checkCount),
        Setting(key: "score.tier_a", value: "800", help: "lowest credit score of tier A (0-1000, higher is safer)", check: checkCount),
        Setting(key: "score.tier_b", value: "650", help: "lowest credit score of tier B", check: checkCount),
        Setting(key: "score.tier_c", value: "500", help: "lowest credit score of tier C; below it is tier D", check: checkCount),
        Setting(key: "letters.language", value: "zh", help: "language of dunning letters: zh (催款函) or en", check: { ["zh", "en"].contains($0) ? nil : "choose zh or en" }),
    ]

    static func checkCount(_ v: String) -> String? { Int(v).map { $0 >= 0 && $0 <= 100_000 ? nil : "a whole number from 0" } ?? "a whole number, e.g. 30" }
    static func checkFraction(_ v: String) -> String? { Rate.fraction(v) == nil ? "a decimal fraction, e.g. 0.0005" : nil }
    static func checkAmount(_ v: String) -> String? { if case .success(let m) = Money.parse(v), !m.isNegative { return nil }; return "an amount, e.g. 100.00" }
    static func checkBounds(_ v: String) -> String? {
        let n = v.split(separator: ",").map { Int($0.trimmingSpaces) }
        guard !n.isEmpty, n.allSatisfy({ ($0 ?? 0) > 0 }) else { return "positive whole numbers separated by commas, e.g. 30,60,90" }
        let b = n.map { $0! }
        return zip(b, b.dropFirst()).allSatisfy { $0 < $1 } ? nil : "bounds must increase, e.g. 30,60,90"
    }
    static func checkLadder(_ v: String) -> String? {
        for step in v.split(separator: ",") {
            let p = step.split(separator: ":").map(String.init)
            guard p.count == 2, !p[0].isEmpty, p[1] == "contract" || Int(p[1]) != nil else { return "STATE:DAYS pairs, e.g. reminder:1,warning:15,suspend:contract" }
        }
        return nil
    }
    static func checkDunning(_ v: String) -> String? {
        let actions = Set(["reminder", "letter", "call", "final_notice", "legal_review"])
        for step in v.split(separator: ",") {
            let p = step.split(separator: ":").map(String.init)
            guard p.count == 2, Int(p[0]) != nil, actions.contains(p[1]) else {
                return "DAYS:ACTION pairs with actions \(actions.sorted().joined(separator: ", ")), e.g. -3:reminder,15:letter"
            }
        }
        return nil
    }
    static func checkOrder(_ v: String) -> String? {
        let parts = v.split(separator: ",").map(String.init)
        return Set(parts) == ["penalty", "fee", "interest", "principal"] && parts.count == 4 ? nil : "each of penalty, fee, interest, principal once"
    }

    // MARK: Typed accessors

    /// Upper bounds of the overdue buckets, increasing.
    public var agingBounds: [Int] { Policy.bounds(self["aging.buckets"]) ?? [30, 60, 90] }

    public static func bounds(_ text: String) -> [Int]? {
        checkBounds(text) == nil ? text.split(separator: ",").compactMap { Int($0.trimmingSpaces) } : nil
    }

    public var rounding: RoundingMode { RoundingMode(rawValue: self["rounding"]) ?? .halfUp }
    public var planGraceDays: Int { Int(self["plan.grace_days"]) ?? 15 }
    public var tiers: CreditScore.Tiers { CreditScore.Tiers(a: count("score.tier_a"), b: count("score.tier_b"), c: count("score.tier_c")) }
    public func count(_ key: String) -> Int { Int(self[key]) ?? 0 }
    public func fraction(_ key: String) -> Rate { Rate.fraction(self[key]) ?? .zero }
    public func amount(_ key: String) -> Money { if case .success(let m) = Money.parse(self[key]) { return m }; return .zero }
}

/// Why a policy change is refused.
public enum PolicyError: Error, Sendable, Equatable {
    case unknownKey(String)
    case badValue(key: String, value: String, reason: String)

    public var message: String {
        switch self {
        case .unknownKey(let k): return "unknown policy key '\(k)'"
        case .badValue(let k, let v, let r): return "bad value '\(v)' for \(k): \(r)"
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
