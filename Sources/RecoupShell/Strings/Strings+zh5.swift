extension ChineseText {
    /// Part 5 of the Chinese catalogue (the English keys in the order of `docs/strings/en.txt`).
    static let part5 = #"""
        en: reject a request, saying why (it stays on record)
        zh: 驳回申请并说明理由（申请仍保留在记录中）

        en: rejecting a request needs a reason (--reason)
        zh: 驳回申请须说明理由（--reason）

        en: remove a variable
        zh: 删除变量

        en: remove one change from the open scenario (see 'whatif list' for the numbers)
        zh: 从当前模拟方案中删除一项更改（编号见“whatif list”）

        en: removed operators too
        zh: 包括已移除的操作员

        en: reopen a dispute resolved by mistake (its credit note is undone)
        zh: 重新打开误结的争议（撤销其贷项通知单）

        en: requests waiting for a second operator, or decided
        zh: 等待另一名操作员审批或已处理的申请

        en: resolve a complaint (not by the operator it is about)
        zh: 处理投诉（被投诉的操作员本人不可处理）

        en: resolve a dispute: --valid (optionally with a credit note) or --invalid
        zh: 解决争议：--valid（可附贷项通知单）或 --invalid

        en: resolved {}
        zh: 已解决 {}

        en: restore it from the last good backup
        zh: 请从最近一次完好的备份恢复

        en: restore the workspace from a backup taken after {}
        zh: 请用 {} 之后的备份恢复工作区

        en: reversals of mistaken entries: what, why, who, when
        zh: 错误记录的冲正：内容、原因、操作人、时间

        en: reverse a write-off made by mistake: the amount is owed again
        zh: 撤销误做的核销：该金额重新计为欠款

        en: round installments to a multiple: 0.01 (default), 1 or 100
        zh: 每期金额取整的倍数：0.01（默认）、1 或 100

        en: rows in the payment delay table (default 10; 0 leaves it empty)
        zh: 付款延迟表的行数（默认 10；0 表示留空）

        en: run recoup -w WORKSPACE
        zh: 请运行 recoup -w WORKSPACE

        en: run the commands of a script file
        zh: 运行脚本文件中的命令

        en: save the file as UTF-8
        zh: 请将文件保存为 UTF-8 编码

        en: saved {} by {}
        zh: {} 已由 {} 保存

        en: say why the fee is waived, e.g. --reason "settlement agreement"
        zh: 说明减免滞纳金的原因，例如 --reason "和解协议"

        en: scenario '{}' discarded; the books are unchanged
        zh: 模拟方案“{}”已丢弃；账目未变

        en: scenario '{}' is open
        zh: 模拟方案“{}”已打开

        en: scenario '{}' open: changes stay out of the books until 'whatif commit'
        zh: 模拟方案“{}”已打开：在“whatif commit”之前，更改不会计入账目

        en: scenario '{}' reopened: {} change{}{}
        zh: 模拟方案“{1}”已重新打开：{2} 项更改{4}

        en: scenario '{}' saved ({} change{}); 'whatif begin {}' reopens it
        zh: 模拟方案“{1}”已保存（{2} 项更改）；“whatif begin {4}”可重新打开

        en: scenario '{}' was saved by an earlier Recoup and cannot be migrated: its command {}, '{}', fails on today's books ({})
        zh: 模拟方案“{}”由旧版 Recoup 保存，无法迁移：其第 {} 条命令“{}”在当前账目上执行失败（{}）

        en: scenario '{}' written to the books ({} change{})
        zh: 模拟方案“{1}”已写入账目（{2} 项更改）

        en: score every customer as of a day (0-1000, higher is safer) and keep the result
        zh: 计算截至某日所有客户的信用评分（0-1000，越高越安全）并保存结果

        en: script '{}' stopped at its first error
        zh: 脚本“{}”在第一个错误处停止

        en: scripts nested too deeply at '{}'
        zh: 脚本在“{}”处嵌套过深

        en: see 'help {}'
        zh: 参见“help {}”

        en: set a variable, pin today's date, choose the default format or the language
        zh: 设置变量、固定今天的日期、选择默认格式或语言

        en: set {} VALUE
        zh: set {} VALUE

        en: several quotes side by side: every term with every method
        zh: 多个报价并列对比：每种期数搭配每种方式

        en: share that keeps it, e.g. 90% (default promise.threshold)
        zh: 视为兑现还款承诺的回款比例，例如 90%（默认 promise.threshold）

        en: show at most N calls (default 25)
        zh: 最多显示 N 个电话（默认 25）

        en: show at most N changes
        zh: 最多显示 N 项更改

        en: show at most N customers
        zh: 最多显示 N 个客户

        en: show at most N entries (default 20)
        zh: 最多显示 N 条记录（默认 20）

        en: show at most N matches
        zh: 最多显示 N 条匹配结果

        en: show the document a dunning run would write for one customer, without writing or recording it
        zh: 预览催收批次将为某客户生成的文档，不写入文件也不记录

        en: show the scores without keeping them
        zh: 只显示评分，不保存

        en: show the states and transitions without recording them
        zh: 只显示状态及状态转换，不记录

        en: show the workspace file, its records and its pinned date
        zh: 显示工作区文件、其中的记录和固定日期

        en: show what would be sent; write no file and record nothing
        zh: 只显示将发送的内容；不写文件，也不记录

        en: simple or complex
        zh: simple 或 complex

        en: skip columns that are neither canonical nor mapped
        zh: 跳过既非标准列、也未映射的列

        en: stop an operator from using the workspace (kept on record)
        zh: 禁止操作员使用工作区（记录保留）

        en: table, csv or json (default: table on a terminal, csv otherwise; see 'set format')
        zh: table、csv 或 json（默认：终端上为 table，否则为 csv；参见“set format”）

        en: tax_basis (国家税务总局公告2011年第25号): art23 for a receivable overdue 3 years or more; art24 for one overdue 1 year or more and at most max(50,000, revenue / 10,000) (--revenue, else the write-off's own); none: finance needs the evidence of art. 22. recovered: money received after the write-off that no open invoice took. Who may run it (once the workspace has operators): anyone.
        zh: tax_basis（国家税务总局公告2011年第25号）：art23 适用于逾期 3 年及以上的应收账款；art24 适用于逾期
          1 年及以上且金额不超过 max(50,000, revenue / 10,000) 的应收账款（revenue 取 --revenue，
          否则取核销记录本身的数值）；none：财务须提供第 22 条规定的证据。recovered：核销后收到、
          未被任何未结发票冲抵的款项。可运行者（工作区设有操作员后）：任何人。

        en: templates are Mustache: {{name}}, {{#section}}...{{/section}}, {{> zh/statement}}
        zh: 模板采用 Mustache 语法：{{name}}、{{#section}}...{{/section}}、{{> zh/statement}}

        en: term (keep the installment, finish sooner) or installment (default: same end, smaller installments)
        zh: term（每期金额不变，提前结清）或 installment（默认：结束日不变，每期金额减少）

        en: terms to compare, e.g. 3,6,12
        zh: 要比较的期数，例如 3,6,12

        en: text after a closing quote
        zh: 右引号后还有文字

        en: the CSV file
        zh: CSV 文件

        en: the CSV file to write (replaced)
        zh: 要写入的 CSV 文件（将被覆盖）

        en: the OS account's login name, e.g. wang
        zh: 操作系统账户的登录名，例如 wang

        en: the TOML file to write (replaced)
        zh: 要写入的 TOML 文件（将被覆盖）

        en: the amount claimed, e.g. 300000
        zh: 诉请金额，例如 300000

        en: the amount promised, e.g. 5000
        zh: 承诺还款金额，例如 5000

        en: the amount received, e.g. 2500 or 2500.50
        zh: 回款金额，例如 2500 或 2500.50

        en: the amount received, e.g. 30000 or 30000.50
        zh: 回款金额，例如 30000 或 30000.50

        en: the amount refunded, e.g. 5000
        zh: 退款金额，例如 5000

        en: the amount that closes a plan on a day
        zh: 某日结清分期计划所需的金额

        en: the amount to spread (instead of a customer's overdue balance)
        zh: 要分期的金额（代替客户的逾期余额）

        en: the amount waived, e.g. 100 or 100.50 (default: all that is charged)
        zh: 减免金额，例如 100 或 100.50（默认：全部已计收的金额）

        en: the answer given (required)
        zh: 给出的答复（必填）

        en: the backup in {} does not check: {}
        zh: {} 中的备份校验未通过：{}

        en: the case's id
        zh: 案件编号

        en: the change's number, 1 for the first
        zh: 更改的序号，第一项为 1

        en: the checker's note, e.g. 同意减免
        zh: 审批人备注，例如“同意减免”

        en: the checkpoint of {} names entry {}, but the journal ends at entry {}: entries were deleted from the end
        zh: {} 的检查点指向第 {} 条记录，但日志止于第 {} 条：末尾的记录已被删除

        en: the checkpoint's signature does not hold: '{}' was altered after it was signed
        zh: 检查点签名校验失败：“{}”在签名后被改动过

        en: the collector
        zh: 催收员

        en: the complaint's id
        zh: 投诉编号

        en: the contact log: one customer's, or everyone's, by day
        zh: 联系记录：某个客户或全部客户的，按日期排列

        en: the contract sued on
        zh: 起诉所依据的合同

        en: the contract's value (required), e.g. 100000
        zh: 合同金额（必填），例如 100000

        en: the court or mediator
        zh: 法院或调解机构

        en: the customer (id, name or initials)
        zh: 客户（编号、名称或首字母）

        en: the customer (required): id, name, part of a name or pinyin initials
        zh: 客户（必填）：编号、名称、部分名称或拼音首字母

        en: the customer acknowledged the debt, provably
        zh: 客户已确认债务，且有据可查

        en: the customer was right
        zh: 客户理由成立

        en: the customer was wrong
        zh: 客户理由不成立

        en: the customer's contract the deposit is held for
        zh: 押金所担保的客户合同

        en: the customer's invoice to pay
        zh: 客户要支付的发票

        en: the day (default today)
        zh: 日期（默认今天）

        en: the day fees are accrued to, YYYY-MM-DD (default: today, or the date pinned with 'set today')
        zh: 费用计至的日期，YYYY-MM-DD（默认：今天，或用“set today”固定的日期）

        en: the day it was raised (default today)
        zh: 提出日期（默认今天）

        en: the day it was received (default today)
        zh: 收到日期（默认今天）

        en: the day it was refunded (default today)
        zh: 退款日期（默认今天）

        en: the day of the application and of its payment (default today)
        zh: 冲抵及付款日期（默认今天）

        en: the day of the contact (default today)
        zh: 联系日期（默认今天）

        en: the day of the payment (default today)
        zh: 付款日期（默认今天）

        en: the day of the run, YYYY-MM-DD (default: today, or the date pinned with 'set today')
        zh: 运行日期，YYYY-MM-DD（默认：今天，或用“set today”固定的日期）

        en: the day of the step (default today)
        zh: 该步骤的日期（默认今天）

        en: the day of the waiver (default today)
        zh: 减免日期（默认今天）

        en: the day opened (default today)
        zh: 立案日期（默认今天）

        en: the day received (default today)
        zh: 收到日期（默认今天）

        en: the day resolved (default today)
        zh: 解决日期（默认今天）

        en: the day the demand or letter reached the customer
        zh: 催款函或信函送达客户的日期

        en: the day the money is promised by (required)
        zh: 承诺还款日期（必填）

        en: the day the money is promised by, e.g. --by 2026-12-04
        zh: 承诺还款日期，例如 --by 2026-12-04

        en: the day the promise was made (default today)
        zh: 作出承诺的日期（默认今天）

        en: the day to compute for, YYYY-MM-DD (default: today, or the date pinned with 'set today')
        zh: 计算日期，YYYY-MM-DD（默认：今天，或用“set today”固定的日期）

        en: the deadline to pay, in days after the run's day (default 7)
        zh: 付款期限，即运行日之后的天数（默认 7）

        en: the deposit ratio the contract itself states, e.g. 40% or 0.4 (overrides the policy)
        zh: 合同本身约定的预付比例，例如 40% 或 0.4（优先于策略）

        en: the dispute's id
        zh: 争议编号

        en: the dunning steps recorded: sent (with the document) or passed
        zh: 已记录的催收步骤：已发送（附文档）或已跳过

        en: the evidence kept: a ruling, a deregistration notice, ...
        zh: 留存的证据：判决书、注销公告等

        en: the extra amount paid toward principal
        zh: 额外偿还的本金

        en: the file has a header line and nothing else
        zh: 文件只有表头行，没有其他内容

        en: the file must be TOML, as 'policy export' writes it
        zh: 文件须为 TOML 格式，与“policy export”导出的一致

        en: the first installment's due date (default one period after the start)
        zh: 第一期到期日（默认为起始日后一期）

        en: the first operator must be the one adding it, as admin ('{}')
        zh: 第一个操作员必须是添加者本人，角色为 admin（“{}”）

        en: the folder for the documents (default: letters/YYYY-MM-DD under the current folder)
        zh: 文档存放的文件夹（默认：当前文件夹下的 letters/YYYY-MM-DD）

        en: the invoice disputed
        zh: 有争议的发票

        en: the invoices it concerns (default: every open invoice of the customer)
        zh: 涉及的发票（默认：该客户的所有未结发票）

        en: the invoices to restructure (default: all overdue and undisputed)
        zh: 要重组的发票（默认：所有逾期且无争议的发票）

        en: the journal is empty: nothing to checkpoint
        zh: 日志为空：无需创建检查点

        en: the new role
        zh: 新角色

        en: the new workspace file, or a postgres:// address
        zh: 新的工作区文件，或 postgres:// 地址

        en: the operator
        zh: 操作员

        en: the operator it is about
        zh: 被投诉的操作员

        en: the part disputed (default: the whole invoice)
        zh: 有争议的部分（默认：整张发票）

        en: the payment id (see payment unmatched)
        zh: 付款编号（见“payment unmatched”）

        en: the payment's id
        zh: 付款编号

        en: the payment's id (default: the next M00000001, ...)
        zh: 付款编号（默认：下一个可用编号，如 M00000001……）

        en: the payoff day (default today)
        zh: 结清日期（默认今天）

        en: the period runs from --from to --to, both included
        zh: 期间为 --from 至 --to，含首尾两日

        en: the person's name, e.g. 王芳 (required)
        zh: 姓名，例如“王芳”（必填）

        en: the plain text instead of the Markdown
        zh: 输出纯文本而非 Markdown

        en: the plan's id
        zh: 分期计划编号

        en: the plan's start: down payment and upfront fee fall due (default today)
        zh: 分期计划起始日：首付款和前期费用在该日到期（默认今天）

        en: the policy's dunning.ladder '{}' does not parse
        zh: 策略中的 dunning.ladder“{}”无法解析

        en: the policy's overdue.ladder '{}' does not parse
        zh: 策略中的 overdue.ladder“{}”无法解析

        en: the promise's id
        zh: 还款承诺编号

        en: the proof of delivery: a signature, waybill or message id
        zh: 送达证明：签收记录、运单号或消息编号

        en: the request's id, e.g. A000001
        zh: 申请编号，例如 A000001

        en: the saved scenarios and the open one, with their changes
        zh: 已保存的模拟方案和当前打开的方案，及其更改

        en: the scenario's name (default scenario-N); a saved scenario of that name is reopened
        zh: 模拟方案名称（默认 scenario-N）；若已保存同名方案，则重新打开它

        en: the service type (required): saas, consulting, hardware, maintenance or another
        zh: 服务类型（必填）：saas、consulting、hardware、maintenance 或其他

        en: the setting, e.g. aging.buckets
        zh: 设置项，例如 aging.buckets

        en: the target is not a workspace of this kind
        zh: 目标不是此类工作区

        en: the value (words are joined with spaces)
        zh: 值（多个词以空格连接）

        en: the workspace '{}' is damaged: it cannot be opened ({})
        zh: 工作区“{}”已损坏，无法打开（{}）

        en: the workspace is damaged: {}
        zh: 工作区已损坏：{}

        en: the workspace itself may be damaged: run 'workspace check'
        zh: 工作区本身可能已损坏：请运行“workspace check”

        en: the workspace's collections policy: every setting, its value and what it means
        zh: 工作区的催收策略：所有设置项、其值及含义

        en: the workspace's journal, newest first: who changed what, when
        zh: 工作区日志，最新的在前：谁在何时更改了什么

        en: the workspace's operators, their roles and what each role may do
        zh: 工作区的操作员、其角色及各角色的权限

        en: the write-off's id, e.g. W00000001
        zh: 核销编号，例如 W00000001

        en: the year's revenue for the small-amount basis
        zh: 用于小额依据的年度收入

        en: the year's revenue, for the small-amount tax basis
        zh: 年度收入，用于小额税前扣除依据

        en: this shell cannot create workspaces
        zh: 此 shell 无法创建工作区

        en: this shell cannot open other workspaces
        zh: 此 shell 无法打开其他工作区

        en: this workspace has no operators: nothing waits for approval
        zh: 此工作区没有操作员：没有待审批的事项

        en: thousands separators are not allowed
        zh: 不允许使用千位分隔符

        en: to-date (default: interest to the payoff day) or to-period-end
        zh: to-date（默认：利息计至结清日）或 to-period-end

        en: today's calls in priority order, with the reasons for each
        zh: 今天的催收电话，按优先级排列，并附各自原因

        en: total
        zh: 合计

        en: try again; RECOUP_LOCK_TIMEOUT=SECONDS waits longer for the lock
        zh: 请重试；设置 RECOUP_LOCK_TIMEOUT=SECONDS 可延长等待锁的时间

        en: turn a customer's overdue invoices into an installment plan on the books
        zh: 将客户的逾期发票转为分期付款计划并记账

        en: unallocated
        zh: 未分配

        en: undefined variable '{}'
        zh: 未定义的变量“{}”

        en: unknown channel '{}'
        zh: 未知渠道“{}”

        en: unknown command '{}'
        zh: 未知命令“{}”

        en: unknown option '{}' for '{}'
        zh: “{2}”没有选项“{1}”

        en: unknown reason '{}'
        zh: 未知原因“{}”

        en: unknown role '{}'
        zh: 未知角色“{}”

        en: unknown status '{}'
        zh: 未知状态“{}”

        en: unknown step '{}'
        zh: 未知步骤“{}”

        en: unterminated '${'
        zh: “${”未闭合

        en: unterminated {} quote
        zh: {} 引号未闭合

        en: upfront fee paid on the start date; a percentage is of the amount financed
        zh: 前期费用在起始日支付；若为百分比，则按分期金额计算

        en: upper bounds of the overdue buckets (default: the policy's aging.buckets, 30,60,90)
        zh: 逾期区间的上限（默认：策略中的 aging.buckets，30,60,90）

        en: usage: __complete --cursor-word N -- WORD...
        zh: 用法：__complete --cursor-word N -- WORD...

        en: usage: {} {}
        zh: 用法：{} {}

        en: use letters, digits and '_'
        zh: 请使用字母、数字和“_”

        en: use letters, digits and _
        zh: 请使用字母、数字和 _

        en: use the customer's id
        zh: 请使用客户编号

        en: use yyyy, M or MM, d or dd and separators, e.g. M/d/yyyy
        zh: 请使用 yyyy、M 或 MM、d 或 dd 及分隔符，例如 M/d/yyyy

        en: variable name
        zh: 变量名

        en: variable name: letters, digits and _
        zh: 变量名：字母、数字和 _

        en: void
        zh: 作废

        en: void a payment recorded by mistake (it stays listed, marked void)
        zh: 作废误录的付款（仍保留在列表中，标记为作废）

        en: voided by {} on {}: {}
        zh: 已由 {} 于 {} 作废：{}

        en: waive charged late fees of a customer or an invoice, with a reason
        zh: 减免客户或发票已计收的滞纳金，须说明原因

        en: waived {} of late fees on {} on {}
        zh: 已于 {3} 减免 {2} 的滞纳金 {1}

        en: what an early payment does to a plan: new schedule and interest saved (--commit records it)
        zh: 提前还款对分期计划的影响：新的还款计划表及节省的利息（--commit 记录此操作）

        en: what came of it, e.g. "promised Friday"
        zh: 联系结果，例如“承诺周五还款”

        en: what happened
        zh: 事件经过

        en: what the complaint is (required)
        zh: 投诉内容（必填）

        en: what the customer says
        zh: 客户的说法

        en: what the open scenario changes: balances per customer and in total
        zh: 当前模拟方案带来的变化：各客户及合计的余额

        en: what to look for; several words are searched as one text
        zh: 要查找的内容；多个词作为一个整体搜索

        en: whatif begin [NAME] opens one
        zh: whatif begin [NAME] 可打开一个模拟方案

        en: whatif begin with another name starts afresh; 'whatif list' shows its commands
        zh: 用另一个名称运行 whatif begin 可重新开始；“whatif list”会显示其命令

        en: whatif commit or whatif close first, then run it
        zh: 请先运行 whatif commit 或 whatif close，然后再运行

        en: whatif commit, whatif discard or whatif close first
        zh: 请先运行 whatif commit、whatif discard 或 whatif close

        en: where to write the checkpoint (required)
        zh: 检查点的写入位置（必填）

        en: who changed which policy setting, when, from what to what
        zh: 谁在何时将哪项策略设置从什么改为什么

        en: who was spoken to, e.g. 财务王经理
        zh: 沟通对象，例如“财务王经理”

        en: who you are in this workspace: your login, name and role
        zh: 您在此工作区中的身份：登录名、姓名和角色

        en: whole numbers from 1 to 1200, separated by commas
        zh: 1 到 1200 之间的整数，以逗号分隔

        en: why (required)
        zh: 原因（必填）

        en: why (required), e.g. "replaced by a plan"
        zh: 原因（必填），例如“已由分期计划替代”

        en: why (required), e.g. 债务人注销
        zh: 原因（必填），例如“债务人注销”

        en: why it is refunded (required), e.g. "contract ended"
        zh: 退款原因（必填），例如“合同终止”

        en: why it was a mistake (required)
        zh: 出错原因（必填）

        en: why the fee is waived (required)
        zh: 减免原因（必填）

        en: why, e.g. 超出减免政策 (required)
        zh: 原因，例如“超出减免政策”（必填）

        en: workspace '{}' can be read but not written ({}); nothing was written
        zh: 工作区“{}”可读但不可写（{}）；未写入任何内容

        en: workspace holds: {}: ok; journal: {} entries chained{}; {} customers, {} invoices, {} payments
        zh: 工作区完好：{}：正常；日志：{} 条记录链式校验通过{}；{} 个客户、{} 张发票、{} 笔付款

        en: write YYYY-MM-DD, or 'off' for the calendar
        zh: 请写成 YYYY-MM-DD，或用“off”恢复使用日历日期

        en: write YYYY-MM-DD, or 'off' to follow the workspace's date
        zh: 请写成 YYYY-MM-DD，或用“off”恢复使用工作区的日期

        en: write a consistent copy of the workspace to a new file while colleagues keep writing
        zh: 在同事继续写入的同时，将工作区的一致副本写入新文件

        en: write a deterministic synthetic portfolio as canonical CSV files
        zh: 生成确定性的模拟应收账款组合，保存为标准 CSV 文件

        en: write a fraction with a point, e.g. 0.0005 for 0.05 % a day or 0.3 for 30 %
        zh: 请写成带小数点的小数，例如 0.0005 表示每天 0.05 %，0.3 表示 30 %

        en: write a quote inside a quoted field as ""
        zh: 引号字段内的引号请写成 ""

        en: write amounts like 12345.67, 12,345.67 or ¥12,345.67
        zh: 金额请写成 12345.67、12,345.67 或 ¥12,345.67

        en: write amounts like 12345.67: digits, a point, at most two decimals
        zh: 金额请写成 12345.67 的形式：数字、小数点，最多两位小数

        en: write canonical=Foreign pairs separated by commas
        zh: 请写成以逗号分隔的 canonical=Foreign 对

        en: write customers, contracts, invoices or payments as canonical CSV
        zh: 将客户、合同、发票或付款导出为标准 CSV

        en: write dates as YYYY-MM-DD
        zh: 日期请写成 YYYY-MM-DD

        en: write months as YYYY-MM, e.g. 2024-05
        zh: 月份请写成 YYYY-MM，例如 2024-05

        en: write off (核销) an invoice, or a customer's open invoices, as bad debt
        zh: 将一张发票或某客户的未结发票作为坏账核销

        en: write the newest entry's number and hash, signed, to keep elsewhere
        zh: 写出最新记录的序号和哈希值并签名，以便另行保存

        en: write the policy as a TOML file (sections by the first part of each key)
        zh: 将策略导出为 TOML 文件（按各键名的第一段分节）

        en: write yes or no, true or false, 1 or 0
        zh: 请写 yes 或 no、true 或 false、1 或 0

        en: write-off {} was reversed already ({})
        zh: 核销 {} 已被撤销（{}）

        en: write-offs with their tax basis and what was recovered since
        zh: 核销记录及其税务依据，以及此后收回的金额

        en: wrote {} customers, {} contracts, {} invoices, {} payments to {}
        zh: 已将 {} 个客户、{} 份合同、{} 张发票、{} 笔付款写入 {}

        en: zh (催款函) or en (default: the policy's letters.language)
        zh: 催款函语言：zh 或 en（默认：策略中的 letters.language）

        en: {} '{}' already exists
        zh: {}“{}”已存在

        en: {} (single-user workspace: no operators yet; OS account {})
        zh: {}（单用户工作区：尚无操作员；操作系统账户 {}）

        en: {} ({}) may not assign customers: a lead or admin may
        zh: {}（{}）无权分配客户：须由组长或管理员分配

        en: {} ({}) may not run '{}': {} may
        zh: {}（{}）无权运行“{}”：仅 {} 可以

        en: {} ({}) may not {} {}, a {}{}: {} may
        zh: {}（{}）无权{} {}（{}{}）：仅 {} 可以

        en: {} ({}) may not {}: an admin may
        zh: {}（{}）无权{}：须由管理员操作

        en: {} asked for {} and cannot {} their own request
        zh: {} 提出了 {}，不能{}自己的申请

        en: {} dated {} has not happened yet (today is {})
        zh: {}（日期 {}）尚未发生（今天是 {}）

        en: {} is an auditor: auditors read and change nothing
        zh: {} 是审计员：审计员只能查看，不能更改

        en: {} is outside the calling hours {} (contact.hours)
        zh: {} 不在允许通话的时段 {} 内（contact.hours）

        en: {} is required
        zh: {} 为必填项

        en: {} is the last admin and cannot be removed
        zh: {} 是最后一名管理员，不能移除

        en: {} is the last admin: make another operator admin first
        zh: {} 是最后一名管理员：请先将另一名操作员设为 admin

        en: {} needs {}
        zh: {} 需要 {}

        en: {} was contacted on {} ({}, {}): contact.min_interval_days is {}; add --force REASON to log this one anyway
        zh: {} 已于 {} 联系过（{}，{}）：contact.min_interval_days 为 {}；如仍要记录本次联系，请加 --force REASON

        en: {} was last paid on {}: a write-off cannot be dated before the claim's last payment ({})
        zh: {} 最后一次付款在 {}：核销日期不能早于该债权的最后一次付款日（{}）

        en: {}, {} × {}, {}% a year
        zh: {}，{} × {}，年化 {}%

        en: {}: needs approval ({}); requested as {}, nothing changed yet
        zh: {}：需要审批（{}）；已提交申请 {}，尚未做任何更改

        en: {}: value of '{}' must be a string or a number
        zh: {}：“{}”的值必须是字符串或数字

        en: {}:{}: expected key = "value"
        zh: {}:{}：应为 key = "value" 格式

        en: {}:{}: unknown letterhead key '{}'
        zh: {}:{}：未知的信头键“{}”

        en: {}:{}:{}: template error: {}
        zh: {}:{}:{}：模板错误：{}
        """#
}
