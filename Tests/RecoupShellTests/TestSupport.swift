import Foundation
import Testing
@testable import RecoupShell
@testable import RecoupStore
import RecoupSQLite
import RecoupTestBackend

/// A fresh workspace in a temporary folder, optionally loaded with the fixture portfolio; the folder
/// is removed when the sandbox goes away.
final class Sandbox {
    let dir: String
    let workspacePath: String

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
    static var fixtures: String { packageRoot + "/Tests/RecoupShellTests/Fixtures" }
    static var snapshots: String { packageRoot + "/Tests/RecoupShellTests/Snapshots" }
    /// Golden files are rewritten only when this is set: `RECOUP_RECORD=1 swift test`
    /// (with `RECOUP_RECORD_ONLY=NAME`, only NAME's golden files).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECOUP_RECORD"] == "1" }

    init(loaded: Bool = true) throws {
        dir = NSTemporaryDirectory() + "recoup-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        workspacePath = try TestBackend.newWorkspacePath(file: dir + "/ws.db")
        if loaded {
            let ws = try TestBackend.open(workspacePath, create: true)
            for kind in RecordKind.allCases {
                _ = try ws.importCSV(
                    kind, path: Sandbox.fixtures + "/\(kind.rawValue).csv", options: ImportOptions(),
                    context: ChangeContext(operator: "test", command: "fixture"))
            }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs script lines through the shell in-process: (stdout, stderr, exit status as `recoup -f` gives it).
    /// `login` is the OS account the shell believes it runs as (who one is once operators exist).
    func run(_ lines: [String], file: String = "test.recoup", keepGoing: Bool = false, login: String = "tester")
        throws -> (
            out: String, err: String, status: Int32
        )
    {
        let out = BufferOutput(), err = BufferOutput()
        let session = Session(
            workspace: try TestBackend.open(workspacePath, create: true), out: out, err: err, interactive: false,
            operatorName: "tester", login: login, clock: { .init("2024-06-30")! }, language: "en")
        session.variables["FIXTURES"] = Sandbox.fixtures
        session.variables["TMP"] = dir
        let result = Shell(session: session).runScript(lines, file: file, keepGoing: keepGoing, echo: false)
        return (out.text, err.text, result.failures > 0 ? 1 : 0)
    }
}

/// Compares `actual` with the golden file, or rewrites it when recording.
func expectGolden(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = Sandbox.snapshots + "/" + name
    let only = ProcessInfo.processInfo.environment["RECOUP_RECORD_ONLY"]
    if Sandbox.recording && (only == nil || name.hasPrefix(only! + ".")) {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
        actual == expected,
        "\(name) differs from the golden file (re-record with RECOUP_RECORD=1 after checking the change)",
        sourceLocation: sourceLocation)
}
