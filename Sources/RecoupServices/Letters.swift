import Foundation
import Mustache
import RecoupCore
import TextWidth

/// The documents of a dunning run: Mustache templates (defaults below, or a team's own from a
/// folder), rendered to Markdown and to plain text.
///
/// Templates are named `LANGUAGE/KIND` (`zh/letter`, `en/final_notice`); `LANGUAGE/statement` is the
/// statement of account, included by the others as a partial (`{{> zh/statement}}`). A team's folder
/// holds files of the same names (`zh/letter.mustache`); a file it lacks falls back to the default.
/// `KIND.txt.mustache` (e.g. `zh/letter.txt.mustache`), when present, makes the plain text; otherwise
/// the plain text is the Markdown without its markup. Values are inserted as they are (no HTML
/// escaping). docs/DUNNING.md lists the variables.
public struct Letters: Sendable {
    /// The file a team puts next to its templates with the creditor's details (TOML-like `key = "value"` lines).
    static let letterheadFile = "letterhead.toml"
    /// The letterhead keys a letter uses: the creditor (we, the sender) and where to pay.
    static let letterheadKeys = [
        "name", "tax_id", "address", "bank", "account_name", "account", "contact", "phone", "email",
    ]

    private(set) var library: MustacheLibrary
    /// Values from `letterhead.toml`; a key left out shows as a placeholder to fill in by hand.
    var letterhead: [String: String]

