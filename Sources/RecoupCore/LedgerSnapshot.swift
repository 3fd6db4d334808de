import Foundation

/// A whole-portfolio `Ledger` as one compact binary file, so a process that reports on the whole
/// portfolio starts from it instead of reading a million rows out of the database (issue 13:
/// `aging` one-shot went from 0.70 s to the figure in docs/BENCHMARKS.md).
///
/// The file carries a key (what the books were when it was written: the store makes it from the
/// journal's head and the tables' last rows) and a checksum of everything after the header. `decode`
/// returns nil, never a wrong ledger, when the magic, the layout, the byte order, the key, the
/// checksum or any count does not hold: the caller then reads the books and writes a new file.
///
/// Layout: `RECOUPLS`, layout number (UInt32), byte-order mark (UInt32), key length and key (UTF-8),
/// payload length, payload checksum (UInt64 each), then the payload: each array as its byte count
/// (UInt64) and its elements' bytes as they are in memory, padded to 8 bytes; strings as their UTF-8
/// end offsets (Int32) and one block of bytes; the two sparse maps and the plans flattened. Native
/// byte order and widths: a file from another kind of machine fails the mark and is rebuilt.
public enum LedgerSnapshot {
    /// Bumped whenever `Ledger`'s fields or the loaders' meaning of them change: an older file is
    /// then rebuilt, not misread.
    public static let layout: UInt32 = 1
    static let magic = Array("RECOUPLS".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304

    // MARK: writing

    public static func encode(_ ledger: Ledger, key: String) -> [UInt8] {
        var payload = Writer()
        payload.strings(ledger.customerIds)
        payload.array(ledger.invoiceStart)
        payload.strings(ledger.invoiceIds)
        payload.array(ledger.invoiceIssued)
        payload.array(ledger.invoiceDue)
        payload.array(ledger.invoiceAmount)
        let holdKeys = ledger.invoiceHolds.keys.sorted()
        payload.array(holdKeys)
        payload.array(holdKeys.map { Int32(ledger.invoiceHolds[$0]!.count) })
        let holds = holdKeys.flatMap { ledger.invoiceHolds[$0]! }
        payload.array(holds.map(\.from))
        payload.array(holds.map(\.until))
        payload.array(holds.map(\.amount))
        payload.array(ledger.paymentCustomer)
        payload.array(ledger.paymentDay)
        payload.array(ledger.paymentAmount)
        payload.array(ledger.paymentTarget)
        payload.array(ledger.paymentHeld)
        let manualKeys = ledger.paymentManual.keys.sorted()
        payload.array(manualKeys)
        payload.array(manualKeys.map { Int32(ledger.paymentManual[$0]!.count) })
        let manual = manualKeys.flatMap { ledger.paymentManual[$0]! }
        payload.array(manual.map(\.invoice))
        payload.array(manual.map(\.amount))
        payload.array(ledger.paymentIsRestructuring)
        payload.array(ledger.invoiceContract)
        payload.strings(ledger.contractIds)
        payload.array(ledger.paymentPlan)
        payload.array(ledger.planObligations.map { Int32($0.count) })
        payload.array(ledger.planObligations.flatMap { $0 })
        payload.strings(ledger.paymentIds)

        var out = Writer()
        out.bytes.append(contentsOf: magic)
        out.scalar(layout)
        out.scalar(byteOrderMark)
        let keyBytes = Array(key.utf8)
        out.scalar(UInt64(keyBytes.count))
        out.bytes.append(contentsOf: keyBytes)
        out.pad()
        out.scalar(UInt64(payload.bytes.count))
        out.scalar(checksum(payload.bytes[...]))
        out.bytes.append(contentsOf: payload.bytes)
        return out.bytes
    }

    struct Writer {
        var bytes: [UInt8] = []
        mutating func scalar<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) } }
        mutating func pad() { while bytes.count % 8 != 0 { bytes.append(0) } }
        mutating func array<T>(_ a: [T]) {
            a.withUnsafeBytes { raw in
                scalar(UInt64(raw.count))
                bytes.append(contentsOf: raw)
            }
            pad()
        }
        mutating func strings(_ s: [String]) {
            var ends: [Int32] = []
            ends.reserveCapacity(s.count)
            var blob: [UInt8] = []
            for var t in s {
                t.withUTF8 { blob.append(contentsOf: $0) }
                ends.append(Int32(blob.count))
            }
            array(ends)
            array(blob)
        }
    }

    // MARK: reading

    /// The key a file was written with, or nil when it is not a snapshot of this layout and machine.
    public static func key(of bytes: UnsafeRawBufferPointer) -> String? {
        var r = Reader(bytes)
        return r.header()?.key
    }

    /// The ledger in `bytes` when they are a whole, unchanged snapshot written with `key`; else nil.
    public static func decode(_ bytes: UnsafeRawBufferPointer, key expected: String) -> Ledger? {
        var r = Reader(bytes)
        guard let header = r.header(), header.key == expected, r.remaining == header.payload,
            checksum(bytes[r.offset...]) == header.checksum
        else { return nil }
        var l = Ledger()
        guard let customers = r.strings(), let invoiceStart: [Int32] = r.array(), let invoiceIds = r.strings(),
            let issued: [Int32] = r.array(), let due: [Int32] = r.array(), let amount: [Int64] = r.array(),
            let holdKeys: [Int32] = r.array(), let holdCounts: [Int32] = r.array(),
            let holdFrom: [Int32] = r.array(), let holdUntil: [Int32] = r.array(), let holdAmount: [Int64] = r.array(),
            let pCustomer: [Int32] = r.array(), let pDay: [Int32] = r.array(), let pAmount: [Int64] = r.array(),
            let pTarget: [Int32] = r.array(), let pHeld: [Bool] = r.array(),
            let manualKeys: [Int32] = r.array(), let manualCounts: [Int32] = r.array(),
            let manualInvoice: [Int32] = r.array(), let manualAmount: [Int64] = r.array(),
            let pRestructuring: [Bool] = r.array(), let invoiceContract: [Int32] = r.array(),
            let contractIds = r.strings(), let pPlan: [Int32] = r.array(),
            let planCounts: [Int32] = r.array(), let planRows: [Int32] = r.array(), let paymentIds = r.strings(),
            r.remaining == 0
        else { return nil }
        // The counts must agree with one another, as the loaders make them.
        let invoices = amount.count, payments = pAmount.count
        guard invoiceStart.count == customers.count + 1, invoiceStart.first == 0,
            invoiceStart.last.map(Int.init) == invoices,
            issued.count == invoices, due.count == invoices, invoiceContract.count == invoices,
            invoiceIds.isEmpty || invoiceIds.count == invoices,
            [pCustomer.count, pDay.count, pTarget.count, pHeld.count, pRestructuring.count, pPlan.count].allSatisfy({
                $0 == payments
            }), paymentIds.isEmpty || paymentIds.count == payments,
            holdKeys.count == holdCounts.count, holdFrom.count == holdUntil.count, holdFrom.count == holdAmount.count,
            holdCounts.reduce(0, { $0 + Int($1) }) == holdFrom.count,
            manualKeys.count == manualCounts.count, manualInvoice.count == manualAmount.count,
            manualCounts.reduce(0, { $0 + Int($1) }) == manualInvoice.count,
            planCounts.reduce(0, { $0 + Int($1) }) == planRows.count,
            pTarget.allSatisfy({ $0 >= -1 && Int($0) < invoices }),
            pCustomer.allSatisfy({ $0 >= 0 && Int($0) < customers.count }),
            planRows.allSatisfy({ $0 >= 0 && Int($0) < invoices })
        else { return nil }
        l.customerIds = customers
        l.invoiceStart = invoiceStart
        l.invoiceIds = invoiceIds
        l.invoiceIssued = issued
        l.invoiceDue = due
        l.invoiceAmount = amount
        var k = 0
        for (key, count) in zip(holdKeys, holdCounts) {
            l.invoiceHolds[key] = (k..<k + Int(count)).map {
                Ledger.Hold(from: holdFrom[$0], until: holdUntil[$0], amount: holdAmount[$0])
            }
            k += Int(count)
        }
        l.paymentCustomer = pCustomer
        l.paymentDay = pDay
        l.paymentAmount = pAmount
        l.paymentTarget = pTarget
        l.paymentHeld = pHeld
        k = 0
        for (key, count) in zip(manualKeys, manualCounts) {
            l.paymentManual[key] = (k..<k + Int(count)).map { (invoice: manualInvoice[$0], amount: manualAmount[$0]) }
            k += Int(count)
        }
        l.paymentIsRestructuring = pRestructuring
        l.invoiceContract = invoiceContract
        l.contractIds = contractIds
        l.paymentPlan = pPlan
        k = 0
        l.planObligations = planCounts.map { count in
            defer { k += Int(count) }
            return Array(planRows[k..<k + Int(count)])
        }
        l.paymentIds = paymentIds
        return l
    }

    struct Reader {
        let base: UnsafeRawBufferPointer
        var offset = 0
        init(_ base: UnsafeRawBufferPointer) { self.base = base }
        var remaining: Int { base.count - offset }

        mutating func scalar<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard remaining >= MemoryLayout<T>.size else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return base.loadUnaligned(fromByteOffset: offset, as: T.self)
        }
        mutating func skipPad() { offset = min(base.count, (offset + 7) & ~7) }

        mutating func header() -> (key: String, payload: Int, checksum: UInt64)? {
            guard remaining >= 8, Array(base[0..<8]) == LedgerSnapshot.magic else { return nil }
            offset = 8
            guard scalar(UInt32.self) == LedgerSnapshot.layout, scalar(UInt32.self) == LedgerSnapshot.byteOrderMark,
                let n = scalar(UInt64.self), n < 4096, remaining >= Int(n)
            else { return nil }
            let key = String(decoding: base[offset..<offset + Int(n)], as: UTF8.self)
            offset += Int(n)
            skipPad()
            guard let payload = scalar(UInt64.self), let sum = scalar(UInt64.self) else { return nil }
            return (key, Int(payload), sum)
        }

        mutating func array<T>() -> [T]? {
            guard let n = scalar(UInt64.self).map(Int.init), n >= 0, n <= remaining,
                n % MemoryLayout<T>.stride == 0
            else { return nil }
            let count = n / MemoryLayout<T>.stride
            let a = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                if n > 0 {
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                        from: base.baseAddress! + offset, byteCount: n)
                }
                initialized = count
            }
            offset += n
            skipPad()
            return a
        }

        mutating func strings() -> [String]? {
            guard let ends: [Int32] = array(), let blob: [UInt8] = array() else { return nil }
            var start = 0
            var out: [String] = []
            out.reserveCapacity(ends.count)
            for end in ends {
                let e = Int(end)
                guard e >= start, e <= blob.count else { return nil }
                out.append(blob.withUnsafeBufferPointer { String(decoding: $0[start..<e], as: UTF8.self) })
                start = e
            }
            return start == blob.count ? out : nil
        }
    }

    // MARK: checksum

    /// A 64-bit checksum of `bytes`, four lanes of multiply-and-rotate over 8-byte words, then the tail.
    /// Written here rather than taken from swift-crypto: it guards a cache against torn writes and
    /// damaged pages, not against an adversary, and SHA-256 over a 60 MB snapshot would cost more
    /// than the rest of reading it (the snapshot exists to make reading cheap).
    public static func checksum(_ bytes: Slice<UnsafeRawBufferPointer>) -> UInt64 {
        checksum(UnsafeRawBufferPointer(rebasing: bytes))
    }

    public static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (p1, p2, p1 ^ p2, UInt64(raw.count))
        func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let x = h &+ w &* p2
            return ((x << 31) | (x >> 33)) &* p1
        }
        var i = 0
        let n = raw.count
        while i + 32 <= n {
            lanes.0 = mix(lanes.0, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = mix(lanes.1, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        while i < n {
            h = mix(h, UInt64(raw[i]))
            i += 1
        }
        return h ^ (h >> 29)
    }
}
