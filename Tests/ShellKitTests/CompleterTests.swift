import Foundation
import Testing
@testable import ShellKit

@Suite struct CompleterTests {
    let completer = Completer(table: Fixtures.table, provider: FakeCustomers())

    func complete(_ line: String) -> CompletionResult {
        completer.complete(line: line, cursor: line.unicodeScalars.count)
    }

    @Test func offersEveryCommandWordAtTheStart() {
        let result = complete("")
        #expect(
            result.candidates.map(\.value) == ["customer", "invoice", "import", "cd", "help", "exit", "quit", "set"])
        #expect(result.candidates[0].description == "show, list, find")
        #expect(result.candidates[5].description == "leave the shell")
        #expect(result.insertion == nil)
    }

    @Test(
        arguments: [
            ("cu", 0, "customer "),
            ("i", 0, nil),
            ("in", 0, "invoice "),
            ("q", 0, "quit "),
            ("customer s", 9, "show "),
            ("invoice l", 8, "list "),
            ("customer show C001 --f", 19, "--format "),
            ("customer show C001 -", 19, "--"),
            ("customer show C001 --format j", 28, "json "),
            ("customer show C001 --format=c", 28, "csv "),
            ("customer show C001 --format csv --", 32, "--as-of "),
            ("invoice list --tag a --t", 21, "--tag "),
            ("help customer s", 14, "show "),
            ("help inv", 5, "invoice "),
        ] as [(String, Int, String?)])
    func completesWords(line: String, start: Int, insertion: String?) {
        let result = complete(line)
        #expect(result.replaceStart == start)
        #expect(result.replaceEnd == line.unicodeScalars.count)
        #expect(result.insertion == insertion)
    }

    @Test func listsSubcommandsAfterAGroup() {
        let result = complete("customer ")
        #expect(result.candidates.map(\.value) == ["show", "list", "find"])
        #expect(
            result.candidates.map(\.description) == [
                "show one customer's file", "list customers", "find customers by name",
            ])
        #expect(result.insertion == nil)
    }

    @Test func offersOptionsWhenNoPositionalIsExpected() {
        let result = complete("customer show C001 ")
        #expect(result.candidates.map(\.value) == ["--format", "--as-of"])
        #expect(complete("customer list ").candidates.map(\.value) == ["--overdue", "--format"])
        #expect(complete("set X -- ").candidates.isEmpty)
    }

    @Test func offersOptionValuesAfterTheOption() {
        let result = complete("customer list --format ")
        #expect(result.candidates.map(\.value) == ["table", "csv", "json"])
        #expect(result.insertion == nil)
    }

    @Test func asksTheProviderForDomainValues() {
        let result = complete("customer show ")
        #expect(result.candidates.count == 5)
        #expect(result.candidates[0] == Candidate("上海星辰贸易有限公司", description: "C001"))
    }

    @Test func insertsAUniqueChineseName() {
        let result = complete("customer show shxc")
        #expect(result.replaceStart == 14)
        #expect(result.insertion == "上海星辰贸易有限公司 ")
        let applied = result.applied(to: "customer show shxc")
        #expect(applied.line == "customer show 上海星辰贸易有限公司 ")
        #expect(applied.cursor == 25)
    }

    @Test func insertsTheCommonPrefixReplacingTheTypedInitials() {
        let result = complete("customer show bjdf")
        #expect(result.candidates.map(\.value) == ["北京东方远景科技有限公司", "北京东方红商贸"])
        #expect(result.replaceStart == 14)
        #expect(result.insertion == "北京东方")
    }

    @Test func keepsTheWordWhenTheCommonPrefixAddsNothing() {
        // Both start with "北京东方": the typed prefix is already the common prefix.
        #expect(complete("invoice list 北京东方").insertion == nil)
        #expect(complete("customer show C00").insertion == nil)
    }

    @Test(
        arguments: [
            ("customer show acme", 14, "'Acme Trading Co' "),
            ("customer show 'Acme T", 14, "'Acme Trading Co' "),
            ("customer show \"acme", 14, "\"Acme Trading Co\" "),
            ("customer show ob", 14, #"'O'\''Brien & Sons' "#),
            ("customer show \"O'B", 14, "\"O'Brien & Sons\" "),
        ] as [(String, Int, String)])
    func quotesNamesThatNeedIt(line: String, start: Int, insertion: String) throws {
        let result = complete(line)
        #expect(result.replaceStart == start)
        #expect(result.insertion == insertion)
        let completed = result.applied(to: line).line
        let tokens = try Tokenizer.tokenize(completed)
        #expect(tokens.last?.text == result.candidates.first?.value)
    }

    @Test func completesNothingInsideAComment() {
        let result = complete("customer show # sh")
        #expect(result.candidates.isEmpty)
        #expect(result.insertion == nil)
    }

    @Test func completesInTheMiddleOfALine() {
        let result = completer.complete(line: "cu show C001", cursor: 2)
        #expect(result.replaceStart == 0 && result.replaceEnd == 2)
        #expect(result.applied(to: "cu show C001").line == "customer  show C001")
    }

    @Test func listsCandidatesByDisplayWidth() {
        let result = complete("customer show ")
        let lines = result.listing(width: 60).split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        // The widest name takes 24 cells, then two spaces, then a four-character id.
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 30 })
        #expect(lines[0].hasSuffix("C001"))
    }

    @Test func listsPlainCandidatesInColumnsAndCapsTheCount() {
        let many = CompletionResult(
            replaceStart: 0, replaceEnd: 0, insertion: nil, candidates: (1...30).map { Candidate("客户\($0)") })
        let listing = many.listing(width: 40, limit: 20)
        let lines = listing.split(separator: "\n").map(String.init)
        #expect(lines.last == "... and 10 more")
        #expect(lines.dropLast().allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.count - 1 == 4)  // 20 names of at most 6 cells: 5 per line
        #expect(lines[0].hasPrefix("客户1 "))
    }
}

