import RecoupSQLite
import RecoupStore
import Testing

@Suite struct PinyinTests {
    @Test(arguments: [
        ("上海星辰科技有限公司", "shxckjyxgs"),  // shang hai xing chen ke ji you xian gong si
        ("Acme Trading Ltd", "atl"),
        ("北京 Acme 科技", "bjakj"),  // bei jing / Acme / ke ji
        ("Acme科技2024 Ltd", "akj2l"),  // a word, ke ji, the number's first digit, Ltd
        ("杭州（Globex）贸易", "hzgmy"),  // full-width brackets separate words
        ("王伟", "ww"),
        ("", ""),
        ("---", ""),
    ])
    func initials(_ name: String, _ expected: String) {
        var pinyin = PinyinInitials()
        #expect(pinyin.initials(of: name) == expected)
    }

    @Test func longCompanyName() {
        var pinyin = PinyinInitials()
        let initials = pinyin.initials(of: "北京东方远景文化传媒有限公司")
        #expect(initials.hasPrefix("bjdf"))
        #expect(initials == "bjdfyjwhcmyxgs")
        // The cache gives the same answer the second time.
        #expect(pinyin.initials(of: "北京东方远景文化传媒有限公司") == initials)
    }

    @Test func importStoresInitialsForCompletion() throws {
        let s = try Scratch()
        try s.importText(.customers, "id,name\nC1,上海星辰科技有限公司\nC2,Acme Trading Ltd\n")
        #expect(try s.workspace.customerKeys().map(\.initials) == ["shxckjyxgs", "atl"])
    }
}

/// Polyphonic characters read by the word they stand in, not ICU's default reading.
@Suite struct PinyinWordReadingTests {
    @Test(arguments: [
        ("重庆天成科技有限公司", "cqtckjyxgs"), ("长沙博雅咨询有限公司", "csbyzxyxgs"), ("厦门海纳贸易有限公司", "xmhnmyyxgs"),
        ("招商银行", "zsyh"), ("长城", "cc"), ("重", "z"),
    ])
    func readsPolyphonicWords(name: String, initials: String) {
        var p = PinyinInitials()
        #expect(p.initials(of: name) == initials)
    }
}
