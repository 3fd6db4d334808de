import Foundation
import RecoupStore
import ShellKit

/// The hidden `recoup [-w W] __complete --cursor-word N -- WORD...` entry of the bash, zsh and fish
/// scripts in `completions/`: the same completer as Tab in the shell, answering from the workspace
/// given with -w (or $RECOUP_WORKSPACE) when there is one.
public enum CompletionEntry {
    public static func run(workspace path: String?, arguments: [String]) -> Int32 {
        let request: CompleteRequest
        do { request = try CompleteRequest(parsing: arguments) } catch {
            FileOutput(fd: 2).write(Diagnostic(error).rendered + "\n")
            return 2
        }
        let provider: any CompletionProvider
        let wsPath = path ?? ProcessInfo.processInfo.environment["RECOUP_WORKSPACE"]
        if let wsPath, FileManager.default.fileExists(atPath: wsPath), let ws = try? Workspace(path: wsPath) {
            let session = Session(workspace: ws, out: BufferOutput(), err: BufferOutput(), interactive: false)
            provider = DomainCompletions(session: session, commandNames: Catalog.names)
        } else {
            provider = NoCompletions()
        }
        FileOutput(fd: 1).write(request.output(using: Completer(table: Catalog.table, provider: provider)))
        return 0
    }

    /// The completion scripts, generated from the command table (checked in under completions/).
    public static func scripts() -> [(file: String, text: String)] {
        [("recoup.bash", CompletionScripts.bash(Catalog.table, program: "recoup")),
         ("_recoup", CompletionScripts.zsh(Catalog.table, program: "recoup")),
         ("recoup.fish", CompletionScripts.fish(Catalog.table, program: "recoup"))]
    }
}
