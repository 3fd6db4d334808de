import Foundation
import LineEditing
import RecoupCore
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
            let tokens = try Tokenizer.tokenize(text, variables: { [session] name in
                session.variables[name] ?? ProcessInfo.processInfo.environment[name]
            })
            if tokens.isEmpty { return .ok }
            let parsed = try Catalog.table.parse(tokens)
            let command = Catalog.handlers[parsed.spec.name]!
            let format: OutputFormat = parsed.value("--format").flatMap(OutputFormat.init(rawValue:)) ?? session.defaultFormat
            session.commandTouched = []
            session.recordedExtras = []
            let outcome = try command.run(Invocation(parsed: parsed, session: session, source: text))
            // Every command that changes the books drops the completion indexes and the cached ledger
            // here, once, so no handler has to remember to. A policy change moves no customer's books.
            let movesBooks = command.mutates(parsed) && parsed.spec.path.first != "policy"
            if movesBooks { session.index.invalidate() }
            if session.scenario != nil && command.mutates(parsed) {
                session.scenario!.commands.append((parsed.tokens.map(\.text) + session.recordedExtras).map(Launcher.quoteWord).joined(separator: " "))
                // A command that names no customer may move anyone's books.
                if movesBooks {
                    session.scenarioTouched = session.commandTouched.isEmpty ? nil : session.scenarioTouched?.union(session.commandTouched)
                }
            }
            switch outcome {
            case .quit: return .quit
            case .output(let output):
                let rendered = Renderer.render(output, as: format, width: session.interactive ? Terminal.width : nil)
                if !rendered.isEmpty { session.out.write(rendered.hasSuffix("\n") ? rendered : rendered + "\n") }
                return .ok
            }
        } catch let e as ShellError {
            report(Diagnostic(e, file: file, line: line), source: text)
        } catch let e as ProblemsFailure {
            for p in e.problems {
                session.err.write(Diagnostic(file: e.file, line: p.line, column: p.column, message: p.message, hint: p.hint).rendered + "\n")
            }
            report(Diagnostic(e.summary, file: file, line: line), source: text)
        } catch let e as StoreError {
            report(Diagnostic(ShellError(e.message), file: file, line: line), source: text)
        } catch {
            report(Diagnostic(ShellError("\(error)"), file: file, line: line), source: text)
        }
        return .failed
    }

    private func report(_ d: Diagnostic, source: String) {
        session.err.write(d.rendered + "\n")
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
    public func runScript(_ lines: [String], file: String?, keepGoing: Bool, echo: Bool) -> ScriptResult {
        var result = ScriptResult()
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
            if echo && !text.trimmingCharacters(in: .whitespaces).isEmpty { session.out.write("+ " + text + "\n") }
            switch execute(text, file: file, line: start) {
            case .ok: break
            case .quit: result.quit = true; return result
            case .failed:
                result.failures += 1
                if !keepGoing { return result }
            }
        }
        return result
    }

    /// Reads a script file and runs it (for `-f` and `source`).
    public func runFile(_ path: String, keepGoing: Bool, echo: Bool) -> ScriptResult {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: path)
            session.err.write(Diagnostic(ShellError("cannot read script '\(path)'", hint: exists ? "is it UTF-8 text?" : "no such file")).rendered + "\n")
            return ScriptResult(failures: 1, quit: false)
        }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return runScript(lines, file: path, keepGoing: keepGoing, echo: echo)
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
            throw ShellError("scripts nested too deeply at '\(path)'", hint: "does a script source itself?", column: inv.parsed.column(ofArgument: "file"))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ShellError("cannot read script '\(path)'", hint: "check the path", column: inv.parsed.column(ofArgument: "file"))
        }
        inv.session.sourceDepth += 1
        defer { inv.session.sourceDepth -= 1 }
        let result = Shell(session: inv.session).runFile(path, keepGoing: false, echo: false)
        if result.quit { return .quit }
        if result.failures > 0 {
            throw ShellError("script '\(path)' stopped at its first error", column: inv.parsed.column(ofArgument: "file"))
        }
        return .output(.empty)
    }
}
