import Foundation
@testable import RecoupShell
import ShellKit
import Testing

/// The Chinese interface: one catalogue per language, each with every text the other has.
@Suite struct LanguageTests {
    /// `docs/strings/en.txt`, the English catalogue, is the texts the code shows.
    @Test func englishCatalogueIsCurrent() throws {
        let text = StringInventory.englishFile(try StringInventory.keys())
        let full = Sandbox.packageRoot + "/docs/strings/en.txt"
        if Sandbox.recording {
            try FileManager.default.createDirectory(
                atPath: Sandbox.packageRoot + "/docs/strings", withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
            return
        }
        let onDisk = try String(contentsOfFile: full, encoding: .utf8)
        #expect(
            onDisk == text,
            "docs/strings/en.txt is stale: run RECOUP_RECORD=1 swift test --filter englishCatalogueIsCurrent")
    }

    /// Every English text has its Chinese, and the Chinese catalogue has nothing the code no longer shows.
    @Test func chineseHasEveryTextAndNoOther() throws {
        let english = Set(try StringInventory.keys())
        let chinese = Localization.chinese
        #expect(chinese.problems.isEmpty, "\(chinese.problems.prefix(5).joined(separator: "; "))")
        let have = Set(chinese.keys)
        let missing = english.subtracting(have).sorted()
        let stale = have.subtracting(english).sorted()
        #expect(missing.isEmpty, "\(missing.count) texts have no Chinese, e.g. \(missing.prefix(8))")
        #expect(stale.isEmpty, "\(stale.count) Chinese entries match no text the code shows, e.g. \(stale.prefix(8))")
    }
}

/// The catalogue's mechanics: exact entries, templates with values, reordering, what stays English.
@Suite struct CatalogueTests {
    static let source = """
        en: Total
        zh: 合计

        en: no customer '{}'
        zh: 没有客户“{}”

        en: {} paid {} on {}
        zh: {3}，{1} 付款 {2}

        en: {} change{}
        zh: {1} 项更改

        en: cannot do it: {}
        zh: 无法执行：{}

        en: the books changed since
        zh: 账目已变更

        en: Overdue as of {}{}
        zh: 截至{}的逾期情况{}

        en: Calls for {}{}: {} of {}
        zh: {1}{2} 的电话：共 {4} 个，显示 {3} 个

        en: two lines
          of English
        zh: 两行
          中文
        """

    @Test func exactAndTemplateEntries() {
        let t = Catalogue(language: "zh", source: Self.source)
        #expect(t.problems.isEmpty)
        #expect(t("Total") == "合计")
        #expect(t("no customer 'C009'") == "没有客户“C009”")
        #expect(t("C001 paid 100.00 on 2024-06-30") == "2024-06-30，C001 付款 100.00")
        #expect(t("3 changes") == "3 项更改")
        #expect(t("Overdue as of 2024-06-30 (dry run)") == "截至2024-06-30的逾期情况 (dry run)")
        #expect(t("Overdue as of 2024-06-30") == "截至2024-06-30的逾期情况")
        #expect(t("Calls for 2026-11-30: 2 of 98") == "2026-11-30 的电话：共 98 个，显示 2 个")
        #expect(t("Calls for 2026-11-30, agent A11: 2 of 10") == "2026-11-30, agent A11 的电话：共 10 个，显示 2 个")
        #expect(t("two lines\nof English") == "两行\n中文")
        // A sentence inside a message is translated; a single word (an id, a command word) is not.
        #expect(t("cannot do it: the books changed since") == "无法执行：账目已变更")
        #expect(t("no customer 'Total'") == "没有客户“Total”")
        // No entry: the English as it is, line by line for text of several lines.
        #expect(t("something new") == "something new")
        #expect(t("Total\nsomething new") == "合计\nsomething new")
        #expect(Catalogue.english("Total") == "Total")
    }

    @Test func problemsInTheSourceAreReported() {
        let t = Catalogue(language: "zh", source: "en: a\n\nen: a\nzh: 甲\n\nen: b {}\nzh: 乙 {2}\nstray\n")
        #expect(t.problems.count == 3, "\(t.problems)")
    }

    @Test func amountsAreGroupedWithTheCurrencyInTablesOnly() {
        #expect(Cell.grouped("22142.07") == "¥22,142.07")
        #expect(Cell.grouped("-1234567.50") == "-¥1,234,567.50")
        #expect(Cell.grouped("0.05") == "¥0.05")
        #expect(Cell.grouped("999") == "¥999")
        #expect(Cell.grouped("n/a") == "n/a")
        let table = Output.table(Table(columns: [Column("Amount")], rows: [[.money("22142.07")]]))
        #expect(Renderer.render(table, as: .table).contains("¥22,142.07"))
        #expect(Renderer.render(table, as: .csv) == "amount\n22142.07\n")
        #expect(Renderer.render(table, as: .json).contains("22142.07"))
        #expect(!Renderer.render(table, as: .json).contains("¥"))
    }

    @Test func ratesShowAsPercentagesInTablesOnly() {
        #expect(Cell.rate("0.0005", per: "/day").shown == "0.05 %/day")
        #expect(Cell.rate("0.3", per: "").shown == "30 %")
        #expect(Cell.rate("1", per: "").shown == "100 %")
        #expect(Cell.rate("0.125", per: "").shown == "12.5 %")
        #expect(Cell.rate("0.0005", per: "/day").plain == "0.0005")
        #expect(Cell.rate("x", per: "").shown == "x")
    }