    /// The default templates, or a team's own over them (`folder`), with its letterhead.
    public init(folder: String?) throws {
        var library = MustacheLibrary()
        for (name, text) in Letters.defaults {
            try! library.register(MustacheTemplate(string: Letters.pragma + text), named: name)
        }
        letterhead = [:]
        if let folder {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
                throw ServiceError(
                    "no templates folder '\(folder)'",
                    hint:
                        "give a folder of *.mustache files named like the defaults (zh/letter.mustache); see docs/DUNNING.md"
                )
            }
            let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
            for file in files where file.hasSuffix(".mustache") {
                let path = folder + "/" + file
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw ServiceError("cannot read template '\(path)'")
                }
                do {
                    library.register(
                        try MustacheTemplate(string: Letters.pragma + text), named: String(file.dropLast(9)))
                } catch let e as MustacheTemplate.ParserError {
                    let column =
                        e.context.lineNumber == 1
                        ? e.context.columnNumber - Letters.pragma.count : e.context.columnNumber
                    throw ServiceError(
                        "\(path):\(e.context.lineNumber):\(max(1, column)): template error: \(e.error)",
                        hint: "templates are Mustache: {{name}}, {{#section}}...{{/section}}, {{> zh/statement}}")
                }
            }
            if let text = try? String(contentsOfFile: folder + "/" + Letters.letterheadFile, encoding: .utf8) {
                letterhead = try Letters.parseLetterhead(text, file: folder + "/" + Letters.letterheadFile)
            }
        }
        self.library = library
    }

    /// Values are written as they are: letters are Markdown and plain text, not HTML.
    static let pragma = "{{% CONTENT_TYPE: TEXT}}"

    /// Reads `key = "value"` lines (`#` comments, blank lines); unknown keys are an error, so a typo
    /// does not silently leave a placeholder in every letter.
    static func parseLetterhead(_ text: String, file: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (n, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("[") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw ServiceError("\(file):\(n + 1): expected key = \"value\"")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard letterheadKeys.contains(key) else {
                throw ServiceError(
                    "\(file):\(n + 1): unknown letterhead key '\(key)'",
                    hint: "keys: \(letterheadKeys.joined(separator: ", "))")
            }
            out[key] = value
        }
        return out
    }

    /// The document of `kind` in `language` for `context`: Markdown, and plain text.
    func render(_ kind: DunningAction, language: String, context: [String: Any]) -> (markdown: String, text: String) {
        let name = "\(language)/\(kind.rawValue)"
        let markdown = Letters.tidy(library.render(context, withTemplate: name) ?? "")
        let text =
            library.getTemplate(named: name + ".txt") != nil
            ? Letters.tidy(library.render(context, withTemplate: name + ".txt") ?? "")
            : Letters.plainText(markdown)
        return (markdown, text)
    }

    /// At most one blank line in a row, one newline at the end.
    static func tidy(_ s: String) -> String {
        var out: [Substring] = []
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            let l = trimmingTrailingSpaces(line)
            if l.isEmpty && (out.last?.isEmpty ?? true) { continue }
            out.append(l)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// Markdown without its markup: headings and emphasis marks dropped, tables as aligned columns
    /// (wide characters count two), rules as a line of dashes.
    static func plainText(_ markdown: String) -> String {
        var out: [String] = []
        var table: [[String]] = [], right: [Bool] = []
        func flush() {
            guard !table.isEmpty else { return }
            let n = table.map(\.count).max() ?? 0
            let widths = (0..<n).map { c in table.map { c < $0.count ? DisplayWidth.of($0[c]) : 0 }.max() ?? 0 }
            for row in table {
                out.append(
                    trimmingTrailingSpaces(
                        (0..<n).map { c in
                            DisplayWidth.pad(
                                c < row.count ? row[c] : "", to: widths[c],
                                alignment: c < right.count && right[c] ? .right : .left)
                        }.joined(separator: "  ")
                    ).description)
            }
            table = []; right = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let s = line.trimmingCharacters(in: .whitespaces)
            if s.hasPrefix("|") {
                let cells = s.dropFirst().split(separator: "|", omittingEmptySubsequences: false).dropLast(
                    s.hasSuffix("|") ? 1 : 0
                )
                .map { strip(String($0).trimmingCharacters(in: .whitespaces)) }
                if !cells.isEmpty && cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }) {
                    right = cells.map { $0.hasSuffix(":") }
                } else {
                    table.append(cells)
                }
                continue
            }
            flush()
            if s == "---" { out.append(String(repeating: "-", count: 40)); continue }
            var t = String(line)
            let hashes = t.prefix { $0 == "#" }.count
            if (1...6).contains(hashes) && t.dropFirst(hashes).first == " " { t = String(t.dropFirst(hashes + 1)) }
            if t.hasPrefix("> ") { t = String(t.dropFirst(2)) }
            out.append(strip(t))
        }
        flush()
        return tidy(out.joined(separator: "\n"))
    }

    private static func trimmingTrailingSpaces<S: StringProtocol>(_ s: S) -> Substring {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return t
    }

    private static func strip(_ s: String) -> String {
        s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
    }

    // MARK: Words of each language

    /// The title of a document of `kind`: 催款函, Demand letter, ...
    static func title(_ kind: DunningAction, _ language: String) -> String {
        switch (kind, language == "en") {
        case (.reminder, false): return "付款提醒"
        case (.letter, false): return "催款函"
        case (.call, false): return "电话催收"
        case (.finalNotice, false): return "最后催告函"
        case (.legalReview, false): return "法务审查"
        case (.reminder, true): return "Payment reminder"
        case (.letter, true): return "Demand letter"
        case (.call, true): return "Call list entry"
        case (.finalNotice, true): return "Final notice"
        case (.legalReview, true): return "Legal review"
        }
    }

    /// A day as written in a letter: 2024年6月30日, or 30 June 2024.
    static func date(_ d: Day, _ language: String) -> String {
        let c = d.components
        if language != "en" { return "\(c.year)年\(c.month)月\(c.day)日" }
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }

    /// 逾期 45 天 / 距到期 3 天 / 今日到期, or 45 days overdue / due in 3 days / due today.
    static func overdueText(_ days: Int, _ language: String) -> String {
        if language == "en" {
            return days > 0
                ? "\(days) day\(days == 1 ? "" : "s") overdue"
                : days < 0 ? "due in \(-days) day\(days == -1 ? "" : "s")" : "due today"
        }
        return days > 0 ? "逾期 \(days) 天" : days < 0 ? "距到期 \(-days) 天" : "今日到期"
    }

    /// What stands in a letter for a letterhead value not given: to fill in by hand before sending.
    static func placeholder(_ key: String, _ language: String) -> String {
        let zh = [
            "name": "本公司名称", "tax_id": "统一社会信用代码", "address": "地址", "bank": "开户行", "account_name": "户名",
            "account": "账号", "contact": "联系人", "phone": "电话", "email": "邮箱",
        ]
        let en = [
            "name": "our company name", "tax_id": "unified social credit code", "address": "address", "bank": "bank",
            "account_name": "account name", "account": "account number", "contact": "contact person", "phone": "phone",
            "email": "email",
        ]
        return language == "en" ? "[to fill in: \(en[key] ?? key)]" : "【待填：\(zh[key] ?? key)】"
    }

    /// A fraction's decimal text in percent without trailing zeros: `0.0005` is `0.05`, `0.3` is `30`.
    static func percent(_ fraction: String) -> String {
        guard let r = Rate.fraction(fraction) else { return fraction }
        var s = r.percentText(6)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
}

