import Foundation
import LineEditing
import RecoupCore
import RecoupStore
import ShellKit

/// What the `recoup` command line asked for (parsed by swift-argument-parser in `recoup`).
public struct LaunchOptions: Sendable {
    public var workspace: String?
    public var file: String?
    public var commands: [String] = []
    public var keepGoing = false
    public var echo = false
    /// Parse the script and report its grammar errors without running anything (`--check`).
    public var checkOnly = false
    /// Create the workspace when there is none at the path (`--create`).
    public var create = false
    /// A single command given as trailing words: `recoup -w ws.db customer show C001`.
    public var words: [String] = []
    /// Opens the workspace: the executable chooses the backend.
    public var opener: WorkspaceOpener
    public init(opener: @escaping WorkspaceOpener) { self.opener = opener }
}

/// Chooses how to run (terminal, script file, `-c`, piped input) and returns the exit status:
/// 0 when every command succeeded, 1 when one failed, 2 when the command line itself is wrong.
public enum Launcher {
    public static func run(_ options: LaunchOptions) -> Int32 {
        let (status, session) = start(options)
        // A scenario still open at the end stays saved (it is saved after every change), never
        // silently committed or lost.
        if let session, let s = session.scenario {
            session.err.write(
                session.tr(
                    "note: scenario '\(s.name)' was still open: kept with its \(s.steps.count) change(s); 'whatif begin \(s.name)' reopens it"
                )
                    + "\n")
        }
        return status
    }

