import Foundation
import RecoupCore

// The value records the store hands out and takes in, whatever the backend.

/// A charge on a customer's account: a late fee posted for an invoice as of a day, or a waiver.
///
/// Amounts are minor units: late fees positive, waivers negative. A customer's charges net of
/// waivers are what the customer owes in fees on top of the invoices.
public struct Charge: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case lateFee = "late_fee"
        case waiver
    }

    public var id: Int64
    public var customerId: String
    /// The invoice a late fee accrued on; a waiver names one, or none for the customer's fees as a whole.
    public var invoiceId: String?
    public var kind: Kind
    /// The day the fee was accrued to (late fee) or the day of the waiver.
    public var asOf: Day
    /// Positive for a late fee, negative for a waiver.
    public var amount: Money
    /// Why a waiver was granted (required for waivers, nil for late fees).
    public var reason: String?
    /// When and by whom it was recorded.
    public var at: String
    public var `operator`: String

    package init(
        id: Int64, customerId: String, invoiceId: String? = nil, kind: Kind, asOf: Day, amount: Money,
        reason: String? = nil, at: String, operator who: String
    ) {
        self.id = id; self.customerId = customerId; self.invoiceId = invoiceId; self.kind = kind; self.asOf = asOf;
        self.amount = amount; self.reason = reason; self.at = at; self.operator = who
    }
}

/// A late fee accrued to a day for one invoice, as `LateFee.accrue` computed it: what posting starts from.
public struct AccruedFee: Sendable, Hashable, Codable {
    public var customerId: String
    public var invoiceId: String
    /// The whole fee accrued to the day (not the increment).
    public var fee: Money

    public init(customerId: String, invoiceId: String, fee: Money) {
        self.customerId = customerId; self.invoiceId = invoiceId; self.fee = fee
    }
}

/// What an import wrote.
public struct ImportSummary: Sendable, Equatable {
    public var kind: RecordKind
    public var records: Int
    public var createdCustomers: Int
    /// With matching: payments matched by an invoice id in their reference, by an exact open
    /// amount, and held as unapplied cash.
    public var matchedByReference = 0, matchedByAmount = 0, held = 0

    package init(kind: RecordKind, records: Int, createdCustomers: Int) {
        self.kind = kind; self.records = records; self.createdCustomers = createdCustomers
    }
}

/// One line of the append-only journal: who did what, when, and with what effect.
public struct JournalEntry: Sendable, Hashable {
    /// The entry's number: 1, 2, 3, ... without gaps.
    public var sequence: Int
    public var at: String
    public var `operator`: String
    public var command: String
    public var effect: String
    /// The change's kind (`payment.recorded`, ...); empty for entries written before kinds were kept.
    public var kind: String = ""
    /// The change's canonical JSON payload, when it has one.
    public var payload: String? = nil
    /// The customer the change concerns, when it concerns one.
    public var customer: String? = nil
    /// The entry's link in the chain (`JournalChain`); nil until it is written.
    public var hash: String? = nil

    public init(
        sequence: Int, at: String, operator who: String, command: String, effect: String, kind: String = "",
        payload: String? = nil, customer: String? = nil, hash: String? = nil
    ) {
        self.sequence = sequence; self.at = at; self.operator = who; self.command = command; self.effect = effect;
        self.kind = kind; self.payload = payload; self.customer = customer; self.hash = hash
    }
}

/// Which journal entries to list: all of these that are given must hold.
public struct JournalFilter: Sendable, Hashable {
    public var limit: Int
    public var `operator`: String?
    public var customer: String?
    /// A kind, or a kind's first part (`payment` matches `payment.recorded`, `payment.applied`).
    public var kind: String?
    /// Entries made on or after / on or before these UTC days.
    public var from: Day?
    public var to: Day?

    public init(
        limit: Int = 20, operator who: String? = nil, customer: String? = nil, kind: String? = nil, from: Day? = nil,
        to: Day? = nil
    ) {
        self.limit = limit; self.operator = who; self.customer = customer; self.kind = kind; self.from = from
        self.to = to
    }
}

