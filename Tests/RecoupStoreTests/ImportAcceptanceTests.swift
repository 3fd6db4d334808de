import Foundation
import GRDBSQLite
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

@Suite struct ImportAcceptanceTests {
    @Test func byteOrderMarkAndCRLF() throws {
        let s = try Scratch()
        let path = try s.bytes(
            "bom.csv", [0xEF, 0xBB, 0xBF] + Array("id,name,segment\r\nC5,Foo Ltd,sme\r\nC6,北京东方,\r\n".utf8))
        let summary = try s.workspace.importCSV(
            .customers, path: path, options: ImportOptions(), context: ChangeContext(operator: "t", command: "c"))
        #expect(summary.records == 2)
        let c5 = try #require(try s.workspace.customer(id: "C5"))
        #expect(c5.name == "Foo Ltd")
        #expect(c5.segment == "sme")
        #expect(try s.workspace.customer(id: "C6")?.name == "北京东方")
        #expect(try s.workspace.customer(id: "C6")?.segment == nil)
        #expect(
            try s.export(.customers)
                == Array(
                    "id,name,phone,email,tax_id,segment,credit_limit,bureau_score,bureau_date,agent,opened_on\nC5,Foo Ltd,,,,sme,,,,,\nC6,北京东方,,,,,,,,,\n"
                        .utf8))
    }

    static let quoted =
        "id,name,bureau_score\n"  // line 1
        + "C5,\"Foo, Bar\",1\n"  // line 2
        + "C6,\"He said \"\"hi\"\"\",2\r\n"  // line 3
        + "C7,\"Line one\nLine two\",3\n"  // lines 4-5
        + "C8,Plain,4\n"  // line 6

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let s = try Scratch()
        try s.importText(.customers, Self.quoted)
        #expect(
            try s.workspace.customers().map(\.name) == ["Foo, Bar", "He said \"hi\"", "Line one\nLine two", "Plain"])
        #expect(try s.workspace.customers().map(\.bureauScore) == [1, 2, 3, 4])
        // Export quotes exactly the fields that need it.
        let exported = String(decoding: try s.export(.customers), as: UTF8.self)
        #expect(exported.contains("\nC5,\"Foo, Bar\",,"))
        #expect(exported.contains("\nC6,\"He said \"\"hi\"\"\",,"))
        #expect(exported.contains("\nC7,\"Line one\nLine two\",,"))
    }

    @Test func lineNumbersAfterAnEmbeddedNewline() throws {
        let s = try Scratch()
        // "C9,Bad," is 7 scalars: bureau_score starts at column 8 of line 7.
        let result = rejection { try s.importText(.customers, Self.quoted + "C9,Bad,abc\n") }
        #expect(result.problems.map { [$0.line, $0.column] } == [[7, 8]])
        #expect(try s.workspace.counts()[.customers] == 0)
    }

    /// A bad field after an embedded newline is located on its own physical line, not the record's.
    @Test func fieldAfterAnEmbeddedNewlineIsLocatedOnItsOwnLine() throws {
        let s = try Scratch()
        let text = "id,name,bureau_score\nC1,\"Line one\nLine two\",abc\n"
        let result = rejection { try s.importText(.customers, text) }
        // Line 3 is `Line two",abc`: `Line two",` is 10 scalars, so abc starts at column 11.
        #expect(result.problems.map { [$0.line, $0.column] } == [[3, 11]])
    }

    @Test func headerInAnyCaseAndOrder() throws {
        let s = try Scratch()
        try Base.load(s)
        try s.importText(
            .invoices, "AMOUNT,Due_On,ID,disputed,Customer_ID,issued_ON\n7.25,2024-04-30,I7,yes,C2,2024-03-31\n")
        let invoice = try #require(try s.workspace.invoice(id: "I7"))
        #expect(
            invoice
                == Invoice(
                    id: "I7", customerId: "C2", issuedOn: Day("2024-03-31")!, dueOn: Day("2024-04-30")!,
                    amount: Money(minorUnits: 725), disputed: true))
        let lastLine = String(decoding: try s.export(.invoices), as: UTF8.self).split(separator: "\n").last
        #expect(lastLine == "I7,C2,,2024-03-31,2024-04-30,7.25,yes,")
    }

    @Test func optionalColumnsMissingOrEmpty() throws {
        let s = try Scratch()
        try Base.load(s)
        try s.importText(
            .invoices,
            "id,customer_id,contract_id,issued_on,due_on,amount,disputed,settled_on\nI7,C1,,2024-03-01,2024-03-31,1.00,,\n"
        )
        try s.importText(.payments, "id,customer_id,received_on,amount\nP7,C1,2024-03-05,2.00\n")
        try s.importText(.customers, "name,id\nOnly A Name,C7\n")
        let invoice = try #require(try s.workspace.invoice(id: "I7"))
        #expect(invoice.contractId == nil && invoice.settledOn == nil && !invoice.disputed)
        let payment = try #require(try s.workspace.payments(customer: "C1").first { $0.id == "P7" })
        #expect(payment.invoiceId == nil && payment.method == nil && payment.reference == nil)
        #expect(try s.workspace.customer(id: "C7") == Customer(id: "C7", name: "Only A Name"))
    }

    @Test(arguments: [
        ("yes", true), ("no", false), ("true", true), ("false", false), ("1", true), ("0", false),
        ("Yes", true), ("NO", false), ("", false),
    ])
    func disputedSpellings(_ text: String, _ expected: Bool) throws {
        let s = try Scratch()
        try Base.load(s)
        try s.importText(
            .invoices, "id,customer_id,issued_on,due_on,amount,disputed\nI7,C1,2024-03-01,2024-03-31,1.00,\(text)\n")
        #expect(try s.workspace.invoice(id: "I7")?.disputed == expected)
    }

    @Test(arguments: [
        ("12345.6", Int64(1_234_560)), ("0.5", 50), ("7", 700), ("0.01", 1), ("99.99", 9999), (" 3.10 ", 310),
    ])
    func amountSpellings(_ text: String, _ minorUnits: Int64) throws {
        let s = try Scratch()
        try Base.load(s)
        try s.importText(.invoices, "id,customer_id,issued_on,due_on,amount\nI7,C1,2024-03-01,2024-03-31,\(text)\n")
        #expect(try s.workspace.invoice(id: "I7")?.amount.minorUnits == minorUnits)
    }

    @Test func settledOnAndContractFieldsAreKept() throws {
        let s = try Scratch()
        try Base.load(s)
        try s.importText(
            .contracts,
            "id,customer_id,service,signed_on,start_on,end_on,value,payment_terms_days,late_fee_daily_rate,late_fee_grace_days,late_fee_cap,suspend_after_days,prepay_ratio\n"
                + "K2,C2,consulting,2024-02-01,2024-02-01,2025-01-31,120000,45,0.0005,3,0.3,60,0.25\n")
        let k2 = try #require(try s.workspace.contract(id: "K2"))
        #expect(
            k2
                == Contract(
                    id: "K2", customerId: "C2", service: "consulting", signedOn: Day("2024-02-01")!,
                    startOn: Day("2024-02-01")!, endOn: Day("2025-01-31")!, value: Money(minorUnits: 12_000_000),
                    paymentTermsDays: 45, lateFeeDailyRate: "0.0005", lateFeeGraceDays: 3, lateFeeCap: "0.3",
                    suspendAfterDays: 60, prepayRatio: "0.25"))
        try s.importText(
            .invoices,
            "id,customer_id,contract_id,issued_on,due_on,amount,settled_on\nI7,C2,K2,2024-03-01,2024-03-31,10,2024-03-20\n"
        )
        #expect(try s.workspace.invoice(id: "I7")?.settledOn == Day("2024-03-20"))
        // settled_on is not a stored payment: the payments list stays as imported.
        #expect(try s.workspace.payments(customer: "C2").isEmpty)
    }
}

