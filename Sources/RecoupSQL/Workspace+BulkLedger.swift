import RecoupCore
import RecoupStore
#if canImport(Glibc)
    import Glibc  // memcmp
#endif

/// The whole portfolio's ledger, read through the engine's raw rows (`RawRows`: SQLite's C API,
/// PostgreSQL's rows taken off the wire, `WireRows`).
///
/// Written by hand for a measured need: through GRDB rows (a `String` per text column, an SQL
/// `ORDER BY` over a million invoices) the load took about 2.3 s on the 100,000-customer benchmark
/// portfolio, and `customer list`, `forecast` and the completion balances all start with it. Here
/// rows are read in storage order, text is compared as bytes, and the orders the allocation rule
/// needs are made by sorting positions in memory (docs/BENCHMARKS.md).
struct BulkLedgerLoader {
    let db: Database
    /// Fill `invoiceIds` too (the limitation watch names each claim; other reports need no ids).
    var withIds = false

    /// The last key seen in a column that repeats in runs (a customer's or a contract's id in storage
    /// order) and what it mapped to: a new String and a dictionary lookup only when the key changes,
    /// the comparison itself by `memcmp` (the generic `elementsEqual` on UTF-8 views cost about a
    /// tenth of the load).
    struct LastKey {
        var bytes: [UInt8] = []
        var value: Int32 = -1
        /// True when `b` is the remembered key.
        func matches(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            guard b.count == bytes.count else { return false }
            guard let p = b.baseAddress else { return bytes.isEmpty }
            return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, p, b.count) == 0 }
        }
        /// Remembers `b` and returns it as a String.
        mutating func remember(_ b: UnsafeBufferPointer<UInt8>) -> String {
            bytes = Array(b)
            return String(decoding: b, as: UTF8.self)
        }
        /// The position of customer `b` (-1: unknown): the remembered one when `b` is it, else the next
        /// one in id order when it is that (rows stored customer by customer in id order, as imports of
        /// sorted files are), else through the index.
        mutating func customer(_ b: UnsafeBufferPointer<UInt8>, ids: [String], index: [String: Int32]) -> Int32 {
            if matches(b) { return value }
            let next = Int(value) + 1
            if next < ids.count, let p = b.baseAddress,
                ids[next].utf8.withContiguousStorageIfAvailable({
                    $0.count == b.count && memcmp($0.baseAddress!, p, b.count) == 0
                }) == true
            {
                bytes = Array(b); value = Int32(next)
            } else {
                value = index[remember(b)] ?? -1
            }
            return value
        }
    }

    /// Bytes of many short keys in one buffer, for byte-order tie-breaks without a String each.
    struct Keys {
        var bytes: [UInt8] = []
        var start: [Int32] = [0]
        mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: b); start.append(Int32(bytes.count))
        }
        mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8); start.append(Int32(bytes.count)) }
        mutating func append(_ other: Keys) {
            let offset = Int32(bytes.count)
            bytes += other.bytes; start += other.start.dropFirst().map { $0 + offset }
        }
        mutating func append(prefix: [UInt8], _ b: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: prefix); bytes.append(contentsOf: b); start.append(Int32(bytes.count))
        }
        func less(_ a: Int, _ b: Int) -> Bool {
            bytes[Int(start[a])..<Int(start[a + 1])].lexicographicallyPrecedes(bytes[Int(start[b])..<Int(start[b + 1])])
        }
    }

    /// The rows of a `Keys` by their bytes: an open-addressing table of row numbers, each slot with
    /// 32 bits of its key's hash so that a probe reads another key's bytes only on a likely match.
    struct KeyIndex {
        /// Row number + 1 in the low 32 bits (0: empty), the hash's high bits above.
        private var slots: [UInt64]
        private let mask: Int

        init(_ keys: Keys) {
            let n = keys.start.count - 1
            var size = 16
            while size < 2 * n { size <<= 1 }
            mask = size - 1
            slots = Array(repeating: 0, count: size)
            let mask = self.mask
            keys.bytes.withUnsafeBufferPointer { all in
                keys.start.withUnsafeBufferPointer { start in
                    slots.withUnsafeMutableBufferPointer { slots in
                        for k in 0..<n {
                            let from = Int(start[k]), to = Int(start[k + 1])
                            let h = Self.hash(all.baseAddress.map { $0 + from }, to - from)
                            var at = Int(truncatingIfNeeded: h) & mask
                            while slots[at] != 0 { at = (at + 1) & mask }
                            slots[at] = h & 0xFFFF_FFFF_0000_0000 | UInt64(k + 1)
                        }
                    }
                }
            }
        }

        static func hash(_ p: UnsafePointer<UInt8>?, _ count: Int) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, then mixed (ids differ in their last bytes)
            for i in 0..<count { h = (h ^ UInt64(p![i])) &* 0x100_0000_01b3 }
            h ^= h >> 29; h = h &* 0xbf58_476d_1ce4_e5b9; h ^= h >> 32
            return h
        }

        /// Looks up each key of `queries` whose `wanted` is true, in `keys` (the ones the index was
        /// built from), handing `found` the query's number and the matching row (-1: none; the
        /// first such row when keys repeat).
        func find(_ queries: Keys, in keys: Keys, _ found: (Int, Int32) -> Void) {
            let mask = self.mask
            keys.bytes.withUnsafeBufferPointer { all in
                keys.start.withUnsafeBufferPointer { start in
                    queries.bytes.withUnsafeBufferPointer { qAll in
                        queries.start.withUnsafeBufferPointer { qStart in
                            slots.withUnsafeBufferPointer { slots in
                                for q in 0..<(qStart.count - 1) {
                                    let qFrom = Int(qStart[q]), count = Int(qStart[q + 1]) - qFrom
                                    guard count > 0 else { continue }
                                    guard let base = all.baseAddress else {
                                        found(q, -1)
                                        continue
                                    }
                                    let b = qAll.baseAddress! + qFrom
                                    let h = Self.hash(b, count)
                                    let tag = h & 0xFFFF_FFFF_0000_0000
                                    var at = Int(truncatingIfNeeded: h) & mask
                                    var row: Int32 = -1
                                    while slots[at] != 0 {
                                        let s = slots[at]
                                        if s & 0xFFFF_FFFF_0000_0000 == tag {
                                            let k = Int(s & 0xFFFF_FFFF) - 1
                                            let from = Int(start[k])
                                            if Int(start[k + 1]) - from == count && memcmp(base + from, b, count) == 0 {
                                                row = Int32(k)
                                                break
                                            }
                                        }
                                        at = (at + 1) & mask
                                    }
                                    found(q, row)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Payments, settlements and restructurings, with their targets as invoice rowids (settlements,
    /// read with the invoices) or invoice ids (`targetKeys`, resolved once the invoices are in: an SQL
    /// join of a million payments to a million invoices cost PostgreSQL 0.6 s and SQLite a B-tree
    /// search a payment, a hash of the ids already read here about 0.1 s); `order` puts them in
    /// application order once all are in (`sortForApplication`).
    struct PaymentRows: @unchecked Sendable {
        var day: [Int32] = [], cust: [Int32] = [], amount: [Int64] = []
        /// A target by rowid (-1: none; -2: by the id in `targetKeys`).
        var targetRowid: [Int] = []
        /// Each row's target invoice id (empty: none, or given by rowid).
        var targetKeys = Keys()
        /// The plan a row pays toward, by row (few rows have one).
        var planAt: [Int: String] = [:]
        var restructuring: [Bool] = [], held: [Bool] = []
        var manualAt: [Int: [(rowid: Int, amount: Int64)]] = [:]
        /// Each row's id bytes (a settlement's and a restructuring's with their prefix), for ties.
        var keys = Keys()
        var order: [Int] = []

        /// Appends the rows of `other` (which has no manual applications and pays toward no plan).
        mutating func append(_ other: PaymentRows) {
            guard !other.day.isEmpty else { return }
            day += other.day; cust += other.cust; amount += other.amount; targetRowid += other.targetRowid
            restructuring += other.restructuring; held += other.held
            keys.append(other.keys); targetKeys.append(other.targetKeys)
        }

        /// Sorts by day, ties by id bytes. Rows usually come in id order (imports keep the file's
        /// order, and files are exported by id; settlements and restructurings sort after payments by
        /// their prefixes): then a stable counting sort by day is the whole sort, about a tenth of the
        /// comparison sort's 100 ms on 820,000 payments.
        mutating func sortForApplication() {
            let day = self.day, keys = self.keys
            if (1..<max(1, day.count)).allSatisfy({ !keys.less($0, $0 - 1) }), let lo = day.min(), let hi = day.max(),
                Int(hi) - Int(lo) < 1 << 20
            {
                var start = [Int](repeating: 0, count: Int(hi - lo) + 2)
                for d in day { start[Int(d - lo) + 1] += 1 }
                for k in 1..<start.count { start[k] += start[k - 1] }
                var order = [Int](repeating: 0, count: day.count)
                for (k, d) in day.enumerated() { order[start[Int(d - lo)]] = k; start[Int(d - lo)] += 1 }
                self.order = order
            } else {
                var order = Array(0..<day.count)
                order.sort { a, b in day[a] != day[b] ? day[a] < day[b] : keys.less(a, b) }
                self.order = order
            }
        }
    }

    /// Customer id to its position (customers in id byte order).
    static func customerIndex(_ db: Database) throws -> (ids: [String], index: [String: Int32]) {
        var index: [String: Int32] = [:], ids: [String] = []
        let rows = try db.connection.rawRows("SELECT id FROM customer ORDER BY id")
        while rows.next() { let id = rows.string(0); index[id] = Int32(ids.count); ids.append(id) }
        rows.finish()
        return (ids, index)
    }

    static func readPayments(_ db: Database, customers: (ids: [String], index: [String: Int32])) throws -> PaymentRows {
        let index = customers.index
        var p = PaymentRows()
        // Applications made by hand, by payment id (few): mapped to positions once payments are sorted.
        var manualById: [String: [(rowid: Int, amount: Int64)]] = [:]
        let manualRows = try db.connection.rawRows(
            "SELECT a.payment_id, i.rowid, a.amount FROM payment_application a JOIN invoice i ON i.id = a.invoice_id ORDER BY a.id"
        )
        while manualRows.next() {
            manualById[manualRows.string(0), default: []].append((Int(manualRows.int(1)), manualRows.int(2)))
        }
        manualRows.finish()
        // Entries that are not cash: restructurings, credit notes, write-offs.
        let nonCash = [Payment.restructurePrefix, Dispute.creditPrefix, WriteOff.entryPrefix].map { Array($0.utf8) }
        // Settlements (invoices with a settled_on) are read with the invoices, on the other connection.
        // Each row's target: an invoice's rowid joined in SQL, or its id joined in memory by `load`.
        let inMemory = db.connection.joinsBulkReadsInMemory
        let payments = try db.connection.rawRows(
            """
            SELECT p.received_on, p.id, p.customer_id, p.amount, \(inMemory ? "p.invoice_id" : "i.rowid"), p.plan_id, p.held
            FROM payment p \(inMemory ? "" : "LEFT JOIN invoice i ON i.id = p.invoice_id")
            WHERE p.voided_at IS NULL
            UNION ALL
            SELECT p.created_on, '\(Payment.restructurePrefix)' || p.id || '~' || r.invoice_id, p.customer_id, r.amount, \(inMemory ? "r.invoice_id" : "i.rowid"), NULL, 0
            FROM plan_invoice r JOIN plan p ON p.id = r.plan_id \(inMemory ? "" : "JOIN invoice i ON i.id = r.invoice_id")
            WHERE p.cancelled_at IS NULL
            UNION ALL
            SELECT d.resolved_on, '\(Dispute.creditPrefix)' || d.id, d.customer_id, d.credit, \(inMemory ? "d.invoice_id" : "i.rowid"), NULL, 0
            FROM dispute d \(inMemory ? "" : "JOIN invoice i ON i.id = d.invoice_id") WHERE d.credit IS NOT NULL
            UNION ALL
            SELECT w.on_day, '\(WriteOff.entryPrefix)' || w.id || '~' || w.invoice_id, w.customer_id, w.amount, \(inMemory ? "w.invoice_id" : "i.rowid"), NULL, 0
            FROM writeoff w \(inMemory ? "" : "JOIN invoice i ON i.id = w.invoice_id") WHERE w.reversed_at IS NULL
            """)
        var customer = LastKey()
        while payments.next() {
            let lastIndex = customer.customer(payments.text(2), ids: customers.ids, index: index)
            guard lastIndex >= 0 else { continue }
            p.day.append(payments.day(0)); p.keys.append(payments.text(1)); p.cust.append(lastIndex);
            p.amount.append(payments.int(3))
            let key = payments.text(1)
            p.restructuring.append(key.first == UInt8(ascii: "~") && nonCash.contains { key.starts(with: $0) })
            p.held.append(payments.int(6) != 0)
            if !manualById.isEmpty, let m = manualById[payments.string(1)] { p.manualAt[p.day.count - 1] = m }
            if payments.isNull(4) {
                p.targetRowid.append(-1); p.targetKeys.append(UnsafeBufferPointer(start: nil, count: 0))
            } else if inMemory {
                p.targetRowid.append(-2); p.targetKeys.append(payments.text(4))
            } else {
                p.targetRowid.append(Int(payments.int(4)));
                p.targetKeys.append(UnsafeBufferPointer(start: nil, count: 0))
            }
            if !payments.isNull(5) { p.planAt[p.day.count - 1] = payments.string(5) }
        }
        payments.finish()
        return p
    }

    /// Loads the ledger; `paymentsRead`, when given, supplies the payments read on another
    /// connection at the same time (it is called once the invoices are in).
    func load(paymentsRead: (() throws -> PaymentRows)? = nil) throws -> Ledger {
        var ledger = Ledger()
        var index: [String: Int32] = [:]
        let customers = try db.connection.rawRows("SELECT id FROM customer ORDER BY id")
        while customers.next() {
            let id = customers.string(0)
            index[id] = Int32(ledger.customerIds.count)
            ledger.customerIds.append(id)
        }
        customers.finish()

        // Invoices and plan rows (as obligations), in storage order.
        var cust: [Int32] = [], issued: [Int32] = [], due: [Int32] = [], amount: [Int64] = [], disputed: [Bool] = []
        var rowid: [Int64] = [], plan: [Int32] = [], contract: [Int32] = []
        var contractIndex: [String: Int32] = [:]
        var contractKey = LastKey()
        var ids = Keys()
        var planIndex: [String: Int32] = [:]
        let invoices = try db.connection.rawRows(
            """
            SELECT rowid, customer_id, issued_on, due_on, amount, disputed, id, NULL, contract_id, settled_on FROM invoice
            UNION ALL
            SELECT -i.rowid, p.customer_id, p.created_on, i.due_on, i.payment, 0, i.plan_id || '#' || CASE WHEN i.seq < 10 THEN '0' ELSE '' END || i.seq, i.plan_id, i.plan_id, NULL
            FROM plan_installment i JOIN plan p ON p.id = i.plan_id WHERE i.payment > 0 AND p.cancelled_at IS NULL
            """)
        // An invoice settled on a day (the spec's settled_on) is paid in full then by a settlement row,
        // read here rather than by a second scan of the invoices on the payments' connection.
        var settlements = PaymentRows()
        let settlementPrefix = Array(Payment.settlementPrefix.utf8)
        var customer = LastKey()
        while invoices.next() {
            let lastIndex = customer.customer(invoices.text(1), ids: ledger.customerIds, index: index)
            guard lastIndex >= 0 else { continue }
            cust.append(lastIndex)
            rowid.append(invoices.int(0))
            issued.append(invoices.day(2)); due.append(invoices.day(3))
            amount.append(invoices.int(4)); disputed.append(invoices.int(5) != 0)
            ids.append(invoices.text(6))
            if !invoices.isNull(9) {
                settlements.day.append(invoices.day(9));
                settlements.keys.append(prefix: settlementPrefix, invoices.text(6))
                settlements.cust.append(lastIndex); settlements.amount.append(invoices.int(4));
                settlements.targetRowid.append(Int(invoices.int(0)))
                settlements.targetKeys.append(UnsafeBufferPointer(start: nil, count: 0))
                settlements.restructuring.append(false); settlements.held.append(false)
            }
            if invoices.isNull(8) {
                contract.append(-1)
            } else {
                let k = invoices.text(8)
                if !contractKey.matches(k) {
                    let id = contractKey.remember(k)
                    if let c = contractIndex[id] {
                        contractKey.value = c
                    } else {
                        contractKey.value = Int32(ledger.contractIds.count); contractIndex[id] = contractKey.value;
                        ledger.contractIds.append(id)
                    }
                }
                contract.append(contractKey.value)
            }
            if invoices.isNull(7) {
                plan.append(-1)
            } else {
                let p = invoices.string(7)
                if planIndex[p] == nil { planIndex[p] = Int32(planIndex.count) }
                plan.append(planIndex[p]!)
            }
        }
        invoices.finish()
        // Sort by one packed key (customer, due, issued: 24 + 20 + 20 bits), ties by id bytes.
        // Days are offset by 2^19 so that any day from 1970 - 1,435 years to 1970 + 1,435 fits.
        func packed(_ k: Int) -> UInt64 {
            UInt64(cust[k]) << 40 | UInt64(UInt32(bitPattern: due[k] &+ (1 << 19)) & 0xFFFFF) << 20
                | UInt64(UInt32(bitPattern: issued[k] &+ (1 << 19)) & 0xFFFFF)
        }
        var keyed = (0..<cust.count).map { (key: packed($0), index: Int32($0)) }
        keyed.sort { a, b in a.key != b.key ? a.key < b.key : ids.less(Int(a.index), Int(b.index)) }
        let order = keyed.map { Int($0.index) }
        keyed = []
        ledger.planObligations = Array(repeating: [], count: planIndex.count)
        var starts = [Int32](repeating: 0, count: ledger.customerIds.count + 1)
        let maxRowid = Int(rowid.max() ?? 0)
        var position = [Int32](repeating: -1, count: max(0, maxRowid) + 1)
        var planRowPosition: [Int64: Int32] = [:]
        ledger.reserve(invoices: order.count)
        for k in order {
            let p = Int32(ledger.invoiceCount)
            ledger.appendInvoice(
                id: withIds
                    ? String(decoding: ids.bytes[Int(ids.start[k])..<Int(ids.start[k + 1])], as: UTF8.self) : nil,
                issued: Day(ordinal: issued[k]), due: Day(ordinal: due[k]),
                amount: Money(minorUnits: amount[k]),
                disputed: disputed[k], contract: contract[k])
            starts[Int(cust[k]) + 1] += 1
            if rowid[k] > 0 { position[Int(rowid[k])] = p } else { planRowPosition[rowid[k]] = p }
            if plan[k] >= 0 { ledger.planObligations[Int(plan[k])].append(p) }
        }
        for c in 0..<ledger.customerIds.count { starts[c + 1] += starts[c] }
        ledger.invoiceStart = starts
        // Disputes' holds (few rows): each on its invoice's position.
        let holds = try db.connection.rawRows(
            "SELECT i.rowid, d.id, d.invoice_id, d.opened_on, d.resolved_on, d.amount FROM dispute d JOIN invoice i ON i.id = d.invoice_id"
        )
        while holds.next() {
            let r = Int(holds.int(0))
            guard r < position.count, position[r] >= 0 else { continue }
            var d = Dispute(
                id: holds.string(1), invoiceId: holds.string(2), customerId: "", reason: .invoice,
                openedOn: Day(ordinal: holds.day(3)))
            if !holds.isNull(4) { d.resolvedOn = Day(ordinal: holds.day(4)) }
            if !holds.isNull(5) { d.amount = Money(minorUnits: holds.int(5)) }
            ledger.addHold(d, at: position[r])
        }
        holds.finish()

        // Payments, settlements and restructurings, read here or handed in (read on another
        // connection at the same time), then appended in application order.
        var p = try paymentsRead?() ?? Self.readPayments(db, customers: (ledger.customerIds, index))
        p.append(settlements)
        p.sortForApplication()
        // Each column gathered in application order in one pass (one append per payment across seven
        // arrays cost about 0.12 s on a million payments).
        let applied = p.order
        var plans = [Int32](repeating: -1, count: applied.count)
        if !p.manualAt.isEmpty || !p.planAt.isEmpty {
            var at = [Int32](repeating: 0, count: applied.count)  // row -> position in application order
            for (n, k) in applied.enumerated() { at[k] = Int32(n) }
            for (k, m) in p.manualAt {
                ledger.paymentManual[at[k]] = m.compactMap {
                    $0.rowid < position.count && position[$0.rowid] >= 0 ? (position[$0.rowid], $0.amount) : nil
                }
            }
            for (k, id) in p.planAt { if let x = planIndex[id] { plans[Int(at[k])] = x } }
        }
        var targets = [Int32](repeating: -1, count: applied.count)
        // Targets by id (joined in memory), resolved in the rows' storage order (the payments' own).
        var targetRowid = p.targetRowid
        if !p.targetKeys.bytes.isEmpty {
            KeyIndex(ids).find(p.targetKeys, in: ids) { k, i in
                targetRowid[k] = i >= 0 && rowid[Int(i)] > 0 ? Int(rowid[Int(i)]) : -1
            }
        }
        for (n, k) in applied.enumerated() {
            let r = targetRowid[k]
            if r >= 0 && r < position.count { targets[n] = position[r] }
        }
        let payCustomer: [Int32] = applied.map { p.cust[$0] }, payDay: [Int32] = applied.map { p.day[$0] }
        let payAmount: [Int64] = applied.map { p.amount[$0] }
        let payRestructuring: [Bool] = applied.map { p.restructuring[$0] }, payHeld: [Bool] = applied.map { p.held[$0] }
        ledger.setPayments(
            customer: payCustomer, day: payDay, amount: payAmount, target: targets, plan: plans,
            restructuring: payRestructuring, held: payHeld)
        return ledger
    }
}
