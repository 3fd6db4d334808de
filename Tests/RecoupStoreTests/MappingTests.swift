import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// The public IBM sample and its dirty variant (see /work/shared/data/README.md).
enum IBM {
    static let folder = "/work/shared/data/ibm-ar"
    static let sample = folder + "/WA_Fn-UseC_-Accounts-Receivable.csv"
    static let dirty = folder + "/variants/wdmartin44_WA_Fn-UseC_-Accounts-Receivable_with_missing.csv"
    /// The mapping the spec (shared/spec/workspace-csv.md, "Mapping foreign files") gives for the sample.
    static let mapping =
        "id=invoiceNumber,customer_id=customerID,issued_on=InvoiceDate,due_on=DueDate,amount=InvoiceAmount,disputed=Disputed,settled_on=SettledDate"

    static func options(ignoreExtraColumns: Bool = true) throws -> ImportOptions {
        var o = ImportOptions()
        o.mapping = try ImportOptions.parseMapping(mapping, for: .invoices)
        o.dateFormat = try #require(DateFormat("M/d/yyyy"))
        o.ignoreExtraColumns = ignoreExtraColumns
        o.createCustomers = true
        return o
    }

    /// The file's lines split on commas (the sample has no quoted fields), without line ends.
    static func rows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

@Suite struct MappingTests {
    @Test func parseMappingReadsPairs() throws {
        let m = try ImportOptions.parseMapping(" id = invoiceNumber , AMOUNT=Invoice Amount", for: .invoices)
        #expect(m == ["id": "invoiceNumber", "amount": "Invoice Amount"])
    }

