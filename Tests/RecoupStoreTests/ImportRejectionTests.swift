import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// One bad file and where its problem must be reported.
///
/// Lines count the header as line 1; columns are 1-based Unicode scalars, counted by hand below.
struct RejectCase: Sendable, CustomTestStringConvertible {
    var name: String
    var kind: RecordKind
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var fragment: String
    var hint: String? = nil

    init(
        _ name: String, _ kind: RecordKind, _ text: String, line: Int, column: Int, _ fragment: String,
        hint: String? = nil
    ) {
        self.init(name, kind, bytes: Array(text.utf8), line: line, column: column, fragment, hint: hint)
    }

    init(
        _ name: String, _ kind: RecordKind, bytes: [UInt8], line: Int, column: Int, _ fragment: String,
        hint: String? = nil
    ) {
        self.name = name; self.kind = kind; self.bytes = bytes; self.line = line; self.column = column
        self.fragment = fragment; self.hint = hint
    }

    var testDescription: String { name }
}

/// The invoices header used by most cases: `id,` is 3 scalars, `customer_id,` 12, `issued_on,` 10,
/// `due_on,` 7, so on a data line like `I2,C1,2024-03-01,2024-03-31,10.00` the fields start at
/// columns 1, 4, 7, 18 and 29.
let invoiceHeader = "id,customer_id,issued_on,due_on,amount\n"
let goodInvoice = "I2,C1,2024-03-01,2024-03-31,10.00\n"

