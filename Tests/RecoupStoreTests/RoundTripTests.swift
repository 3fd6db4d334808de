import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

@Suite struct RoundTripTests {
    /// Imports every file of `folder` (in dependency order) into `ws`.
    func importAll(from folder: String, into ws: Workspace) throws {
        for kind in RecordKind.allCases {
            try ws.importCSV(
                kind, path: folder + "/\(kind.rawValue).csv", options: ImportOptions(),
                context: ChangeContext(operator: "t", command: "import"))
        }
    }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The importer's fast path (canonical invoices and payments bound from bytes) and its general
    /// path write the same workspace: a date layout other than ISO forces the general path.
    @Test func fastAndGeneralPathsWriteTheSameRecords() throws {
        let portfolio = PortfolioGenerator(customers: 40, seed: 11).generate()
        let s = try Scratch()
        let folder = s.folder + "/generated"
        try PortfolioFiles.write(portfolio, to: folder)
        var general = ImportOptions()
        general.dateFormat = try #require(DateFormat("yyyy-M-d"))  // reads ISO text, but is not `.iso`
        let second = try Workspace(path: s.folder + "/general.db", create: true)
        for kind in RecordKind.allCases {
            try s.workspace.importCSV(
                kind, path: folder + "/\(kind.rawValue).csv", options: ImportOptions(),
                context: ChangeContext(operator: "t", command: "fast"))
            try second.importCSV(
                kind, path: folder + "/\(kind.rawValue).csv", options: general,
                context: ChangeContext(operator: "t", command: "general"))
        }
        for kind in RecordKind.allCases {
            #expect(try s.export(kind) == s.export(kind, from: second), "\(kind.rawValue) differs between the paths")
        }
    }

    @Test func generatedPortfolioExportsByteIdentically() throws {
        let s = try Scratch()
        let portfolio = PortfolioGenerator(customers: 60, seed: 3).generate()
        let generated = s.folder + "/generated"
        try PortfolioFiles.write(portfolio, to: generated)
        try importAll(from: generated, into: s.workspace)
        #expect(
            try s.workspace.counts() == [
                .customers: portfolio.customers.count, .contracts: portfolio.contracts.count,
                .invoices: portfolio.invoices.count, .payments: portfolio.payments.count,
            ])
        #expect(portfolio.customers.count == 60)
        #expect(portfolio.invoices.count > 100 && portfolio.payments.count > 100)
        for kind in RecordKind.allCases {
            let original = try bytes(generated + "/\(kind.rawValue).csv")
            let exported = try s.export(kind)
            #expect(exported == original, "\(kind.rawValue).csv differs")
        }
    }

    @Test func exportImportExportIsStable() throws {
        let s = try Scratch()
        try importAll(from: try generatedFolder(s), into: s.workspace)
        let first = s.folder + "/first"
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        for kind in RecordKind.allCases { try s.workspace.exportCSV(kind, path: first + "/\(kind.rawValue).csv") }
        let second = try Workspace(path: s.folder + "/second.recoup", create: true)
        try importAll(from: first, into: second)
        for kind in RecordKind.allCases {
            #expect(
                try s.export(kind, from: second) == (try bytes(first + "/\(kind.rawValue).csv")),
                "\(kind.rawValue).csv differs")
        }
    }

    @Test func exportedRecordsMatchTheGeneratedRecords() throws {
        let s = try Scratch()
        let portfolio = PortfolioGenerator(customers: 60, seed: 3).generate()
        let folder = s.folder + "/generated"
        try PortfolioFiles.write(portfolio, to: folder)
        try importAll(from: folder, into: s.workspace)
        // Read back as records, not bytes: every field survives the trip.
        #expect(
            try s.workspace.customers()
                == portfolio.customers.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) })
        for c in portfolio.customers.prefix(10) {
            let mine = portfolio.invoices.filter { $0.customerId == c.id }
            #expect(Set(try s.workspace.invoices(customer: c.id)) == Set(mine))
            #expect(
                Set(try s.workspace.payments(customer: c.id))
                    == Set(portfolio.payments.filter { $0.customerId == c.id }))
            #expect(
                Set(try s.workspace.contracts(customer: c.id))
                    == Set(portfolio.contracts.filter { $0.customerId == c.id }))
        }
    }

    @Test func exportCountsRecords() throws {
        let s = try Scratch()
        try Base.load(s)
        let path = s.folder + "/out.csv"
        #expect(try s.workspace.exportCSV(.invoices, path: path) == 2)
        #expect(
            try bytes(path)
                == Array(
                    "id,customer_id,contract_id,issued_on,due_on,amount,disputed,settled_on\nI1,C1,K1,2024-01-10,2024-02-09,100.00,,\nI9,C2,,2024-01-12,2024-02-11,42.50,,\n"
                        .utf8))
    }

    private func generatedFolder(_ s: Scratch) throws -> String {
        let folder = s.folder + "/generated"
        try PortfolioFiles.write(PortfolioGenerator(customers: 60, seed: 3).generate(), to: folder)
        return folder
    }
}
