import ArgumentParser
import Foundation
import RecoupPostgres
import RecoupSQLite
import RecoupShell
import RecoupStore

/// The `recoup` command line. Everything else lives in RecoupShell.
struct Recoup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recoup",
        abstract: "A line-editing shell for accounts-receivable collections.",
        discussion: """
            With no command, opens the interactive shell on a terminal (or reads commands from standard
            input when it is not one). Exit status: 0 success, 1 a command failed, 2 a bad command line.
            """)

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The workspace: a file, or postgres://USER@HOST[:PORT]/DATABASE; default $RECOUP_WORKSPACE.",
            valueName: "path"))
    var workspace: String?

    @Flag(help: "Create the workspace when there is none at the path (otherwise a missing file is an error).")
    var create = false

    @Option(
        name: [.customShort("f"), .long],
        help: ArgumentHelp("Run the commands of a script file, then exit.", valueName: "path"))
    var file: String?

    @Option(
        name: [.customShort("c"), .customLong("command")],
        help: ArgumentHelp("Run a command, then exit (repeatable).", valueName: "command"))
    var commands: [String] = []

    @Flag(help: "In scripts, run on after a failing command; exit 1 at the end if any failed.")
    var keepGoing = false

    @Flag(help: "Print each command before running it.")
    var echo = false

    @Flag(help: "Parse the script (-f, -c or standard input) and report its grammar errors; run nothing.")
    var check = false

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("A single shell command, e.g. customer show C000001.", valueName: "command"))
    var words: [String] = []

    /// The one place that chooses a backend: PostgreSQL for a `postgres://` address, else a SQLite
    /// file, the embedded default.
    static let opener: WorkspaceOpener = { path, create throws(StoreError) in
        PostgresAddress.isAddress(path)
            ? try Workspace.postgres(path, create: create) : try Workspace(path: path, create: create)
    }

    func execute() -> Int32 {
        // The trailing words are captured for passthrough, so recoup's own misspelled options and
        // --help land here first: a shell command never starts with a dash.
        if let first = words.first, first.hasPrefix("-") {
            if first == "--help" || first == "-h" { print(Recoup.helpMessage()); return 0 }
            FileHandle.standardError.write(Data("error: unknown option '\(first)'\n\(Recoup.usageString())\n".utf8))
            return 2
        }
        if words.first == "__complete" {
            return CompletionEntry.run(
                workspace: workspace, arguments: Array(words.dropFirst()), opener: Recoup.opener)
        }
        var o = LaunchOptions(opener: Recoup.opener)
        o.workspace = workspace; o.file = file; o.commands = commands
        o.keepGoing = keepGoing; o.echo = echo; o.checkOnly = check; o.words = words; o.create = create
        return Launcher.run(o)
    }
}

do {
    let command = try Recoup.parse(Array(CommandLine.arguments.dropFirst()))
    exit(command.execute())
} catch {
    if Recoup.exitCode(for: error) == .success {
        print(Recoup.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(
        Data(("error: " + Recoup.message(for: error) + "\n" + Recoup.usageString() + "\n").utf8))
    exit(2)
}
