import Dispatch
import RecoupCore
import RecoupStore

/// The fast path of an import: invoices and payments in canonical form, read and checked on one
/// core (`FastCheck`, into `CheckedBatch`es) while the records before them are bound straight from
/// the file's bytes into the INSERT statement and inserted on the other (`FastInsert`).
///
/// Written by hand for a measured need: the general path (a `String` and a typed value per field,
/// GRDB's `StatementArguments` per record) spent about 3.5 s of Swift on a million invoices, where
/// SQLite itself needs about 2 s; and with the reading and checking done in line with the inserts
/// the import still took 1.7-2.0 x the sqlite3 shell's `.import` (docs/BENCHMARKS.md). The fast
/// path is deliberately conservative: it accepts only records that are plainly valid (no quotes, no
/// surrounding blanks, ISO dates, known references). Anything else goes to the general path, which
/// is the reference and writes every diagnostic, so the two can never disagree on what is
/// accepted, only on how fast.
struct FastCheck {
    /// For each canonical column, the position of its field in the file's records, or -1.
    let fieldOf: [Int]
    let types: [ColumnDef.FieldType]
    let required: [Bool]
    let kind: RecordKind
    let headerFields: Int
    /// The customers in the workspace when the import began. One created during the import (with
    /// `--create-customers`) is not in it: its later records take the general path, which finds it.
    let customers: Set<String>
    /// The owners of the contracts (invoices, for payments) the records may name, when all were read
    /// at the start: the reference is then checked here, on the reading core. Nil: the inserting
    /// core checks it, asking the workspace.
    let owners: [String: String]?
    private var lastCustomer: [UInt8] = []
    private var lastReference: [UInt8] = []
    private var lastReferenceOwner: [UInt8] = []
    /// The record's dates as `Day.ordinal`s (Int32.min: none), reused from record to record.
    private var days: [Int32]

    /// Nil when the fast path does not apply to this import (other kinds, or foreign date layouts).
    init?(
        kind: RecordKind, slots: [Int], headerFields: Int, customers: Set<String>, owners: [String: String]?,
        options: ImportOptions
    ) {
        guard kind == .invoices || kind == .payments, options.dateFormat == .iso, !options.match else { return nil }
        let columns = kind.columns
        var fieldOf = [Int](repeating: -1, count: columns.count)
        for (f, slot) in slots.enumerated() where slot >= 0 { fieldOf[slot] = f }
        self.fieldOf = fieldOf
        self.types = columns.map(\.type)
        self.required = columns.map(\.required)
        self.kind = kind
        self.headerFields = headerFields
        self.customers = customers
        self.owners = owners
        self.days = [Int32](repeating: Int32.min, count: columns.count)
    }

    var width: Int { types.count }

