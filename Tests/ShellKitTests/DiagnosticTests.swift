import Testing
@testable import ShellKit

@Suite struct DiagnosticTests {
    static let message = "unknown option '--amout' for 'invoice list'"
    static let hint = "did you mean '--amount'?"

    @Test(arguments: [
        ("nightly.recoup", 12, 8, hint, "nightly.recoup:12:8: error: \(message) (did you mean '--amount'?)"),
        ("nightly.recoup", 12, nil, hint, "nightly.recoup:12: error: \(message) (did you mean '--amount'?)"),
        ("nightly.recoup", nil, nil, nil, "nightly.recoup: error: \(message)"),
        (nil, 3, 8, nil, "3:8: error: \(message)"),
        (nil, nil, 8, hint, "error: \(message) (did you mean '--amount'?)"),
        (nil, nil, nil, nil, "error: \(message)"),
    ] as [(String?, Int?, Int?, String?, String)])
    func rendersWhateverLocationIsKnown(file: String?, line: Int?, column: Int?, hint: String?, rendered: String) {
        let diagnostic = Diagnostic(file: file, line: line, column: column, message: Self.message, hint: hint)
        #expect(diagnostic.rendered == rendered)
    }

    @Test func wrapsAShellErrorWithItsColumn() throws {
        let line = "invoice list --amout 5"
        var caught: ShellError?
        do { _ = try Fixtures.parse(line) } catch let error as ShellError { caught = error }
        let diagnostic = Diagnostic(try #require(caught), file: "nightly.recoup", line: 12)
        #expect(diagnostic.rendered == "nightly.recoup:12:14: error: \(Self.message) (\(Self.hint))")
    }

    @Test func pointsACaretByDisplayWidth() {
        let diagnostic = Diagnostic(column: 18, message: "unknown option '--formt' for 'customer show'")
        // "customer show 上海 " takes 19 cells: the two Chinese characters take two each.
        #expect(diagnostic.caret(under: "customer show 上海 --formt")
            == "customer show 上海 --formt\n" + String(repeating: " ", count: 19) + "^")
        #expect(Diagnostic(message: "x").caret(under: "abc") == nil)
        #expect(Diagnostic(severity: .warning, message: "late").rendered == "warning: late")
    }

    @Test func describesAShellError() {
        #expect(ShellError("bad", hint: "fix it", column: 3).description == "bad (fix it)")
        #expect(ShellError("bad").description == "bad")
    }
}
