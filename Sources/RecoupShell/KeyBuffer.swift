import Foundation

/// Many short strings in one byte buffer, for searches that must stay instant on 100,000 customers
/// and a million invoices: a byte-level `memmem` over a few megabytes beats a `String` per entry
/// (completion is budgeted at 5 ms; see docs/BENCHMARKS.md).
///
/// Entry `i` is `bytes[offsets[i] ..< offsets[i+1] - 1]`; every entry ends with a 0 byte, so a
/// search for `0 + prefix` in the buffer finds prefix matches of the entries after the first.
struct KeyBuffer: Sendable {
    private(set) var bytes: [UInt8] = [0]
    private(set) var offsets: [Int32] = [1]
    /// How often each byte value occurs in `bytes`: a search looks for the pattern's rarest byte
    /// first (the lead byte of a Chinese character is in almost every name; its last byte is not).
    private(set) var frequency = [Int](repeating: 0, count: 256)

    init() {}

    init<S: Sequence>(_ items: S) where S.Element == String {
        for s in items { append(s) }
    }

    mutating func append(_ s: String) {
        for b in s.utf8 { frequency[Int(b)] += 1 }
        bytes.append(contentsOf: s.utf8)
        bytes.append(0)
        offsets.append(Int32(bytes.count))
    }

    var count: Int { offsets.count - 1 }

    subscript(i: Int) -> String {
        let start = Int(offsets[i]), end = Int(offsets[i + 1]) - 1
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The entry holding byte position `p`.
    func entry(at p: Int) -> Int {
        var lo = 0, hi = count  // first offset > p, minus one
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(offsets[mid + 1]) <= p { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The entries' positions sorted by their bytes (`sorted()`), for prefix searches.
    private(set) var byBytes: [Int32]?

    /// Sorts the entries' positions by bytes once the buffer is filled, so that a prefix that few
    /// entries start with is found by binary search, not by reading the whole buffer (`search`).
    mutating func sortForPrefixes() {
        var order = (0..<Int32(count)).map { $0 }
        bytes.withUnsafeBufferPointer { b in
            let base = b.baseAddress!
            order.sort { i, j in
                let si = Int(offsets[Int(i)]), ni = Int(offsets[Int(i) + 1]) - 1 - si
                let sj = Int(offsets[Int(j)]), nj = Int(offsets[Int(j) + 1]) - 1 - sj
                let c = memcmp(base + si, base + sj, min(ni, nj))
                return c != 0 ? c < 0 : ni < nj
            }
        }
        byBytes = order
    }

    /// Entries containing `needle` (as bytes), in entry order, at most `limit`; with `prefix`, only
    /// entries that start with it; with `whole` too, only entries that are it.
    func search(_ needle: [UInt8], prefix: Bool, whole: Bool = false, limit: Int) -> [Int] {
        guard !needle.isEmpty else { return Array(0..<min(count, limit)) }
        // A prefix few entries start with: all of them from the sorted positions, in entry order.
        // One many entries start with: the scan below, which stops at `limit` early on.
        if prefix, !whole, let order = byBytes {
            let range = sortedRange(needle, order)
            if range.count <= limit { return range.map { Int(order[$0]) }.sorted() }
        }
        // A prefix match is an occurrence right after an entry's 0 separator. The occurrences are
        // found by the needle's own first byte, not by the separator: searching for `0 + prefix`
        // stopped at all 100,000 separators on every keystroke (Tab p99 2.9 ms; see BENCHMARKS.md).
        let pattern = prefix && whole ? needle + [0] : needle
        let rarest = pattern.indices.min { frequency[Int(pattern[$0])] < frequency[Int(pattern[$1])] } ?? 0
        var found: [Int] = []
        bytes.withUnsafeBytes { hay in
            pattern.withUnsafeBytes { pat in
                var from = 1
                while found.count < limit, from < hay.count {
                    guard let p = Self.find(pat, in: hay, from: from, rarest: rarest) else { break }
                    if prefix && hay[p - 1] != 0 {
                        from = p + 1
                        continue
                    }
                    let e = entry(at: p)
                    if found.last != e { found.append(e) }
                    from = Int(offsets[e + 1])  // next entry
                }
            }
        }
        return found
    }

    /// Position of the first occurrence of `pattern` in `hay` at or after `from`: `memchr` finds the
    /// candidates for the pattern's byte at `rarest` (its least frequent in the buffer), then the
    /// rest is compared (glibc's `memmem` is not exported to Swift without `_GNU_SOURCE`).
    static func find(_ pattern: UnsafeRawBufferPointer, in hay: UnsafeRawBufferPointer, from: Int, rarest k: Int = 0)
        -> Int?
    {
        let n = pattern.count, byte = Int32(pattern[k])
        var at = from + k  // where the rare byte may first be
        while at + (n - k) <= hay.count {
            guard let hit = memchr(hay.baseAddress! + at, byte, hay.count - at - (n - k) + 1) else { return nil }
            let p = hay.baseAddress!.distance(to: UnsafeRawPointer(hit)) - k
            if memcmp(hay.baseAddress! + p, pattern.baseAddress!, n) == 0 { return p }
            at = p + k + 1
        }
        return nil
    }

    /// The range of `order` (positions sorted by bytes) whose entries start with `prefix`.
    private func sortedRange(_ prefix: [UInt8], _ order: [Int32]) -> Range<Int> {
        range(prefix, count: order.count) { Int(order[$0]) }
    }

    /// For entries sorted by bytes: the range of entries starting with `prefix` (binary search).
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> { range(prefix, count: count) { $0 } }

    /// Where the entries starting with `prefix` are among `count` entries in byte order, the k-th
    /// being entry `entry(k)`: both ends by binary search (a prefix all 100,000 ids share, `C` or
    /// `KH-`, was walked to its end one entry at a time: 1.5 ms of a Tab).
    private func range(_ prefix: [UInt8], count: Int, _ entry: (Int) -> Int) -> Range<Int> {
        bytes.withUnsafeBufferPointer { b in
            prefix.withUnsafeBufferPointer { p in
                let base = b.baseAddress!
                // -1, 0, 1: the k-th entry before, starting with, after `prefix`.
                func compare(_ k: Int) -> Int {
                    let e = entry(k), start = Int(offsets[e]), n = Int(offsets[e + 1]) - 1 - start
                    let c = p.isEmpty ? 0 : memcmp(base + start, p.baseAddress!, min(n, p.count))
                    if c != 0 { return c < 0 ? -1 : 1 }
                    return n < p.count ? -1 : 0
                }
                var lo = 0, hi = count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if compare(mid) < 0 { lo = mid + 1 } else { hi = mid }
                }
                var end = lo, top = count
                while end < top {
                    let mid = (end + top) / 2
                    if compare(mid) <= 0 { end = mid + 1 } else { top = mid }
                }
                return lo..<end
            }
        }
    }
}