// MARK: The default templates

extension Letters {
    /// Every default template by name: `LANGUAGE/KIND` for reminder, letter, call, final_notice and
    /// legal_review, and `LANGUAGE/statement` (the statement of account, a partial).
    static let defaults: [String: String] = [
        "zh/statement": zhStatement, "zh/reminder": zhReminder, "zh/letter": zhLetter, "zh/final_notice": zhFinalNotice,
        "zh/call": zhCall, "zh/legal_review": zhLegalReview,
        "en/statement": enStatement, "en/reminder": enReminder, "en/letter": enLetter, "en/final_notice": enFinalNotice,
        "en/call": enCall, "en/legal_review": enLegalReview,
    ]

    static let zhInvoiceTable = """
        | 发票号 | 合同 | 开票日 | 到期日 | 发票金额（元） | 未付金额（元） | 状态 |
        |---|---|---|---|---:|---:|---|
        {{#items}}
        | {{invoice_id}} | {{contract_id}} | {{issued_on}} | {{due_on}} | {{amount}} | {{open}} | {{overdue_text}} |
        {{/items}}
        | **合计** | | | | | **{{items_total}}** | |
        """

    static let zhParties = """
        编号：{{reference}}

        致：**{{customer.name}}**（统一社会信用代码：{{customer.tax_id}}）

        发函方：**{{creditor.name}}**（统一社会信用代码：{{creditor.tax_id}}）
        """

    static let zhPayTo = """
        收款账户：

        - 户名：{{creditor.account_name}}
        - 开户行：{{creditor.bank}}
        - 账号：{{creditor.account}}
        """

    static let zhClauses = """
        {{#contracts}}
        {{#has_late_fee}}
        根据合同 {{id}} 的违约条款，逾期付款的，按逾期金额每日 {{late_fee_daily_rate}}% 计收滞纳金{{#has_grace}}（宽限期 {{late_fee_grace_days}} 日）{{/has_grace}}{{#has_cap}}，滞纳金总额以逾期本金的 {{late_fee_cap}}% 为限{{/has_cap}}。
        {{/has_late_fee}}
        {{/contracts}}
        """

    static let zhSignature = """
        联系人：{{creditor.contact}}　电话：{{creditor.phone}}　邮箱：{{creditor.email}}

        {{creditor.name}}

        {{date_text}}
        """

    static let zhStatement = """
        ## 对账单

        客户：{{customer.name}}（{{customer.id}}）　截至：{{statement.as_of_text}}

        | 发票号 | 合同 | 开票日 | 到期日 | 发票金额 | 未付金额 | 逾期天数 | 备注 |
        |---|---|---|---|---:|---:|---:|---|
        {{#statement.invoices}}
        | {{invoice_id}} | {{contract_id}} | {{issued_on}} | {{due_on}} | {{amount}} | {{open}} | {{days_overdue}} | {{note}} |
        {{/statement.invoices}}
        | **合计** | | | | **{{statement.total_amount}}** | **{{statement.total_open}}** | | |

        未付合计 {{statement.total_open}} 元，其中已逾期 {{statement.total_overdue}} 元{{#statement.has_disputed}}，有争议 {{statement.total_disputed}} 元（争议解决前暂不催收）{{/statement.has_disputed}}。{{#statement.has_late_fees}}已计收滞纳金（扣除减免后）{{statement.late_fees}} 元。{{/statement.has_late_fees}}{{#statement.has_unapplied}}另有未核销的款项 {{statement.unapplied}} 元。{{/statement.has_unapplied}}

        ### 近期付款

        {{#statement.has_payments}}
        | 付款编号 | 日期 | 金额 | 发票 | 方式 |
        |---|---|---:|---|---|
        {{#statement.payments}}
        | {{payment_id}} | {{received_on}} | {{amount}} | {{invoice_id}} | {{method}} |
        {{/statement.payments}}
        {{/statement.has_payments}}
        {{^statement.has_payments}}
        无。
        {{/statement.has_payments}}
        """

