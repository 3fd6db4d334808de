import Foundation
import Testing
@testable import ShellKit

/// The path of `name` on PATH, if installed.
func executable(_ name: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program and returns its exit status and standard output.
func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func temporaryFile(_ name: String, _ contents: String, executable: Bool = false) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shellkit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
    return path
}

@Suite struct CompletionScriptsTests {
    let table = Fixtures.table

    @Test func scriptsAreDeterministicAndEmbedTheCommandWords() {
        for generate in [CompletionScripts.bash, CompletionScripts.zsh, CompletionScripts.fish] {
            let script = generate(table, "recoup")
            #expect(script == generate(Fixtures.table, "recoup"))
            for word in table.topLevelWords { #expect(script.contains(word)) }
            #expect(script.contains("__complete") && script.contains("--cursor-word"))
        }
        #expect(CompletionScripts.zsh(table, program: "recoup").hasPrefix("#compdef recoup\n"))
        #expect(CompletionScripts.fish(table, program: "recoup").contains("-a 'customer' -d 'show, list, find'"))
    }

    @Test
    func bashScriptIsValid() throws {
        let path = try temporaryFile("recoup.bash", CompletionScripts.bash(table, program: "recoup"))
        #expect(try run(try shell("bash"), ["-n", path]).status == 0)
    }

    @Test
    func zshScriptIsValid() throws {
        let path = try temporaryFile("_recoup", CompletionScripts.zsh(table, program: "recoup"))
        #expect(try run(try shell("zsh"), ["-n", path]).status == 0)
    }

    @Test
    func fishScriptIsValid() throws {
        let path = try temporaryFile("recoup.fish", CompletionScripts.fish(table, program: "recoup"))
        #expect(try run(try shell("fish"), ["--no-execute", path]).status == 0)
    }

    /// The shell, which scripts/test installs (`scripts/setup zsh fish`): a missing one fails the
    /// test rather than skipping it, so a broken script cannot pass unseen.
    func shell(_ name: String) throws -> String {
        try #require(executable(name), "\(name) is not installed: run scripts/setup zsh fish")
    }

    /// Drives the bash function with a stub `recoup` that records its arguments.
    @Test
    func bashScriptCallsTheHiddenEntry() throws {
        let stub = try temporaryFile("recoup", """
            #!/bin/sh
            printf '%s\\n' "$@" > "$(dirname "$0")/args"
            printf '北京东方红商贸\\tC003\\nAcme Trading Co\\tC004\\n--format=csv\\n'
            """, executable: true)
        let directory = (stub as NSString).deletingLastPathComponent
        let script = try temporaryFile("recoup.bash", CompletionScripts.bash(table, program: "recoup"))
        let driver = """
            PATH="\(directory):$PATH"
            source '\(script)'
            show() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _recoup_complete; printf '[%s]' "${COMPREPLY[@]}"; echo; }
            show recoup cu
            show recoup -w /tmp/ws.db customer show bj
            cat '\(directory)/args'
            show recoup customer list --format = c
            cat '\(directory)/args'
            """
        let result = try run(try shell("bash"), ["-c", driver], environment: ["LC_ALL": "C.UTF-8"])
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "[customer]")
        #expect(lines.dropFirst().first == "[北京东方红商贸][Acme\\ Trading\\ Co][--format=csv]")
        #expect(Array(lines[2..<11]) == ["--workspace", "/tmp/ws.db", "__complete", "--cursor-word", "2", "--", "customer", "show", "bj"])
        #expect(lines[11] == "[北京东方红商贸][Acme\\ Trading\\ Co][csv]")
        #expect(Array(lines[12...]) == ["__complete", "--cursor-word", "2", "--", "customer", "list", "--format=c"])
    }
}

@Suite struct CompleteRequestTests {
    @Test func parsesTheHiddenEntrysArguments() throws {
        let request = try CompleteRequest(parsing: ["--cursor-word", "2", "--", "customer", "show", "--format"])
        #expect(request == CompleteRequest(words: ["customer", "show", "--format"], cursorWord: 2))
        #expect(try CompleteRequest(parsing: ["--cursor-word=0", "--", ""]).words == [""])
        #expect(throws: ShellError.self) { try CompleteRequest(parsing: ["--", "customer"]) }
        #expect(throws: ShellError.self) { try CompleteRequest(parsing: ["--cursor-word", "x"]) }
    }

    @Test(arguments: [
        (["customer", "sh"], 1, "customer sh", 11),
        (["customer", "show", ""], 2, "customer show ", 14),
        (["customer", "sh", "C001"], 1, "customer sh", 11),
        (["customer"], 1, "customer ", 9),
        ([], 0, "", 0),
        (["customer", "show", "'上海"], 2, "customer show '上海", 17),
    ] as [([String], Int, String, Int)])
    func rebuildsTheLine(words: [String], cursorWord: Int, line: String, cursor: Int) {
        let request = CompleteRequest(words: words, cursorWord: cursorWord)
        #expect(request.line.text == line)
        #expect(request.line.cursor == cursor)
    }

    @Test func printsWholeWordsWithDescriptions() {
        let completer = Completer(table: Fixtures.table, provider: FakeCustomers())
        let values = CompleteRequest(words: ["customer", "show", "C001", "--format=c"], cursorWord: 3)
        #expect(values.output(using: completer) == "--format=csv\n")
        let names = CompleteRequest(words: ["customer", "show", "bjdf"], cursorWord: 2)
        #expect(names.output(using: completer) == "北京东方远景科技有限公司\tC002\n北京东方红商贸\tC003\n")
        let commands = CompleteRequest(words: ["customer", ""], cursorWord: 1)
        #expect(commands.output(using: completer).hasPrefix("show\tshow one customer's file\nlist\t"))
    }
}