    @Test func theLocaleChoosesTheLanguage() {
        #expect(Localization.fromLocale(["LANG": "zh_CN.UTF-8"]) == "zh")
        #expect(Localization.fromLocale(["LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"]) == "en")
        #expect(Localization.fromLocale(["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == "zh")
        #expect(Localization.fromLocale([:]) == "en")
    }
}

/// The Chinese interface from the shell, as a collector uses it (the acceptance check's behaviours).
@Suite struct ChineseShellTests {
    static func hasChinese(_ s: some StringProtocol) -> Bool {
        s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func everyHelpLineHasChineseAndCommandWordsStay() throws {
        let sandbox = try Sandbox(loaded: false)
        let index = try sandbox.run(["set language zh", "help"]).out
        let lines = index.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(lines.count > 40)
        #expect(lines.filter { !Self.hasChinese($0) }.isEmpty)
        #expect(index.contains("payment add"))
        let one = try sandbox.run(["set language zh", "help payment add"]).out
        #expect(one.contains("payment add") && one.contains("--on") && one.contains("用法"))
    }

    @Test func errorsAreChineseAndNameTheCommand() throws {
        let sandbox = try Sandbox(loaded: false)
        let r = try sandbox.run(["set language zh", "invoce list C001"])
        #expect(r.status == 1)
        #expect(r.err.contains("错误") && r.err.contains("invoice"), "\(r.err)")
    }

    @Test func csvAndJsonAreTheSameInBothLanguages() throws {
        let sandbox = try Sandbox()
        for command in ["customer list --as-of 2024-05-31 --format csv", "aging --as-of 2024-05-31 --format json"] {
            let zh = try sandbox.run(["set language zh", command]).out
            let en = try sandbox.run([command]).out
            #expect(!zh.isEmpty && zh == en, "\(command)")
        }
        let table = try sandbox.run(["set language zh", "invoice list --customer C001 --format table"]).out
        #expect(Self.hasChinese(table) && table.contains("¥"))
    }
}

/// `customer show` in a table fits one screen of 45 rows (44 and the prompt) at 150 columns; `--full` shows all.
@Suite struct FoldedCustomerFileTests {
    @Test func everyCustomerFitsAndTheLongestTablesSayHowManyMore() throws {
        let sandbox = try Sandbox(loaded: false)
        let dir = sandbox.dir + "/portfolio"
        // One customer with 40 more invoices than the others, unpaid: a file too long for a screen.
        let extra =
            "id,customer_id,contract_id,issued_on,due_on,amount,disputed,settled_on\n"
            + (1...40).map { "X-\($0),C000001,,2026-01-\(10 + $0 % 18),2026-02-\(10 + $0 % 18),100.00,," }
            .joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try extra.write(toFile: dir + "/extra.csv", atomically: true, encoding: .utf8)
        let setup = try sandbox.run(
            ["generate portfolio \(dir) --customers 40 --end 2026-11-30"]
                + ["customers", "contracts", "invoices", "payments"].map { "import \($0) \(dir)/\($0).csv" }
                + ["import invoices \(dir)/extra.csv"])
        #expect(setup.status == 0, "\(setup.err)")
        let ids = try sandbox.run(["customer list --as-of 2026-11-30 --format csv"]).out.split(separator: "\n")
            .dropFirst().map { $0.split(separator: ",")[0] }
        #expect(ids.count == 40)
        var cut = 0
        for id in ids {
            let folded = try sandbox.run(["customer show \(id) --as-of 2026-11-30 --format table"]).out
            let lines = folded.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            #expect(lines <= 44, "\(id): \(lines) lines")
            #expect(folded.hasPrefix("Customer: ID \(id)"))
            if folded.contains("more: customer show \(id) --full") {
                cut += 1
                let full = try sandbox.run(["customer show \(id) --as-of 2026-11-30 --format table --full"]).out
                #expect(full.split(separator: "\n").count > 44)
            }
        }
        #expect(cut > 0, "no customer long enough to fold: the test proves nothing")
        // CSV is the whole file whether folded or not.
        let csv = try sandbox.run(["customer show \(ids[0]) --as-of 2026-11-30 --format csv"]).out
        let full = try sandbox.run(["customer show \(ids[0]) --as-of 2026-11-30 --format csv --full"]).out
        #expect(csv == full)
    }
}

/// Recorded moments are UTC in CSV and JSON, and the operator's own time in a table.
@Suite struct OperatorTimeTests {
    @Test func aMomentShowsInTheOperatorsZone() throws {
        let shanghai = Invocation.time("2026-12-03T07:07:37Z", zone: TimeZone(identifier: "Asia/Shanghai"))
        #expect(shanghai.plain == "2026-12-03T07:07:37Z")
        #expect(shanghai.shown == "2026-12-03 15:07:37 +08:00")
        let newYork = Invocation.time("2026-12-03T03:00:00Z", zone: TimeZone(identifier: "America/New_York"))
        #expect(newYork.shown == "2026-12-02 22:00:00 -05:00")
        #expect(Invocation.time("not a time").shown == "not a time")
        let table = Output.table(Table(columns: [Column("At", key: "at")], rows: [[shanghai]]))
        #expect(Renderer.render(table, as: .csv) == "at\n2026-12-03T07:07:37Z\n")
        #expect(Renderer.render(table, as: .table).contains("2026-12-03 15:07:37 +08:00"))
    }
}