    static let zhReminder = """
        # 付款提醒

        \(zhParties)

        {{customer.name}}：

        您好！感谢贵司一直以来的支持与合作。温馨提示，贵司以下款项{{#any_overdue}}已到期{{/any_overdue}}{{#any_not_yet_due}}{{#any_overdue}}或{{/any_overdue}}即将到期{{/any_not_yet_due}}：

        \(zhInvoiceTable)

        合计人民币 **{{items_total}} 元**（大写：{{items_total_capitals}}）。请{{#any_not_yet_due}}于各发票到期日前{{/any_not_yet_due}}{{#any_overdue}}{{#any_not_yet_due}}付款，已到期的款项请{{/any_not_yet_due}}于 **{{deadline_text}}** 前{{/any_overdue}}支付至以下账户。

        \(zhPayTo)

        如贵司已安排付款，请忽略本提醒；如对账目有疑问，请随时与我们联系。

        \(zhSignature)

        ---

        {{> zh/statement}}
        """

    static let zhLetter = """
        # 催款函

        \(zhParties)

        {{customer.name}}：

        贵我双方{{#has_contracts}}签订的合同（编号 {{contract_ids}}）{{/has_contracts}}{{^has_contracts}}交易{{/has_contracts}}项下，下列款项已到期，贵司至今未付：

        \(zhInvoiceTable)

        截至 {{date_text}}，上述款项未付本金合计人民币 **{{items_total}} 元**（大写：{{items_total_capitals}}）{{#has_late_fees}}，另有已计收的滞纳金人民币 {{late_fees}} 元，合计人民币 **{{amount_due}} 元**（大写：{{amount_due_capitals}}）{{/has_late_fees}}。{{#has_other_overdue}}连同此前已催告的款项，贵司目前逾期未付且无争议的款项合计人民币 **{{overdue_total}} 元**，详见所附对账单。{{/has_other_overdue}}

        \(zhClauses)

        请贵司于 **{{deadline_text}}** 前（本函出具之日起 {{pay_within_days}} 日内）将上述款项付清。

        \(zhPayTo)

        如逾期仍未支付，我方将依照合同约定{{#has_suspend_clause}}暂停服务，并{{/has_suspend_clause}}追究贵司的违约责任，必要时通过诉讼等法律途径解决，由此产生的诉讼费、律师费等费用由贵司承担。

        如贵司已付款，请将付款凭证发送给我们核对；如对上述款项有异议，请于收到本函之日起 {{pay_within_days}} 日内书面告知。

        \(zhSignature)

        ---

        {{> zh/statement}}
        """

    static let zhFinalNotice = """
        # 最后催告函

        \(zhParties)

        {{customer.name}}：

        我方此前已多次就下列逾期款项向贵司催告，贵司至今仍未付款：

        \(zhInvoiceTable)

        截至 {{date_text}}，贵司欠付本金合计人民币 **{{items_total}} 元**（大写：{{items_total_capitals}}）{{#has_late_fees}}，另有已计收的滞纳金人民币 {{late_fees}} 元，合计人民币 **{{amount_due}} 元**（大写：{{amount_due_capitals}}）{{/has_late_fees}}。{{#has_other_overdue}}连同此前已催告的款项，贵司目前逾期未付且无争议的款项合计人民币 **{{overdue_total}} 元**，详见所附对账单。{{/has_other_overdue}}

        \(zhClauses)

        现再次正式催告：请贵司务必于 **{{deadline_text}}** 前（本函出具之日起 {{pay_within_days}} 日内）付清全部欠款。

        \(zhPayTo)

        如届时仍未付清，我方将不再另行通知，依照合同约定{{#has_suspend_clause}}暂停服务，并{{/has_suspend_clause}}委托律师通过诉讼等法律途径追讨欠款、滞纳金及由此产生的全部费用。

        \(zhSignature)

        ---

        {{> zh/statement}}
        """

