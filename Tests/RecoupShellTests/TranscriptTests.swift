import Foundation
import Testing
@testable import RecoupShell

/// Transcript tests: each `Snapshots/NAME.recoup` script runs on the fixture portfolio and its
/// stdout, stderr and exit status must equal `NAME.stdout`, `NAME.stderr` and `NAME.status`.
/// A script whose first line is `# keep-going` runs on after errors. Re-record deliberately with
/// `RECOUP_RECORD=1 swift test --filter Transcript` and review the diff.
@Suite struct TranscriptTests {
    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Sandbox.snapshots)) ?? [])
            .filter { $0.hasSuffix(".recoup") }.map { String($0.dropLast(7)) }.sorted()
    }

    @Test func thereAreTranscripts() { #expect(Self.scripts.count >= 3) }

    @Test(arguments: scripts)
    func transcript(_ name: String) throws {
        let sandbox = try Sandbox()
        let text = try String(contentsOfFile: Sandbox.snapshots + "/\(name).recoup", encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let r = try sandbox.run(lines, file: "\(name).recoup", keepGoing: lines.first == "# keep-going")
        func scrub(_ s: String) -> String {
            s.replacingOccurrences(of: Sandbox.fixtures, with: "$FIXTURES").replacingOccurrences(
                of: sandbox.dir, with: "$TMP"
            )
            // A PostgreSQL workspace's address reads as the SQLite sandbox's file.
            .replacingOccurrences(of: sandbox.workspacePath, with: "$TMP/ws.db")
        }
        try expectGolden(scrub(r.out), file: "\(name).stdout")
        try expectGolden(scrub(r.err), file: "\(name).stderr")
        try expectGolden("\(r.status)\n", file: "\(name).status")
    }
}
