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

    /// A script is parsed whole first: a typo on its last line stops it before the payment on the
    /// line above is written; `--check` only parses; `--keep-going` runs what parses.
    @Test func aScriptWithATypoWritesNothing() throws {
        let s = try Sandbox()
        let script = s.dir + "/payments.recoup"
        try "set today 2024-06-30\npayment add C001 100 --on 2024-06-30 --id PRE-1\ninvoice lst --customer C001\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        func paid() throws -> Bool {
            try Self.recoup(["-w", s.workspacePath, "-c", "payment list --customer C001 --format csv"]).out.contains(
                "PRE-1,")
        }
        let r = try Self.recoup(["-w", s.workspacePath, "-f", script])
        #expect(r.status == 1)
        #expect(r.err.contains("payments.recoup:3:9: error: unknown command 'invoice lst'"))
        #expect(r.err.contains("payments.recoup: 1 of 3 commands do not parse; nothing was run"))
        #expect(try !paid())
        let c = try Self.recoup(["-w", s.workspacePath, "--check", "-f", script])
        #expect(c.status == 1 && c.err.contains("payments.recoup:3:9"))
        #expect(try !paid())
        let k = try Self.recoup(["-w", s.workspacePath, "--keep-going", "-f", script])
        #expect(k.status == 1)
        #expect(try paid())
        try "set today 2024-06-30\ncustomer show C001\n".write(toFile: script, atomically: true, encoding: .utf8)
        let ok = try Self.recoup(["-w", s.workspacePath, "--check", "-f", script])
        #expect(ok.status == 0 && ok.out == "\(script): 2 commands parse\n")
    }

    /// `--check` with a command as trailing words parses it and runs nothing; a bad one fails.
    @Test func checkingACommandGivenAsWordsRunsNothing() throws {
        let s = try Sandbox()
        let r = try Self.recoup(["-w", s.workspacePath, "--check", "payment", "add", "C001", "100", "--id", "W-1"])
        #expect(r.status == 0 && r.out == "command: 1 commands parse\n", "\(r.out) \(r.err)")
        let list = try Self.recoup(["-w", s.workspacePath, "-c", "payment list --customer C001 --format csv"])
        #expect(!list.out.contains("W-1,"))
        let bad = try Self.recoup(["-w", s.workspacePath, "--check", "payment", "ad", "C001", "100"])
        #expect(bad.status == 1 && bad.err.contains("unknown command 'payment ad'"))
    }

    /// The number on the caller display, any part of it, finds the customer; so do the digits of
    /// an id as a debtor reads them out (C003 is "3").
    @Test func customersFoundByPhoneAndIdDigits() throws {
        let s = try Sandbox()
        func find(_ text: String) throws -> [String] {
            let r = try Self.recoup(["-w", s.workspacePath, "-c", "customer find '\(text)' --format csv"])
            return r.out.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        }
        #expect(try find("13800000004") == ["C004"])
        #expect(try find("+86 138-0000-0004") == ["C004"])
        #expect(try find("0000005") == ["C005"])  // part of the number
        #expect(try find("5555 0003") == ["C003"])  // a landline with spaces, stored as +86 21 5555 0003
        #expect(try find("3").first == "C003")
        #expect(Set(try find("1380000000")) == ["C001", "C002", "C004", "C005"])
        #expect(try find("99999").isEmpty)
        let show = try Self.recoup(["-w", s.workspacePath, "-c", "customer show 13800000002 --format csv"])
        #expect(show.status == 0 && show.out.contains("id,C002"))
    }

    /// Amounts typed as collectors write them: grouped, with ¥ before or 元 after.
    @Test func typedAmountsWithSeparatorsAndCurrency() throws {
        let s = try Sandbox()
        let r = try Self.recoup([
            "-w", s.workspacePath, "-c", "set today 2024-06-30", "-c",
            "payment add C001 ¥5,000 --on 2024-06-30 --id TY-1",
            "-c", "payment add C001 1,250.50元 --on 2024-06-30 --id TY-2", "-c",
            "payment list --customer C001 --format csv",
        ])
        #expect(r.status == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n").filter { $0.hasPrefix("TY-") }
        #expect(rows.count == 2)
        #expect(rows.first { $0.hasPrefix("TY-1,") }?.contains(",5000.00,") == true)
        #expect(rows.first { $0.hasPrefix("TY-2,") }?.contains(",1250.50,") == true)
        let bad = try Self.recoup(["-w", s.workspacePath, "-c", "payment add C001 50,00 --on 2024-06-30"])
        #expect(bad.status == 1 && bad.err.contains("a thousands separator out of place"))
    }

    /// The nightly job of the README: back up, then check the copy; a file too damaged to open fails
    /// `workspace check` with exit 1 (damage found), while other commands on it stay usage errors (2).
    @Test func nightlyBackupAndCheck() throws {
        let s = try Sandbox()
        let copy = s.dir + "/nightly.db"
        let b = try Self.recoup(["-w", s.workspacePath, "-c", "workspace backup \(copy)"])
        #expect(b.status == 0 && b.out.hasPrefix("backed up into \(copy): ") && b.out.hasSuffix("the copy checked\n"))
        let c = try Self.recoup(["-w", copy, "workspace", "check"])
        #expect(c.status == 0 && c.out.hasPrefix("workspace holds: SQLite's integrity check"))
        let again = try Self.recoup(["-w", s.workspacePath, "-c", "workspace backup \(copy)"])
        #expect(again.status == 1 && again.err.contains("exists already"))
        // The header kept, every page after the first overwritten: SQLite cannot read the schema.
        var data = try Data(contentsOf: URL(fileURLWithPath: copy))
        data.replaceSubrange(4096..<data.count, with: [UInt8](repeating: 0x5A, count: data.count - 4096))
        try data.write(to: URL(fileURLWithPath: copy))
        let damaged = try Self.recoup(["-w", copy, "-c", "workspace check"])
        #expect(damaged.status == 1)
        #expect(damaged.err.contains("is damaged"), "\(damaged.err)")
        #expect(try Self.recoup(["-w", copy, "-c", "customer list"]).status == 2)
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