    static let zhCall = """
        # 电话催收

        编号：{{reference}}　日期：{{date_text}}

        客户：**{{customer.name}}**（{{customer.id}}）　电话：{{customer.phone}}　邮箱：{{customer.email}}　负责人：{{customer.agent}}

        \(zhInvoiceTable)

        待收合计：人民币 **{{items_total}} 元**{{#has_late_fees}}，另有已计收滞纳金 {{late_fees}} 元{{/has_late_fees}}。

        通话要点：

        - 核实对方是否已收到发票及此前的催款函；
        - 询问未付原因，确认付款日期和金额，并记录承诺还款；
        - 告知合同约定的滞纳金{{#has_suspend_clause}}及暂停服务{{/has_suspend_clause}}条款；
        - 如对方提出争议，记录争议内容并标记发票为争议中。

        通话记录：

        ---

        {{> zh/statement}}
        """

    static let zhLegalReview = """
        # 法务审查

        编号：{{reference}}　日期：{{date_text}}

        本文件供法务审查，不寄送客户。律师函由律师出具。

        ## 当事人

        - 债权人：{{creditor.name}}（统一社会信用代码：{{creditor.tax_id}}）
        - 债务人：{{customer.name}}（{{customer.id}}，统一社会信用代码：{{customer.tax_id}}）
        - 债务人联系方式：电话 {{customer.phone}}，邮箱 {{customer.email}}；负责人 {{customer.agent}}

        ## 合同

        {{#contracts}}
        - {{id}}（{{service}}，{{signed_on}} 签订）{{#has_late_fee}}：滞纳金每日 {{late_fee_daily_rate}}%{{#has_grace}}，宽限期 {{late_fee_grace_days}} 日{{/has_grace}}{{#has_cap}}，上限为逾期本金的 {{late_fee_cap}}%{{/has_cap}}{{/has_late_fee}}{{#has_suspend}}；逾期 {{suspend_after_days}} 日可暂停服务{{/has_suspend}}
        {{/contracts}}
        {{^has_contracts}}
        无书面合同记录。
        {{/has_contracts}}

        ## 欠款

        \(zhInvoiceTable)

        欠付本金合计人民币 **{{items_total}} 元**（大写：{{items_total_capitals}}）{{#has_late_fees}}，已计收滞纳金 {{late_fees}} 元，合计 **{{amount_due}} 元**{{/has_late_fees}}。{{#has_other_overdue}}连同此前已催收的款项，逾期未付且无争议的款项合计人民币 **{{overdue_total}} 元**。{{/has_other_overdue}}

        ## 催收记录

        {{#has_history}}
        | 日期 | 发票号 | 步骤 | 处理 | 文件 |
        |---|---|---|---|---|
        {{#history}}
        | {{sent_on}} | {{invoice_id}} | {{step}} | {{action}} | {{file}} |
        {{/history}}
        {{/has_history}}
        {{^has_history}}
        无。
        {{/has_history}}

        诉讼时效为三年（《民法典》第一百八十八条），自到期日起算；催款函送达、债务人承认或提起诉讼使时效中断并重新计算（第一百九十五条）。{{#has_last_demand}}最近一次书面催告：{{last_demand}}（请核实送达记录）。{{/has_last_demand}}

        ---

        {{> zh/statement}}
        """

    static let enInvoiceTable = """
        | Invoice | Contract | Issued | Due | Amount | Open | Status |
        |---|---|---|---|---:|---:|---|
        {{#items}}
        | {{invoice_id}} | {{contract_id}} | {{issued_on}} | {{due_on}} | {{amount}} | {{open}} | {{overdue_text}} |
        {{/items}}
        | **Total** | | | | | **{{items_total}}** | |
        """

    static let enParties = """
        Reference: {{reference}}

        To: **{{customer.name}}** (unified social credit code: {{customer.tax_id}})

        From: **{{creditor.name}}** (unified social credit code: {{creditor.tax_id}})
        """

    static let enPayTo = """
        Please pay into:

        - Account name: {{creditor.account_name}}
        - Bank: {{creditor.bank}}
        - Account number: {{creditor.account}}
        """

