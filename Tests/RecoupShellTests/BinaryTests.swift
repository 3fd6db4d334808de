import Foundation
import Testing

/// The built `recoup` binary as a nightly job or a person at a shell prompt runs it.
@Suite struct BinaryTests {
    struct Run { var out: String; var err: String; var status: Int32 }

    static func recoup(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: PseudoTerminal.builtProduct("recoup"))
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "RECOUP_WORKSPACE")
        env.merge(environment) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(
            out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self),
            status: p.terminationStatus)
    }

    @Test func scriptStopsAtFirstErrorWithLocationAndHint() throws {
        let s = try Sandbox()
        let script = s.dir + "/month-end.recoup"
        try "set today 2024-05-31\n\ncustomer show C001\ninvoice lst --customer C001\ncustomer list --format csv\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let r = try Self.recoup(["-w", s.workspacePath, "-f", script])
        #expect(r.status == 1)
        #expect(
            r.err.contains("month-end.recoup:4:9: error: unknown command 'invoice lst' (did you mean 'invoice list'?)"))
        #expect(!r.out.contains("C002,"))  // the list after the error did not run
        let k = try Self.recoup(["-w", s.workspacePath, "--keep-going", "-f", script])
        #expect(k.status == 1)
        #expect(k.out.contains("C002,北京东方远景文化传媒有限公司,"))
    }

    @Test func commandsFromArgumentsStdinAndDashC() throws {
        let s = try Sandbox()
        let words = try Self.recoup([
            "-w", s.workspacePath, "customer", "show", "Acme Trading Ltd", "--format", "csv", "--as-of", "2024-03-01",
        ])
        #expect(words.status == 0 && words.out.contains("open_balance,25000.00"))
        let piped = try Self.recoup(
            ["-w", s.workspacePath], stdin: "set today 2024-06-30\ncustomer find shxc --format csv\n")
        #expect(piped.status == 0)
        #expect(piped.out == "id,name\nC001,上海星辰科技有限公司\nC005,上海星辰物流有限公司\n")
        #expect(piped.err.isEmpty)
        let echo = try Self.recoup([
            "-w", s.workspacePath, "--echo", "-c", "set today 2024-06-30", "-c", "customer find acme --format csv",
        ])
        #expect(
            echo.out == "+ set today 2024-06-30\n+ customer find acme --format csv\nid,name\nC003,Acme Trading Ltd\n")
        let bad = try Self.recoup(["-w", s.workspacePath, "-c", "customer show C001 --format xml"])
        #expect(bad.status == 1 && bad.err.hasPrefix("-c:1:29: error: invalid value 'xml'"))
        let env = try Self.recoup(
            ["-c", "workspace info --format csv"], environment: ["RECOUP_WORKSPACE": s.workspacePath])
        #expect(env.status == 0 && env.out.contains("invoices,9"))
    }

    @Test func badCommandLineExitsTwo() throws {
        let s = try Sandbox(loaded: false)
        #expect(try Self.recoup(["-w", s.workspacePath, "--no-such-flag"]).status == 2)
        let none = try Self.recoup(["-c", "help"])
        #expect(none.status == 2 && none.err.contains("no workspace given"))
        #expect(try Self.recoup(["-w", "/no/such/folder/ws.db", "-c", "help"]).status == 2)
        let help = try Self.recoup(["--help"])
        #expect(help.status == 0 && help.out.contains("--keep-going"))
    }

    @Test func workspaceFileIsPrivate() throws {
        let s = try Sandbox(loaded: false)
        #expect(try Self.recoup(["-w", s.workspacePath, "-c", "workspace info"]).status == 2)  // no workspace there yet
        #expect(!FileManager.default.fileExists(atPath: s.workspacePath))
        #expect(try Self.recoup(["--create", "-w", s.workspacePath, "-c", "workspace info"]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: s.workspacePath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func hiddenCompleteEntryAnswersFromTheWorkspace() throws {
        let s = try Sandbox()
        let names = try Self.recoup([
            "-w", s.workspacePath, "__complete", "--cursor-word", "2", "--", "customer", "show", "bjdf",
        ])
        #expect(names.out.contains("北京东方远景文化传媒有限公司\tC002"))
        let commands = try Self.recoup(["__complete", "--cursor-word", "1", "--", "customer", "s"])
        #expect(
            commands.out.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" } == [
                "show"
            ])
    }

    /// An import that fails leaves the workspace exactly as it was, byte for byte in every export.
    @Test func failedImportLeavesWorkspaceUnchanged() throws {
        let s = try Sandbox()
        let before = try Self.recoup([
            "-w", s.workspacePath, "-c", "export invoices \(s.dir)/a.csv", "-c", "export payments \(s.dir)/b.csv",
        ])
        #expect(before.status == 0)
        let bad = s.dir + "/bad.csv"
        try "id,customer_id,received_on,amount\nP9,C001,2024-06-01,100.00\nP10,C001,2024-06-31,5.00\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let r = try Self.recoup(["-w", s.workspacePath, "-c", "import payments \(bad)"])
        #expect(r.status == 1 && r.err.contains("bad.csv:3:10: error: bad date '2024-06-31'"))
        #expect(
            try Self.recoup([
                "-w", s.workspacePath, "-c", "export invoices \(s.dir)/a2.csv", "-c", "export payments \(s.dir)/b2.csv",
            ]).status == 0)
        #expect(
            FileManager.default.contents(atPath: s.dir + "/a.csv")
                == FileManager.default.contents(atPath: s.dir + "/a2.csv"))
        #expect(
            FileManager.default.contents(atPath: s.dir + "/b.csv")
                == FileManager.default.contents(atPath: s.dir + "/b2.csv"))
    }
}
