import Foundation
import RecoupCore
import RecoupShell
import RecoupSQLite
import RecoupStore

// In-process measurements for scripts/bench (see docs/BENCHMARKS.md): Tab completion latency over
// many typed prefixes, peak memory with the workspace open and the completion index and balances
// loaded, plan quotes per second, and the policy what-if's `whatif diff` in that open shell. Prints
// one JSON object on standard output.
//
//     recoup-bench WORKSPACE [--completions N] [--seed S]

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Peak resident set of this process in bytes (`ru_maxrss` is in KiB on Linux, bytes on macOS).
func peakRSS() -> Int {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss  // bytes on macOS
    #endif
}

/// Current resident set in bytes, from /proc/self/status (0 when unavailable).
func currentRSS() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return (Int(line.split(separator: " ")[1]) ?? 0) * 1024
    }
    return 0
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("recoup-bench: " + message + "\n").utf8))
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
var count = 2000
var seed: UInt64 = 42
var path: String?
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--completions": count = args.isEmpty ? 0 : Int(args.removeFirst()) ?? 0
    case "--seed": seed = args.isEmpty ? 0 : UInt64(args.removeFirst()) ?? 0
    default: path = a
    }
}
guard let path, count > 0 else { fail("usage: recoup-bench WORKSPACE [--completions N] [--seed S]") }
guard FileManager.default.fileExists(atPath: path) else { fail("no workspace '\(path)'") }

// Open the workspace and start the index the way the interactive shell does (Launcher.run).
let t0 = now()
let workspace: Workspace
do { workspace = try Workspace(path: path) } catch { fail(error.message) }
let session = Session(workspace: workspace, out: BufferOutput(), err: BufferOutput(), interactive: false)
let shell = Shell(session: session)
let tOpen = now()
session.index.warmUp(today: try? session.today())

// The customer keys: the first completion waits for them. The probe names the workspace's first
// customer (ids need not look like C000001), so that its balance shows once loaded.
let firstId = (try? workspace.customerKeys().first?.id) ?? nil
let probe = "customer show " + (firstId ?? "C000001")
_ = shell.complete(line: probe, cursor: probe.unicodeScalars.count)
let tIndex = now()
// Balances follow on the same thread; they show up in candidate descriptions as "open ...".
var balancesLoaded = false
let deadline = now() + 600 * 1_000_000_000
while now() < deadline {
    let r = shell.complete(line: probe, cursor: probe.unicodeScalars.count)
    if r.candidates.contains(where: { $0.description.contains("open") }) { balancesLoaded = true; break }
    usleep(20_000)
}
let tBalances = now()
let rssLoaded = currentRSS()
let peakLoaded = peakRSS()

// The typed words: what a collector types after `customer show`, `customer find`, `--customer`.
let keys = try workspace.customerKeys()
guard !keys.isEmpty else { fail("the workspace has no customers") }
var rng = SplitMix64(seed: seed)
let commands = ["customer show ", "customer find ", "invoice list --customer ", "contract list --customer "]

func scalarPrefix(_ s: String, _ n: Int) -> String { String(String.UnicodeScalarView(s.unicodeScalars.prefix(n))) }

/// A random word of `kind` taken from a real customer, so most lookups find something.
@MainActor func word(_ kind: String) -> String {
    let k = keys[rng.below(keys.count)]
    switch kind {
    case "id":  // C, C0 ... the full id
        return scalarPrefix(k.id, 1 + rng.below(k.id.unicodeScalars.count))
    case "name-zh":  // a part of a Chinese name: its start, or two to four characters from inside
        let isHan = k.name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
        guard isHan else { return word("name-zh") }
        let s = Array(k.name.unicodeScalars)
        let len = min(s.count, 1 + rng.below(4))
        let from = rng.below(2) == 0 ? 0 : rng.below(s.count - len + 1)
        return String(String.UnicodeScalarView(s[from..<from + len]))
    case "initials":  // pinyin initials prefix: sh, shx, shxc ...
        guard !k.initials.isEmpty else { return word("initials") }
        return scalarPrefix(k.initials, 1 + rng.below(k.initials.unicodeScalars.count))
    case "name-en":  // an English name word or its start, any case
        let isHan = k.name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
        guard !isHan else { return word("name-en") }
        let parts = k.name.split(separator: " ").map(String.init)
        let w = parts[rng.below(parts.count)]
        let p = scalarPrefix(w, 2 + rng.below(max(1, w.count - 1)))
        return rng.below(2) == 0 ? p : p.lowercased()
    default:  // no match at all: the slowest path, every buffer scanned to the end
        return ["zzzq", "不存在的公司", "xqxq", "Nonexistent Co"][rng.below(4)]
    }
}

let kinds = ["id", "name-zh", "initials", "name-en", "none"]
let weights = [30, 25, 20, 20, 5]  // percent
var lines: [(kind: String, line: String)] = []
for _ in 0..<count {
    var roll = rng.below(100), pick = 0
    while roll >= weights[pick] { roll -= weights[pick]; pick += 1 }
    let w = word(kinds[pick])
    let quoted = w.contains(" ") ? "'" + w : w  // an open quote, as typed
    lines.append((kinds[pick], commands[rng.below(commands.count)] + quoted))
}

// Warm the code paths once, then time every completion.
for l in lines.prefix(20) { _ = shell.complete(line: l.line, cursor: l.line.unicodeScalars.count) }
var samples: [(kind: String, ns: UInt64, found: Int)] = []
samples.reserveCapacity(lines.count)
for l in lines {
    let cursor = l.line.unicodeScalars.count
    let start = now()
    let r = shell.complete(line: l.line, cursor: cursor)
    let end = now()
    samples.append((l.kind, end - start, r.candidates.count))
}
let peakAfter = peakRSS()