    /// Checks one record and writes its values into `batch` at `r`. False: the record must go the
    /// general way (it has a problem, or something the fast path does not decide).
    mutating func check(_ fields: [CSVReader.Field], into batch: CheckedBatch, at r: Int) -> Bool {
        guard fields.count == headerFields else { return false }
        for i in days.indices { days[i] = Int32.min }
        let base = r * width
        for slot in 0..<width {
            let f = fieldOf[slot]
            if f < 0 {
                if required[slot] { return false }
                batch.lo[base + slot] = CheckedBatch.none
                continue
            }
            let field = fields[f]
            let bytes = field.bytes
            if bytes.isEmpty {
                if required[slot] { return false }
                batch.lo[base + slot] = CheckedBatch.none
                continue
            }
            // A quoted field's bytes are a copy (quotes undone), not a range of the file: the general way.
            guard field.copy == nil else { return false }
            let first = bytes[bytes.startIndex], last = bytes[bytes.endIndex - 1]
            if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || first >= 0x80 || last >= 0x80 {
                return false
            }
            switch types[slot] {
            case .text:
                // NUL (the general path refuses it) or anything beyond ASCII (checked as UTF-8).
                if bytes.contains(where: { $0 >= 0x80 || $0 == 0 }) {
                    if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil { return false }
                }
                batch.lo[base + slot] = bytes.startIndex
                batch.hi[base + slot] = bytes.endIndex
            case .day:
                guard let day = Day(isoUTF8: bytes) else { return false }
                days[slot] = day.ordinal
                batch.lo[base + slot] = bytes.startIndex
                batch.hi[base + slot] = bytes.endIndex
            case .positiveAmount, .amount:
                guard case .success(let m) = Money.parse(utf8: bytes),
                    m.isPositive || (types[slot] == .amount && m.isZero)
                else { return false }
                batch.lo[base + slot] = CheckedBatch.integer
                batch.ints[base + slot] = m.minorUnits
            case .flag:
                guard let v = Self.flag(bytes) else { return false }
                batch.lo[base + slot] = CheckedBatch.integer
                batch.ints[base + slot] = v ? 1 : 0
            case .count, .score, .fraction:
                return false
            }
        }
        guard datesInOrder() else { return false }
        let customer = fields[fieldOf[1]].bytes
        if !customer.elementsEqual(lastCustomer) {  // exports list a customer's records together
            guard customers.contains(String(decoding: customer, as: UTF8.self)) else { return false }
            lastCustomer = Array(customer)
        }
        let referenceSlot = kind == .invoices ? 2 : 4
        if let owners, fieldOf[referenceSlot] >= 0, case let reference = fields[fieldOf[referenceSlot]].bytes,
            !reference.isEmpty
        {
            if !reference.elementsEqual(lastReference) {
                guard let owner = owners[String(decoding: reference, as: UTF8.self)] else { return false }
                lastReference = Array(reference)
                lastReferenceOwner = Array(owner.utf8)
            }
            guard customer.elementsEqual(lastReferenceOwner) else { return false }
        }
        return true
    }

    /// Due and settlement dates not before the issue date (invoices).
    private func datesInOrder() -> Bool {
        guard kind == .invoices else { return true }
        return days[4] >= days[3] && (days[7] == Int32.min || days[7] >= days[3])
    }

    static func flag(_ b: CSVReader.Bytes) -> Bool? {
        switch String(decoding: b, as: UTF8.self).lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: return nil
        }
    }
}

/// Records read and checked ahead of the inserts: where each starts (to read it again on the
/// general path) and, for those `FastCheck` passed, every column's value as a range of the file's
/// bytes or an integer. Reused batch after batch (no allocation per record).
final class CheckedBatch: @unchecked Sendable {
    /// `lo` of a column without a value (NULL), and of one whose value is in `ints`.
    static let none = -1
    static let integer = -2

    let capacity: Int
    let width: Int
    var count = 0
    var starts: [Int]
    var lines: [Int]
    var ok: [Bool]
    /// Per record and column (`r * width + column`): the value's bytes `lo..<hi` in the file, or
    /// `none`, or `integer` with the value in `ints`.
    var lo: [Int]
    var hi: [Int]
    var ints: [Int64]
    /// The reader's offset after the batch's last record, for progress.
    var end = 0
    /// The file's problem that ended the reading after this batch's records, if any.
    var problem: CSVReader.Problem?
    /// No batch follows this one.
    var last = false

    init(capacity: Int, width: Int) {
        self.capacity = capacity
        self.width = width
        starts = [Int](repeating: 0, count: capacity)
        lines = [Int](repeating: 0, count: capacity)
        ok = [Bool](repeating: false, count: capacity)
        lo = [Int](repeating: 0, count: capacity * width)
        hi = [Int](repeating: 0, count: capacity * width)
        ints = [Int64](repeating: 0, count: capacity * width)
    }

    /// Reads and checks up to `capacity` records from `reader`.
    func fill(from reader: inout CSVReader, _ check: inout FastCheck) {
        count = 0
        problem = nil
        last = false
        while count < capacity {
            let (start, line) = (reader.offset, reader.line)
            let record: CSVReader.Record
            do {
                guard let r = try reader.next() else { last = true; break }
                record = r
            } catch {
                problem = error
                last = true
                break
            }
            starts[count] = start
            lines[count] = line
            ok[count] = check.check(record.fields, into: self, at: count)
            count += 1
        }
        end = reader.offset
    }
}

