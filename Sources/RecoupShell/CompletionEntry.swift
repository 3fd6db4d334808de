import Foundation
import RecoupStore
import ShellKit

/// The hidden `recoup [-w W] __complete --cursor-word N -- WORD...` entry of the bash, zsh and fish
/// scripts in `completions/`: the same completer as Tab in the shell, answering from the workspace
/// given with -w (or $RECOUP_WORKSPACE) when there is one.
public enum CompletionEntry {
    public static func run(workspace path: String?, arguments: [String], opener: WorkspaceOpener) -> Int32 {
        let request: CompleteRequest
        do { request = try CompleteRequest(parsing: arguments) } catch {
            FileOutput(fd: 2).write(Diagnostic(error).rendered + "\n")
            return 2
        }
        let provider: any CompletionProvider
        let wsPath = path ?? ProcessInfo.processInfo.environment["RECOUP_WORKSPACE"]
        if let wsPath, FileManager.default.fileExists(atPath: wsPath) || wsPath.hasPrefix("postgres"),
            let ws = try? opener(wsPath, false)
        {
            let session = Session(workspace: ws, out: BufferOutput(), err: BufferOutput(), interactive: false)
            provider = DomainCompletions(session: session, commandNames: Catalog.names)
        } else {
            provider = NoCompletions()
        }
        FileOutput(fd: 1).write(request.output(using: Completer(table: Catalog.table, provider: provider)))
        return 0
    }

    /// Files generated from the command table and checked in: the completion scripts and the
    /// command reference. A test fails when one on disk differs.
    public static func generatedFiles() -> [(path: String, text: String)] {
        [
            ("completions/recoup.bash", CompletionScripts.bash(Catalog.table, program: "recoup")),
            ("completions/_recoup", CompletionScripts.zsh(Catalog.table, program: "recoup")),
            ("completions/recoup.fish", CompletionScripts.fish(Catalog.table, program: "recoup")),
            ("docs/COMMANDS.md", Catalog.table.markdownReference(title: "Recoup command reference")),
            ("docs/OUTPUT.md", OutputReference.markdown(Catalog.outputReferences)),
        ]
    }
}
