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
                #expect(parsed.spec.name == spec.name || spec.name == "help", "example '\(example)' parses as \(parsed.spec.name)")
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