/// The reading and checking of a file's records on another core, a few batches ahead of the
/// inserts: a ring of batches passed back and forth with two semaphores, so neither side waits
/// while the other has work for it. `next()` on the inserting side; `stop()` (also on its way out
/// after an error) makes the reader finish and waits for it, so nothing outlives the import.
final class CheckedRecords: @unchecked Sendable {
    private let ring: [CheckedBatch]
    private let ahead: Bool
    private let filled = DispatchSemaphore(value: 0)
    /// Semaphores made at 0 and signalled up: libdispatch stops the process when one is freed
    /// below the value it was made with, which `free` is once the reading ends early.
    private let free = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let lock = DispatchSemaphore(value: 0)
    /// Set by the inserting side to end the reading early; read by the reader under `lock`.
    private var stopping = false
    /// The reader's own (on the other core, only it touches them once started).
    private var reader: CSVReader
    private var check: FastCheck
    /// Batches handed out so far, and whether the last one has been.
    private var taken = 0
    private var ended = false

    /// Reads `reader`'s records from where it stands. `ahead`: on another core; else in line, a
    /// batch at a time, as `next()` asks.
    init(reader: CSVReader, check: FastCheck, width: Int, ahead: Bool, batch: Int = 4096) {
        self.ahead = ahead
        let depth = ahead ? 4 : 1
        ring = (0..<depth).map { _ in CheckedBatch(capacity: batch, width: width) }
        for _ in 0..<depth { free.signal() }
        lock.signal()
        self.reader = reader
        self.check = check
        guard ahead else { return }
        DispatchQueue.global().async { [self] in readAhead() }
    }

    private func readAhead() {
        var i = 0
        while true {
            free.wait()
            lock.wait()
            let stop = stopping
            lock.signal()
            let b = ring[i % ring.count]
            if stop {
                b.count = 0
                b.last = true
            } else {
                b.fill(from: &reader, &check)
            }
            filled.signal()
            i += 1
            if b.last { break }
        }
        finished.signal()
    }

    /// The next batch, nil after the last. Valid until the next call.
    func next() -> CheckedBatch? {
        if ended { return nil }
        guard ahead else {
            ring[0].fill(from: &reader, &check)
            ended = ring[0].last
            return ring[0]
        }
        if taken > 0 { free.signal() }  // the batch handed out before is done with
        filled.wait()
        let b = ring[taken % ring.count]
        taken += 1
        if b.last {
            ended = true
            finished.wait()
        }
        return b
    }

    /// Ends the reading early (the inserting side failed) and waits for the reader to finish.
    func stop() {
        guard ahead, !ended else { return }
        lock.wait()
        stopping = true
        lock.signal()
        if taken > 0 { free.signal() }
        while true {
            filled.wait()
            let b = ring[taken % ring.count]
            taken += 1
            if b.last { break }
            free.signal()
        }
        ended = true
        finished.wait()
    }
}

/// The inserting side of the fast path: after the checks that need the workspace (a named
/// contract or invoice is the customer's; on PostgreSQL, the id not taken), binds a checked
/// record's values and inserts it, 16 records a statement: one statement's work (its program
/// started, its cursors opened, the connection's mutex taken) shared by 16 rows. When a
/// constraint refuses the 16 (a duplicate id), none of them is in and they go in one by one, so
/// that the one refused is found and reported as the general path reports it.
struct FastInsert {
    static let rows = 16
    let kind: RecordKind
    let width: Int
    let one: any PreparedStatement
    /// Nil on PostgreSQL, whose engine sends the one-row INSERT's rows by COPY (a 16-row
    /// statement would be a round trip of its own each).
    let many: (any PreparedStatement)?
    /// Rows of the current batch bound into `many` and not yet inserted.
    private var pending: [Int] = []
    private var lastReference: [UInt8] = []
    private var lastReferenceOwner: [UInt8] = []

