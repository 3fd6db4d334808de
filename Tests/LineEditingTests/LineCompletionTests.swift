import Testing
@testable import LineEditing

private func apply(_ completion: LineCompletion, _ line: String, cursor: Int) -> (String, Int)? {
    completion.applied(to: Array(line.unicodeScalars), cursor: cursor)
        .map { (String(String.UnicodeScalarView($0.line)), $0.cursor) }
}

@Suite struct LineCompletionTests {
    @Test func replacesWordAtEnd() throws {
        let result = try #require(apply(
            LineCompletion(replaceStart: 5, replaceEnd: 6, insertion: "张三丰 "), "show 张", cursor: 6))
        #expect(result == ("show 张三丰 ", 9))
    }

    @Test func replacesWholeArgumentWhenCursorIsMidWord() throws {
        // "show 张三 --all" with the cursor after "张": the whole "张三" is replaced.
        let result = try #require(apply(
            LineCompletion(replaceStart: 5, replaceEnd: 7, insertion: "张三丰"), "show 张三 --all", cursor: 6))
        #expect(result == ("show 张三丰 --all", 8))
    }

    @Test func fixesSpellingOfAnArgumentWithSpaces() throws {
        let result = try #require(apply(
            LineCompletion(replaceStart: 14, replaceEnd: 22, insertion: "'Acme Trading' "),
            "customer show acme tra", cursor: 22))
        #expect(result == ("customer show 'Acme Trading' ", 29))
    }

    @Test func insertsAtCursorWithEmptyRange() throws {
        let result = try #require(apply(
            LineCompletion(replaceStart: 3, replaceEnd: 3, insertion: "XY"), "abcdef", cursor: 3))
        #expect(result == ("abcXYdef", 5))
    }

    @Test func nothingToInsertWhenInsertionIsNilOrUnchanged() {
        #expect(apply(LineCompletion(replaceStart: 5, replaceEnd: 7, listing: "王五  王小明"), "show 王五", cursor: 7) == nil)
        #expect(apply(LineCompletion(replaceStart: 5, replaceEnd: 6, insertion: "王"), "show 王", cursor: 6) == nil)
        #expect(apply(.none, "", cursor: 0) == nil)
    }

    @Test func clampsRangeToLine() throws {
        let result = try #require(apply(
            LineCompletion(replaceStart: 2, replaceEnd: 99, insertion: "cd"), "abx", cursor: 3))
        #expect(result == ("abcd", 4))
    }

    @Test func emptyInsertionDeletesRange() throws {
        let result = try #require(apply(
            LineCompletion(replaceStart: 1, replaceEnd: 3, insertion: ""), "abcd", cursor: 2))
        #expect(result == ("ad", 1))
    }
}
