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
        /// How `policy show` writes the value in a table (CSV and JSON keep the text as set).
        public var shows: Shows = .text
    }

    /// The kind of value a setting holds, for showing it: a rate as a percentage (`0.0005` as
    /// `0.05 %/day`, `30%` as `30 %`), an amount grouped with the currency, anything else as set.
    public enum Shows: Sendable, Equatable {
        case text
        /// A fraction or percentage, per a period (`/day`, `/year`, or empty).
        case rate(per: String)
        case amount
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

    public static let settings: [Setting] =
        [
            Setting(
                key: "aging.buckets", value: "30,60,90",
                help: "upper bounds of the overdue buckets in days, inclusive (31 days late is 31-60)",
                check: checkBounds),
            Setting(
                key: "clause.payment_terms_days", value: "30",
                help: "days from invoice to due date when a contract states none", check: checkCount),
            Setting(
                key: "clause.late_fee_daily_rate", value: "0.0005",
                help: "late fee per day as a fraction of the overdue amount (0.0005 = 0.05 %/day)",
                check: checkFraction, shows: .rate(per: "/day")),
            Setting(
                key: "clause.late_fee_grace_days", value: "0", help: "days after the due date before late fees start",
                check: checkCount),
            Setting(
                key: "clause.late_fee_cap", value: "0.3",
                help: "cap on late fees as a fraction of the overdue principal", check: checkFraction,
                shows: .rate(per: "")),
            Setting(
                key: "clause.suspend_after_days", value: "60",
                help: "days overdue after which the service may be suspended", check: checkCount),
            Setting(
                key: "latefee.loss_rate", value: "0.0345",
                help:
                    "annual rate of the actual loss from late payment (the 1-year LPR): a fee more than 30 % above it is flagged (Civil Code art. 585)",
                check: checkFraction, shows: .rate(per: "/year")),
            Setting(
                key: "overdue.ladder", value: "reminder:1,warning:15,suspend:contract,legal_review:90",
                help: "overdue states from the mildest, STATE:DAYS; 'contract' takes the contract's suspend_after_days",
                check: checkLadder),
            Setting(
                key: "dunning.ladder",
                value: "-3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review",
                help: "dunning steps, DAYS:ACTION, days relative to the due date (negative: before it)",
                check: checkDunning),
            Setting(
                key: "allocation.order", value: "penalty,fee,interest,principal",
                help: "what a payment toward an installment pays first", check: checkOrder),
            Setting(
                key: "rounding", value: "half-up", help: "rounding of computed amounts: half-up, half-even or up",
                check: { RoundingMode(rawValue: $0) == nil ? "choose half-up, half-even or up" : nil }),
            Setting(
                key: "plan.max_rate", value: "24%",
                help:
                    "highest annualized rate (fees included) a plan may cost the customer: quotes and plans above it are refused",
                check: { Rate.percent($0) == nil ? "an annual rate like 24% or 15.4%" : nil },
                shows: .rate(per: "/year")),
            Setting(
                key: "plan.grace_days", value: "15",
                help: "days an installment may stay unpaid past due before the plan is broken", check: checkCount),
            Setting(
                key: "queue.min_amount", value: "100.00",
                help: "overdue amounts below this are left out of the call queue", check: checkAmount, shows: .amount),
            Setting(
                key: "queue.promise_days", value: "30",
                help:
                    "days after a promise to pay is broken during which the customer ranks higher (a pending promise ranks it lower until decided)",
                check: checkCount),
            Setting(
                key: "queue.lease_minutes", value: "15",
                help:
                    "minutes a customer taken with queue --take stays with the collector (logging the contact or queue --release ends it sooner)",
                check: checkCount),
            Setting(
                key: "score.tier_a", value: "800", help: "lowest credit score of tier A (0-1000, higher is safer)",
                check: checkCount),
            Setting(key: "score.tier_b", value: "650", help: "lowest credit score of tier B", check: checkCount),
            Setting(
                key: "score.tier_c", value: "500", help: "lowest credit score of tier C; below it is tier D",
                check: checkCount),
            Setting(
                key: "score.credit_line", value: "on",
                help:
                    "score customers with a credit limit on file by the credit-line terms too (fitted on credit lines, docs/SCORING.md): on or off",
                check: { ["on", "off"].contains($0) ? nil : "choose on or off" }),
            Setting(
                key: "promise.threshold", value: "100%",
                help: "share of a promise that must arrive for it to be kept, e.g. 90%", check: checkRatio,
                shows: .rate(per: "")),
            Setting(
                key: "promise.grace_days", value: "0",
                help: "days after the promised date a promise may still be kept; broken the day after",
                check: checkCount),
            Setting(
                key: "contact.min_interval_days", value: "1",
                help:
                    "days that must pass between calls, visits and messages to one customer (1: at most one a day); logging a closer one asks for --force REASON",
                check: checkCount),
            Setting(
                key: "contact.hours", value: "08:00-21:00",
                help:
                    "calling hours for phone, visit, SMS and WeChat contacts logged for today; outside them --force REASON is asked for",
                check: checkHours),
            Setting(
                key: "complaint.simple_days", value: "15",
                help: "days to answer a simple complaint, the day received not counted", check: checkCount),
            Setting(
                key: "complaint.complex_days", value: "30",
                help: "days to answer a complex complaint, the day received not counted", check: checkCount),
            Setting(
                key: "complaint.max_extension_days", value: "30",
                help: "most days a complaint's due date may be extended in all", check: checkCount),
            Setting(
                key: "limitation.weekends", value: "off",
                help:
                    "a limitation deadline on a Saturday or Sunday moves to the Monday: on or off (off warns earlier)",
                check: { ["on", "off"].contains($0) ? nil : "choose on or off" }),
            Setting(
                key: "limitation.holidays", value: "",
                help:
                    "statutory holidays (YYYY-MM-DD, comma-separated): a limitation deadline on one moves to the next working day",
                check: checkDays),
            Setting(
                key: "letters.language", value: "zh", help: "language of dunning letters: zh (催款函) or en",
                check: { ["zh", "en"].contains($0) ? nil : "choose zh or en" }),
            // Maker-checker (once a workspace has operators): what needs a second operator's approval.
            Setting(
                key: "approval.waive_limit", value: "500.00",
                help:
                    "largest late-fee waiver applied at once; a larger one (whoever makes it) waits for a lead's or finance's approval",
                check: checkAmount, shows: .amount),
            Setting(
                key: "approval.lead_limit", value: "5000.00",
                help: "largest waiver a lead may approve; above it only finance approves",
                check: checkAmount, shows: .amount),
            Setting(
                key: "approval.plan_max_term", value: "12",
                help:
                    "longest plan (installments) created at once; a longer one waits for a lead's or finance's approval",
                check: checkCount),
            Setting(
                key: "approval.void_payments", value: "on",
                help: "on: voiding a payment waits for a lead's or finance's approval; off: it applies at once",
                check: { ["on", "off"].contains($0) ? nil : "choose on or off" }),
            Setting(
                key: "approval.plan_min_rate", value: "3.45%",
                help:
                    "lowest annual plan rate created at once (the floor); a lower or interest-free plan waits for a lead's or finance's approval",
                check: checkRatio, shows: .rate(per: "/year")),
        ] + tierSettings

    // MARK: Tier-driven settings (deposits, credit limits, terms, dunning cadence)

    /// The credit tiers, best first.
    public static let tierNames = ["A", "B", "C", "D"]
    /// Service types with their own deposit ratio per tier; any other service takes `deposit.TIER.other`.
    public static let depositServices = ["saas", "consulting", "hardware", "maintenance"]

    /// `deposit.TIER.SERVICE`, `limit.TIER`, `terms.TIER`, `dunning.TIER` for tiers A-D, and `limit.over`.
    /// Every key is spelled out (no patterns) so `policy show`, Tab and TOML export list them all.
    static let tierSettings: [Setting] = {
        let ratio = ["A": "0%", "B": "10%", "C": "30%", "D": "50%"]
        let limit = ["A": "6x", "B": "3x", "C": "2x", "D": "1x"]
        let terms = ["A": "60", "B": "45", "C": "30", "D": "15"]
        let dunning = [
            "A": "standard", "B": "standard", "C": "standard",
            "D": "-7:reminder,1:call,10:letter,30:final_notice,60:legal_review",
        ]
        var out: [Setting] = []
        for t in tierNames {
            for s in depositServices + ["other"] {
                out.append(
                    Setting(
                        key: "deposit.\(t).\(s)", value: ratio[t]!,
                        help: s == "other"
                            ? "deposit ratio required of a tier \(t) customer for any other service, e.g. 30% or 0.3"
                            : "deposit ratio (预付比例) required of a tier \(t) customer for \(s) contracts; a contract's prepay_ratio overrides",
                        check: checkRatio, shows: .rate(per: "")))
            }
        }
        for t in tierNames {
            out.append(
                Setting(
                    key: "limit.\(t)", value: limit[t]!,
                    help:
                        "credit limit of a tier \(t) customer without its own: an amount, or Nx = N times its average monthly billing over the last 365 days",
                    check: checkLimit))
        }
        out.append(
            Setting(
                key: "limit.over", value: "block",
                help: "a new contract that takes exposure over the credit limit: block or warn",
                check: { ["block", "warn"].contains($0) ? nil : "choose block or warn" }))
        for t in tierNames {
            out.append(
                Setting(
                    key: "terms.\(t)", value: terms[t]!,
                    help: "payment terms in days offered to a tier \(t) customer on a new contract", check: checkCount))
        }
        for t in tierNames {
            out.append(
                Setting(
                    key: "dunning.\(t)", value: dunning[t]!,
                    help: "dunning cadence of tier \(t): 'standard' (dunning.ladder) or its own DAYS:ACTION ladder",
                    check: { $0 == "standard" ? nil : checkDunning($0) }))
        }
        return out
    }()

    static func checkRatio(_ v: String) -> String? {
        guard let r = ratio(v), r <= Rate(units: 1, scale: 0) else { return "a share from 0% to 100%, e.g. 30% or 0.3" }
        return nil
    }
    static func checkLimit(_ v: String) -> String? {
        if v.hasSuffix("x") {
            return Rate.fraction(String(v.dropLast())) == nil
                ? "a multiple like 3x or 1.5x, or an amount like 200000" : nil
        }
        return checkAmount(v) == nil ? nil : "an amount like 200000, or a multiple of average monthly billing like 3x"
    }

    /// A ratio written as a percentage (`30%`) or a fraction (`0.3`); nil when neither.
    public static func ratio(_ text: String) -> Rate? { text.hasSuffix("%") ? Rate.percent(text) : Rate.fraction(text) }

    static func checkHours(_ v: String) -> String? {
        hours(v) == nil ? "HH:MM-HH:MM, e.g. 08:00-21:00" : nil
    }
    static func checkDays(_ v: String) -> String? {
        v.split(separator: ",").allSatisfy { Day(String($0.trimmingSpaces)) != nil }
            ? nil : "dates YYYY-MM-DD separated by commas"
    }
    /// Calling hours as minutes after midnight, from and to (inclusive).
    public static func hours(_ text: String) -> (from: Int, to: Int)? {
        let p = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0.trimmingSpaces) } }
        guard p.count == 2, p.allSatisfy({ $0.count == 2 && (0..<24).contains($0[0]) && (0..<60).contains($0[1]) })
        else { return nil }
        let from = p[0][0] * 60 + p[0][1], to = p[1][0] * 60 + p[1][1]
        return from < to ? (from, to) : nil
    }
    /// The limitation calendar of `limitation.weekends` and `limitation.holidays`.
    public var limitationCalendar: LimitationCalendar {
        LimitationCalendar(
            weekends: self["limitation.weekends"] == "on",
            holidays: Set(
                self["limitation.holidays"].split(separator: ",").compactMap { Day(String($0.trimmingSpaces)) }))
    }

    static func checkCount(_ v: String) -> String? {
        Int(v).map { $0 >= 0 && $0 <= 100_000 ? nil : "a whole number from 0" } ?? "a whole number, e.g. 30"
    }
    static func checkFraction(_ v: String) -> String? {
        Rate.fraction(v) == nil ? "a decimal fraction, e.g. 0.0005" : nil
    }
    static func checkAmount(_ v: String) -> String? {
        if case .success(let m) = Money.parse(v), !m.isNegative { return nil }; return "an amount, e.g. 100.00"
    }
    static func checkBounds(_ v: String) -> String? {
        let n = v.split(separator: ",").map { Int($0.trimmingSpaces) }
        guard !n.isEmpty, n.allSatisfy({ ($0 ?? 0) > 0 }) else {
            return "positive whole numbers separated by commas, e.g. 30,60,90"
        }
        let b = n.map { $0! }
        return zip(b, b.dropFirst()).allSatisfy { $0 < $1 } ? nil : "bounds must increase, e.g. 30,60,90"
    }
    static func checkLadder(_ v: String) -> String? {
        for step in v.split(separator: ",") {
            let p = step.split(separator: ":").map(String.init)
            guard p.count == 2, !p[0].isEmpty, p[1] == "contract" || Int(p[1]) != nil else {
                return "STATE:DAYS pairs, e.g. reminder:1,warning:15,suspend:contract"
            }
        }
        return nil
    }
    static func checkDunning(_ v: String) -> String? {
        let actions = Set(["reminder", "letter", "call", "final_notice", "legal_review"])
        for step in v.split(separator: ",") {
            let p = step.split(separator: ":").map(String.init)
            guard p.count == 2, Int(p[0]) != nil, actions.contains(p[1]) else {
                return
                    "DAYS:ACTION pairs with actions \(actions.sorted().joined(separator: ", ")), e.g. -3:reminder,15:letter"
            }
        }
        return nil
    }
    static func checkOrder(_ v: String) -> String? {
        let parts = v.split(separator: ",").map(String.init)
        return Set(parts) == ["penalty", "fee", "interest", "principal"] && parts.count == 4
            ? nil : "each of penalty, fee, interest, principal once"
    }

    // MARK: Typed accessors

    /// Upper bounds of the overdue buckets, increasing.
    public var agingBounds: [Int] { Policy.bounds(self["aging.buckets"]) ?? [30, 60, 90] }

    public static func bounds(_ text: String) -> [Int]? {
        checkBounds(text) == nil ? text.split(separator: ",").compactMap { Int($0.trimmingSpaces) } : nil
    }

    public var rounding: RoundingMode { RoundingMode(rawValue: self["rounding"]) ?? .halfUp }
    public var planGraceDays: Int { Int(self["plan.grace_days"]) ?? 15 }
    /// `plan.max_rate` as a fraction (0.24 for the default 24 %).
    public var planMaxRate: Rate { Rate.percent(self["plan.max_rate"]) ?? Rate(units: 24, scale: 2) }
    public var tiers: CreditScore.Tiers {
        CreditScore.Tiers(
            a: count("score.tier_a"), b: count("score.tier_b"), c: count("score.tier_c"),
            creditLine: self["score.credit_line"] != "off")
    }
    public func count(_ key: String) -> Int { Int(self[key]) ?? 0 }
    public func fraction(_ key: String) -> Rate { Rate.fraction(self[key]) ?? .zero }
    public func amount(_ key: String) -> Money {
        if case .success(let m) = Money.parse(self[key]) { return m }; return .zero
    }

    /// The deposit ratio the policy requires of a tier's customer for a service (`deposit.TIER.SERVICE`,
    /// else `deposit.TIER.other`); zero for an unknown tier.
    public func depositRatio(tier: String, service: String) -> Rate {
        let key = Policy.depositServices.contains(service) ? "deposit.\(tier).\(service)" : "deposit.\(tier).other"
        return Policy.ratio(self[key]) ?? .zero
    }

    /// The credit limit rule of a tier (`limit.TIER`); nil for an unknown tier.
    public func creditLimit(tier: String) -> CreditLimitRule? {
        let v = self["limit.\(tier)"]
        if v.hasSuffix("x"), let m = Rate.fraction(String(v.dropLast())) { return .multipleOfMonthlyBilling(m) }
        if case .success(let m) = Money.parse(v) { return .amount(m) }
        return nil
    }

    /// True when `limit.over` is `block`: a contract over the limit is refused, not just warned about.
    public var blocksOverLimit: Bool { self["limit.over"] != "warn" }

    /// Payment terms in days offered to a tier (`terms.TIER`).
    public func termsDays(tier: String) -> Int { count("terms.\(tier)") }

    /// The dunning ladder of a tier: its own `dunning.TIER`, or `dunning.ladder` when that says `standard`.
    public func dunningLadder(tier: String) -> String {
        let v = self["dunning.\(tier)"]
        return v.isEmpty || v == "standard" ? self["dunning.ladder"] : v
    }
}

/// A tier's credit limit: a fixed amount, or a multiple of the customer's average monthly billing.
public enum CreditLimitRule: Sendable, Hashable {
    case amount(Money)
    case multipleOfMonthlyBilling(Rate)
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
