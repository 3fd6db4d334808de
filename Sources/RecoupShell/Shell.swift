import Foundation
import LineEditing
import RecoupCore
import RecoupServices
import RecoupStore
import ShellKit

/// Runs command lines against a session: typed at a terminal, from a script, or given with `-c`.
///
/// Every line goes the same way: join continuations, tokenize (expanding `$VARS`), parse against
/// the command table, run the handler, render its output. Errors are rendered here and only here.
public final class Shell {
    public let session: Session

    public init(session: Session) { self.session = session }

    /// How a line ended.
    public enum LineResult: Equatable { case ok, failed, quit }

    /// Runs one logical line. `file` and `line` locate diagnostics (`FILE:LINE:COLUMN: error: ...`).
    public func execute(_ text: String, file: String?, line: Int?) -> LineResult {
        do {
            let tokens = try Tokenizer.tokenize(
                text,
                variables: variable)
            if tokens.isEmpty { return .ok }
            let parsed = try Catalog.table.parse(tokens)
            let command = Catalog.handlers[parsed.spec.name]!
            let format: OutputFormat =
                parsed.value("--format").flatMap(OutputFormat.init(rawValue:)) ?? session.defaultFormat
            refreshIfBooksMoved()
            session.index.setScope(session.scenarioScope)
            session.commandTouched = []
            let effect = command.effect(parsed)
            // Who may run it: once the workspace has operators, the OS account must be one, and its
            // role must cover what this use of the command does (`Authority`), before anything runs.
            if let who = try session.resolveOperator() {
                try Authority.check(parsed.spec.name, effect: effect, operator: who)
            }
            let invocation = Invocation(parsed: parsed, session: session, source: text)
            let outcome: Outcome
            if let open = session.scenario, effect != .controlsScenario && (!open.steps.isEmpty || effect != .reads) {
                guard effect != .outsideScenario else {
                    throw ShellError(
                        "'\(parsed.spec.name)' cannot be part of a what-if scenario: it writes outside the books' changes",
                        hint: "whatif commit or whatif close first, then run it")
                }
                // The books as they are now plus the scenario's changes, for this command only; the
                // write lock is held for this span and released before the next prompt.
                let (result, made) = try session.workspace.withScenario(open.steps, context: invocation.change) {
                    try command.run(invocation)
                }
                outcome = result
                if !made.isEmpty { try keep(made, line: text) }
            } else {
                outcome = try command.run(invocation)
            }
            // Every command that changes the books drops the completion indexes and the cached ledger
            // here, once, so no handler has to remember to. A policy change moves no customer's books.
            if effect == .changesBooks || effect == .outsideScenario { session.index.invalidate() }

            switch outcome {
            case .quit: return .quit
            case .output(let output):
                let shown = format == .table ? output.translated(session.tr) : output
                let rendered = Renderer.render(
                    shown, as: format, width: session.interactive ? Terminal.width : nil, none: session.tr("(none)"))
                if !rendered.isEmpty { show(rendered.hasSuffix("\n") ? rendered : rendered + "\n") }
                return .ok
            }
        } catch let e as ShellError {
            report(Diagnostic(e, file: file, line: line), source: text)
        } catch let e as ProblemsFailure {
            for p in e.problems {
                session.err.write(
                    Diagnostic(file: e.file, line: p.line, column: p.column, message: p.message, hint: p.hint)
                        .translated(session.tr).rendered + "\n")
            }
            report(Diagnostic(e.summary, file: file, line: line), source: text)
        } catch StoreError.approvalRequested(let request) {
            // Not a failure: the change waits for a second operator, and the maker is told how.
            let e = StoreError.approvalRequested(request)
            session.out.write(session.tr(e.message) + "\n" + (e.hint.map { session.tr($0) + "\n" } ?? ""))
            session.index.invalidate()
            return .ok
        } catch let e as StoreError {
            report(Diagnostic(ShellError(e.message, hint: e.hint), file: file, line: line), source: text)
        } catch let e as ServiceError {
            report(Diagnostic(ShellError(e.message, hint: e.hint), file: file, line: line), source: text)
        } catch {
            report(Diagnostic(ShellError("\(error)"), file: file, line: line), source: text)
        }
        return .failed
    }

    /// Before each command: when another shell has committed since this one's caches were built
    /// (SQLite's `data_version` moved), drop the cached ledger, the policy what-if's books side and
    /// the completion keys, so no command reports from books older than the last commit it can see.
    /// A microsecond read; the completion keys reload in the background in an interactive shell.
    func refreshIfBooksMoved() {
        let now = session.workspace.booksVersion()
        defer { session.booksVersion = now }
        guard let seen = session.booksVersion, seen != now else { return }
        if !session.index.isFresh(for: now) { session.index.invalidate() }
        session.scenarioBooks = nil
    }

