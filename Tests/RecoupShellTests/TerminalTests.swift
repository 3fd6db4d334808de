import Foundation
import Testing

/// The interactive shell in a real pseudo-terminal: Tab, Ctrl-C, Ctrl-D and history.
@Suite(.serialized) struct TerminalTests {
    func shell(_ s: Sandbox, lang: String? = nil) throws -> PseudoTerminal {
        var env = ["TERM": "xterm", "HOME": s.dir, "XDG_STATE_HOME": s.dir + "/state"]
        if let lang { env["LANG"] = lang }
        let t = try PseudoTerminal(
            executable: PseudoTerminal.builtProduct("recoup"), arguments: ["-w", s.workspacePath], environment: env)
        _ = try t.readUntil("recoup> ")
        return t
    }

    /// Clears the line with Ctrl-C (the shell stays), then leaves with Ctrl-D: exit status 0.
    func leave(_ t: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) throws {
        t.write(PseudoTerminal.Key.ctrlC)
        _ = try t.readUntil("^C")
        _ = try t.readUntil("recoup> ")
        #expect(t.isRunning(), sourceLocation: sourceLocation)
        t.write(PseudoTerminal.Key.ctrlD)
        #expect(t.waitForExit() == 0, sourceLocation: sourceLocation)
    }

    @Test func tabCompletesAChineseNameFromItsStart() throws {
        let s = try Sandbox()
        let t = try shell(s)
        t.write("customer show 北京东")
        t.write(PseudoTerminal.Key.tab)
        _ = try t.readUntil("远景文化传媒有限公司")
        t.write(PseudoTerminal.Key.enter)
        let out = try t.readUntil("recoup> ")
        #expect(out.contains("C002"))  // the completed line ran: the customer's file shows its id
        t.write(PseudoTerminal.Key.ctrlD)
        #expect(t.waitForExit() == 0)
    }

    @Test func tabCompletesPinyinInitialsWithLangUnset() throws {
        let s = try Sandbox()
        let t = try shell(s)
        t.write("customer show bjdf")
        t.write(PseudoTerminal.Key.tab)
        _ = try t.readUntil("北京东方远景文化传媒有限公司")
        t.write(PseudoTerminal.Key.ctrlC)
        _ = try t.readUntil("^C")
        _ = try t.readUntil("recoup> ")
        #expect(t.isRunning())  // Ctrl-C cleared the line, the shell stayed
        t.write("quit" + PseudoTerminal.Key.enter)
        #expect(t.waitForExit() == 0)
    }

    @Test func secondTabListsCandidatesWithDescriptions() throws {
        let s = try Sandbox()
        let t = try shell(s)
        t.write("customer show shxc")
        t.write(PseudoTerminal.Key.tab)
        _ = try t.readUntil("上海星辰")  // the common part of both names is inserted
        t.write(PseudoTerminal.Key.tab)
        let listing = try t.readUntil("物流有限公司")
        #expect(listing.contains("科技有限公司"))
        try leave(t)
    }

    @Test func commandsAndOptionsComplete() throws {
        let s = try Sandbox()
        let t = try shell(s)
        t.write("he")
        t.write(PseudoTerminal.Key.tab)
        _ = try t.readUntil("lp")
        t.write(" custo")
        t.write(PseudoTerminal.Key.tab)
        _ = try t.readUntil("mer")
        t.write(PseudoTerminal.Key.ctrlC)
        _ = try t.readUntil("^C")
        _ = try t.readUntil("recoup> ")
        t.write("customer list --ove")
        t.write(PseudoTerminal.Key.tab)
        _ = try t.readUntil("rdue")
        try leave(t)
    }

    @Test func historyIsKeptPerWorkspaceAsPlainPrivateText() throws {
        let s = try Sandbox()
        let t = try shell(s, lang: "C.UTF-8")
        t.write("customer find 星辰 --format csv" + PseudoTerminal.Key.enter)
        _ = try t.readUntil("recoup> ")
        t.write(PseudoTerminal.Key.ctrlD)
        #expect(t.waitForExit() == 0)
        let dir = s.dir + "/state/recoup"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files.count == 1 && files[0].hasPrefix("ws.db-"))
        let text = try String(contentsOfFile: dir + "/" + files[0], encoding: .utf8)
        #expect(text == "customer find 星辰 --format csv\n")
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/" + files[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The next session recalls it with Up.
        let again = try shell(s)
        again.write(PseudoTerminal.Key.up)
        _ = try again.readUntil("customer find 星辰")
        try leave(again)
    }

    @Test func errorsShowACaretUnderTheWord() throws {
        let s = try Sandbox()
        let t = try shell(s)
        t.write("customer list --overdu" + PseudoTerminal.Key.enter)
        let out = try t.readUntil("recoup> ")
        #expect(out.contains("error: unknown option '--overdu' for 'customer list' (did you mean '--overdue'?)"))
        #expect(out.contains("^"))
        t.write(PseudoTerminal.Key.ctrlD)
        #expect(t.waitForExit() == 0)
    }

    /// Inside a scenario the prompt names it; leaving the shell saves the scenario.
    @Test func promptShowsTheOpenScenarioAndLeavingSavesIt() throws {
        let s = try Sandbox()
        let t = try shell(s)
        t.write("whatif begin relief" + PseudoTerminal.Key.enter)
        _ = try t.readUntil("recoup[whatif relief]> ")
        t.write("payment add C004 100 --on 2024-06-30" + PseudoTerminal.Key.enter)
        _ = try t.readUntil("recoup[whatif relief]> ")
        t.write(PseudoTerminal.Key.ctrlD)
        let bye = try t.readUntil("reopens it")
        #expect(bye.contains("scenario 'relief' was still open: kept with its 1 change(s)"))
        #expect(t.waitForExit() == 0)
    }
}
