import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// In-memory indexes that answer Tab without touching the database.
///
/// Customer ids, names and pinyin initials load on a background thread as soon as the shell starts
/// (`warmUp()`), so the prompt appears at once; a Tab pressed before they are ready waits for them.
/// Open balances for the candidate descriptions follow in the same thread. Contract and invoice
/// ids load the first time they are asked for. `invalidate()` after any change to the books (the
/// shell's own, or a colleague's seen through `Workspace.booksVersion`): commands then read fresh
/// keys, while Tab keeps answering from the previous index until the reload (started in the
/// background at once in an interactive shell) is done, so the prompt never waits for it.
public final class CompletionIndex: @unchecked Sendable {
    struct Customers {
        var ids = KeyBuffer()  // sorted by id bytes
        var names = KeyBuffer()  // same order
        var foldedNames = KeyBuffer()  // ASCII lower-cased, for case-insensitive search
        var initials = KeyBuffer()  // pinyin initials, same order
        var phones = KeyBuffer()  // the phone number's digits, same order
        var idDigits = KeyBuffer()  // the id's digits without leading zeros (C000191: 191), same order
        var duplicateName = Set<String>()
        var balances: [Money]? = nil
    }

    private let workspace: any WorkspaceStore
    private let lock = NSCondition()
    private var customers: Customers?
    /// The index before the last `invalidate()`, for Tab while the fresh one loads.
    private var previous: Customers?
    private var loading = false
    /// Reload in the background after `invalidate()` (set in interactive shells).
    var refreshesInBackground = false
    /// What the cached ledger is of: "" for the books, else the open scenario's name and number of
    /// changes that move balances. The background load reads the books, so it keeps its ledger
    /// only while the scope is "".
    private var scope = ""
    private var warmDay: Day?
    private var otherIds: [RecordKind: KeyBuffer] = [:]
    /// The whole portfolio's ledger, kept for reports until the books change (`invalidate`).
    private var ledgerCache: Ledger?
    /// Whether reports' whole-portfolio ledger stays in memory between commands: in an interactive
    /// shell, and wherever the workspace keeps no snapshot beside it (PostgreSQL). A script on a
    /// SQLite workspace reads the snapshot again for each report instead (tens of milliseconds for a
    /// million invoices), so a one-shot `customer list` does not hold the ledger while it prints
    /// (it is freed as soon as the balances are made).
    public var keepsLedger = true
    private var ledgerGeneration = 0
    /// Day the balances are computed for.
    var balanceDay: Day?

    init(workspace: any WorkspaceStore) { self.workspace = workspace }