    /// Adds the changes a command made inside the open scenario to it, and saves the scenario in the
    /// workspace (so a shell that dies keeps it). A change that names one customer narrows what
    /// `whatif diff` compares; one that may move anyone's books widens it to the whole portfolio.
    private func keep(_ made: [BookChange], line: String) throws {
        guard var open = session.scenario else { return }
        open.steps += made.map { ScenarioStep(line: line, change: $0) }
        session.scenario = open
        session.index.setScope(session.scenarioScope)
        for change in made where change.movesBooks {
            if let c = change.customer {
                session.scenarioTouched?.insert(c)
            } else if session.commandTouched.isEmpty {
                session.scenarioTouched = nil
            } else {
                session.scenarioTouched?.formUnion(session.commandTouched)
            }
        }
        do {
            try session.workspace.saveScenario(open.name, steps: open.steps, context: session.changeContext(line))
        } catch {
            throw ShellError(error.message, hint: error.hint)
        }
    }

    /// Writes a command's output: through the pager (`$PAGER`, else `less -FRX`) when a person at a
    /// terminal would otherwise see it scroll away (taller than the screen), straight out otherwise.
    /// The pager gets the text on its standard input and the terminal; quitting it early is fine.
    private func show(_ text: String) {
        guard session.pager, session.interactive, isatty(1) == 1,
            text.utf8.lazy.filter({ $0 == 0x0A }).count >= Terminal.height
        else {
            session.out.write(text)
            return
        }
        let env = ProcessInfo.processInfo.environment
        let command = env["PAGER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "less -FRX"
        // A pager quit before reading everything closes the pipe: the write then fails with EPIPE
        // instead of the signal ending the shell.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        guard let pipe = popen(command, "w") else {
            session.out.write(text)
            return
        }
        _ = text.withCString { fputs($0, pipe) }
        pclose(pipe)
    }

    private func report(_ d: Diagnostic, source: String) {
        session.err.write(d.translated(session.tr).rendered + "\n")
        if session.interactive && d.file == nil, let caret = d.caret(under: source) {
            session.err.write(caret + "\n")
        }
    }

    /// The outcome of a script: how many lines failed, and whether it asked to quit.
    public struct ScriptResult: Equatable {
        public var failures = 0
        public var quit = false
    }

    /// Runs lines as a script: stops at the first failing line unless `keepGoing`.
    ///
    /// A line ending in a backslash continues on the next (joined as POSIX shells join them: the
    /// backslash and the line break go); diagnostics carry the line the command started on. With `echo`, each command is printed (after `+ `) before it runs.
    /// One logical line of a script (continuations joined) and the line it starts on.
    public struct ScriptLine: Equatable, Sendable {
        public var text: String
        public var line: Int
    }

    /// The script's logical lines: a line ending in a backslash goes on on the next.
    static func logicalLines(_ lines: [String]) -> [ScriptLine] {
        var out: [ScriptLine] = []
        var pending = "", start = 0
        for (i, raw) in lines.enumerated() {
            if pending.isEmpty { start = i + 1 }
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            if Tokenizer.hasContinuation(line) {
                pending += Tokenizer.removingContinuation(line)
                if i < lines.count - 1 { continue }
            }
            let text = pending + (Tokenizer.hasContinuation(line) ? Tokenizer.removingContinuation(line) : line)
            pending = ""
            out.append(ScriptLine(text: text, line: start))
        }
        return out
    }

    public func runScript(_ lines: [String], file: String?, keepGoing: Bool, echo: Bool, checkOnly: Bool = false)
        -> ScriptResult
    {
        run(Self.logicalLines(lines), file: file, keepGoing: keepGoing, echo: echo, checkOnly: checkOnly)
    }

