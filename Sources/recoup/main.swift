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

/// A one-shot run (`-c`, `-f`, `--check`, or commands on standard input) prints whole-portfolio
/// reports out of arrays of a million rows. glibc's malloc, as it starts, gives each large array
/// fresh pages from the kernel and hands them back when it is freed: on `credit score --all` over
/// 100,000 customers that was 66,500 page faults, a quarter of the process's time. Such a run
/// starts itself once more with glibc's malloc told to keep what is freed for the next array and
/// to ask for transparent huge pages where the system allows them (GLIBC_TUNABLES): 1,500 faults,
/// 0.46 s -> 0.35 s (docs/BENCHMARKS.md). An interactive shell is left as it is; so is a process
/// whose GLIBC_TUNABLES is already set, or where RECOUP_MALLOC=default. Without glibc, nothing.
func tuneMallocForOneShotRuns() {
    #if os(Linux) && canImport(Glibc)
        guard getenv("GLIBC_TUNABLES") == nil, getenv("RECOUP_MALLOC").map({ String(cString: $0) }) != "default"
        else { return }
        let args = CommandLine.arguments.dropFirst()
        let oneShot =
            isatty(0) == 0
            || args.contains {
                ["-c", "--command", "-f", "--file", "--check"].contains($0) || $0.hasPrefix("--command=")
            }
        guard oneShot else { return }
        setenv(
            "GLIBC_TUNABLES",
            "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296:glibc.malloc.top_pad=67108864",
            1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("GLIBC_TUNABLES")  // exec failed: run as started
    #endif
}

tuneMallocForOneShotRuns()
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
