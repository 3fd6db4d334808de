extension ChineseText {
    /// Part 3 of the Chinese catalogue (the English keys in the order of `docs/strings/en.txt`).
    static let part3 = #"""
        en: The pinned date is kept in the workspace, journaled, shown in 'workspace info' and in the prompt, and
          used by every shell and nightly job wherever --as-of is not given (a shell's own 'set today' comes
          first). A demo or a month-end close pins one; 'workspace pin-date off' returns to the calendar. Who may run it (once the workspace has operators): admin.
        zh: 固定日期保存在工作区中，记入日志，并显示在“workspace info”和提示符中；
          凡未指定 --as-of 时，所有 shell 和夜间任务都使用该日期（shell 自身的“set today”优先）。
          演示或月末结账时可固定日期；“workspace pin-date off”恢复使用日历日期。
          运行权限（工作区设有操作员后）：管理员。

        en: The plan counts in nothing on any day: its rows are no longer owed, the invoices it restructured are open again (late fees, dunning and the limitation period as if never restructured), and what was paid toward it pays them by the allocation rule. The plan stays on record (correction list). Waits for a lead's or finance's approval once the workspace has operators. Who may run it (once the workspace has operators): every role but auditor.
        zh: 该分期计划在任何日期都不再计入：其各期款项不再应付，被其重组的发票重新变为未结（滞纳金、
          催收和诉讼时效均视同从未重组），已向该计划支付的款项按分配规则偿付这些发票。该计划仍保留在记录中（更正列表）。
          工作区设有操作员后，需等待组长或财务审批。运行权限（工作区设有操作员后）：除审计员外的所有角色。

        en: The plan's amount is what the invoices owe on the plan's day (--start, default today): by default every overdue, undisputed invoice. The invoices are closed by the plan and its installments become the customer's obligations. Takes the options of 'plan quote'. Who may run it (once the workspace has operators): every role but auditor.
        zh: 分期计划的金额为发票在计划日期（--start，默认今天）的应付金额：默认包括所有逾期且无争议的发票。
          这些发票由该计划结清，其各期款项成为客户的应付义务。选项与“plan quote”相同。
          运行权限（工作区设有操作员后）：除审计员外的所有角色。

        en: The written-off amount is owed again from the write-off's day; the write-off stays on record, marked. Needs finance's approval once the workspace has operators, as the write-off did. Who may run it (once the workspace has operators): every role but auditor.
        zh: 核销金额自核销当日起重新应付；该核销仍保留在记录中并加以标记。与核销时一样，工作区设有操作员后需财务审批。
          运行权限（工作区设有操作员后）：除审计员外的所有角色。

        en: Tier
        zh: 信用等级

        en: Tier {} under the policy
        zh: 策略下的信用等级 {}

        en: To
        zh: 至

        en: To a better state
        zh: 转为较好状态

        en: To a worse state
        zh: 转为较差状态

        en: To collect, books
        zh: 待收取（账面）

        en: To collect, scenario
        zh: 待收取（模拟方案）

        en: To post
        zh: 待入账

        en: Today
        zh: 今天

        en: Total
        zh: 合计

        en: Total fees
        zh: 费用合计

        en: Total held
        zh: 已持有合计

        en: Total interest
        zh: 利息合计

        en: Total payable
        zh: 应付合计

        en: Transitions
        zh: 状态变化

        en: Transitions since the last run
        zh: 自上次运行以来的状态变化

        en: Transitions since the last run (overdue --changes lists them)
        zh: 自上次运行以来的状态变化（overdue --changes 可列出）

        en: Unapplied
        zh: 未分配

        en: Unapplied credit
        zh: 未分配款项

        en: Unbilled contract value
        zh: 合同未开票金额

        en: Undone
        zh: 已撤销

        en: Unsecured exposure once deposits are collected, change
        zh: 收齐预付款后的无担保风险敞口（变化）

        en: Unsecured exposure, change
        zh: 无担保风险敞口（变化）

        en: Unsecured once collected, books
        zh: 收齐后无担保（账面）

        en: Unsecured once collected, scenario
        zh: 收齐后无担保（模拟方案）

        en: Unsecured, books
        zh: 无担保（账面）

        en: Unsecured, scenario
        zh: 无担保（模拟方案）

        en: Used %
        zh: 已用 %

        en: Value
        zh: 值

        en: Verdict
        zh: 结论

        en: Waiting for approval
        zh: 待审批

        en: Waived
        zh: 已减免

        en: What
        zh: 内容

        en: Who may run it (once the workspace has operators): admin.
        zh: 运行权限（工作区设有操作员后）：管理员。

        en: Who may run it (once the workspace has operators): anyone.
        zh: 运行权限（工作区设有操作员后）：任何人。

        en: Who may run it (once the workspace has operators): every role but auditor.
        zh: 运行权限（工作区设有操作员后）：除审计员外的所有角色。

        en: Who may run it (once the workspace has operators): lead, finance or admin.
        zh: 运行权限（工作区设有操作员后）：组长、财务或管理员。

        en: Who may run it (once the workspace has operators): legal or admin.
        zh: 运行权限（工作区设有操作员后）：法务或管理员。

        en: Why
        zh: 原因

        en: Why (points off 1000)
        zh: 原因（较 1000 分扣减的分数）

        en: With --delivered, the customer's dunning documents sent on or before DATE and not yet marked are recorded as one delivered demand (a contact by letter): it restarts the limitation period of the invoices they named. Who may run it (once the workspace has operators): every role but auditor.
        zh: 使用 --delivered 时，该客户在 DATE 当日或之前发出且尚未标记的催收文书记为一次已送达的催告（一次信函联系）：
          它使所列发票的诉讼时效重新起算。运行权限（工作区设有操作员后）：除审计员外的所有角色。

        en: Without --contract the money is the customer's unallocated deposit: it covers any contract's requirement and can be applied to any invoice. Who may run it (once the workspace has operators): every role but auditor.
        zh: 不指定 --contract 时，该款项为客户的未分配预付款：可满足任一合同的预付要求，并可用于任一发票。
          运行权限（工作区设有操作员后）：除审计员外的所有角色。

        en: Workspace
        zh: 工作区

        en: Workspace date
        zh: 工作区日期

        en: Writable
        zh: 可写

        en: Writes customers.csv, contracts.csv, invoices.csv and payments.csv into DIR: about ten invoices a customer over the two years before --end. The same options always give the same files. Who may run it (once the workspace has operators): anyone.
        zh: 向 DIR 写入 customers.csv、contracts.csv、
          invoices.csv 和 payments.csv：每个客户在 --end 之前两年内约十张发票。
          相同选项总是生成相同的文件。运行权限（工作区设有操作员后）：任何人。

        en: Written off
        zh: 已核销

        en: YYYY-MM-DD, or off
        zh: YYYY-MM-DD，或 off

        en: a TOML file as 'policy export' writes
        zh: “policy export”所输出格式的 TOML 文件

        en: a bureau file starts with a header line: {}
        zh: 征信文件须以标题行开头：{}

        en: a calendar month, e.g. 2024-05 (default: the last full month before today); not with --from/--to
        zh: 日历月份，如 2024-05（默认：今天之前最近一个完整月份）；不可与 --from/--to 同用

        en: a checkpoint to check against
        zh: 用于核对的检查点

        en: a checkpoint vouches only for a journal that verifies
        zh: 检查点只对校验通过的日志有效

        en: a command, e.g. 'customer show'
        zh: 命令，如“customer show”

        en: a complaint needs a note saying what it is about
        zh: 投诉需附说明，写明投诉内容

        en: a correction needs a reason (--reason)
        zh: 更正需填写原因（--reason）

        en: a credit note for a valid dispute
        zh: 针对有效争议的贷项通知单

        en: a credit note must be a positive amount
        zh: 贷项通知单金额必须为正数

        en: a credit note of {} on dispute {}: at most {} ({}) on {}
        zh: 争议 {2} 的贷项通知单 {1}：{5} 最多可开 {3}（{4}）

        en: a customer (default: all)
        zh: 客户（默认：全部）

        en: a customer has one report per day and agency
        zh: 每个客户每天每家机构只能有一份报告

        en: a customer has one report per day and agency; was this file imported before?
        zh: 每个客户每天每家机构只能有一份报告；该文件是否已导入过？

        en: a customer's credit record: payment behaviour, overdue, bureau score, internal score, tier and why
        zh: 客户的信用档案：付款表现、逾期、征信评分、内部评分、信用等级及原因

        en: a customer's deposit: what each contract's and the unallocated deposit hold, and every movement
        zh: 客户的预付款：各合同及未分配预付款的持有金额，以及每笔变动

        en: a customer's invoices with their open amounts
        zh: 客户的发票及其未结金额

        en: a customer's payments and how each was applied
        zh: 客户的付款及每笔的分配情况

        en: a customer's third-party credit reports, newest first
        zh: 客户的第三方征信报告，最新的在前

        en: a demand cannot be delivered ({}) before it was sent ({})
        zh: 催告的送达日期（{}）不能早于发出日期（{}）

        en: a demand for payment (催告)
        zh: 付款催告

        en: a dispute of {} on invoice {} of {}: the amount must be positive and at most the invoice's
        zh: 争议 {}，发票 {}（{}）：金额必须为正数且不超过发票金额

        en: a field that starts with " must end with "
        zh: 以 " 开头的字段必须以 " 结尾

        en: a folder of the team's own templates (zh/letter.mustache, ...) and letterhead.toml; see docs/DUNNING.md
        zh: 存放团队自有模板（zh/letter.mustache 等）和 letterhead.toml 的文件夹；
          参见 docs/DUNNING.md

        en: a kind (payment.recorded) or its first part (payment, approval)
        zh: 类型（payment.recorded）或其第一部分（payment、approval）

        en: a legal case: its steps with their clocks, and its claims' limitation deadlines
        zh: 法律案件：各步骤及其期限，以及各债权的诉讼时效截止日

        en: a letter cannot be delivered ({}) before it was sent ({})
        zh: 信函的送达日期（{}）不能早于发出日期（{}）

        en: a new file for the copy
        zh: 用于副本的新文件

        en: a new workspace file, or a postgres:// address
        zh: 新的工作区文件，或 postgres:// 地址

        en: a payment dated {} has not been received yet
        zh: 日期为 {} 的付款尚未收到

        en: a positive amount like 100000
        zh: 正数金额，如 100000

        en: a promise made on {} cannot be due by {}, a day before it
        zh: 于 {} 作出的还款承诺，到期日不能是更早的 {}

        en: a promise must be a positive amount
        zh: 还款承诺金额必须为正数

        en: a refund needs --reason
        zh: 退款需提供 --reason

        en: a scenario cannot be opened inside another
        zh: 不能在一个模拟方案中再打开另一个

        en: a scenario is saved outside its own span
        zh: 模拟方案保存在其自身范围之外

        en: a script of recoup commands
        zh: recoup 命令脚本

        en: a share from 0% to 100%, e.g. 40% or 0.4
        zh: 0% 至 100% 的比例，如 40% 或 0.4

        en: a share like 90% or 0.9
        zh: 比例，如 90% 或 0.9

        en: a thousands separator out of place (write 5,000 or 1,234,567.89)
        zh: 千位分隔符位置不对（应写作 5,000 或 1,234,567.89）

        en: a waiver must be a positive amount
        zh: 减免金额必须为正数

        en: a waiver needs a reason
        zh: 减免需填写原因

        en: a workspace cannot be copied onto itself
        zh: 工作区不能复制到自身

        en: a write-off cannot be dated in the future ({}; today is {})
        zh: 核销日期不能是将来（{}；今天是 {}）

        en: a write-off must be a positive amount
        zh: 核销金额必须为正数

        en: a write-off needs a reason
        zh: 核销需填写原因

        en: active, broken or completed
        zh: active、broken 或 completed

        en: add deposits to collect, unsecured exposure and expected loss by tier (shown by itself when the scenario changed the policy or deposits)
        zh: 增加按信用等级列出的待收预付款、无担保风险敞口和预期损失（模拟方案更改了策略或预付款时会自动显示）

        en: add expected collections by month, books against scenario (reads the whole portfolio twice)
        zh: 增加按月预期回款，账面与模拟方案对比（需读取整个资产组合两次）

        en: agency of rows that name none (default: empty)
        zh: 未注明机构的行所用的机构（默认：空）

        en: all
        zh: 全部

        en: amount too large
        zh: 金额过大

        en: an amount is required
        zh: 需要金额

        en: an extension is a positive number of days
        zh: 延期天数必须为正数

        en: an extension needs a reason
        zh: 延期需填写原因

        en: an invoice id, or a customer (id, name or pinyin initials)
        zh: 发票编号，或客户（编号、名称或拼音首字母）

        en: an invoice, or a customer (oldest due first)
        zh: 发票，或客户（最早到期的优先）

        en: an open invoice of the same customer
        zh: 同一客户的未结发票

        en: an operator is an OS login, without spaces
        zh: 操作员为操作系统登录名，不含空格

        en: annuity (default), equal-principal, flat or interest-free
        zh: annuity（默认）、equal-principal、flat 或 interest-free

        en: annuity (等额本息, default), equal-principal (等额本金), flat or interest-free
        zh: annuity（等额本息，默认）、equal-principal（等额本金）、flat（平息）
          或 interest-free（免息）

        en: anything else worth keeping
        zh: 其他值得记录的内容

        en: applied {} of {} to {}
        zh: 已将 {2} 中的 {1} 分配至 {3}

        en: apply a payment's unapplied money to an invoice by hand
        zh: 将付款的未分配款项手动分配至发票

        en: apply the dunning ladder: write one letter (or call-list entry, or legal-review file) per customer and record the steps
        zh: 执行催收阶梯：为每个客户生成一封信函（或一条电话清单记录、一份法律审查文件）并记录各步骤

        en: apply the open scenario's changes to the books as they are now, checked, in one transaction
        zh: 将当前打开的模拟方案的更改应用到现有账面，经校验，在一个事务中完成

        en: approval list --all shows every request
        zh: approval list --all 显示所有请求

        en: approval {} is {} already{}
        zh: 审批 {} 已为 {}{}

        en: approval {} no longer applies: {}; it is marked failed and nothing changed
        zh: 审批 {} 已不再适用：{}；已标记为失败，未做任何更改

        en: approve a request: its change is applied, checked again
        zh: 批准请求：应用其更改，并再次校验

        en: ask an admin to run: operator add {} --name NAME --role collector
        zh: 请管理员运行：operator add {} --name NAME --role collector

        en: ask for write permission on the file and its folder, or work on a copy
        zh: 请申请该文件及其文件夹的写权限，或在副本上操作

        en: assign a customer to a collector (kept with its history)
        zh: 将客户分配给催收员（保留分配历史）

        en: auditor, collector, legal, lead, finance or admin (required)
        zh: auditor、collector、legal、lead、finance 或 admin（必填）

        en: backed up into {}
        zh: 已备份至 {}

        en: backed up into {}: {} customers, {} invoices, {} payments, journal to entry {}; the copy checked
        zh: 已备份至 {}：{} 个客户、{} 张发票、{} 笔付款，日志至第 {} 条；副本已校验

        en: bad --buckets '{}'
        zh: 无效的 --buckets“{}”

        en: bad --date-format '{}'
        zh: 无效的 --date-format“{}”

        en: bad --map: {}
        zh: 无效的 --map：{}

        en: bad --order '{}'
        zh: 无效的 --order“{}”

        en: bad --status '{}'
        zh: 无效的 --status“{}”

        en: bad amount '{}' for {}: {}
        zh: {2} 的金额“{1}”无效：{3}

        en: bad amount '{}': not above zero
        zh: 金额“{}”无效：不大于零

        en: bad amount '{}': {}
        zh: 金额“{}”无效：{}

        en: bad date '{}'
        zh: 日期“{}”无效

        en: bad date '{}' for --as-of
        zh: --as-of 的日期“{}”无效

        en: bad date '{}' for --end
        zh: --end 的日期“{}”无效

        en: bad date '{}' for today
        zh: today 的日期“{}”无效

        en: bad date '{}' for {}
        zh: {2} 的日期“{1}”无效

        en: bad format '{}'
        zh: 格式“{}”无效

        en: bad language '{}'
        zh: 语言“{}”无效

        en: bad method '{}' in --method
        zh: --method 中的方法“{}”无效

        en: bad month '{}' for --period
        zh: --period 的月份“{}”无效

        en: bad ratio '{}' for --prepay
        zh: --prepay 的比例“{}”无效

        en: bad term '{}' in --term
        zh: --term 中的期限“{}”无效

        en: bad threshold '{}'
        zh: 阈值“{}”无效

        en: bad value '{}' for --value
        zh: --value 的值“{}”无效

        en: bad value '{}' for {}
        zh: {2} 的值“{1}”无效

        en: bad variable name '{}'
        zh: 变量名“{}”无效

        en: bank or gateway reference
        zh: 银行或支付网关流水号

        en: bank, alipay, wechat, card, cash, ...
        zh: bank、alipay、wechat、card、cash 等

        en: before signing: the deposit a new contract requires, the customer's exposure against its credit limit, and the verdict
        zh: 签约前：新合同所需的预付款、客户风险敞口与授信额度的对比，以及结论

        en: can apply at most {} (payment '{}' has {} left, invoice '{}' {} open)
        zh: 最多可分配 {}（付款“{}”剩余 {}，发票“{}”未结 {}）

        en: cancel a pending promise, saying why
        zh: 取消待履行的还款承诺，并说明原因

        en: cancel a plan made by mistake: its invoices are open again
        zh: 取消误建的分期计划：其发票重新变为未结

        en: cancelling a promise needs a reason
        zh: 取消还款承诺需填写原因

        en: cannot open workspace '{}': {}
        zh: 无法打开工作区“{}”：{}

        en: cannot read '{}'
        zh: 无法读取“{}”

        en: cannot read checkpoint '{}'
        zh: 无法读取检查点“{}”

        en: cannot read script '{}'
        zh: 无法读取脚本“{}”

        en: cannot read template '{}'
        zh: 无法读取模板“{}”

        en: cannot waive {} on {}: only {} of late fees is charged and not waived
        zh: 无法减免 {2} 上的 {1}：仅有 {3} 滞纳金已计收且未减免

        en: cannot write '{}'
        zh: 无法写入“{}”

        en: cannot write '{}': {}
        zh: 无法写入“{}”：{}

        en: cannot write off {}: only {} is open on {} on {}
        zh: 无法核销 {1}：{3} 在 {4} 仅有 {2} 未结

        en: cannot write the checkpoint key '{}'
        zh: 无法写入检查点密钥“{}”

        en: canonical=Foreign column pairs, e.g. 'customer_id=客户编号,score=评分,date=报告日期'
        zh: 标准列名=外部列名的配对，如“customer_id=客户编号,score=评分,date=报告日期”

        en: canonical=Foreign column pairs, e.g. 'id=invoiceNumber,customer_id=customerID'
        zh: 标准列名=外部列名的配对，如“id=invoiceNumber,customer_id=customerID”

        en: case {} was closed on {}
        zh: 案件 {} 已于 {} 结案

        en: case {} was opened on {}, after {}
        zh: 案件 {} 立案于 {}，晚于 {}

        en: case {}'s last step is dated {}, after {}: steps are recorded in date order
        zh: 案件 {} 的最后一步日期为 {}，晚于 {}：步骤须按日期顺序记录

        en: case: the property case fee (progressive bands, art. 13); summary: half of it (summary procedure or mediation, arts. 15-16); payment_order: a third; preservation: the preservation fee, at most 5,000; enforcement: the enforcement fee (art. 14). Who may run it (once the workspace has operators): anyone.
        zh: case：财产案件受理费（分段累进，第十三条）；summary：其一半（简易程序或调解，第十五、十六条）；
          payment_order：三分之一；preservation：保全费，最高 5,000；
          enforcement：执行申请费（第十四条）。运行权限（工作区设有操作员后）：任何人。

        en: change one policy setting (recorded with who and when)
        zh: 更改一项策略设置（记录操作人和时间）

        en: change {} of the scenario ('{}') no longer applies: {}
        zh: 模拟方案（“{2}”）的第 {1} 项更改已不再适用：{3}

        en: charge every period the annual rate / periods a year, whatever its days (weekly plans as Fineract computes them)
        zh: 每期按年利率 / 每年期数计息，不论该期天数（周计划按 Fineract 的方式计算）

        en: charge the late fees accrued to a day (one transaction; posting the same day again changes nothing)
        zh: 计收截至某日累计的滞纳金（一个事务；同一日重复入账不会有变化）

        en: check $XDG_STATE_HOME or $HOME
        zh: 请检查 $XDG_STATE_HOME 或 $HOME

        en: check the folder
        zh: 请检查该文件夹

        en: check the folder given with --out; nothing was recorded
        zh: 请检查 --out 指定的文件夹；未记录任何内容

        en: check the order of the issued_on and due_on columns
        zh: 请检查 issued_on 和 due_on 列的顺序

        en: check the path
        zh: 请检查路径

        en: check the workspace's storage and the journal's chain; exit 1 on damage
        zh: 检查工作区存储和日志链；发现损坏时以 1 退出

        en: checkpoint of entry {} (hash {}) written to {}, signed with key {}
        zh: 第 {} 条日志的检查点（哈希 {}）已写入 {}，使用密钥 {} 签名

        en: choose from {}
        zh: 请从 {} 中选择

        en: choose table, csv or json
        zh: 请选择 table、csv 或 json

        en: choose zh or en
        zh: 请选择 zh 或 en

        en: claim the N highest-priority customers not held by a colleague, for queue.lease_minutes (two collectors never get the same one)
        zh: 领取 N 个未被同事占用的最高优先级客户，占用 queue.lease_minutes 分钟（两名催收员不会领到同一客户）

        en: claims whose limitation period (诉讼时效) runs out soon, or every open claim
        zh: 诉讼时效即将届满的债权，或所有未结债权

        en: close it with '}'
        zh: 请用“}”闭合

        en: close it with {}
        zh: 请用 {} 闭合

        en: collections KPIs for a period: DSO, best possible DSO, days delinquent, CEI, turnover, roll rates, payment delay
        zh: 某期间的催收指标：应收账款周转天数（DSO）、最佳可能 DSO、拖欠天数、CEI、周转率、滚动率、
          付款延迟

        en: collectors do not call out of hours; add --force REASON if the customer asked for this time
        zh: 催收员不得在非工作时间致电；如客户要求此时间，请加 --force REASON

        en: complaint {} is about {}: another operator must resolve it
        zh: 投诉 {} 涉及 {}：须由其他操作员处理

        en: complaint {} may be extended by {} more days at most, not {} (complaint.max_extension_days is {}, {} used)
        zh: 投诉 {} 最多还可延期 {} 天，不能延期 {} 天（complaint.max_extension_days 为 {}，
          已用 {}）

        en: complaint {} was received on {}, after {}
        zh: 投诉 {} 于 {} 收到，晚于 {}

        en: complaint {} was resolved on {}
        zh: 投诉 {} 已于 {} 处理完毕

        en: complaints with their due dates: open ones by default
        zh: 投诉及其到期日：默认显示未结投诉

        en: contacts on or after this day
        zh: 此日或之后的联系记录

        en: contacts on or before this day
        zh: 此日或之前的联系记录

        en: contract '{}' belongs to customer '{}', not '{}'
        zh: 合同“{}”属于客户“{}”，而非“{}”

        en: contract check needs {}
        zh: contract check 需要 {}

        en: contract id
        zh: 合同编号

        en: contract list --customer ID lists a customer's contracts
        zh: contract list --customer ID 列出客户的合同

        en: contracts whose deposit held is below what the contract or the policy requires, with the shortfall
        zh: 已持有预付款低于合同或策略要求的合同，及其差额

        en: contracts, all or one customer's
        zh: 合同，全部或某一客户的

        en: copied {} rows ({} customers, {} invoices, {} payments) and {} journal entries into {}; counts and the journal's chain checked
        zh: 已将 {} 行（{} 个客户、{} 张发票、{} 笔付款）和 {} 条日志复制到 {}；
          数量和日志链已校验

        en: copy into a new file
        zh: 复制到新文件

        en: copy the whole workspace into a new file or an empty PostgreSQL database, checked
        zh: 将整个工作区复制到新文件或空的 PostgreSQL 数据库，并校验

        en: court fees for a claim under the 2006 fee rules (诉讼费用交纳办法)
        zh: 按 2006 年《诉讼费用交纳办法》计算债权的诉讼费用

        en: create a new, empty workspace: a file, or in an empty PostgreSQL database
        zh: 创建新的空工作区：文件，或在空的 PostgreSQL 数据库中

        en: create missing customers, named by their id
        zh: 创建缺失的客户，以其编号命名

        en: create one with: recoup --create -w {}
        zh: 可用以下命令创建：recoup --create -w {}

        en: created workspace {}; open it with: recoup -w {}
        zh: 已创建工作区 {}；打开命令：recoup -w {}

        en: customer '{}' has no overdue, undisputed invoice open on {}
        zh: 客户“{}”在 {} 没有逾期且无争议的未结发票

        en: customer '{}' has nothing overdue as of {}
        zh: 客户“{}”截至 {} 没有逾期款项

        en: customer (default), contract, agent or segment
        zh: customer（默认）、contract、agent 或 segment

        en: customer find TEXT searches ids, names and pinyin initials
        zh: customer find TEXT 搜索编号、名称和拼音首字母

        en: customer id, name, part of a name or pinyin initials
        zh: 客户编号、名称、部分名称或拼音首字母

        en: customer id, name, part of a name or pinyin initials (or --all)
        zh: 客户编号、名称、部分名称或拼音首字母（或 --all）

        en: customer id, name, part of a name or pinyin initials; several words are one name (Acme Trading Ltd)
        zh: 客户编号、名称、部分名称或拼音首字母；多个词视为一个名称（Acme Trading Ltd）

        en: customers, contracts, invoices or payments
        zh: customers、contracts、invoices 或 payments

        en: customers, contracts, invoices or payments (or bureau: third-party credit reports)
        zh: customers、contracts、invoices 或 payments（或 bureau：
          第三方征信报告）

        en: days added (at most complaint.max_extension_days in all)
        zh: 延长的天数（累计不超过 complaint.max_extension_days）

        en: days after --by it may still be kept (default promise.grace_days)
        zh: --by 之后仍可视为履约的天数（默认 promise.grace_days）

        en: deadlines within this many days (default 180); expired claims are always listed
        zh: 截止日在此天数内（默认 180）；已过期的债权始终列出

        en: define it with 'set {} VALUE'
        zh: 请用“set {} VALUE”定义

        en: demand-letter, lawyer-letter, mediation, payment-order, preservation, suit, judgment, enforcement, closed
        zh: demand-letter（催款函）、lawyer-letter（律师函）、mediation（调解）、
          payment-order（支付令）、preservation（保全）、suit（起诉）、
          judgment（判决）、enforcement（执行）、closed（结案）

        en: deposit applied: {} to {} as payment {}
        zh: 已动用预付款：{} 分配至 {}，作为付款 {}

        en: deposit received: {} from {}{} on {}
        zh: 已收到预付款：{}，来自 {}{}，日期 {}
        """#
}