/// The four kinds of record a workspace imports and exports.
public enum RecordKind: String, CaseIterable, Sendable {
    case customers, contracts, invoices, payments

    package var table: String {
        switch self {
        case .customers: return "customer"
        case .contracts: return "contract"
        case .invoices: return "invoice"
        case .payments: return "payment"
        }
    }
}

/// A payment with money not yet applied to any invoice.
public struct UnappliedPayment: Sendable, Hashable {
    public var payment: Payment
    /// What is left of it after its applications (as of the far future: every application counts).
    public var unapplied: Money

    package init(payment: Payment, unapplied: Money) {
        self.payment = payment; self.unapplied = unapplied
    }
}

/// One change of the policy: who, when, which key, from what to what.
public struct PolicyChange: Sendable, Hashable {
    public var sequence: Int
    public var at: String
    public var `operator`: String
    public var key: String
    public var oldValue: String?
    public var newValue: String

    package init(
        sequence: Int, at: String, operator who: String, key: String, oldValue: String? = nil, newValue: String
    ) {
        self.sequence = sequence; self.at = at; self.operator = who; self.key = key; self.oldValue = oldValue;
        self.newValue = newValue
    }
}

/// One dunning step recorded for an invoice (`dunning_sent`): sent in a document, or passed.
public struct DunningRecord: Sendable, Hashable {
    public var invoiceId: String
    /// The invoice's customer (read through the invoice; not stored in the row).
    public var customerId: String
    /// The ladder step, `OFFSET:ACTION` (`DunningStep.key`).
    public var step: String
    /// The run's day (`--as-of`), not the clock's.
    public var sentOn: Day
    /// The step's action when it was taken, or `passed` for a milder step skipped by a more advanced one.
    public var action: String
    /// The document the step went into (the Markdown file), nil for passed steps.
    public var file: String?

    /// The `action` of a step recorded as passed: due together with a more advanced step, never sent.
    public static let passed = "passed"

    public init(invoiceId: String, customerId: String, step: String, sentOn: Day, action: String, file: String?) {
        self.invoiceId = invoiceId; self.customerId = customerId; self.step = step; self.sentOn = sentOn
        self.action = action; self.file = file
    }
}

/// An installment plan on the books: its terms, its rows and the invoices it restructured.
public struct PlanRecord: Sendable {
    public var id: String
    public var customerId: String
    public var createdOn: Day
    public var terms: PlanTerms
    public var financed: Money
    /// In `seq` order (period 0 first when there is one; a prepayment row after the period it follows).
    public var installments: [Installment]
    /// Invoices restructured into the plan, with the open amount each brought in.
    public var invoices: [(id: String, amount: Money)]

    public init(
        id: String, customerId: String, createdOn: Day, terms: PlanTerms, financed: Money,
        installments: [Installment], invoices: [(id: String, amount: Money)]
    ) {
        self.id = id; self.customerId = customerId; self.createdOn = createdOn; self.terms = terms
        self.financed = financed; self.installments = installments; self.invoices = invoices
    }

    /// The id of row `seq` when it stands as an obligation in balances and aging: `PL000001#03`.
    public static func obligationId(plan: String, seq: Int) -> String {
        plan + "#" + (seq < 10 ? "0" : "") + String(seq)
    }

    /// The schedule the engine works on (for payoff and prepayment quotes).
    public var schedule: Schedule {
        let regular = installments.filter { $0.period > 0 && !$0.isPrepayment }
        return Schedule(
            terms: terms, financed: financed, installments: installments,
            totalPayable: installments.reduce(.zero) { $0 + $1.payment },
            totalInterest: installments.reduce(.zero) { $0 + $1.interest },
            totalFees: installments.reduce(.zero) { $0 + $1.fee },
            annualizedRate: 0, effectiveRate: 0, lastDue: regular.last?.dueOn ?? createdOn)
    }
}

