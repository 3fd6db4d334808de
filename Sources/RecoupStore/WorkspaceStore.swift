import Foundation
import RecoupCore

/// Reading the books: records, one customer's ledger, the whole portfolio's ledger for the heavy
/// analyses, the policy, the journal. Reads never wait for writers and see the last commit; inside a
/// scenario's span (on the thread that runs it) they see the books plus the scenario.
public protocol BooksReader: AnyObject, Sendable {
    /// Where the workspace is (a file path today; a server address for a server backend).
    var path: String { get }
    /// Why the workspace cannot be written, or nil when it can.
    var readOnlyReason: String? { get }
    /// True when the whole-portfolio ledger is kept beside the workspace (a SQLite file), so reading
    /// it again is cheap and a script need not hold it in memory between commands.
    var keepsLedgerSnapshot: Bool { get }
    /// A number that moves whenever another shell commits: a shell compares it before each command.
    func booksVersion() -> Int64
    /// The login the database itself authenticated (a PostgreSQL workspace: the user in its address),
    /// who is then the operator; nil when the operator is the OS login (SQLite).
    var databaseLogin: String? { get }
    /// Calls `handler` (on a thread of the store's) soon after each colleague's commit, where the
    /// backend announces them (PostgreSQL's NOTIFY, on a connection of its own); false when it does
    /// not (SQLite: a shell asks `booksVersion` before each command, which stays the rule everywhere).
    @discardableResult func onColleagueCommit(_ handler: @escaping @Sendable () -> Void) -> Bool

    func customerKeys() throws(StoreError) -> [CustomerKey]
    func ids(of kind: RecordKind) throws(StoreError) -> [String]
    func counts() throws(StoreError) -> [RecordKind: Int]
    func customer(id: String) throws(StoreError) -> Customer?
    func customers(named name: String) throws(StoreError) -> [Customer]
    func customers() throws(StoreError) -> [Customer]
    func customerIds(agent: String) throws(StoreError) -> Set<String>
    /// Name, collector, phone and last contact person of the customers with these ids.
    func dialingCards(of ids: [String]) throws(StoreError) -> [String: DialingCard]
    /// Whether anyone is known by this login: an operator, or a collector customers are assigned to.
    func isKnownAgent(_ login: String) throws(StoreError) -> Bool
    func contracts(customer: String) throws(StoreError) -> [Contract]
    func contract(id: String) throws(StoreError) -> Contract?
    /// Every contract in id byte order; `base`: the books without an open scenario.
    func allContracts(base: Bool) throws(StoreError) -> [Contract]
    func invoices(customer: String) throws(StoreError) -> [Invoice]
    func invoices(contract: String) throws(StoreError) -> [Invoice]
    func invoice(id: String) throws(StoreError) -> Invoice?
    func payments(customer: String) throws(StoreError) -> [Payment]
    func unappliedPayments(customer: String?, heldOnly: Bool) throws(StoreError) -> [UnappliedPayment]
    func manualApplications(customer: String) throws(StoreError) -> [(payment: String, invoice: String, amount: Money)]
    /// One customer's ledger; `base`: the books without an open scenario.
    func ledger(customer: Customer, base: Bool) throws(StoreError) -> Ledger
    func ledger(customer: Customer) throws(StoreError) -> Ledger
    /// The whole portfolio's ledger (books plus an open scenario's span).
    func ledger() throws(StoreError) -> Ledger
    /// The whole portfolio's ledger; `base`: the books without an open scenario.
    func ledger(base: Bool) throws(StoreError) -> Ledger
    func plans(customer: String?) throws(StoreError) -> [PlanRecord]
    func plan(id: String) throws(StoreError) -> PlanRecord?
    func planIds() throws(StoreError) -> [String]
    func planObligations(customer: String) throws(StoreError) -> (invoices: [Invoice], payments: [Payment])
    func charges(customer: String) throws(StoreError) -> [Charge]
    func charges() throws(StoreError) -> [Charge]
    func waivableFees(customer: String, invoice: String?) throws(StoreError) -> Money
    func netLateFees(customer: String) throws(StoreError) -> Money
    func depositMovements(customer: String) throws(StoreError) -> [DepositMovement]
    func depositMovements() throws(StoreError) -> [String: [DepositMovement]]
    func dunningSteps(customer: String) throws(StoreError) -> [String: Set<String>]
    func dunningRecords(customer: String?) throws(StoreError) -> [DunningRecord]
    func suspendAfterDays() throws(StoreError) -> [String: Int]
    func overdueStates() throws(StoreError) -> [StoredOverdueState]
    func scoringFacts() throws(StoreError) -> [(bureau: Int?, bureauDate: Day?, creditLimit: Int64?)]
    func scoreHistory(customer: String) throws(StoreError) -> [(asOf: Day, score: Int, tier: String)]
    func bureauReports(customer: String) throws(StoreError) -> [BureauReport]
    func policy() throws(StoreError) -> Policy
    func policyHistory(limit: Int) throws(StoreError) -> [PolicyChange]
    func setting(_ key: String) throws(StoreError) -> String?
    /// The newest journal entries first, those the filter keeps.
    func journal(_ filter: JournalFilter) throws(StoreError) -> [JournalEntry]
    /// Recomputes the journal's hash chain from its first entry.
    func verifyJournal() throws(StoreError) -> JournalChain.Verification
    func journalEntry(sequence: Int) throws(StoreError) -> JournalEntry?
    /// Every operator, removed ones too (empty: a single-user workspace).
    func operators() throws(StoreError) -> [Operator]
    /// Approval requests, oldest first.
    func approvals(status: Approval.Status?, customer: String?) throws(StoreError) -> [Approval]
    /// A customer's assignments to collectors, oldest first.
    func assignments(customer: String) throws(StoreError) -> [Assignment]
    /// Reversals of mistaken entries (one customer's, or all), oldest first.
    func corrections(customer: String?) throws(StoreError) -> [Correction]
    /// Contracts over the credit limit let through for a customer, oldest first.
    func limitApprovals(customer: String) throws(StoreError) -> [LimitApproval]
    /// Unexpired `queue --take` claims: customer -> the collector holding it.
    func claims(now: Date) throws(StoreError) -> [String: String]
    func exportCSV(_ kind: RecordKind, path: String) throws(StoreError) -> Int
    /// The case records (contacts, promises, disputes, complaints, legal cases, write-offs) of one
    /// customer, or of everyone (nil).
    func caseRecords(customer: String?) throws(StoreError) -> CaseRecords
    /// The promises alone (what the queue, scores, dunning and the forecast read on every run).
    func promises(customer: String?) throws(StoreError) -> [Promise]
    /// A customer's promises with their standing as of a day (appropriated from the cash received).
    func promiseStandings(customer: String, asOf: Day) throws(StoreError) -> [PromiseStanding]
    /// The whole portfolio's ledger with `invoiceIds` filled (plan rows as `PLAN#NN`).
    func ledgerWithInvoiceIds() throws(StoreError) -> Ledger
}