    /// Starts loading customer keys (and then balances as of `today`) in the background.
    public func warmUp(today: Day?) {
        lock.lock()
        warmDay = today
        if customers != nil || loading { lock.unlock(); return }
        loading = true
        let generation = ledgerGeneration
        lock.unlock()
        let thread = Thread { [self] in
            let loaded = Self.loadCustomers(workspace)
            lock.lock()
            if generation == ledgerGeneration { customers = loaded; previous = nil }
            loading = false; lock.broadcast(); lock.unlock()
            if let today, let ledger = try? workspace.ledger(base: true) {
                let balances = ledger.balances(ledger.allocate(asOf: today)).map(\.open)
                lock.lock()
                if customers?.ids.count == balances.count { customers?.balances = balances; balanceDay = today }
                if generation == ledgerGeneration && ledgerCache == nil && scope.isEmpty { ledgerCache = ledger }
                lock.unlock()
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Says what the shell's reports read now (see `scope`); a change drops the cached ledger.
    func setScope(_ new: String) {
        lock.lock()
        if new != scope { scope = new; ledgerCache = nil; ledgerGeneration += 1 }
        lock.unlock()
    }

    /// The books version this index was invalidated for by a colleague's announced commit (read
    /// before the invalidation, so what reloads is at least that fresh): the next command, finding
    /// the books at that version, need not invalidate again.
    private var announced: Int64?

    /// After a colleague's announced commit: the books are now at `version` at least.
    func invalidate(announcedAt version: Int64) {
        invalidate()
        lock.lock(); announced = version; lock.unlock()
    }

    /// True when the index was already invalidated for the books at `version` (and nothing since).
    func isFresh(for version: Int64) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return announced == version
    }

    /// Drops everything the books were read into; the next command reloads. Never waits for a load
    /// under way (its result, from older books, is dropped when it lands).
    public func invalidate() {
        lock.lock()
        if customers != nil { previous = customers }
        customers = nil; otherIds = [:]; ledgerCache = nil; ledgerGeneration += 1; announced = nil
        let again = refreshesInBackground && !loading
        lock.unlock()
        if again { warmUp(today: warmDay) }
    }

    /// The whole portfolio's ledger (books plus an open scenario), loaded once and kept until the
    /// books change: reports in a shell that has the workspace open start from memory.
    /// `sameAsBooks`: the open scenario moved no customer's books, so the books' ledger is loaded
    /// (read on two connections at once, where the scenario's is read on one).
    public func portfolioLedger(sameAsBooks: Bool = false) throws(StoreError) -> Ledger {
        lock.lock()
        if let cached = ledgerCache { lock.unlock(); return cached }
        let generation = ledgerGeneration
        lock.unlock()
        let ledger = try workspace.ledger(base: sameAsBooks)
        lock.lock()
        if generation == ledgerGeneration && keepsLedger { ledgerCache = ledger }
        lock.unlock()
        return ledger
    }

    private static func loadCustomers(_ ws: any WorkspaceStore) -> Customers {
        var c = Customers()
        var seen = Set<String>()
        for key in (try? ws.customerKeys()) ?? [] {
            c.ids.append(key.id)
            c.names.append(key.name)
            c.foldedNames.append(fold(key.name))
            c.initials.append(key.initials)
            c.phones.append(String(key.phone.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init)))
            c.idDigits.append(Self.significantDigits(key.id))
            if !seen.insert(key.name).inserted { c.duplicateName.insert(key.name) }
        }
        // Names and initials are searched by prefix on every Tab (ids are sorted already).
        c.foldedNames.sortForPrefixes()
        c.initials.sortForPrefixes()
        return c
    }

    /// The digits of `text` without leading zeros ("C000191" -> "191", "0" -> "0").
    static func significantDigits(_ text: String) -> String {
        let digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty && !digits.isEmpty ? "0" : String(trimmed)
    }

    /// Runs `body` on the current keys. `forTab`: while fresh keys load, answer from the previous
    /// ones rather than wait. Otherwise wait for (or make) keys read after the last change.
    private func withCustomers<T>(forTab: Bool = false, _ body: (Customers) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if forTab, customers == nil, loading, let previous { return body(previous) }
        // Wait for a load under way, or load here; keys read before a later `invalidate()` are dropped.
        while customers == nil {
            if loading { lock.wait(); continue }
            let generation = ledgerGeneration
            lock.unlock()
            let loaded = Self.loadCustomers(workspace)
            lock.lock()
            if generation == ledgerGeneration && customers == nil { customers = loaded; previous = nil }
        }
        return body(customers!)
    }

    /// One customer matched by `matchCustomers`.
    public struct Match: Sendable {
        public var id: String
        public var name: String
        /// Open balance, when the background load has computed it.
        public var balance: Money?
        /// True when another customer has the same name.
        public var sharedName: Bool
        /// True when it matched by id rather than by name.
        public var byId: Bool
    }

    static func fold(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Customers matching `text`, best first: id prefix, name prefix, pinyin-initials prefix,
    /// then any part of the name. Each match says how it matched.
    public func matchCustomers(_ text: String, limit: Int, forTab: Bool = false) -> [Match] {
        withCustomers(forTab: forTab) { c in
            var out: [(Int, Bool)] = []
            var taken = Set<Int>()
            func add(_ positions: @autoclosure () -> [Int], byId: Bool) {
                guard out.count < limit else { return }  // enough already: the later searches are not made
                for p in positions() where out.count < limit && taken.insert(p).inserted { out.append((p, byId)) }
            }
            let bytes = Array(text.utf8)
            let folded = Array(Self.fold(text).utf8)
            add(Array(c.ids.prefixRange(bytes).prefix(limit)), byId: true)
            if !text.isEmpty {
                add(c.foldedNames.search(folded, prefix: true, limit: limit), byId: false)
                if folded.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) {
                    add(c.initials.search(folded, prefix: true, limit: limit), byId: false)
                }
                add(c.foldedNames.search(folded, prefix: false, limit: limit), byId: false)
                // A number as on the caller display (+86 138-0013-8000) or as said on the phone (191):
                // the customer whose id's digits are it, then phone numbers and ids containing it.
                let phoneLike = text.unicodeScalars.allSatisfy {
                    ("0"..."9").contains($0) || " +-().".unicodeScalars.contains($0)
                }
                var digits = Array(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map { UInt8($0.value) })
                // China's country code before a mobile number (+86, 0086), as caller displays show it.
                for code in ["0086", "86"]
                where digits.count == code.count + 11 && digits.starts(with: Array(code.utf8)) {
                    digits.removeFirst(code.count)
                }
                if phoneLike && !digits.isEmpty {
                    add(
                        c.idDigits.search(
                            Array(Self.significantDigits(text).utf8), prefix: true, whole: true, limit: limit),
                        byId: true)
                    if digits.count >= 3 {
                        add(c.phones.search(digits, prefix: false, limit: limit), byId: false)
                        add(
                            c.idDigits.search(Array(Self.significantDigits(text).utf8), prefix: false, limit: limit),
                            byId: true)
                    }
                }
            }
            return out.map { p, byId in
                let name = c.names[p]
                return Match(
                    id: c.ids[p], name: name, balance: c.balances?[p], sharedName: c.duplicateName.contains(name),
                    byId: byId)
            }
        }
    }

    /// Contract or invoice ids starting with `prefix`, at most `limit`.
    public func ids(_ kind: RecordKind, prefix: String, limit: Int) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if otherIds[kind] == nil { otherIds[kind] = KeyBuffer((try? workspace.ids(of: kind)) ?? []) }
        let keys = otherIds[kind]!
        return keys.prefixRange(Array(prefix.utf8)).prefix(limit).map { keys[$0] }
    }
}