/// One third-party credit report: a customer's score from an agency on a day.
public struct BureauReport: Sendable, Equatable {
    public var customerId: String
    /// 0...1000, higher is safer (the agency's scale mapped onto ours before import).
    public var score: Int
    public var day: Day
    /// The agency's name; empty when the file and `--agency` name none.
    public var agency: String

    public init(customerId: String, score: Int, day: Day, agency: String = "") {
        self.customerId = customerId; self.score = score; self.day = day; self.agency = agency
    }
}

/// How to read a bureau report file.
public struct BureauImportOptions: Sendable {
    /// The canonical columns of a report file, in order; the first three are required.
    public static let columns = ["customer_id", "score", "date", "agency"]
    /// Canonical column name to the foreign header it is read from (`customer_id=客户编号`).
    public var mapping: [String: String] = [:]
    public var dateFormat: DateFormat = .iso
    /// The agency of rows whose file has no agency column or leaves it empty.
    public var agency = ""
    /// Columns that are neither canonical nor mapped are skipped instead of rejected.
    public var ignoreExtraColumns = false
    /// At most this many problems are reported for one file.
    public var problemLimit = 100

    public init() {}

    /// Parses `canonical=Foreign,canonical=Foreign` into a mapping, or throws what is wrong.
    public static func parseMapping(_ text: String) throws(MappingError) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw MappingError(reason: "'\(pair)' is not CANONICAL=FOREIGN")
            }
            let canonical = parts[0].lowercased()
            guard columns.contains(canonical) else {
                throw MappingError(
                    reason:
                        "'\(parts[0])' is not a column of a bureau file (columns: \(columns.joined(separator: ", ")))")
            }
            if out[canonical] != nil { throw MappingError(reason: "column '\(canonical)' is mapped twice") }
            out[canonical] = parts[1]
        }
        return out
    }
}

/// What a bureau import wrote: reports, and customers whose latest score changed.
public struct BureauImportSummary: Sendable, Equatable {
    public var reports: Int
    public var customers: Int

    package init(reports: Int, customers: Int) {
        self.reports = reports; self.customers = customers
    }
}

/// A customer's id, name and pinyin initials: what Tab completion indexes.
/// What the call queue shows to dial a customer: the name, the collector, the phone, and the
/// person the last logged contact was with.
public struct DialingCard: Sendable, Hashable {
    public var name: String
    public var agent: String?
    public var phone: String?
    public var person: String?

    package init(name: String, agent: String?, phone: String?, person: String?) {
        self.name = name; self.agent = agent; self.phone = phone; self.person = person
    }
}

public struct CustomerKey: Sendable, Hashable {
    public var id: String
    public var name: String
    public var initials: String
    /// The customer's phone number as stored (any punctuation), or "".
    public var phone: String

    package init(id: String, name: String, initials: String, phone: String = "") {
        self.id = id; self.name = name; self.initials = initials; self.phone = phone
    }
}

/// One change of a what-if scenario, with the command line that made it (shown by `whatif list`,
/// journaled with the change when the scenario is committed).
public struct ScenarioStep: Sendable, Hashable, Codable {
    public var line: String
    public var change: BookChange
    public init(line: String, change: BookChange) { self.line = line; self.change = change }
}

/// A what-if scenario kept in the workspace under its name: its typed changes, in order.
///
/// An open scenario is saved after every change, so a shell that dies keeps it. Scenarios saved by
/// Recoup before typed changes hold only their command lines (`legacyCommands`); the shell migrates
/// them the first time they are opened (`Catalog.beginScenario`).
public struct SavedScenario: Sendable, Hashable {
    public var name: String
    public var steps: [ScenarioStep]
    /// The command lines of a scenario saved before typed changes, or nil once migrated.
    public var legacyCommands: [String]?
    public var savedAt: String
    public var savedBy: String

    package init(name: String, steps: [ScenarioStep], legacyCommands: [String]? = nil, savedAt: String, savedBy: String)
    {
        self.name = name; self.steps = steps; self.legacyCommands = legacyCommands; self.savedAt = savedAt;
        self.savedBy = savedBy
    }
}
