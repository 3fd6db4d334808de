import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing
import RecoupTestBackend

/// A fresh temporary folder holding one workspace file, removed when the value goes away.
///
/// Every test makes its own, so tests run in parallel without sharing files.
final class Scratch {
    let folder: String
    let workspacePath: String
    private(set) var workspace: Workspace!

    /// `file`: a SQLite file whatever engine the tests run on (for what only a file has: modes, WAL).
    init(file: Bool = false) throws {
        var template = Array((NSTemporaryDirectory() + "recoup-store-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw StoreError.file(path: "tmp", reason: "mkdtemp failed") }
        folder = String(cString: made)
        workspacePath = file ? folder + "/work.recoup" : try TestBackend.newWorkspacePath(file: folder + "/work.recoup")
        workspace = try TestBackend.open(workspacePath, create: true)
    }

    deinit {
        workspace = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `text` (UTF-8) to `name` in the folder and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        try bytes(name, Array(text.utf8))
    }

    /// Writes raw bytes to `name` in the folder and returns its path.
    @discardableResult
    func bytes(_ name: String, _ data: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(data).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Imports `text` as a file of `kind`.
    @discardableResult
    func importText(
        _ kind: RecordKind, _ text: String, options: ImportOptions = ImportOptions(),
        into ws: Workspace? = nil
    ) throws -> ImportSummary {
        let path = try file("\(kind.rawValue)-\(UUID().uuidString).csv", text)
        return try (ws ?? workspace).importCSV(
            kind, path: path, options: options,
            context: ChangeContext(operator: "tester", command: "import \(kind.rawValue)"))
    }

    /// The bytes `export` writes for `kind`.
    func export(_ kind: RecordKind, from ws: Workspace? = nil) throws -> [UInt8] {
        let path = folder + "/export-\(kind.rawValue)-\(UUID().uuidString).csv"
        try (ws ?? workspace).exportCSV(kind, path: path)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Everything a test can observe about the workspace: counts of every kind and every export.
    func snapshot() throws -> Snapshot {
        var exports: [RecordKind: [UInt8]] = [:]
        for kind in RecordKind.allCases { exports[kind] = try export(kind) }
        return Snapshot(
            counts: try workspace.counts(), exports: exports,
            journal: try workspace.journal(limit: 1000).count)
    }
}

struct Snapshot: Equatable {
    var counts: [RecordKind: Int]
    var exports: [RecordKind: [UInt8]]
    var journal: Int
}

/// The problems of a rejected import, or an issue recorded when the import did not fail that way.
func rejection(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> (
    problems: [ImportProblem], truncated: Bool
) {
    do {
        try body()
        Issue.record("the import was accepted", sourceLocation: sourceLocation)
    } catch let StoreError.importRejected(_, problems, truncated) {
        return (problems, truncated)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
    return ([], false)
}

/// A small valid portfolio: 2 customers, 1 contract, 2 invoices, 1 payment.
enum Base {
    static let customers = "id,name\nC1,Acme Trading Ltd\nC2,上海星辰科技有限公司\n"
    static let contracts = "id,customer_id,service,signed_on\nK1,C1,saas,2024-01-01\n"
    static let invoices =
        "id,customer_id,contract_id,issued_on,due_on,amount\nI1,C1,K1,2024-01-10,2024-02-09,100.00\nI9,C2,,2024-01-12,2024-02-11,42.50\n"
    static let payments = "id,customer_id,received_on,amount,invoice_id\nP1,C1,2024-02-01,50,I1\n"

    /// Imports the base portfolio into the scratch workspace.
    static func load(_ s: Scratch) throws {
        try s.importText(.customers, customers)
        try s.importText(.contracts, contracts)
        try s.importText(.invoices, invoices)
        try s.importText(.payments, payments)
    }
}