/// Answers the completer's domain questions from the index.
struct DomainCompletions: CompletionProvider {
    let session: Session
    let commandNames: [String]

    /// How many candidates Tab offers for customers and ids (more than a screen already).
    static let limit = 200

    func candidates(domain: String, prefix: String) -> [Candidate] { answer(domain: domain, prefix: prefix).candidates }

    /// Customers and ids are looked for one past the limit, to know whether some were left out.
    func answer(domain: String, prefix: String) -> DomainAnswer {
        let limit = Self.limit
        func limited(_ all: [Candidate]) -> DomainAnswer {
            DomainAnswer(Array(all.prefix(limit)), isPartial: all.count > limit)
        }
        switch domain {
        case "customer":
            return limited(
                session.index.matchCustomers(prefix, limit: limit + 1, forTab: true).map { c in
                    let balance = c.balance.map { " · open " + $0.grouped } ?? ""
                    if c.byId || c.sharedName {
                        return Candidate(c.id, description: c.name + balance)
                    }
                    return Candidate(c.name, description: c.id + balance)
                })
        case "contract", "invoice", "payment":
            let kind: RecordKind = domain == "contract" ? .contracts : domain == "invoice" ? .invoices : .payments
            return limited(
                session.index.ids(kind, prefix: prefix, limit: limit + 1).map { Candidate($0, description: "") })
        default:
            return DomainAnswer(others(domain: domain, prefix: prefix), isPartial: false)
        }
    }

    /// The domains read as asked (few records each).
    private func others(domain: String, prefix: String) -> [Candidate] {
        switch domain {
        case "plan":
            return ((try? session.workspace.planIds()) ?? []).filter { $0.hasPrefix(prefix) }.map {
                Candidate($0, description: "")
            }
        case "promise", "dispute", "complaint", "case":
            // Collector-entered records are few: read them as asked (pending or open ones first).
            let rows: [(String, String)]
            if domain == "promise" {
                rows = ((try? session.workspace.promises(customer: nil)) ?? []).filter { $0.cancelledOn == nil }.map {
                    ($0.id, "\($0.customerId) \($0.amount) by \($0.promisedOn.iso)")
                }
            } else {
                guard let r = try? session.workspace.caseRecords(customer: nil) else { return [] }
                switch domain {
                case "dispute":
                    rows = r.disputes.filter { $0.resolvedOn == nil }.map {
                        ($0.id, "\($0.invoiceId) \($0.reason.rawValue) since \($0.openedOn.iso)")
                    }
                case "complaint":
                    rows = r.complaints.filter { $0.resolvedOn == nil }.map {
                        ($0.id, "\($0.customerId) \($0.tier.rawValue) \($0.note)")
                    }
                default:
                    rows = r.legalCases.map { ($0.id, "\($0.customerId) \($0.current?.step.rawValue ?? "opened")") }
                }
            }
            return rows.filter { $0.0.hasPrefix(prefix) }.map { Candidate($0.0, description: $0.1) }
        case "approval":
            return ((try? session.workspace.approvals(status: .pending, customer: nil)) ?? []).filter {
                $0.id.hasPrefix(prefix)
            }.map { Candidate($0.id, description: "\($0.kind) by \($0.maker): \($0.summary)") }
        case "operator":
            return ((try? session.workspace.operators()) ?? []).filter { $0.isActive && $0.login.hasPrefix(prefix) }
                .map { Candidate($0.login, description: "\($0.name) · \($0.role.rawValue)") }
        case "scenario":
            return ((try? session.workspace.savedScenarios()) ?? []).filter { $0.name.hasPrefix(prefix) }
                .map {
                    Candidate(
                        $0.name,
                        description: "\($0.legacyCommands?.count ?? $0.steps.count) changes, saved \($0.savedAt)")
                }
        case "command":
            return commandNames.filter { $0.hasPrefix(prefix) }.map { Candidate($0, description: "") }
        case "variable":
            return session.variables.keys.sorted().filter { $0.hasPrefix(prefix) }.map {
                Candidate($0, description: session.variables[$0]!)
            }
        default:
            return []
        }
    }
}