/// A large import rebuilds the table's indexes at its end (Workspace+Import): the same books and the
/// same index afterwards, and a rejected one leaves the index as it was.
@Suite struct BulkIndexTests {
    static func indexes(_ path: String) -> [String] {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { return [] }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        sqlite3_prepare_v2(
            db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice' AND sql IS NOT NULL",
            -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        var names: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { names.append(String(cString: sqlite3_column_text(statement, 0))) }
        return names
    }

    static let invoices =
        "id,customer_id,contract_id,issued_on,due_on,amount\n"
        + (1...40).map { "I\($0),C\($0 % 3 + 1),,2026-01-0\($0 % 9 + 1),2026-02-01,\($0 * 100).5" }.joined(
            separator: "\n")
        + "\n"

    @Test func aLargeImportRebuildsTheCustomerIndex() throws {
        let s = try Scratch(file: true)
        try s.importText(.customers, "id,name\nC1,甲\nC2,乙\nC3,丙\n")
        var options = ImportOptions()
        options.bulkIndexRecords = 1  // this file counts as large
        #expect(try s.importText(.invoices, Self.invoices, options: options).records == 40)
        #expect(Self.indexes(s.workspacePath) == ["invoice_customer"])
        // The index answers as it should: every invoice of C2 by customer.
        #expect(
            try s.workspace.invoices(customer: "C2").map(\.id).sorted()
                == (1...40).filter { $0 % 3 == 1 }.map { "I\($0)" }.sorted())
        // Rejected (a bad amount on the last line): nothing imported, the index still there.
        let before = try s.export(.invoices)
        let result = rejection {
            try s.importText(
                .invoices,
                Self.invoices.replacingOccurrences(of: "I", with: "J") + "J99,C1,,2026-01-01,2026-02-01,abc\n",
                options: options)
        }
        #expect(result.problems.count == 1)
        #expect(Self.indexes(s.workspacePath) == ["invoice_customer"])
        #expect(try s.export(.invoices) == before)
    }
}

