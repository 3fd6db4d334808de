import Foundation
import Testing
@testable import RecoupShell
import ShellKit

/// The command table is valid, and every file generated from it is up to date.
@Suite struct CatalogTests {
    @Test func tableIsValid() {
        #expect(Catalog.table.validate() == [])
        #expect(Catalog.handlers.count == Catalog.table.specs.count)
    }

    @Test func everyCommandHasAnExampleThatParses() throws {
        for spec in Catalog.table.specs {
            #expect(!spec.examples.isEmpty, "\(spec.name) has no example")
            for example in spec.examples {
                let tokens = try Tokenizer.tokenize(example, variables: { _ in "C001" })
                let parsed = try Catalog.table.parse(tokens)
                #expect(
                    parsed.spec.name == spec.name || spec.name == "help",
                    "example '\(example)' parses as \(parsed.spec.name)")
            }
        }
    }

    /// completions/ and docs/COMMANDS.md are generated from the table; re-record with RECOUP_RECORD=1.
    @Test(arguments: CompletionEntry.generatedFiles().map(\.path))
    func generatedFileIsCurrent(_ path: String) throws {
        let text = CompletionEntry.generatedFiles().first { $0.path == path }!.text
        let full = Sandbox.packageRoot + "/" + path
        if Sandbox.recording { try text.write(toFile: full, atomically: true, encoding: .utf8); return }
        let onDisk = try String(contentsOfFile: full, encoding: .utf8)
        #expect(onDisk == text, "\(path) is stale: run RECOUP_RECORD=1 swift test --filter generatedFileIsCurrent")
    }
}

/// The shipped example scripts stay in step with the command table.
@Suite struct ExampleScriptTests {
    static var examples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Sandbox.packageRoot + "/scripts/examples")) ?? []).filter
        { $0.hasSuffix(".recoup") }.sorted()
    }

    @Test func thereAreExamples() { #expect(Self.examples.count >= 3) }

    /// Every command parses, except the deliberate typo of with-a-mistake.recoup (line 5).
    @Test(arguments: examples)
    func examplesParse(_ name: String) throws {
        let text = try String(contentsOfFile: Sandbox.packageRoot + "/scripts/examples/" + name, encoding: .utf8)
        var pending = ""
        var failures: [Int] = []
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            if Tokenizer.hasContinuation(raw) { pending += Tokenizer.removingContinuation(raw); continue }
            let line = pending + raw
            pending = ""
            let tokens = try Tokenizer.tokenize(line, variables: { _ in "x" })
            if tokens.isEmpty { continue }
            do { _ = try Catalog.table.parse(tokens) } catch { failures.append(i + 1) }
        }
        #expect(failures == (name == "with-a-mistake.recoup" ? [5] : []))
    }
}