let rejectCases: [RejectCase] = [
    // "I3,C1,2024-03-01,2024-03-31,10.00," is 34 scalars: the sixth field starts at 35.
    RejectCase(
        "too many fields", .invoices, invoiceHeader + goodInvoice + "I3,C1,2024-03-01,2024-03-31,10.00,extra\n",
        line: 3, column: 35, "expected 5 fields as in the header, found 6"),
    RejectCase(
        "too few fields", .invoices, invoiceHeader + "I3,C1,2024-03-01,10.00\n",
        line: 2, column: 1, "expected 5 fields as in the header, found 4"),
    // "id,customer_id,issued_on,due_on,amount," is 39 scalars.
    RejectCase(
        "unknown column", .invoices,
        "id,customer_id,issued_on,due_on,amount,disputd\n" + "I2,C1,2024-03-01,2024-03-31,10.00,no\n",
        line: 1, column: 40, "unknown column 'disputd'", hint: "did you mean 'disputed'?"),
    RejectCase(
        "missing required column", .invoices, "id,customer_id,issued_on,amount\nI2,C1,2024-03-01,10.00\n",
        line: 1, column: 1, "missing required column 'due_on'"),
    RejectCase(
        "bad date 2024-02-30", .invoices, invoiceHeader + "I2,C1,2024-02-30,2024-03-31,10.00\n",
        line: 2, column: 7, "bad date '2024-02-30' in column 'issued_on'"),
    RejectCase(
        "bad date 2024-13-01", .invoices, invoiceHeader + "I2,C1,2024-03-01,2024-13-01,10.00\n",
        line: 2, column: 18, "bad date '2024-13-01' in column 'due_on'"),
    RejectCase(
        "bad date yesterday", .invoices, invoiceHeader + goodInvoice + "I3,C1,yesterday,2024-03-31,10.00\n",
        line: 3, column: 7, "bad date 'yesterday'"),
    RejectCase(
        "due before issue", .invoices, invoiceHeader + "I2,C1,2024-03-10,2024-03-01,10.00\n",
        line: 2, column: 18, "due date 2024-03-01 is before the issue date 2024-03-10"),
    RejectCase(
        "amount with a comma", .invoices, invoiceHeader + "I2,C1,2024-03-01,2024-03-31,\"12,30\"\n",
        line: 2, column: 29, "bad amount '12,30'"),
    RejectCase(
        "amount abc", .invoices, invoiceHeader + "I2,C1,2024-03-01,2024-03-31,abc\n",
        line: 2, column: 29, "bad amount 'abc'"),
    RejectCase(
        "three decimals", .invoices, invoiceHeader + "I2,C1,2024-03-01,2024-03-31,1.999\n",
        line: 2, column: 29, "more than 2 decimal places"),
    RejectCase(
        "negative amount", .invoices, invoiceHeader + "I2,C1,2024-03-01,2024-03-31,-5.00\n",
        line: 2, column: 29, "negative amount '-5.00'"),
    RejectCase(
        "zero amount", .invoices, invoiceHeader + "I2,C1,2024-03-01,2024-03-31,0.00\n",
        line: 2, column: 29, "zero amount"),
    RejectCase(
        "duplicate id in the file", .invoices,
        invoiceHeader + goodInvoice + "I3,C1,2024-03-01,2024-03-31,1.00\n" + goodInvoice,
        line: 4, column: 1, "duplicate id 'I2' in this file"),
    RejectCase(
        "id already in the workspace", .invoices, invoiceHeader + "I1,C1,2024-03-01,2024-03-31,10.00\n",
        line: 2, column: 1, "invoice 'I1' already exists in the workspace"),
    RejectCase(
        "unknown customer", .invoices, invoiceHeader + "I2,CX,2024-03-01,2024-03-31,10.00\n",
        line: 2, column: 4, "unknown customer 'CX'"),
    // "I2,C1," is 6 scalars: contract_id starts at 7.
    RejectCase(
        "unknown contract", .invoices,
        "id,customer_id,contract_id,issued_on,due_on,amount\nI2,C1,KX,2024-03-01,2024-03-31,10.00\n",
        line: 2, column: 7, "unknown contract 'KX'"),
    RejectCase(
        "contract of another customer", .invoices,
        "id,customer_id,contract_id,issued_on,due_on,amount\nI2,C2,K1,2024-03-01,2024-03-31,10.00\n",
        line: 2, column: 7, "contract 'K1' belongs to customer 'C1', not 'C2'"),
    // "P2,C1,2024-03-01,5.00," is 22 scalars.
    RejectCase(
        "payment names an unknown invoice", .payments,
        "id,customer_id,received_on,amount,invoice_id\nP2,C1,2024-03-01,5.00,IX\n",
        line: 2, column: 23, "unknown invoice 'IX'"),
    RejectCase(
        "invalid UTF-8", .invoices,
        bytes: Array((invoiceHeader + "I2,C").utf8) + [0xFF, 0xFE] + Array(",2024-03-01,2024-03-31,10.00\n".utf8),
        line: 2, column: 4, "invalid UTF-8 in column 'customer_id'"),
    RejectCase("empty file", .invoices, "", line: 1, column: 1, "the file is empty"),
    RejectCase("header only", .invoices, invoiceHeader, line: 2, column: 1, "no records after the header"),
    RejectCase(
        "unterminated quote", .invoices,
        invoiceHeader + goodInvoice + "I3,C1,2024-03-01,2024-03-31,\"10.00\nI4,C1,2024-03-01,2024-03-31,10.00\n",
        line: 3, column: 29, "quoted field is never closed"),
    // Columns count each Chinese character once: "发票一号," is 5 scalars (13 bytes), "C1," 3.
    RejectCase(
        "column after Chinese text", .invoices, invoiceHeader + "发票一号,C1,2024-02-30,2024-03-31,10.00\n",
        line: 2, column: 9, "bad date '2024-02-30'"),
    // "C9," 3, "上海星辰科技有限公司," 11, "123," 4: bureau_score starts at 19.
    RejectCase(
        "score after a Chinese name", .customers, "id,name,phone,bureau_score\nC9,上海星辰科技有限公司,123,2000\n",
        line: 2, column: 19, "bad value '2000' in column 'bureau_score'"),
]

