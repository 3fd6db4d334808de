import Foundation
import RecoupCore
import RecoupSQLite
import RecoupStore
import Testing

/// Bureau report imports: a good file lands whole, every bad row is located, a rejected file writes nothing.
///
/// The header `customer_id,score,date,agency` puts the fields of `C1,720,2024-03-01,百行` at columns
/// 1, 4, 8 and 19.
@Suite struct BureauTests {
    static let header = "customer_id,score,date,agency\n"

    func importBureau(_ s: Scratch, _ text: String, options: BureauImportOptions = BureauImportOptions()) throws
        -> BureauImportSummary
    {
        let path = try s.file("bureau-\(UUID().uuidString).csv", text)
        return try s.workspace.importBureau(
            path: path, options: options, context: ChangeContext(operator: "tester", command: "bureau import"))
    }

    @Test func goodFileKeepsEveryReportAndTheLatestOnTheCustomer() throws {
        let s = try Scratch()
        try Base.load(s)
        let summary = try importBureau(
            s, Self.header + "C1,720,2024-03-01,百行\nC1,650,2024-05-01,百行\nC1,700,2024-04-01,朴道\nC2,810,2024-02-15,\n")
        #expect(summary.reports == 4 && summary.customers == 2)
        let reports = try s.workspace.bureauReports(customer: "C1")
        #expect(reports.map(\.score) == [650, 700, 720])
        #expect(reports.first?.agency == "百行")
        let c1 = try #require(try s.workspace.customer(id: "C1"))
        #expect(c1.bureauScore == 650 && c1.bureauDate == Day("2024-05-01"))
        let c2 = try #require(try s.workspace.customer(id: "C2"))
        #expect(c2.bureauScore == 810 && c2.bureauDate == Day("2024-02-15"))
        #expect(
            try s.workspace.journal(limit: 1).first?.effect
                == "imported 4 bureau reports, latest score of 2 customers set")
    }

    @Test func mappingDateFormatAndDefaultAgency() throws {
        let s = try Scratch()
        try Base.load(s)
        var options = BureauImportOptions()
        options.mapping = try BureauImportOptions.parseMapping("customer_id=客户编号,score=评分,date=报告日期")
        options.dateFormat = try #require(DateFormat("M/d/yyyy"))
        options.agency = "朴道"
        options.ignoreExtraColumns = true
        _ = try importBureau(s, "客户编号,评分,报告日期,备注\nC2,555,3/7/2024,x\n", options: options)
        #expect(
            try s.workspace.bureauReports(customer: "C2") == [
                BureauReport(customerId: "C2", score: 555, day: Day("2024-03-07")!, agency: "朴道")
            ])
    }

    @Test func anOlderReportDoesNotReplaceALaterCustomerScore() throws {
        let s = try Scratch()
        try s.importText(.customers, "id,name,bureau_score,bureau_date\nC1,Acme,720,2024-06-01\n")
        _ = try importBureau(s, Self.header + "C1,400,2024-01-01,x\n")
        let c = try #require(try s.workspace.customer(id: "C1"))
        #expect(c.bureauScore == 720 && c.bureauDate == Day("2024-06-01"))
        #expect(try s.workspace.bureauReports(customer: "C1").count == 1)
    }

    @Test func aReportAlreadyOnFileIsADuplicate() throws {
        let s = try Scratch()
        try Base.load(s)
        _ = try importBureau(s, Self.header + "C1,720,2024-03-01,百行\n")
        let before = try s.snapshot()
        let (problems, _) = rejection { _ = try importBureau(s, Self.header + "C1,710,2024-03-01,百行\n") }
        #expect(problems.map { "\($0.line):\($0.column)" } == ["2:8"])
        #expect(problems.first?.message.contains("already exists") == true)
        #expect(try s.snapshot() == before)
        #expect(try s.workspace.bureauReports(customer: "C1").map(\.score) == [720])
    }

    static let badCases: [(name: String, text: String, line: Int, column: Int, fragment: String)] = [
        ("unknown customer", header + "C1,720,2024-03-01,a\nC9,720,2024-03-01,a\n", 3, 1, "unknown customer 'C9'"),
        ("score above 1000", header + "C1,1200,2024-03-01,a\n", 2, 4, "bad score '1200'"),
        ("score not a number", header + "C1,7x,2024-03-01,a\n", 2, 4, "bad score '7x'"),
        ("negative score", header + "C1,-5,2024-03-01,a\n", 2, 4, "bad score '-5'"),
        ("bad date", header + "C1,720,2024-02-30,a\n", 2, 8, "bad date '2024-02-30'"),
        ("missing score column", "customer_id,date\nC1,2024-03-01\n", 1, 1, "missing required column 'score'"),
        ("missing value", header + "C1,,2024-03-01,a\n", 2, 4, "missing value for required column 'score'"),
        ("unknown column", "customer_id,score,date,rating\nC1,1,2024-03-01,x\n", 1, 24, "unknown column 'rating'"),
        (
            "duplicate in file", header + "C1,720,2024-03-01,a\nC1,700,2024-03-01,a\n", 3, 8,
            "duplicate report for customer 'C1' on 2024-03-01 from 'a' (first on line 2)"
        ),
        ("too many fields", header + "C1,720,2024-03-01,a,b\n", 2, 21, "expected 4 fields"),
    ]

    @Test(arguments: badCases.indices)
    func badRowIsLocatedAndNothingIsWritten(_ i: Int) throws {
        let c = Self.badCases[i]
        let s = try Scratch()
        try Base.load(s)
        let before = try s.snapshot()
        let (problems, _) = rejection { _ = try importBureau(s, c.text) }
        #expect(problems.count == 1, "\(c.name): \(problems)")
        #expect(problems.first.map { "\($0.line):\($0.column)" } == "\(c.line):\(c.column)", "\(c.name)")
        #expect(problems.first?.message.contains(c.fragment) == true, "\(c.name): \(problems.first?.message ?? "")")
        #expect(try s.snapshot() == before)
        #expect(try s.workspace.bureauReports(customer: "C1").isEmpty)
        #expect(try s.workspace.customer(id: "C1")?.bureauScore == nil)
    }

    @Test func everyProblemOfAFileIsReportedInOrder() throws {
        let s = try Scratch()
        try Base.load(s)
        let (problems, _) = rejection {
            _ = try importBureau(s, Self.header + "C1,720,2024-03-01,a\nC9,2000,03/01/2024,a\nC2,800,2024-03-02,\n")
        }
        #expect(problems.map { "\($0.line):\($0.column)" } == ["3:1", "3:4", "3:9"])
        #expect(try s.workspace.bureauReports(customer: "C2").isEmpty)
    }

    @Test func mappingTextIsChecked() {
        #expect(throws: MappingError.self) { try BureauImportOptions.parseMapping("rating=评分") }
        #expect(throws: MappingError.self) { try BureauImportOptions.parseMapping("score") }
        #expect((try? BureauImportOptions.parseMapping("Score=评分")) == ["score": "评分"])
    }
}