    static func start(_ options: LaunchOptions) -> (Int32, Session?) {
        let err = FileOutput(fd: 2)
        let tr = Localization.catalogue(Localization.fromLocale()) ?? .english
        guard let path = options.workspace ?? ProcessInfo.processInfo.environment["RECOUP_WORKSPACE"], !path.isEmpty
        else {
            err.write(
                Diagnostic(
                    ShellError(
                        "no workspace given",
                        hint: "pass -w PATH or set RECOUP_WORKSPACE; recoup --create -w PATH makes a new one")
                ).translated(tr).rendered + "\n")
            return (2, nil)
        }
        let workspace: any WorkspaceStore
        do { workspace = try options.opener(path, options.create) } catch {
            // `workspace check` on a file too damaged to open is a finding of damage (exit 1), not a
            // usage error: the nightly job's check fails the same way whatever is broken.
            let only = (options.commands + [options.words.joined(separator: " ")]).filter { !$0.isEmpty }
            if case .cannotOpen(_, let reason) = error, only.count == 1,
                only[0].split(separator: " ") == ["workspace", "check"]
            {
                err.write(
                    Diagnostic(
                        ShellError(
                            "the workspace '\(path)' is damaged: it cannot be opened (\(reason))",
                            hint: "restore it from the last good backup")
                    ).translated(tr).rendered + "\n")
                return (1, nil)
            }
            err.write(
                Diagnostic(ShellError(error.message, hint: error.hint ?? "check the path given with -w"))
                    .translated(tr).rendered + "\n")
            return (2, nil)
        }
        let scripted = !options.commands.isEmpty || options.file != nil || !options.words.isEmpty
        let interactive = !scripted && Terminal.isInteractive
        let session = Session(
            workspace: workspace, out: FileOutput(fd: 1), err: err, interactive: interactive, opener: options.opener)
        session.showProgress = isatty(2) == 1 && options.file == nil && (interactive || isatty(0) == 1)
        let shell = Shell(session: session)

        if !options.words.isEmpty {
            let line = options.words.map(quoteWord).joined(separator: " ")
            if options.checkOnly {
                // `recoup --check payment add ...` parses the command and runs nothing.
                let r = shell.run(
                    [Shell.ScriptLine(text: line, line: 1)], file: "command", keepGoing: false, echo: false,
                    checkOnly: true)
                return (r.failures > 0 ? 1 : 0, session)
            }
            return (shell.execute(line, file: nil, line: nil) == .failed ? 1 : 0, session)
        }
        if options.checkOnly && !scripted && interactive {
            // Nothing to check, and a shell opened here would run what is typed: refuse instead.
            err.write(
                Diagnostic(
                    ShellError(
                        "--check needs something to check",
                        hint: "recoup --check -f FILE, recoup --check -c 'COMMAND', or a script on standard input")
                ).translated(session.tr).rendered + "\n")
            return (2, session)
        }
        var failures = 0
        if !options.commands.isEmpty {
            // The -c commands are a script too: parsed whole before the first runs.
            let lines = options.commands.enumerated().map { Shell.ScriptLine(text: $1, line: $0 + 1) }
            let r = shell.run(
                lines, file: "-c", keepGoing: options.keepGoing, echo: options.echo, checkOnly: options.checkOnly)
            failures += r.failures
            if r.quit || (failures > 0 && !options.keepGoing) { return (failures > 0 ? 1 : 0, session) }
        }
        if let file = options.file {
            failures +=
                shell.runFile(file, keepGoing: options.keepGoing, echo: options.echo, checkOnly: options.checkOnly)
                .failures
        }
        if scripted { return (failures > 0 ? 1 : 0, session) }
        if !interactive {
            let reader = PlainLineReader()
            var lines: [String] = []
            while case .line(let l) = reader.readLine(prompt: "") { lines.append(l) }
            return (
                shell.runScript(
                    lines, file: "<stdin>", keepGoing: options.keepGoing, echo: options.echo,
                    checkOnly: options.checkOnly
                ).failures > 0
                    ? 1 : 0, session
            )
        }
        // A person opening a team's workspace who is not one of its operators is told at once, not
        // at their first command.
        do { _ = try session.resolveOperator() } catch let e as ShellError {
            err.write(Diagnostic(e).translated(session.tr).rendered + "\n")
            return (1, session)
        } catch {}
        session.index.refreshesInBackground = true
        // Where the workspace announces colleagues' commits (PostgreSQL), the completion keys reload
        // in the background as soon as one lands, so Tab knows a colleague's new customer before the
        // next command; each command still checks booksVersion first.
        let index = session.index, books = session.workspace
        books.onColleagueCommit {
            // Off the client's event loop (reading the version there would wait on itself).
            DispatchQueue.global().async { index.invalidate(announcedAt: books.booksVersion()) }
        }
        Interrupt.install()
        session.shouldStop = { Interrupt.isRequested }
        session.index.warmUp(today: try? session.today())
        let reader = EditLineReader(
            programName: "recoup", history: HistoryFile(path: historyPath(for: path)),
            completer: { line, cursor in
                let r = shell.complete(line: line, cursor: cursor)
                return LineCompletion(
                    replaceStart: r.replaceStart, replaceEnd: r.replaceEnd, insertion: r.insertion,
                    listing: r.candidates.isEmpty ? nil : r.listing(width: Terminal.width))
            })
        session.out.write(session.tr("Recoup on \(path) · 'help' lists commands, Tab completes, Ctrl-D leaves") + "\n")
        shell.runInteractive(reader: reader)
        return (0, session)
    }

    /// `$XDG_STATE_HOME/recoup/NAME-HASH.history` (default `~/.local/state`), one file per workspace.
    static func historyPath(for workspace: String) -> String {
        let state = stateFolder()
        let absolute = URL(fileURLWithPath: workspace).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike Hasher
        for b in absolute.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let name = (absolute as NSString).lastPathComponent
        return state + "/recoup/" + name + "-" + String(hash & 0xffff_ffff, radix: 16) + ".history"
    }

    /// `$XDG_STATE_HOME` (default `~/.local/state`): the operator's own files (history, the journal
    /// checkpoint key) live in its `recoup/` folder, outside every workspace.
    static func stateFolder() -> String {
        let env = ProcessInfo.processInfo.environment
        return env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/state")
    }

    /// Quotes a word from argv so the shell's tokenizer reads it back as one word.
    static func quoteWord(_ w: String) -> String {
        if !w.isEmpty && w.unicodeScalars.allSatisfy({ !" \t'\"\\#$".unicodeScalars.contains($0) }) { return w }
        return "'" + w.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
