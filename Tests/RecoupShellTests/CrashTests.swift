import Foundation
import Testing

/// kill -9 in the middle of a write: the workspace opens afterwards and holds all of the command or
/// none of it. The binary pauses just before committing when `RECOUP_FAULT_PAUSE_BEFORE_COMMIT`
/// names a marker file (`Workspace.pauseBeforeCommitForCrashTests`); the test kills it there.
@Suite struct CrashTests {
    /// What the books hold, as the shell exports and lists them.
    static func state(_ s: Sandbox) throws -> String {
        let r = try BinaryTests.recoup(
            [
                "-w", s.workspacePath, "-c", "set today 2024-08-31",
                "-c", "customer list --format csv",
            ] + (1...5).flatMap { ["-c", "payment list --customer C00\($0) --format csv"] } + [
                "-c", "plan list --format csv", "-c", "latefee show --all --format csv",
                "-c", "journal --limit 1000 --format csv", "-c", "whatif list --format csv",
            ])
        #expect(r.status == 0, "the workspace must open after the crash: \(r.err)")
        // The journal's time stamps differ from run to run; what was written is the rest.
        return r.out.split(separator: "\n").map { line in
            line.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT[\d:]+Z"#, with: "T", options: .regularExpression)
        }
        .joined(separator: "\n")
    }

    /// Runs `commands`, killing the process with SIGKILL once its write is made and not yet committed.
    static func killMidCommit(_ s: Sandbox, _ commands: [String]) throws {
        let marker = s.dir + "/paused-\(UUID().uuidString)"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PseudoTerminal.builtProduct("recoup"))
        p.arguments = ["-w", s.workspacePath] + commands.flatMap { ["-c", $0] }
        var env = ProcessInfo.processInfo.environment
        env["RECOUP_FAULT_PAUSE_BEFORE_COMMIT"] = marker
        p.environment = env
        p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline && p.isRunning { usleep(10_000) }
        #expect(FileManager.default.fileExists(atPath: marker), "the write never reached its commit: \(commands)")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
    }

    static let cases: [(name: String, setup: [String], commands: [String])] = [
        ("plan create", [], ["set today 2024-06-30", "plan create C001 --term 3 --rate 6%"]),
        ("latefee post", [], ["latefee post --as-of 2024-08-31"]),
        ("import", [], ["import payments $FIXTURES/more-payments.csv"]),
        (
            "whatif commit",
            [
                "set today 2024-06-30", "whatif begin relief", "plan create C001 --term 3 --rate 6%",
                "payment add C002 7601 --on 2024-06-30", "whatif close",
            ],
            ["whatif begin relief", "whatif commit"]
        ),
    ]

    @Test(arguments: cases.indices)
    func killedMidCommitLeavesAllOrNothing(_ k: Int) throws {
        let c = Self.cases[k]
        let s = try Sandbox()
        let more = s.dir + "/more-payments.csv"
        try
            "id,customer_id,received_on,amount\nX1,C001,2024-06-01,100.00\nX2,C002,2024-06-02,200.00\nX3,C004,2024-06-03,50.00\n"
            .write(toFile: more, atomically: true, encoding: .utf8)
        let commands = c.commands.map { $0.replacingOccurrences(of: "$FIXTURES/more-payments.csv", with: more) }
        if !c.setup.isEmpty {
            #expect(try BinaryTests.recoup(["-w", s.workspacePath] + c.setup.flatMap { ["-c", $0] }).status == 0)
        }
        let before = try Self.state(s)
        try Self.killMidCommit(s, commands)
        #expect(try Self.state(s) == before, "\(c.name): a killed write left part of itself")
        // Run whole, the same command does change the books (so the comparison above could fail).
        let whole = try BinaryTests.recoup(["-w", s.workspacePath] + commands.flatMap { ["-c", $0] })
        #expect(whole.status == 0, "\(c.name): \(whole.err)")
        #expect(try Self.state(s) != before)
    }
}