/// Writing the books: every call is one transaction given the `ChangeContext` of the person making
/// it, checks what it depends on inside that transaction, and lands whole or not at all.
public protocol BooksWriter: AnyObject, Sendable {
    /// Applies one typed change (what every method below but the imports and records comes to).
    /// Once the workspace has operators, a change beyond the operator's authority is stored as an
    /// approval request instead (`StoreError.approvalRequested`), and nothing else changes.
    @discardableResult func perform(_ change: BookChange, context: ChangeContext) throws(StoreError) -> ChangeOutcome
    /// Approves (applying the stored change, checked again) or rejects a pending approval request as
    /// the context's operator; what it did, in words.
    func decideApproval(_ id: String, approve: Bool, note: String?, context: ChangeContext) throws(StoreError) -> String
    /// Claims up to `count` of the ranked customers for `agent` for a lease of `minutes` (skipping those
    /// another collector holds), in one transaction; the customers claimed, in rank order.
    func claim(_ ranked: [String], count: Int, agent: String, minutes: Int, now: Date) throws(StoreError) -> [String]
    /// Ends an agent's claims (all, or one customer's).
    @discardableResult func releaseClaims(agent: String, customer: String?) throws(StoreError) -> Int
    @discardableResult func addPayment(_ payment: Payment, context: ChangeContext) throws(StoreError) -> String
    func applyPayment(_ paymentId: String, to invoiceId: String, amount requested: Money?, context: ChangeContext)
        throws(StoreError) -> Money
    @discardableResult func createPlan(_ plan: PlanRecord, context: ChangeContext) throws(StoreError) -> String
    @discardableResult func commitPrepayment(
        plan: String, fromSeq seq: Int, rows: [Installment], payment: Payment,
        context: ChangeContext
    ) throws(StoreError) -> String
    @discardableResult func receiveDeposit(
        customer: String, amount: Money, contract: String?, on day: Day,
        context: ChangeContext
    ) throws(StoreError) -> DepositMovement
    @discardableResult func refundDeposit(
        customer: String, amount: Money, contract: String?, reason: String, on day: Day,
        context: ChangeContext
    ) throws(StoreError) -> DepositMovement
    func applyDeposit(
        customer: String, invoice invoiceId: String, amount requested: Money?, on day: Day,
        context: ChangeContext
    ) throws(StoreError) -> (amount: Money, payment: String)
    @discardableResult func postLateFees(_ fees: [AccruedFee], asOf: Day, context: ChangeContext) throws(StoreError)
        -> [Charge]
    /// Waives late fees, posting `accrued` (fees accrued to the day, not yet posted) first in the
    /// same transaction.
    @discardableResult func waiveFees(
        customer: String, invoice: String?, amount: Money?, on day: Day, reason: String, accrued: [AccruedFee],
        context: ChangeContext
    ) throws(StoreError) -> Charge
    func setPolicy(_ changes: [(key: String, value: String)], context: ChangeContext) throws(StoreError)
    func setSetting(_ key: String, _ value: String?, context: ChangeContext) throws(StoreError)
    func importCSV(
        _ kind: RecordKind, path: String, options: ImportOptions, context: ChangeContext,
        progress: ((Double) -> Void)?, shouldStop: () -> Bool
    ) throws(StoreError) -> ImportSummary
    func importBureau(path: String, options: BureauImportOptions, context: ChangeContext) throws(StoreError)
        -> BureauImportSummary
    // Records derived from the books (not `BookChange`s: not kept in scenarios).
    func recordScores(_ scores: [(customer: String, score: Int, tier: String)], asOf: Day, context: ChangeContext)
        throws(StoreError)
    func recordOverdueStates(_ evaluation: OverdueEvaluation, transitions: Int, context: ChangeContext)
        throws(StoreError)
    @discardableResult func recordDunning(_ records: [DunningRecord], asOf: Day, context: ChangeContext)
        throws(StoreError) -> Int
    /// Copies the whole workspace into `target` (empty, of any backend) in one transaction there,
    /// and checks the copy before returning.
    func copy(into target: any WorkspaceStore) throws(StoreError) -> WorkspaceCopyReport
    /// Writes a consistent copy of the whole workspace into the new file `path` while colleagues keep
    /// writing (the engine's online backup); a failed backup leaves no file.
    func backup(into path: String) throws(StoreError)
    /// The engine's check of its storage, and the journal's chain (`workspace check`).
    func check() throws(StoreError) -> WorkspaceCheck
}