@Suite struct ImportRejectionTests {
    @Test(arguments: rejectCases)
    func rejectsAndLeavesWorkspaceUnchanged(_ c: RejectCase) throws {
        let s = try Scratch()
        try Base.load(s)
        let before = try s.snapshot()
        let path = try s.bytes("bad.csv", c.bytes)
        let result = rejection {
            _ = try s.workspace.importCSV(
                c.kind, path: path, options: ImportOptions(), context: ChangeContext(operator: "t", command: "import"))
        }
        #expect(result.problems.count == 1, "\(result.problems)")
        let p = try #require(result.problems.first)
        #expect(p.line == c.line)
        #expect(p.column == c.column)
        #expect(p.message.contains(c.fragment), "\(p.message)")
        if let hint = c.hint { #expect(p.hint?.contains(hint) == true, "\(String(describing: p.hint))") }
        #expect(!result.truncated)
        #expect(try s.snapshot() == before)
    }

    @Test func createCustomersCreatesTheUnknownCustomerNamedByItsId() throws {
        let s = try Scratch()
        try Base.load(s)
        var options = ImportOptions()
        options.createCustomers = true
        let summary = try s.importText(
            .invoices, invoiceHeader + "I2,新客户 X,2024-03-01,2024-03-31,10.00\nI3,新客户 X,2024-03-02,2024-04-01,5.00\n",
            options: options)
        #expect(summary.records == 2)
        #expect(summary.createdCustomers == 1)
        #expect(try s.workspace.customer(id: "新客户 X")?.name == "新客户 X")
        #expect(try s.workspace.counts()[.customers] == 3)
        #expect(try s.workspace.customerKeys().first { $0.id == "新客户 X" }?.initials == "xkhx")
    }

    @Test func allProblemsOfAFileInOneRun() throws {
        let s = try Scratch()
        try Base.load(s)
        let before = try s.snapshot()
        let text =
            invoiceHeader
            + "I2,C1,2024-02-30,2024-03-31,10.00\n"  // line 2: bad date at 7
            + "I3,C1,2024-03-01,2024-03-31,10.00\n"  // line 3: fine
            + "I4,CX,2024-03-01,2024-03-31,10.00\n"  // line 4: unknown customer at 4
            + "I5,C1,2024-03-01,2024-03-31,1.001\n"  // line 5: three decimals at 29
        let result = rejection { try s.importText(.invoices, text) }
        #expect(result.problems.map { [$0.line, $0.column] } == [[2, 7], [4, 4], [5, 29]])
        #expect(!result.truncated)
        #expect(try s.snapshot() == before)
    }

    @Test func duplicatesAfterAnEarlierProblemAreStillReported() throws {
        let s = try Scratch()
        try Base.load(s)
        let text =
            invoiceHeader
            + "I2,C1,yesterday,2024-03-31,10.00\n"  // line 2: bad date
            + "I3,C1,2024-03-01,2024-03-31,10.00\n"  // line 3: fine
            + "I3,C1,2024-03-01,2024-03-31,10.00\n"  // line 4: duplicate of line 3
            + "I1,C1,2024-03-01,2024-03-31,10.00\n"  // line 5: already in the workspace
        let result = rejection { try s.importText(.invoices, text) }
        #expect(result.problems.map(\.line) == [2, 4, 5])
        #expect(result.problems.dropFirst().first?.message.contains("duplicate id 'I3'") == true)
        #expect(result.problems.last?.message.contains("'I1' already exists") == true)
    }

    @Test func problemLimitTruncates() throws {
        let s = try Scratch()
        try Base.load(s)
        let before = try s.snapshot()
        var text = invoiceHeader
        for i in 0..<10 { text += "J\(i),C1,2024-03-01,2024-03-31,abc\n" }
        var options = ImportOptions()
        options.problemLimit = 5
        let result = rejection { try s.importText(.invoices, text, options: options) }
        #expect(result.problems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(result.truncated)
        #expect(try s.snapshot() == before)
    }

    @Test func rejectionMessageSaysNothingWasWritten() throws {
        let s = try Scratch()
        let path = try s.file("bad.csv", "id,name\nC1,\nC2,\n")
        let error = #expect(throws: StoreError.self) {
            try s.workspace.importCSV(
                .customers, path: path, options: ImportOptions(), context: ChangeContext(operator: "t", command: "c"))
        }
        #expect(error?.message == "import of '\(path)' rejected: 2 problems; the workspace is unchanged")
        #expect(try s.workspace.counts()[.customers] == 0)
    }
}