    static let enClauses = """
        {{#contracts}}
        {{#has_late_fee}}
        Under the breach clause of contract {{id}}, late payment bears a late fee of {{late_fee_daily_rate}}% of the overdue amount per day{{#has_grace}} after {{late_fee_grace_days}} days of grace{{/has_grace}}{{#has_cap}}, up to {{late_fee_cap}}% of the overdue principal{{/has_cap}}.
        {{/has_late_fee}}
        {{/contracts}}
        """

    static let enSignature = """
        Contact: {{creditor.contact}}, phone {{creditor.phone}}, email {{creditor.email}}

        {{creditor.name}}

        {{date_text}}
        """

    static let enStatement = """
        ## Statement of account

        Customer: {{customer.name}} ({{customer.id}}), as of {{statement.as_of_text}}

        | Invoice | Contract | Issued | Due | Amount | Open | Days overdue | Note |
        |---|---|---|---|---:|---:|---:|---|
        {{#statement.invoices}}
        | {{invoice_id}} | {{contract_id}} | {{issued_on}} | {{due_on}} | {{amount}} | {{open}} | {{days_overdue}} | {{note}} |
        {{/statement.invoices}}
        | **Total** | | | | **{{statement.total_amount}}** | **{{statement.total_open}}** | | |

        Open {{statement.total_open}} CNY, of which {{statement.total_overdue}} overdue{{#statement.has_disputed}} and {{statement.total_disputed}} disputed (held out of collection until resolved){{/statement.has_disputed}}.{{#statement.has_late_fees}} Late fees charged (net of waivers): {{statement.late_fees}} CNY.{{/statement.has_late_fees}}{{#statement.has_unapplied}} Payments not yet applied: {{statement.unapplied}} CNY.{{/statement.has_unapplied}}

        ### Recent payments

        {{#statement.has_payments}}
        | Payment | Received | Amount | Invoice | Method |
        |---|---|---:|---|---|
        {{#statement.payments}}
        | {{payment_id}} | {{received_on}} | {{amount}} | {{invoice_id}} | {{method}} |
        {{/statement.payments}}
        {{/statement.has_payments}}
        {{^statement.has_payments}}
        None.
        {{/statement.has_payments}}
        """

    static let enReminder = """
        # Payment reminder

        \(enParties)

        Dear {{customer.name}},

        Thank you for your business. This is a friendly reminder that the following amounts {{#any_overdue}}have fallen due{{/any_overdue}}{{#any_not_yet_due}}{{#any_overdue}} or {{/any_overdue}}will soon fall due{{/any_not_yet_due}}:

        \(enInvoiceTable)

        Total: CNY **{{items_total}}**. Please pay {{#any_not_yet_due}}by each invoice's due date{{#any_overdue}}, and what is already due{{/any_overdue}} {{/any_not_yet_due}}{{#any_overdue}}by **{{deadline_text}}**{{/any_overdue}}.

        \(enPayTo)

        If you have already arranged payment, please disregard this reminder. For any question about your account, please contact us.

        \(enSignature)

        ---

        {{> en/statement}}
        """

    static let enLetter = """
        # Demand letter

        \(enParties)

        Dear {{customer.name}},

        Under {{#has_contracts}}our contract {{contract_ids}}{{/has_contracts}}{{^has_contracts}}our dealings{{/has_contracts}}, the following amounts have fallen due and remain unpaid:

        \(enInvoiceTable)

        As of {{date_text}}, the unpaid principal of these invoices is CNY **{{items_total}}**{{#has_late_fees}}; with late fees charged of CNY {{late_fees}}, you owe CNY **{{amount_due}}**{{/has_late_fees}}.{{#has_other_overdue}} With the amounts we asked for before, you owe CNY **{{overdue_total}}** overdue and undisputed in all: see the statement of account below.{{/has_other_overdue}}

        \(enClauses)

        We ask you to pay this amount in full by **{{deadline_text}}** ({{pay_within_days}} days from the date of this letter).

        \(enPayTo)

        If the amount is not paid by then, we will{{#has_suspend_clause}} suspend the service under the contract and{{/has_suspend_clause}} hold you liable for the breach, through legal action if necessary, at your cost, including court and legal fees.

        If you have already paid, please send us proof of payment. If you dispute any of these amounts, please tell us in writing within {{pay_within_days}} days of receiving this letter.

        \(enSignature)

        ---

        {{> en/statement}}
        """