    @Test(arguments: [
        ("colour=Color", "'colour' is not a column of invoices"),
        ("id=invoiceNumber,received_on=Date", "'received_on' is not a column of invoices"),
        ("id", "'id' is not CANONICAL=FOREIGN"),
        ("id=", "'id=' is not CANONICAL=FOREIGN"),
        ("=invoiceNumber", "'=invoiceNumber' is not CANONICAL=FOREIGN"),
        ("id=a,ID=b", "column 'id' is mapped twice"),
    ])
    func parseMappingErrors(_ text: String, _ reason: String) throws {
        let error = #expect(throws: MappingError.self) { try ImportOptions.parseMapping(text, for: .invoices) }
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error?.reason))")
    }

    @Test func ibmSampleImportsWithTheSpecMapping() throws {
        let s = try Scratch()
        let summary = try s.workspace.importCSV(
            .invoices, path: IBM.sample, options: try IBM.options(),
            context: ChangeContext(operator: "t", command: "import"))
        // Published facts, /work/shared/data/README.md: 2,466 invoices, 100 customers,
        // total amount 147,703.18, 561 disputed, every invoice settled, DueDate = InvoiceDate + 30.
        #expect(summary.records == 2466)
        #expect(summary.createdCustomers == 100)
        #expect(try s.workspace.counts() == [.customers: 100, .contracts: 0, .invoices: 2466, .payments: 0])
        let ledger = try s.workspace.ledger()
        #expect(ledger.invoiceAmount.reduce(0, +) == 14_770_318)
        #expect(ledger.invoiceHolds.count == 561)
        #expect(zip(ledger.invoiceDue, ledger.invoiceIssued).allSatisfy { $0 - $1 == 30 })
        // Every invoice is settled: nothing is open once the last settlement is in.
        let balances = ledger.balances(ledger.allocate(asOf: Day("2030-01-01")!))
        #expect(balances.allSatisfy { $0.open == .zero && $0.unapplied == .zero })
        // The first data row: 391,0379-NEVHP,4/6/2013,611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,...
        #expect(
            try s.workspace.invoice(id: "611365")
                == Invoice(
                    id: "611365", customerId: "0379-NEVHP", issuedOn: Day("2013-01-02")!, dueOn: Day("2013-02-01")!,
                    amount: Money(minorUnits: 5594), disputed: false, settledOn: Day("2013-01-15")!))
    }

    @Test func mappedHeaderMissingFromTheFileIsReported() throws {
        let s = try Scratch()
        var options = try IBM.options()
        options.mapping["amount"] = "Amount"
        let result = rejection {
            _ = try s.workspace.importCSV(
                .invoices, path: IBM.sample, options: options, context: ChangeContext(operator: "t", command: "import"))
        }
        let p = try #require(
            result.problems.first { $0.message.contains("mapped column 'Amount' (for 'amount') is not in the header") })
        #expect(p.line == 1 && p.column == 1)
        #expect(try s.workspace.counts()[.invoices] == 0)
    }

    @Test func withoutIgnoreExtraColumnsTheExtraColumnsAreUnknown() throws {
        let s = try Scratch()
        let options = try IBM.options(ignoreExtraColumns: false)
        let result = rejection {
            _ = try s.workspace.importCSV(
                .invoices, path: IBM.sample, options: options, context: ChangeContext(operator: "t", command: "import"))
        }
        // The header's unmapped columns, with the column where each starts (computed from the header text).
        let header = try IBM.rows(IBM.sample)[0]
        let mapped: Set = [
            "invoiceNumber", "customerID", "InvoiceDate", "DueDate", "InvoiceAmount", "Disputed", "SettledDate",
        ]
        var expected: [(column: Int, name: String)] = []
        var column = 1
        for name in header {
            if !mapped.contains(name) { expected.append((column, name)) }
            column += name.unicodeScalars.count + 1
        }
        #expect(expected.map(\.name) == ["countryCode", "PaperlessDate", "PaperlessBill", "DaysToSettle", "DaysLate"])
        #expect(result.problems.map { [$0.line, $0.column] } == expected.map { [1, $0.column] })
        for (p, e) in zip(result.problems, expected) {
            #expect(p.message.hasPrefix("unknown column '\(e.name)'"), "\(p.message)")
        }
        #expect(try s.workspace.counts()[.invoices] == 0)
    }

    @Test func dirtyVariantWithTheSpecMappingIsAccepted() throws {
        // Its blank fields are all in PaperlessDate and PaperlessBill, which the spec mapping ignores.
        let s = try Scratch()
        let rows = try IBM.rows(IBM.dirty)
        let summary = try s.workspace.importCSV(
            .invoices, path: IBM.dirty, options: try IBM.options(),
            context: ChangeContext(operator: "t", command: "import"))
        #expect(summary.records == rows.count - 1)
        #expect(summary.records == 2586)
        let total = rows.dropFirst().reduce(Int64(0)) { sum, row in
            let parts = row[6].split(separator: ".")
            let cents = parts.count == 2 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
            return sum + Int64(parts[0])! * 100 + cents
        }
        #expect(try s.workspace.ledger().invoiceAmount.reduce(0, +) == total)
    }

    @Test func dirtyVariantBlankRequiredFieldsAreReportedAtTheirLines() throws {
        // Read as payments, PaperlessDate becomes the required received_on: its blank fields must be
        // reported at their own lines (header = line 1) and at the column where the blank field starts.
        let s = try Scratch()
        var options = ImportOptions()
        options.mapping = try ImportOptions.parseMapping(
            "id=invoiceNumber,customer_id=customerID,received_on=PaperlessDate,amount=InvoiceAmount,method=PaperlessBill",
            for: .payments)
        options.dateFormat = try #require(DateFormat("M/d/yyyy"))
        options.ignoreExtraColumns = true
        options.createCustomers = true
        options.problemLimit = 1000
        let rows = try IBM.rows(IBM.dirty)
        var expected: [[Int]] = []
        for (i, row) in rows.enumerated().dropFirst() where row[2].isEmpty {
            expected.append([i + 1, row[0].count + row[1].count + 3])
        }
        // Looked up by hand (awk -F, '$3==""'): the first blanks are on lines 3, 13, 15, 24, 31; 120 in all.
        #expect(expected.prefix(5).map { $0[0] } == [3, 13, 15, 24, 31])
        #expect(expected.count == 120)
        #expect(expected.first == [3, 16])  // 897,9174-IYKOC,,136962706,...
        let result = rejection {
            _ = try s.workspace.importCSV(
                .payments, path: IBM.dirty, options: options, context: ChangeContext(operator: "t", command: "import"))
        }
        #expect(result.problems.map { [$0.line, $0.column] } == expected)
        #expect(result.problems.allSatisfy { $0.message == "missing value for required column 'received_on'" })
        #expect(!result.truncated)
        #expect(try s.workspace.counts() == [.customers: 0, .contracts: 0, .invoices: 0, .payments: 0])
    }
}