    /// The references were checked on the reading core (`FastCheck.owners`).
    let referencesChecked: Bool

    init(
        kind: RecordKind, width: Int, one: any PreparedStatement, many: (any PreparedStatement)?,
        referencesChecked: Bool
    ) {
        self.referencesChecked = referencesChecked
        self.kind = kind
        self.width = width
        self.one = one
        self.many = many
        pending.reserveCapacity(Self.rows)
    }

    /// The INSERT of `rows` records into `table`'s `columns`.
    static func sql(_ table: String, _ columns: [String], rows: Int) -> String {
        let row = "(" + columns.map { _ in "?" }.joined(separator: ",") + ")"
        return "INSERT INTO \(table)(\(columns.joined(separator: ","))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ",")
    }

    /// The checks of a checked record that need the workspace. False: it must go the general way.
    mutating func accepts(
        _ b: CheckedBatch, at r: Int, file: UnsafeBufferPointer<UInt8>, refs: inout References, db: Database
    ) throws -> Bool {
        let base = r * width
        func bytes(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: file[b.lo[base + slot]..<b.hi[base + slot]])
        }
        let referenceSlot = kind == .invoices ? 2 : 4
        if !referencesChecked, b.lo[base + referenceSlot] >= 0 {
            let reference = bytes(referenceSlot)
            if !reference.elementsEqual(lastReference) {
                let id = String(decoding: reference, as: UTF8.self)
                let owner =
                    kind == .invoices ? try refs.customer(ofContract: id, db) : try refs.customer(ofInvoice: id, db)
                guard let owner else { return false }
                lastReference = Array(reference)
                lastReferenceOwner = Array(owner.utf8)
            }
            guard bytes(1).elementsEqual(lastReferenceOwner) else { return false }
        }
        if refs.ids != nil {  // an engine whose constraint failures abort the transaction: ids checked here
            guard refs.ids!.insert(String(decoding: bytes(0), as: UTF8.self)).inserted else { return false }
        }
        return true
    }

    /// Binds record `r`'s values as the `k`th row of `statement`.
    private func bind(
        _ b: CheckedBatch, at r: Int, file: UnsafeBufferPointer<UInt8>, into statement: any PreparedStatement,
        row k: Int
    ) {
        let base = r * width
        for slot in 0..<width {
            let index = Int32(k * width + slot + 1)
            switch b.lo[base + slot] {
            case CheckedBatch.none:
                if kind == .invoices && slot == 6 { statement.bindInt(index, 0) } else { statement.bindNull(index) }
            case CheckedBatch.integer: statement.bindInt(index, b.ints[base + slot])
            default:
                statement.bindText(index, UnsafeBufferPointer(rebasing: file[b.lo[base + slot]..<b.hi[base + slot]]))
            }
        }
    }

    /// Queues an accepted record, inserting the queue once it holds 16. Returns the records a
    /// constraint refused (for the general path, in order).
    mutating func queue(_ b: CheckedBatch, at r: Int, file: UnsafeBufferPointer<UInt8>) throws -> [Int] {
        guard let many else {
            bind(b, at: r, file: file, into: one, row: 0)
            return try one.step() ? [] : [r]
        }
        bind(b, at: r, file: file, into: many, row: pending.count)
        pending.append(r)
        guard pending.count == Self.rows else { return [] }
        if try many.step() {
            pending.removeAll(keepingCapacity: true)
            return []
        }
        return try flush(b, file: file)
    }

    /// Inserts the queued records one by one (before a record that goes the general way, and at the
    /// end of a batch). Returns those a constraint refused.
    mutating func flush(_ b: CheckedBatch, file: UnsafeBufferPointer<UInt8>) throws -> [Int] {
        var refused: [Int] = []
        for r in pending {
            bind(b, at: r, file: file, into: one, row: 0)
            if try !one.step() { refused.append(r) }
        }
        pending.removeAll(keepingCapacity: true)
        return refused
    }
}