/// Invoices and payments are read and checked on another core while the inserts run
/// (`ImportOptions.readAheadBytes`): the same books and the same problems, in the same order, as
/// when the same file is read in line; and a file whose records are spread over many batches
/// (4,096 records each) keeps its problems' lines.
@Suite struct ReadAheadTests {
    static func options(ahead: Bool) -> ImportOptions {
        var o = ImportOptions()
        o.readAheadBytes = ahead ? 0 : Int.max
        return o
    }

    /// 10,000 invoices of three customers (two contracts), in no order of customers, with the
    /// given extra lines put after the records numbered by their keys.
    static func invoices(inserting extra: [Int: String] = [:]) -> String {
        var lines = ["id,customer_id,contract_id,issued_on,due_on,amount"]
        for n in 1...10_000 {
            let c = (n * 7) % 3 + 1
            let contract = c == 1 && n % 2 == 0 ? "K1" : c == 2 && n % 5 == 0 ? "K2" : ""
            lines.append(
                "INV-\(n),C\(c),\(contract),2026-01-\(String(format: "%02d", n % 28 + 1)),2026-03-01,\(n).\(n % 100)")
            if let e = extra[n] { lines.append(e) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func scratch() throws -> Scratch {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,甲\nC2,乙\nC3,丙\n")
        try s.importText(.contracts, "id,customer_id,service,signed_on\nK1,C1,saas,2025-01-01\nK2,C2,saas,2025-01-01\n")
        return s
    }

    @Test func aFileReadAheadGivesTheSameBooks() throws {
        let extra = [
            17: "\"INV-Q1\",C1,,2026-01-05,2026-02-05,\"1000.00\"",  // quoted: the general path
            5_000: "INV-S1, C2 ,,2026-01-05,2026-02-05,12.00",  // blanks around a field: the general path
        ]
        var exports: [[UInt8]] = []
        for ahead in [true, false] {
            let s = try Self.scratch()
            let summary = try s.importText(
                .invoices, Self.invoices(inserting: extra), options: Self.options(ahead: ahead))
            #expect(summary.records == 10_002)
            exports.append(try s.export(.invoices))
            #expect(try s.workspace.invoice(id: "INV-Q1")?.amount == Money(minorUnits: 100_000))
            #expect(try s.workspace.invoice(id: "INV-S1")?.customerId == "C2")
        }
        #expect(exports[0] == exports[1])
        #expect(exports[0].count > 400_000)
    }

    @Test func problemsReadAheadAreTheSameAndInOrder() throws {
        let extra = [
            3: "INV-B1,C1,,2026-01-05,2026-02-05,abc",  // line 5: a bad amount
            4_500: "INV-B2,C2,K1,2026-01-05,2026-02-05,10.00",  // K1 is C1's
            4_600: "INV-B3,C9,,2026-01-05,2026-02-05,10.00",  // unknown customer
            9_000: "INV-20,C3,,2026-01-05,2026-02-05,10.00",  // a duplicate id
            9_999: "INV-B4,C1,,2026-02-05,2026-01-05,10.00",  // due before issued
        ]
        var found: [[ImportProblem]] = []
        for ahead in [true, false] {
            let s = try Self.scratch()
            let result = rejection {
                try s.importText(.invoices, Self.invoices(inserting: extra), options: Self.options(ahead: ahead))
            }
            found.append(result.problems)
            #expect(try s.workspace.counts()[.invoices] == 0)
        }
        #expect(found[0] == found[1])
        #expect(found[0].map(\.line) == [5, 4_503, 4_604, 9_005, 10_005])
        #expect(found[0].map(\.message).last == "due date 2026-01-05 is before the issue date 2026-02-05")
    }

    @Test func anUnclosedQuoteAtTheEndIsReportedAfterEverythingBefore() throws {
        let text = Self.invoices(inserting: [8_000: "INV-B1,C1,,2026-01-05,2026-02-05,abc"]) + "INV-X,\"C1,,,\n"
        for ahead in [true, false] {
            let s = try Self.scratch()
            let result = rejection { try s.importText(.invoices, text, options: Self.options(ahead: ahead)) }
            #expect(result.problems.map(\.line) == [8_002, 10_003])
            #expect(result.problems.last?.message == "quoted field is never closed")
        }
    }
}

/// Customers are read in the table's order and put in id order in Swift (Workspace+Queries): a
/// workspace filled in no order of ids gives the same lists, in id byte order, as one filled in order.
@Suite struct CustomerOrderTests {
    @Test func customersAndTheirScoringFactsComeInIdOrder() throws {
        let s = try Scratch()
        try s.importText(.customers, "id,name,bureau_score\nC3,丙,3\nC10,甲十,10\nC1,甲,1\nC2,乙,\n")
        #expect(try s.workspace.customers().map(\.id) == ["C1", "C10", "C2", "C3"])
        #expect(try s.workspace.scoringFacts().map(\.bureau) == [1, 10, nil, 3])
    }
}

/// The fast path (invoices and payments in canonical form) against the general path, which reads
/// every field with its diagnostic: a date layout other than `.iso` that still reads ISO text sends
/// every record the general way (as RoundTripTests does). Same problems, same order, same books.
@Suite struct FastAgainstGeneralTests {
    static func options(general: Bool) throws -> ImportOptions {
        var o = ImportOptions()
        o.readAheadBytes = 0
        if general { o.dateFormat = try #require(DateFormat("yyyy-M-d")) }
        return o
    }

    @Test func duplicatesInsideAGroupOfSixteenAndInTheWorkspace() throws {
        var lines = ["id,customer_id,contract_id,issued_on,due_on,amount"]
        for n in 1...100 { lines.append("N\(n),C\(n % 3 + 1),,2026-01-05,2026-02-05,\(n).00") }
        lines.insert("N7,C1,,2026-01-05,2026-02-05,1.00", at: 12)  // line 13: N7 again, in the same group of 16
        lines.insert("OLD1,C2,,2026-01-05,2026-02-05,1.00", at: 40)  // line 41: already in the workspace
        let text = lines.joined(separator: "\n") + "\n"
        var found: [[ImportProblem]] = []
        for general in [false, true] {
            let s = try ReadAheadTests.scratch()
            try s.importText(.invoices, "id,customer_id,contract_id,issued_on,due_on,amount\nOLD1,C1,,2026-01-01,2026-02-01,5.00\n")
            let result = rejection { try s.importText(.invoices, text, options: try Self.options(general: general)) }
            found.append(result.problems)
            #expect(try s.workspace.counts()[.invoices] == 1)
        }
        #expect(found[0] == found[1])
        #expect(found[0].map(\.line) == [13, 41])
        #expect(found[0].map(\.message) == ["duplicate id 'N7' in this file", "invoice 'OLD1' already exists in the workspace"])
    }

    @Test func aNulByteIsRefusedOnBothPaths() throws {
        let text = "id,customer_id,contract_id,issued_on,due_on,amount\nA\u{0}1,C1,,2026-01-05,2026-02-05,10.00\n"
        for general in [false, true] {
            let s = try ReadAheadTests.scratch()
            let result = rejection { try s.importText(.invoices, text, options: try Self.options(general: general)) }
            #expect(result.problems.map(\.message) == ["a NUL byte in column 'id'"])
        }
    }
}
