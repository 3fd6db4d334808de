import RecoupCore
import RecoupStore

/// The fast path of an import: invoices and payments in canonical form, bound straight from the
/// file's bytes into the INSERT statement.
///
/// Written by hand for a measured need: the general path (a `String` and a typed value per field,
/// GRDB's `StatementArguments` per record) spent about 3.5 s of Swift on a million invoices, where
/// SQLite itself needs about 2 s (docs/BENCHMARKS.md). The fast path is deliberately conservative:
/// it accepts only records that are plainly valid (no surrounding blanks, ISO dates, known
/// references). Anything else returns false and the general path, which is the reference and
/// writes every diagnostic, looks at the record instead; so the two can never disagree on what is
/// accepted, only on how fast.
struct FastPath {
    /// For each canonical column, the position of its field in the file's records, or -1.
    let fieldOf: [Int]
    let types: [ColumnDef.FieldType]
    let required: [Bool]
    let kind: RecordKind
    private var lastCustomer: ArraySlice<UInt8> = []
    private var lastReference: ArraySlice<UInt8> = []
    private var lastReferenceOwner: ArraySlice<UInt8> = []
    /// The record's dates as `Day.ordinal`s (Int32.min: none), reused from record to record.
    private var days: [Int32]

    /// Nil when the fast path does not apply to this import (other kinds, or foreign date layouts).
    init?(kind: RecordKind, slots: [Int], options: ImportOptions) {
        guard kind == .invoices || kind == .payments, options.dateFormat == .iso, !options.match else { return nil }
        let columns = kind.columns
        var fieldOf = [Int](repeating: -1, count: columns.count)
        for (f, slot) in slots.enumerated() where slot >= 0 { fieldOf[slot] = f }
        self.fieldOf = fieldOf
        self.types = columns.map(\.type)
        self.required = columns.map(\.required)
        self.kind = kind
        self.days = [Int32](repeating: Int32.min, count: columns.count)
    }

    /// Validates and binds one record, then inserts it. False: nothing was inserted, and the record
    /// must go the general way (it has a problem, or something the fast path does not decide).
    mutating func insert(
        _ fields: [CSVReader.Field], statement: any PreparedStatement, refs: inout References, db: Database
    )
        throws -> Bool
    {
        for i in days.indices { days[i] = Int32.min }
        for slot in 0..<types.count {
            let index = Int32(slot + 1)
            let f = fieldOf[slot]
            let bytes = f >= 0 ? fields[f].bytes : []
            if bytes.isEmpty {
                if required[slot] { return false }
                if kind == .invoices && slot == 6 {
                    statement.bindInt(index, 0)
                } else {
                    statement.bindNull(index)
                }
                continue
            }
            let first = bytes[bytes.startIndex], last = bytes[bytes.endIndex - 1]
            if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || first >= 0x80 || last >= 0x80 {
                return false
            }
            switch types[slot] {
            case .text:
                if bytes.contains(where: { $0 >= 0x80 }) && String(validating: bytes, as: UTF8.self) == nil {
                    return false
                }
                bytes.withUnsafeBufferPointer { statement.bindText(index, $0) }
            case .day:
                guard let day = Day(isoUTF8: bytes) else { return false }
                days[slot] = day.ordinal
                bytes.withUnsafeBufferPointer { statement.bindText(index, $0) }
            case .positiveAmount, .amount:
                guard case .success(let m) = Money.parse(utf8: bytes),
                    m.isPositive || (types[slot] == .amount && m.isZero)
                else { return false }
                statement.bindInt(index, m.minorUnits)
            case .flag:
                guard let v = Self.flag(bytes) else { return false }
                statement.bindInt(index, v ? 1 : 0)
            case .count, .score, .fraction:
                return false
            }
        }
        guard try referencesHold(fields, refs: &refs, db: db), datesInOrder(days) else {
            statement.reset()
            return false
        }
        if refs.ids != nil {  // an engine whose constraint failures abort the transaction: ids checked here
            let id = String(decoding: fields[fieldOf[0]].bytes, as: UTF8.self)
            guard refs.ids!.insert(id).inserted else {
                statement.reset()
                return false
            }
        }
        // False: a duplicate id (a constraint refused the row): the general path reports it.
        return try statement.step()
    }

    /// Due and settlement dates not before the issue date (invoices).
    private func datesInOrder(_ days: [Int32]) -> Bool {
        guard kind == .invoices else { return true }
        return days[4] >= days[3] && (days[7] == Int32.min || days[7] >= days[3])
    }

    /// The customer exists; a named contract (invoices) or invoice (payments) exists and is theirs.
    /// The last customer and reference seen are remembered: exports list a customer's records together.
    private mutating func referencesHold(_ fields: [CSVReader.Field], refs: inout References, db: Database) throws
        -> Bool
    {
        let customer = fields[fieldOf[1]].bytes
        if customer != lastCustomer {
            guard refs.customers.contains(String(decoding: customer, as: UTF8.self)) else { return false }
            lastCustomer = customer
        }
        let r = kind == .invoices ? fieldOf[2] : fieldOf[4]
        guard r >= 0, !fields[r].bytes.isEmpty else { return true }
        let reference = fields[r].bytes
        if reference != lastReference {
            let id = String(decoding: reference, as: UTF8.self)
            let owner = kind == .invoices ? try refs.customer(ofContract: id, db) : try refs.customer(ofInvoice: id, db)
            guard let owner else { return false }
            lastReference = reference
            lastReferenceOwner = Array(owner.utf8)[...]
        }
        return lastReferenceOwner.elementsEqual(customer)
    }

    static func flag(_ b: ArraySlice<UInt8>) -> Bool? {
        switch String(decoding: b, as: UTF8.self).lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: return nil
        }
    }
}
