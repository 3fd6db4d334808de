import Foundation
import Testing

/// The module layout ARCHITECTURE.md draws, checked on the sources: GRDB only in RecoupSQLite, the
/// seam and the services free of database and shell modules, no handler reading transaction flags,
/// and use cases in RecoupServices.
@Suite struct LayoutTests {
    static func sources(_ module: String) throws -> [(file: String, text: String)] {
        let dir = Sandbox.packageRoot + "/Sources/" + module
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
        }
    }
    static func imports(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").compactMap { line in
                let t = line.trimmingCharacters(in: .whitespaces)
                for prefix in ["import ", "@_exported import ", "@testable import "] where t.hasPrefix(prefix) {
                    return String(t.dropFirst(prefix.count))
                }
                return nil
            })
    }

    @Test func grdbIsImportedOnlyByTheSQLiteBackend() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Sandbox.packageRoot + "/Sources")
        var offenders: [String] = []
        for m in modules where m != "RecoupSQLite" && m != "recoup-bench" {
            for (file, text) in try Self.sources(m) where !Self.imports(text).isDisjoint(with: ["GRDB", "GRDBSQLite"]) {
                offenders.append("\(m)/\(file)")
            }
        }
        #expect(offenders.isEmpty, "GRDB imported outside RecoupSQLite: \(offenders)")
        #expect(try Self.sources("RecoupSQLite").contains { Self.imports($0.text).contains("GRDB") })
    }

    @Test func theSeamAndTheServicesImportNoShellOrDatabaseModule() throws {
        for m in ["RecoupStore", "RecoupServices", "RecoupCore"] {
            for (file, text) in try Self.sources(m) {
                let bad = Self.imports(text).intersection([
                    "ShellKit", "LineEditing", "CEditLine", "GRDB", "GRDBSQLite", "RecoupShell", "RecoupSQLite",
                ])
                #expect(bad.isEmpty, "\(m)/\(file) imports \(bad.sorted())")
            }
        }
        let package = try String(contentsOfFile: Sandbox.packageRoot + "/Package.swift", encoding: .utf8)
        let shellTarget = try #require(
            package.range(of: #"name: "RecoupShell",\s*dependencies: \[[^\]]*\]"#, options: .regularExpression))
        #expect(!package[shellTarget].contains("RecoupSQLite"), "the shell must not depend on a backend")
    }

    @Test func noHandlerReadsTransactionFlagsOrSQL() throws {
        for (file, text) in try Self.sources("RecoupShell") {
            for word in ["scenarioIsOpen", "PRAGMA", "SELECT ", "INSERT ", "sqlite3_", "Database"] {
                #expect(!text.contains(word), "RecoupShell/\(file) mentions '\(word)'")
            }
        }
    }

    @Test func useCasesLiveInServicesThatTakeAContext() throws {
        // PlanBooks, LateFees, CreditScoring, CallQueue, OverdueRun, Deposits, DunningRun, PolicyChanges, CustomerFile.
        let services = try Self.sources("RecoupServices").reduce(0) {
            $0 + $1.text.components(separatedBy: "public let context: ServiceContext").count - 1
        }
        #expect(services >= 9, "\(services) services take a ServiceContext")
        for (file, text) in try Self.sources("RecoupServices") {
            #expect(!text.contains("Invocation"), "\(file) takes a shell invocation")
        }
    }
}