    /// Runs a script's lines. Without `keepGoing` the whole script is parsed first, and a grammar
    /// error on any line (an unknown command, a missing argument, a bad option value) stops it
    /// before its first line runs, so a typo on line 40 cannot leave lines 1-39 written and the rest
    /// not. With `keepGoing` each line is parsed as it comes and a bad one fails alone. `checkOnly`
    /// (`recoup --check`) parses and reports, and runs nothing.
    func run(_ lines: [ScriptLine], file: String?, keepGoing: Bool, echo: Bool, checkOnly: Bool) -> ScriptResult {
        var result = ScriptResult()
        if !keepGoing || checkOnly {
            let problems = lines.compactMap { grammarProblem($0.text, file: file, line: $0.line) }
            // A script that chooses its language (`set language zh`) hears about its mistakes in it,
            // although nothing of it has run yet.
            let chosen = lines.lazy.compactMap { l -> Catalogue? in
                let words = l.text.split(separator: " ", omittingEmptySubsequences: true)
                guard words.count == 3, words[0] == "set", words[1] == "language" else { return nil }
                return Localization.catalogue(String(words[2]))
            }.first
            let tr = chosen ?? session.tr
            for d in problems { session.err.write(d.translated(tr).rendered + "\n") }
            let commands = lines.filter {
                !$0.text.trimmingCharacters(in: .whitespaces).isEmpty && !$0.text.hasPrefix("#")
            }
            if !problems.isEmpty {
                guard commands.count > 1 else { return ScriptResult(failures: 1, quit: false) }
                session.err.write(
                    tr(
                        "\(file ?? "script"): \(problems.count) of \(commands.count) commands do not parse; nothing was run"
                    )
                        + "\n")
                return ScriptResult(failures: problems.count, quit: false)
            }
            if checkOnly {
                session.out.write(tr("\(file ?? "script"): \(commands.count) commands parse") + "\n")
                return result
            }
        }
        for l in lines {
            if echo && !l.text.trimmingCharacters(in: .whitespaces).isEmpty { session.out.write("+ " + l.text + "\n") }
            switch execute(l.text, file: file, line: l.line) {
            case .ok: break
            case .quit: result.quit = true; return result
            case .failed:
                result.failures += 1
                if !keepGoing { return result }
            }
        }
        return result
    }

    /// What `$NAME` expands to: the shell's variable, else the environment's (nil: neither).
    func variable(_ name: String) -> String? {
        session.variables[name] ?? ProcessInfo.processInfo.environment[name]
    }

    /// Parses one logical line without running it: its grammar error, or nil when it parses. A
    /// line naming a variable that is not set yet is left to run time (a line before it may set it).
    func grammarProblem(_ text: String, file: String?, line: Int?) -> Diagnostic? {
        var unset = false
        do {
            let tokens = try Tokenizer.tokenize(
                text,
                variables: { [self] name in
                    if let v = variable(name) { return v }
                    unset = true
                    return ""
                })
            if tokens.isEmpty || unset { return nil }
            _ = try Catalog.table.parse(tokens)
            return nil
        } catch let e as ShellError {
            return unset ? nil : Diagnostic(e, file: file, line: line)
        } catch {
            return unset ? nil : Diagnostic(ShellError("\(error)"), file: file, line: line)
        }
    }

    /// Reads a script file and runs it (for `-f` and `source`).
    public func runFile(_ path: String, keepGoing: Bool, echo: Bool, checkOnly: Bool = false) -> ScriptResult {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            let exists = FileManager.default.fileExists(atPath: path)
            session.err.write(
                Diagnostic(
                    ShellError("cannot read script '\(path)'", hint: exists ? "is it UTF-8 text?" : "no such file")
                ).translated(session.tr).rendered + "\n")
            return ScriptResult(failures: 1, quit: false)
        }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return runScript(lines, file: path, keepGoing: keepGoing, echo: echo, checkOnly: checkOnly)
    }

    /// The interactive loop: prompt, read, run, until `quit` or Ctrl-D. Ctrl-C clears the line.
    public func runInteractive(reader: LineReader) {
        while true {
            Interrupt.clear()
            switch reader.readLine(prompt: session.prompt) {
            case .end:
                session.out.write("\n")
                return
            case .interrupt:
                continue
            case .line(var text):
                while Tokenizer.hasContinuation(text) {
                    guard case .line(let more) = reader.readLine(prompt: "   ...> ") else { break }
                    text = Tokenizer.removingContinuation(text) + more
                }
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                reader.addHistory(text)
                if execute(text, file: nil, line: nil) == .quit { return }
            }
        }
    }

    /// The completion function the line editor calls on Tab.
    public func complete(line: String, cursor: Int) -> CompletionResult {
        Completer(table: Catalog.table, provider: DomainCompletions(session: session, commandNames: Catalog.names))
            .complete(line: line, cursor: cursor)
    }
}

extension Catalog {
    static func source(_ inv: Invocation) throws -> Outcome {
        let path = inv.argument("file")
        guard inv.session.sourceDepth < 16 else {
            throw ShellError(
                "scripts nested too deeply at '\(path)'", hint: "does a script source itself?",
                column: inv.parsed.column(ofArgument: "file"))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ShellError(
                "cannot read script '\(path)'", hint: "check the path", column: inv.parsed.column(ofArgument: "file"))
        }
        inv.session.sourceDepth += 1
        defer { inv.session.sourceDepth -= 1 }
        let result = Shell(session: inv.session).runFile(path, keepGoing: false, echo: false)
        if result.quit { return .quit }
        if result.failures > 0 {
            throw ShellError(
                "script '\(path)' stopped at its first error", column: inv.parsed.column(ofArgument: "file"))
        }
        return .output(.empty)
    }
}