@Suite struct FileCompletionTests {
    let directory: String
    let completer: Completer

    init() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("shellkit-\(UUID().uuidString)").path
        let files = ["report-2024.csv", "report-2025.csv", "notes.txt", "data/q1.csv", ".hidden", "my file.csv"]
        for file in files {
            let url = URL(fileURLWithPath: path + "/" + file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(atPath: path + "/empty dir", withIntermediateDirectories: true)
        directory = path
        completer = Completer(table: Fixtures.table, currentDirectory: path, homeDirectory: path)
    }

    func complete(_ line: String) -> CompletionResult {
        completer.complete(line: line, cursor: line.unicodeScalars.count)
    }

    @Test(arguments: [
        ("import rep", "report-202"),
        ("import n", "notes.txt "),
        ("import d", "data/"),
        ("import data/", "data/q1.csv "),
        ("import my", "'my file.csv' "),
        ("import ~/no", "~/notes.txt "),
        ("cd e", "'empty dir/'"),
        ("import .h", ".hidden "),
    ])
    func completesPaths(line: String, insertion: String) {
        #expect(complete(line).insertion == insertion)
    }

    @Test func listsEntriesSortedWithoutHiddenOnes() {
        #expect(
            complete("import ").candidates.map(\.value)
                == ["data/", "empty dir/", "my file.csv", "notes.txt", "report-2024.csv", "report-2025.csv"])
        #expect(complete("cd ").candidates.map(\.value) == ["data/", "empty dir/"])
    }

    @Test func resolvesAbsolutePaths() {
        #expect(complete("import \(directory)/no").insertion == "\(directory)/notes.txt ")
    }

    /// A provider that gave only the first of many matches: no common prefix is inserted, since the
    /// rest need not share it (the first 200 of 100,000 ids start `C000`, all of them only `C0`).
    @Test func aPartialAnswerInsertsNoCommonPrefix() {
        struct Many: CompletionProvider {
            let partial: Bool
            func candidates(domain: String, prefix: String) -> [Candidate] {
                (1...3).map { Candidate("C00000\($0)") }
            }
            func answer(domain: String, prefix: String) -> DomainAnswer {
                DomainAnswer(candidates(domain: domain, prefix: prefix), isPartial: partial)
            }
        }
        let line = "customer show C0"
        let whole = Completer(table: Fixtures.table, provider: Many(partial: false))
        #expect(whole.complete(line: line, cursor: 16).insertion == "C00000")
        let partial = Completer(table: Fixtures.table, provider: Many(partial: true))
        let result = partial.complete(line: line, cursor: 16)
        #expect(result.insertion == nil)
        #expect(result.candidates.count == 3)
        #expect(result.listing(width: 80, limit: 2).hasSuffix("... and more than 1: type more to narrow them\n"))
        #expect(whole.complete(line: line, cursor: 16).listing(width: 80, limit: 2).hasSuffix("... and 1 more\n"))
    }

    /// The common prefix is found byte by byte but never ends inside a character: `e` and `e` with
    /// a combining acute accent share `caf`, not `cafe`.
    @Test func theCommonPrefixEndsBetweenCharacters() {
        #expect(Completer.longestCommonPrefix(["北京东方远景", "北京东方红"]) == "北京东方")
        #expect(Completer.longestCommonPrefix(["cafe\u{301}", "cafeX"]) == "caf")
        #expect(Completer.longestCommonPrefix(["C0001", "C0002", "C01"]) == "C0")
        #expect(Completer.longestCommonPrefix(["abc"]) == "abc")
        #expect(Completer.longestCommonPrefix(["abc", "xyz"]) == "")
        #expect(Completer.longestCommonPrefix([]) == "")
    }
}
