import Foundation
import Testing
@testable import RecoupShell
@testable import RecoupStore
import RecoupSQLite
import RecoupTestBackend

/// Several shells on one workspace, in one process (two `Session`s on the same file, as two
/// collectors' shells would be): fresh reads, a scenario that locks nobody out, per-shell dates.
@Suite struct SharedWorkspaceTests {
    final class Shell2 {
        let out = BufferOutput(), err = BufferOutput()
        let shell: Shell
        init(_ s: Sandbox, operator who: String) throws {
            shell = Shell(
                session: Session(
                    workspace: try TestBackend.open(s.workspacePath), out: out, err: err, interactive: false,
                    operatorName: who, clock: { .init("2024-06-30")! }))
        }
        /// Runs one line; what it printed on stdout (stderr when it failed).
        @discardableResult
        func run(_ line: String) -> String {
            let before = (out.text.count, err.text.count)
            let r = shell.execute(line, file: nil, line: nil)
            return r == .failed ? String(err.text.dropFirst(before.1)) : String(out.text.dropFirst(before.0))
        }
    }

    static func row(_ csv: String, _ id: String) -> String? {
        csv.split(separator: "\n").first { $0.hasPrefix(id + ",") }.map(String.init)
    }

    @Test func anOpenShellShowsAColleaguesPaymentAtOnce() throws {
        let s = try Sandbox()
        let a = try Shell2(s, operator: "zhang"), b = try Shell2(s, operator: "li")
        let list = "customer list --format csv"
        #expect(Self.row(a.run(list), "C004") == "C004,王芳,1499.99,1499.99,82,0.00,0.00,individual,A02")
        #expect(Self.row(a.run("aging --by customer --format csv"), "C004") != nil)  // the ledger is now cached in shell a
        b.run("payment add C004 499.99 --on 2024-06-30 --id COLLEAGUE-1")
        #expect(Self.row(a.run(list), "C004") == "C004,王芳,1000.00,1000.00,82,0.00,0.00,individual,A02")
        #expect(Self.row(a.run("aging --by customer --format csv"), "C004")?.hasSuffix(",1000.00") == true)
    }

    @Test func aScenarioLocksNobodyOutAndItsConflictingCommitWritesNothing() throws {
        let s = try Sandbox()
        let a = try Shell2(s, operator: "zhang"), b = try Shell2(s, operator: "li")
        b.run("deposit receive C004 800 --on 2024-06-01")
        a.run("whatif begin relief")
        a.run("deposit refund C004 800 --reason scenario --on 2024-06-20")
        a.run("payment add C002 100 --on 2024-06-30 --id SCEN-1")
        // Colleagues write while the scenario is open, and do not see it.
        #expect(b.run("payment add C004 1.50 --on 2024-06-30 --id COLL-1").isEmpty)
        #expect(!b.run("payment list --customer C002 --format csv").contains("SCEN-1"))
        #expect(b.run("deposit refund C004 800 --reason colleague --on 2024-06-21").isEmpty)
        // The scenario reads the books as they are now: its refund no longer applies, and it says so.
        #expect(
            a.run("payment list --customer C004 --format csv").contains(
                "error: change 1 of the scenario ('deposit refund C004 800 --reason scenario --on 2024-06-20') no longer applies: customer 'C004' holds 0.00"
            ))
        let journal = b.run("journal --limit 100 --format csv")
        let refused = a.run("whatif commit")
        #expect(
            refused.contains(
                "error: change 1 of the scenario ('deposit refund C004 800 --reason scenario --on 2024-06-20') no longer applies"
            ))
        #expect(refused.contains("nothing was written, the scenario stays open"))
        #expect(refused.contains("whatif drop 1"))
        #expect(b.run("journal --limit 100 --format csv") == journal)  // nothing was written
        #expect(a.shell.session.scenario?.steps.count == 2)  // still open
        #expect(a.run("whatif drop 1").contains("dropped change 1"))
        #expect(a.run("payment list --customer C004 --format csv").contains("COLL-1"))  // now it shows, with the colleague's payment
        #expect(a.run("whatif commit") == "scenario 'relief' written to the books (1 change)\n")
        #expect(b.run("payment list --customer C002 --format csv").contains("SCEN-1"))
        #expect(b.run("deposit show C004 --format csv").components(separatedBy: "colleague").count == 2)
    }

    @Test func aScenarioSavedByAnEarlierRecoupIsMigrated() throws {
        let s = try Sandbox()
        let ws = try TestBackend.open(s.workspacePath)
        try ws.restoreLegacyScenario(
            "old", commands: ["payment add C002 7601 --on 2024-06-30 --method alipay"], savedAt: "2026-11-01T00:00:00Z",
            savedBy: "wang")
        try ws.restoreLegacyScenario(
            "broken", commands: ["payment add C999 1 --on 2024-06-30"], savedAt: "2026-11-01T00:00:00Z", savedBy: "wang"
        )
        let a = try Shell2(s, operator: "zhang")
        #expect(a.run("whatif begin old") == "scenario 'old' reopened: 1 change (migrated from 1 saved command)\n")
        #expect(a.shell.session.scenario?.steps.map(\.change.kind) == ["payment.recorded"])
        #expect(try ws.savedScenario("old")?.legacyCommands == nil)  // saved as typed changes now
        #expect(Self.row(a.run("customer list --format csv"), "C002")?.hasPrefix("C002,北京东方远景文化传媒有限公司,0.00") == true)
        a.run("whatif discard")
        let failed = a.run("whatif begin broken")
        #expect(failed.contains("cannot be migrated: its command 1, 'payment add C999 1 --on 2024-06-30', fails"))
        #expect(try ws.savedScenario("broken")?.legacyCommands == ["payment add C999 1 --on 2024-06-30"])  // kept as it was
        #expect(a.shell.session.scenario == nil)
    }

    @Test func importsAndLettersStayOutOfScenarios() throws {
        let s = try Sandbox()
        let a = try Shell2(s, operator: "zhang")
        a.run("whatif begin x")
        let r = a.run("import payments \(Sandbox.fixtures)/payments.csv")
        #expect(r.contains("error: 'import' cannot be part of a what-if scenario"))
        #expect(r.contains("whatif commit or whatif close first"))
    }

    @Test func setTodayPinsOneShellAndPinDateTheWorkspace() throws {
        let s = try Sandbox()
        let a = try Shell2(s, operator: "zhang"), b = try Shell2(s, operator: "li")
        a.run("set today 2024-05-31")
        #expect(a.run("set today") == "2024-05-31\n")
        #expect(b.run("set today") == "2024-06-30\n")  // the colleague keeps the calendar's (the test clock)
        #expect(b.run("workspace pin-date 2026-11-30").isEmpty)
        #expect(b.run("set today") == "2026-11-30\n")
        #expect(a.run("set today") == "2024-05-31\n")  // a shell's own pin comes first
        #expect(b.shell.session.prompt == "recoup[2026-11-30]> ")
        #expect(b.run("workspace info --format csv").contains("today,2026-11-30 (pinned for the workspace)"))
        #expect(b.run("journal --limit 1 --format csv").contains("workspace pin-date 2026-11-30"))
        b.run("workspace pin-date off")
        #expect(b.run("set today") == "2024-06-30\n")
        #expect(b.run("workspace pin-date 2026-02-30").contains("error: bad date '2026-02-30'"))
    }
}