func stats(_ ns: [UInt64]) -> [String: Double] {
    let s = ns.sorted()
    func pct(_ p: Double) -> Double {
        guard !s.isEmpty else { return 0 }
        let i = min(s.count - 1, Int((p / 100 * Double(s.count)).rounded(.up)) - 1)
        return Double(s[max(0, i)]) / 1e6
    }
    return [
        "n": Double(s.count), "p50_ms": pct(50), "p90_ms": pct(90), "p99_ms": pct(99),
        "max_ms": Double(s.last ?? 0) / 1e6,
        "mean_ms": s.isEmpty ? 0 : Double(s.reduce(0, +)) / Double(s.count) / 1e6,
    ]
}

var byKind: [String: Any] = [:]
for k in kinds {
    var st: [String: Any] = stats(samples.filter { $0.kind == k }.map(\.ns))
    st["with_candidates"] = samples.filter { $0.kind == k && $0.found > 0 }.count
    byKind[k] = st
}
let slowest = samples.indices.sorted { samples[$0].ns > samples[$1].ns }.prefix(5).map {
    ["line": lines[$0].line, "ms": Double(samples[$0].ns) / 1e6, "candidates": samples[$0].found] as [String: Any]
}
/// Plan quotes per second: full schedules with summary and annualized rate (an IRR search each).
func quotesPerSecond(term: Int, dayCount: DayCount) -> Double {
    var terms = PlanTerms(
        principal: Money(minorUnits: 4_800_000), annualRate: Rate.percent("6%")!, term: term, start: Day("2026-01-15")!)
    terms.dayCount = dayCount
    let rounds = term > 100 ? 2_000 : 20_000
    let start = now()
    for i in 0..<rounds {
        terms.principal = Money(minorUnits: 4_800_000 + Int64(i))
        guard (try? ScheduleEngine.quote(terms)) != nil else { fail("quote failed") }
    }
    return Double(rounds) / (Double(now() - start) / 1e9)
}
let quotes: [String: Double] = [
    "12_30/360": quotesPerSecond(term: 12, dayCount: .thirty360),
    "360_30/360": quotesPerSecond(term: 360, dayCount: .thirty360),
    "360_actual/actual": quotesPerSecond(term: 360, dayCount: .actualActual),
]

// The policy what-if in an open shell: the shell has the workspace open and the portfolio's ledger in
// memory (as the interactive shell has it once its start-up load is done, above); the time of
// `whatif diff` alone after `whatif begin` and `policy set deposit.C.saas 50%`, then of a second diff
// after one more policy change in the same scenario (the books' side is kept for the scenario's life).
@MainActor func timedLine(_ line: String) -> Double {
    let start = now()
    guard shell.execute(line, file: nil, line: nil) == .ok else {
        fail("'\(line)' failed: \((session.err as? BufferOutput)?.text.suffix(500) ?? "")")
    }
    return Double(now() - start) / 1e6
}
_ = try session.index.portfolioLedger()  // loaded with the balances above; loads here only if that failed
var policyWhatif: [String: Double] = [:]
policyWhatif["begin_ms"] = timedLine("whatif begin bench-policy")
policyWhatif["policy_set_ms"] = timedLine("policy set deposit.C.saas 50%")
policyWhatif["diff_ms"] = timedLine("whatif diff --as-of 2026-11-30 --format csv")
_ = timedLine("policy set deposit.C.saas 40%")
policyWhatif["diff_again_ms"] = timedLine("whatif diff --as-of 2026-11-30 --format csv")
policyWhatif["discard_ms"] = timedLine("whatif discard")

// A colleague's write while this shell has the workspace open and its ledger in memory: the first
// `customer show` and the first `aging` after it, each after a payment of its own from another
// connection (as another shell's would be), must read the books as they are now.
let colleague: Workspace
do { colleague = try Workspace(path: path) } catch { fail(error.message) }
@MainActor func colleaguePays() {
    do {
        try colleague.addPayment(
            Payment(id: "", customerId: keys[0].id, receivedOn: Day("2026-11-30")!, amount: Money(minorUnits: 1)),
            context: ChangeContext(operator: "colleague", command: "payment add"))
    } catch { fail(error.message) }
}
_ = timedLine("aging --as-of 2026-11-30 --by customer --format csv")  // the ledger is in memory
var fresh: [String: Double] = [:]
colleaguePays()
fresh["customer_show_ms"] = timedLine("customer show \(keys[0].id) --as-of 2026-11-30 --format csv")
colleaguePays()
fresh["aging_ms"] = timedLine("aging --as-of 2026-11-30 --by customer --format csv")
fresh["aging_again_ms"] = timedLine("aging --as-of 2026-11-30 --by customer --format csv")

let result: [String: Any] = [
    "workspace": path,
    "fresh": fresh,
    "policy_whatif": policyWhatif,
    "quotes_per_second": quotes,
    "customers": keys.count,
    "open_ms": Double(tOpen - t0) / 1e6,
    "index_ready_ms": Double(tIndex - t0) / 1e6,
    "balances_ready_ms": Double(tBalances - t0) / 1e6,
    "balances_loaded": balancesLoaded,
    "rss_loaded_bytes": rssLoaded,
    "peak_rss_loaded_bytes": peakLoaded,
    "peak_rss_bytes": peakAfter,
    "completion": stats(samples.map(\.ns)),
    "completion_by_kind": byKind,
    "slowest": slowest,
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
FileHandle.standardOutput.write(json)
FileHandle.standardOutput.write(Data("\n".utf8))
