import Foundation

/// A whole-portfolio `Ledger` as one compact binary file, so a process that reports on the whole
/// portfolio starts from it instead of reading a million rows out of the database (issue 13:
/// `aging` one-shot went from 0.70 s to the figure in docs/BENCHMARKS.md).
///
/// The file carries a key (what the books were when it was written: the store makes it from the
/// journal's head and the tables' last rows) and a checksum of every array after the header. `decode`
/// returns nil, never a wrong ledger, when the magic, the layout, the byte order, the key, the
/// checksum or any count does not hold: the caller then reads the books and writes a new file.
///
/// Layout: `RECOUPLS`, layout number (UInt32), byte-order mark (UInt32), key length and key (UTF-8),
/// payload length, checksum (UInt64 each: the arrays' own checksums folded in order), then the payload: each array as its byte count
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
        fill(&payload, ledger)
        var out = Writer()
        header(&out, key: key, payload: payload.written, sum: payload.sum)
        out.bytes.append(contentsOf: payload.bytes)
        return out.bytes
    }

    /// Writes the snapshot of `ledger` at `key` into a new file at `path`, array by array (no copy
    /// of the whole file in memory), the header last; false when the file cannot be written.
    public static func write(_ ledger: Ledger, key: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var placeholder = Writer()
        header(&placeholder, key: key, payload: 0, sum: 0)
        var payload = Writer(fd: fd, at: placeholder.bytes.count)
        fill(&payload, ledger)
        var head = Writer()
        header(&head, key: key, payload: payload.written, sum: payload.sum)
        guard !payload.failed, head.bytes.count == placeholder.bytes.count else { return false }
        return head.bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) == $0.count }
    }

    static func header(_ out: inout Writer, key: String, payload: Int, sum: UInt64) {
        out.bytes.append(contentsOf: magic)
        out.scalar(layout)
        out.scalar(byteOrderMark)
        let keyBytes = Array(key.utf8)
        out.scalar(UInt64(keyBytes.count))
        out.bytes.append(contentsOf: keyBytes)
        out.pad()
        out.scalar(UInt64(payload))
        out.scalar(sum)
    }

    static func fill(_ payload: inout Writer, _ ledger: Ledger) {
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
    }

    /// Appends to memory, or writes straight to a file descriptor (from offset `at`) when given one.
    struct Writer {
        var bytes: [UInt8] = []
        var sum: UInt64 = 0
        let fd: Int32?
        var offset: Int
        let start: Int
        var failed = false
        init() { fd = nil; offset = 0; start = 0 }
        init(fd: Int32, at: Int) { self.fd = fd; offset = at; start = at }
        /// Bytes of payload written so far.
        var written: Int { fd == nil ? bytes.count : offset - start }

        mutating func put(_ raw: UnsafeRawBufferPointer) {
            guard let fd else { bytes.append(contentsOf: raw); return }
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                if n <= 0 { failed = true; return }
                done += n
            }
            offset += raw.count
        }
        mutating func scalar<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v) { put($0) } }
        mutating func pad() {
            let zeros: UInt64 = 0
            let n = (8 - written % 8) % 8
            if n > 0 { withUnsafeBytes(of: zeros) { put(UnsafeRawBufferPointer(rebasing: $0[0..<n])) } }
        }
        mutating func array<T>(_ a: [T]) {
            a.withUnsafeBytes { raw in
                scalar(UInt64(raw.count))
                put(raw)
                sum = LedgerSnapshot.fold(sum, LedgerSnapshot.checksum(raw))
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
        var r = Reader(memory: bytes)
        return r.header()?.key
    }

    /// The ledger in `bytes` when they are a whole, unchanged snapshot written with `key`; else nil.
    public static func decode(_ bytes: UnsafeRawBufferPointer, key expected: String) -> Ledger? {
        var r = Reader(memory: bytes)
        return decode(&r, key: expected)
    }

    /// The ledger in the file at `path`, read straight into its arrays (no second copy of the file in
    /// memory: a mapped file's pages would count twice in the peak), when it is a whole, unchanged
    /// snapshot written with `key`; else nil.
    public static func decode(file path: String, key expected: String) -> Ledger? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var r = Reader(size: Int(info.st_size)) { pointer, count in
            var done = 0
            while done < count {
                let n = Foundation.read(fd, pointer + done, count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return decode(&r, key: expected)
    }

    static func decode(_ r: inout Reader, key expected: String) -> Ledger? {
        guard let header = r.header(), header.key == expected, r.remaining == header.payload else { return nil }
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
            r.remaining == 0, r.sum == header.checksum
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

    /// Reads a snapshot front to back from memory or a file, folding each array's checksum.
    struct Reader {
        let size: Int
        var offset = 0
        var sum: UInt64 = 0
        /// Copies the next `count` bytes into the pointer; false when they cannot be read.
        let source: (UnsafeMutableRawPointer, Int) -> Bool

        init(size: Int, source: @escaping (UnsafeMutableRawPointer, Int) -> Bool) {
            self.size = size
            self.source = source
        }

        init(memory base: UnsafeRawBufferPointer) {
            var at = 0
            self.init(size: base.count) { pointer, count in
                guard at + count <= base.count else { return false }
                if count > 0 { pointer.copyMemory(from: base.baseAddress! + at, byteCount: count) }
                at += count
                return true
            }
        }

        var remaining: Int { size - offset }

        mutating func take(_ pointer: UnsafeMutableRawPointer, _ count: Int) -> Bool {
            guard count <= remaining, source(pointer, count) else { return false }
            offset += count
            return true
        }

        mutating func scalar<T: FixedWidthInteger>(_: T.Type) -> T? {
            var v = T.zero
            return withUnsafeMutableBytes(of: &v) { take($0.baseAddress!, MemoryLayout<T>.size) } ? v : nil
        }

        mutating func skipPad() -> Bool {
            let pad = (8 - offset % 8) % 8
            var junk: UInt64 = 0
            return pad == 0 || withUnsafeMutableBytes(of: &junk) { take($0.baseAddress!, pad) }
        }

        mutating func header() -> (key: String, payload: Int, checksum: UInt64)? {
            var magic = [UInt8](repeating: 0, count: 8)
            guard magic.withUnsafeMutableBytes({ take($0.baseAddress!, 8) }), magic == LedgerSnapshot.magic,
                scalar(UInt32.self) == LedgerSnapshot.layout, scalar(UInt32.self) == LedgerSnapshot.byteOrderMark,
                let n = scalar(UInt64.self), n < 4096, remaining >= Int(n)
            else { return nil }
            var key = [UInt8](repeating: 0, count: Int(n))
            guard key.withUnsafeMutableBytes({ n == 0 || take($0.baseAddress!, Int(n)) }), skipPad(),
                let payload = scalar(UInt64.self), let sum = scalar(UInt64.self)
            else { return nil }
            return (String(decoding: key, as: UTF8.self), Int(payload), sum)
        }

        mutating func array<T>() -> [T]? {
            guard let n = scalar(UInt64.self).map(Int.init), n >= 0, n <= remaining,
                n % MemoryLayout<T>.stride == 0
            else { return nil }
            let count = n / MemoryLayout<T>.stride
            var ok = true
            let a = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                if n > 0 { ok = take(UnsafeMutableRawPointer(buffer.baseAddress!), n) }
                // Bytes that could not be read are zeros, not garbage; the array is dropped anyway.
                if !ok {
                    UnsafeMutableRawPointer(buffer.baseAddress!).initializeMemory(
                        as: UInt8.self, repeating: 0, count: n)
                }
                initialized = count
            }
            guard ok, skipPad() else { return nil }
            sum = LedgerSnapshot.fold(sum, a.withUnsafeBytes { LedgerSnapshot.checksum($0) })
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
    /// Folds an array's checksum into the running one (order matters).
    static func fold(_ running: UInt64, _ next: UInt64) -> UInt64 {
        let x = (running ^ next) &* 0x9E37_79B1_85EB_CA87
        return (x << 27) | (x >> 37)
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
