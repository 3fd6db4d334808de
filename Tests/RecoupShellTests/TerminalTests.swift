import Foundation
import Testing

/// The interactive shell in a real pseudo-terminal: Tab, Ctrl-C, Ctrl-D and history.
@Suite(.serialized) struct TerminalTests {
    func shell(_ s: Sandbox, lang: String? = nil, pager: String = "cat", rows: Int = 24) throws -> PseudoTerminal {
        var env = ["TERM": "xterm", "HOME": s.dir, "XDG_STATE_HOME": s.dir + "/state", "PAGER": pager]
        if let lang { env["LANG"] = lang }
        let t = try PseudoTerminal(
            executable: PseudoTerminal.builtProduct("recoup"), arguments: ["-w", s.workspacePath], environment: env,
            columns: 150, rows: rows)
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

    /// Output taller than the 24-row screen goes through $PAGER; what fits does not; `set pager off`
    /// prints straight out, and is kept for the next shell.
    @Test func longOutputGoesThroughThePager() throws {
        let s = try Sandbox()
        let t = try shell(s, pager: "sed s/^/PAGED:/")
        t.write("help" + PseudoTerminal.Key.enter)
        let paged = try t.readUntil("recoup> ")
        #expect(paged.contains("PAGED:  customer show"))
        t.write("customer find 星辰" + PseudoTerminal.Key.enter)
        let short = try t.readUntil("recoup> ")
        #expect(short.contains("C001") && !short.contains("PAGED:"), "a short answer is not paged: \(short)")
        t.write("set pager off" + PseudoTerminal.Key.enter)
        _ = try t.readUntil("recoup> ")
        t.write("help" + PseudoTerminal.Key.enter)
        let straight = try t.readUntil("recoup> ")
        #expect(straight.contains("customer show") && !straight.contains("PAGED:"))
        try leave(t)
        let again = try shell(s, pager: "sed s/^/PAGED:/")
        again.write("help" + PseudoTerminal.Key.enter)
        #expect(!(try again.readUntil("recoup> ")).contains("PAGED:"))
        try leave(again)
    }

    /// On a 45-row screen the folded customer file fits without the pager, its first line in view.
    @Test func theCustomerFileFitsAScreen() throws {
        let s = try Sandbox()
        let t = try shell(s, pager: "sed s/^/PAGED:/", rows: 45)
        t.write("customer show C001" + PseudoTerminal.Key.enter)
        let file = try t.readUntil("recoup> ")
        #expect(file.contains("Customer: ID C001") && !file.contains("PAGED:"), "\(file)")
        #expect(file.split(separator: "\n").count <= 45)
        try leave(t)
    }

    /// `set language zh` typed at the prompt is the operator's choice: the next shell opens in Chinese.
    @Test func theLanguageChosenAtThePromptIsKept() throws {
        let s = try Sandbox()
        let t = try shell(s, lang: "C.UTF-8")
        t.write("set language zh" + PseudoTerminal.Key.enter)
        _ = try t.readUntil("recoup> ")
        t.write("custmer list" + PseudoTerminal.Key.enter)
        _ = try t.readUntil("未知命令")
        try leave(t)
        let again = try shell(s, lang: "C.UTF-8")
        again.write("help customer show" + PseudoTerminal.Key.enter)
        _ = try again.readUntil("用法")
        try leave(again)
    }

    /// `recoup --check` at a terminal with nothing to check is refused (exit 2), not a shell that runs.
    @Test func checkWithNothingToCheckIsRefused() throws {
        let s = try Sandbox()
        let t = try PseudoTerminal(
            executable: PseudoTerminal.builtProduct("recoup"), arguments: ["--check", "-w", s.workspacePath],
            environment: ["TERM": "xterm", "HOME": s.dir])
        _ = try t.readUntil("--check needs something to check")
        #expect(t.waitForExit() == 2)
    }
}