    static let enFinalNotice = """
        # Final notice

        \(enParties)

        Dear {{customer.name}},

        We have reminded you several times of the following overdue amounts, which remain unpaid:

        \(enInvoiceTable)

        As of {{date_text}}, you owe unpaid principal of CNY **{{items_total}}**{{#has_late_fees}} and late fees charged of CNY {{late_fees}}, CNY **{{amount_due}}** in all{{/has_late_fees}}.{{#has_other_overdue}} With the amounts we asked for before, you owe CNY **{{overdue_total}}** overdue and undisputed in all: see the statement of account below.{{/has_other_overdue}}

        \(enClauses)

        This is our final demand: pay the whole amount by **{{deadline_text}}** ({{pay_within_days}} days from the date of this notice).

        \(enPayTo)

        If it is not paid by then, we will, without further notice,{{#has_suspend_clause}} suspend the service under the contract and{{/has_suspend_clause}} instruct counsel to recover the debt, late fees and all costs through legal action.

        \(enSignature)

        ---

        {{> en/statement}}
        """

    static let enCall = """
        # Call list entry

        Reference: {{reference}}, {{date_text}}

        Customer: **{{customer.name}}** ({{customer.id}}), phone {{customer.phone}}, email {{customer.email}}, agent {{customer.agent}}

        \(enInvoiceTable)

        To collect: CNY **{{items_total}}**{{#has_late_fees}}, plus late fees charged of CNY {{late_fees}}{{/has_late_fees}}.

        Points for the call:

        - check the customer has the invoices and our earlier letters;
        - ask why they are unpaid, agree a date and amount, and record the promise to pay;
        - mention the contract's late fee{{#has_suspend_clause}} and suspension{{/has_suspend_clause}} clauses;
        - if the customer disputes an invoice, note what is disputed and mark the invoice disputed.

        Notes of the call:

        ---

        {{> en/statement}}
        """

    static let enLegalReview = """
        # Legal review

        Reference: {{reference}}, {{date_text}}

        For the legal team; not sent to the customer. A lawyer's letter is counsel's to send.

        ## Parties

        - Creditor: {{creditor.name}} (unified social credit code: {{creditor.tax_id}})
        - Debtor: {{customer.name}} ({{customer.id}}, unified social credit code: {{customer.tax_id}})
        - Debtor's contacts: phone {{customer.phone}}, email {{customer.email}}; agent {{customer.agent}}

        ## Contracts

        {{#contracts}}
        - {{id}} ({{service}}, signed {{signed_on}}){{#has_late_fee}}: late fee {{late_fee_daily_rate}}% a day{{#has_grace}} after {{late_fee_grace_days}} days of grace{{/has_grace}}{{#has_cap}}, capped at {{late_fee_cap}}% of the overdue principal{{/has_cap}}{{/has_late_fee}}{{#has_suspend}}; service may be suspended after {{suspend_after_days}} days overdue{{/has_suspend}}
        {{/contracts}}
        {{^has_contracts}}
        No written contract on record.
        {{/has_contracts}}

        ## Amount owed

        \(enInvoiceTable)

        Unpaid principal CNY **{{items_total}}**{{#has_late_fees}}, late fees charged CNY {{late_fees}}, CNY **{{amount_due}}** in all{{/has_late_fees}}.{{#has_other_overdue}} With the amounts dunned before, CNY **{{overdue_total}}** is overdue and undisputed in all.{{/has_other_overdue}}

        ## Dunning history

        {{#has_history}}
        | Day | Invoice | Step | Action | File |
        |---|---|---|---|---|
        {{#history}}
        | {{sent_on}} | {{invoice_id}} | {{step}} | {{action}} | {{file}} |
        {{/history}}
        {{/has_history}}
        {{^has_history}}
        None.
        {{/has_history}}

        The limitation period is three years (Civil Code art. 188) from the due date; serving a demand, the debtor's acknowledgment or a suit interrupts it and it starts again (art. 195).{{#has_last_demand}} Last written demand: {{last_demand}} (check the delivery record).{{/has_last_demand}}

        ---

        {{> en/statement}}
        """
}