/// What `workspace check` found: the storage's problems (empty: none) and the journal's chain.
public struct WorkspaceCheck: Sendable {
    /// What the storage check covered, in words.
    public var checked: String
    public var problems: [String]
    public var journal: JournalChain.Verification
    public var customers: Int, invoices: Int, payments: Int
    public var holds: Bool { problems.isEmpty && journal.holds }
    public init(
        checked: String, problems: [String], journal: JournalChain.Verification, customers: Int, invoices: Int,
        payments: Int
    ) {
        self.checked = checked
        self.problems = problems
        self.journal = journal
        self.customers = customers
        self.invoices = invoices
        self.payments = payments
    }
}

/// What `workspace copy` copied: rows by table, and the journal's length (checked on the copy).
public struct WorkspaceCopyReport: Sendable {
    public var target: String
    public var rows: [String: Int]
    public var journalEntries: Int
    public init(target: String, rows: [String: Int], journalEntries: Int) {
        self.target = target
        self.rows = rows
        self.journalEntries = journalEntries
    }
}

/// What-if scenarios: a span that shows the books plus a scenario's changes, a commit that applies
/// them again, checked, and the scenarios kept under their names.
public protocol ScenarioStore: AnyObject, Sendable {
    /// True on the thread running a `withScenario` span.
    var scenarioIsOpen: Bool { get }
    /// Runs `body` over the books as they are now plus `steps`, then rolls them back; returns what
    /// `body` returned and the changes it made. A step that no longer applies is `StoreError.conflict`.
    func withScenario<T>(_ steps: [ScenarioStep], context: ChangeContext, _ body: () throws -> T) throws -> (
        T, [BookChange]
    )
    /// Runs `body` with per-customer reads seeing the books without the scenario (inside a span).
    func readingBooks<T>(_ body: () throws -> T) rethrows -> T
    /// Applies the steps to the books in one transaction, checked, and forgets the scenario.
    func commitScenario(_ name: String, steps: [ScenarioStep], context: ChangeContext) throws(StoreError)
    func saveScenario(_ name: String, steps: [ScenarioStep], context: ChangeContext) throws(StoreError)
    func savedScenarios() throws(StoreError) -> [SavedScenario]
    func savedScenario(_ name: String) throws(StoreError) -> SavedScenario?
    func deleteSavedScenario(_ name: String) throws(StoreError)
    func restoreLegacyScenario(_ name: String, commands: [String], savedAt: String, savedBy: String) throws(StoreError)
}

/// A workspace as the shell and the services see it, whatever holds it (SQLite today).
public typealias WorkspaceStore = BooksReader & BooksWriter & ScenarioStore

/// Opens the workspace at a path (`create`: make a new one there when there is none). The executable
/// chooses the backend and hands its opener to the shell; nothing else names a backend.
public typealias WorkspaceOpener = @Sendable (_ path: String, _ create: Bool) throws(StoreError) -> any WorkspaceStore

extension BooksReader {
    public func unappliedPayments(customer: String? = nil) throws(StoreError) -> [UnappliedPayment] {
        try unappliedPayments(customer: customer, heldOnly: false)
    }
    public func allContracts() throws(StoreError) -> [Contract] { try allContracts(base: false) }
    public func dunningRecords() throws(StoreError) -> [DunningRecord] { try dunningRecords(customer: nil) }
    public func plans() throws(StoreError) -> [PlanRecord] { try plans(customer: nil) }
}

extension BooksWriter {
    public func importCSV(_ kind: RecordKind, path: String, options: ImportOptions, context: ChangeContext)
        throws(StoreError) -> ImportSummary
    {
        try importCSV(kind, path: path, options: options, context: context, progress: nil, shouldStop: { false })
    }
}

extension BooksReader {
    /// The newest `limit` journal entries first.
    public func journal(limit: Int) throws(StoreError) -> [JournalEntry] { try journal(JournalFilter(limit: limit)) }
}
