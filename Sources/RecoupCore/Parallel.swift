import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Whole-portfolio passes split across the cores: one range of indexes per core, run at once.
///
/// For loops whose iterations read shared immutable data and write only their own slots (a
/// customer's score, an invoice's state). Measured need: `credit score --all` spent 0.2 s of its
/// 0.55 s scoring 100,000 customers one after the other (docs/BENCHMARKS.md).
public enum Parallel {
    /// The cores to split over: the machine's, at most 8, or `RECOUP_CORES` when set (1 keeps every
    /// pass on one core, for a machine shared with other work or to compare).
    public static let cores: Int = {
        if let set = getenv("RECOUP_CORES"), let n = Int(String(cString: set)), n >= 1 { return min(n, 64) }
        return max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    }()

    /// Runs `body` over `0..<count` cut into one range per core, at once; with fewer than `minimum`
    /// items (where starting threads costs more than it saves), over the whole range here.
    public static func ranges(_ count: Int, minimum: Int = 20_000, _ body: (Range<Int>) -> Void) {
        let parts = count >= minimum ? cores : 1
        guard parts > 1 else { return body(0..<count) }
        // The loop ends before this returns, so `body` does not outlive the call: what it captures
        // is the caller's to keep disjoint.
        withoutActuallyEscaping(body) { body in
            let work = Disjoint(body)
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                work.value((count * k / parts)..<(count * (k + 1) / parts))
            }
        }
    }
}

/// A value that concurrent loops write disjoint parts of (see `Parallel`).
public struct Disjoint<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}

/// A result made on another core while the caller goes on (reads the books, say); `value` waits
/// for it. Measured need: `credit score --all` allocated the payments (60 ms on a million invoices)
/// and then read the customers' bureau scores and limits (65 ms), one after the other.
public final class Aside<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result, once made (waits for it the first time).
    public var value: T {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
